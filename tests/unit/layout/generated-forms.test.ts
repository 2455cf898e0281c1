// The layout model over many generated form pages (fonts, label styles, box styles, ruled and
// unruled tables, side-by-side columns, running headers and footers), each against its truth.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { layoutDocument, type PageLayout } from '../../../main/core/layout';
import { generateForms, type FormTruth } from '../../support/form-pages';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

function check(page: PageLayout, truth: FormTruth, tables: ReturnType<typeof layoutDocument>['tables']): string[] {
  const problems: string[] = [];
  for (const f of truth.fields) {
    const got = page.fields.find((g) => g.label === f.label);
    if (!got || got.value !== f.value) problems.push(`field ${f.label} (${truth.labelStyle}): ${got ? JSON.stringify(got.value) : 'missing'} != ${JSON.stringify(f.value)}`);
  }
  for (const c of truth.checkboxes) {
    const got = page.checkboxes.find((g) => g.label === c.label && g.group?.replace(/:$/, '') === c.group);
    if (!got || got.checked !== c.checked) problems.push(`box ${c.group}/${c.label} (${c.style}): ${got ? got.checked : 'missing'} != ${c.checked}`);
  }
  for (const t of truth.tables) {
    const got = tables.find((g) => g.page === truth.page && g.columns.map((c) => c.label).join('|') === t.header.join('|'));
    const body = got?.rows.filter((r) => r.kind === 'body').map((r) => r.cells.map((c) => c.text));
    if (!got || JSON.stringify(body) !== JSON.stringify(t.rows)) problems.push(`table ${t.header.join('|')} (${t.ruled ? 'ruled' : 'unruled'}): ${got ? JSON.stringify(body) : 'missing ' + JSON.stringify(tables.filter((g) => g.page === truth.page).map((g) => g.columns.map((c) => c.label)))}`);
  }
  if (truth.columns) {
    const left = page.blocks.findIndex((b) => flat(b.text) === flat(truth.columns!.left));
    const right = page.blocks.findIndex((b) => flat(b.text) === flat(truth.columns!.right));
    if (left < 0 || right < 0 || left > right) problems.push(`columns: left ${left}, right ${right}`);
  }
  const furniture = page.furniture.map((f) => flat(f.text));
  if (!furniture.includes(flat(truth.header)) || !furniture.includes(flat(truth.footer))) problems.push(`furniture: ${JSON.stringify(furniture)}`);
  if (page.blocks.some((b) => b.text.includes('IEP Form 7B'))) problems.push('furniture read as body text');
  return problems;
}

describe('layout model on generated form pages', () => {
  for (const seed of [11, 23, 37, 41, 59, 61, 73, 89]) {
    it(`reads every field, box, table, column and furniture line of 6 pages (seed ${seed})`, async () => {
      const { pdf, pages: truth } = await generateForms(seed, 6);
      const { pages } = await readPdfText(new Uint8Array(pdf));
      const model = layoutDocument(pages);
      const problems = truth.flatMap((t) => check(model.pages[t.page - 1], t, model.tables).map((p) => `p${t.page} ${t.font}: ${p}`));
      expect(problems).toEqual([]);
    });
  }
});
