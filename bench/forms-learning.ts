// `npm run bench -- forms-learning`: what one correction teaches a form (issue 18). For each family
// size (2, 4, 8, 16 documents of one made-up form, tests/unit/forms/form-family.ts), the documents
// are imported into a real store, the first is corrected once per missed field (report date,
// marking window, the first goal row added by its box), each anchor is applied to the family, and
// the fields right on the other documents are counted (value and box, as the test scores them)
// before and after. Two forms: 'harbor' (goals in a table: side column, code column without a
// header) and 'lakeshore' (each goal a block of labelled lines).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCase } from '../main/core/cases';
import { openCore } from '../main/core/context';
import { applyAnchor, previewApply } from '../main/core/forms/service';
import { tempDir } from '../tests/support/core';
import { importAndExtract } from '../tests/support/import-doc';
import { correctEachMissedField, formDocument, scoreDocument, type FormDocTruth } from '../tests/unit/forms/form-family';

const SIZES = [2, 4, 8, 16];

async function run(family: 'harbor' | 'lakeshore', size: number) {
  let n = 0;
  const core = openCore({ dataDir: tempDir('bench-forms-'), newId: () => `b-${++n}` });
  try {
    const c = createCase(core, { name: `${family} ${size}` });
    const dir = tempDir('bench-forms-pdf-');
    const docs: Array<{ id: string; truth: FormDocTruth }> = [];
    for (let seed = 1; seed <= size; seed++) {
      const { pdf, truth } = await formDocument(family, seed);
      writeFileSync(path.join(dir, truth.fileName), pdf);
      docs.push({ id: await importAndExtract(core, c.id, dir, truth.fileName), truth });
    }
    const [first, ...rest] = docs;
    const score = () => rest.map((d) => scoreDocument(core, d.id, d.truth)).reduce((s, r) => ({ right: s.right + r.right, total: s.total + r.total }), { right: 0, total: 0 });
    const before = score();
    const t0 = performance.now();
    let learned = 0;
    for (const id of correctEachMissedField(core, first.id, first.truth)) {
      const preview = previewApply(core, { correctionId: id });
      if (!preview.anchor) continue;
      learned++;
      applyAnchor(core, preview.anchor.id);
    }
    const ms = performance.now() - t0;
    const after = score();
    return { family, size, before, after, learned, msPerDoc: ms / size };
  } finally {
    core.close();
  }
}

const rows: string[] = [];
for (const family of ['harbor', 'lakeshore'] as const) {
  for (const size of SIZES) {
    const r = await run(family, size);
    const pct = (x: { right: number; total: number }) => (x.total ? `${((100 * x.right) / x.total).toFixed(1)}%` : '-');
    rows.push(`| ${r.family} | ${r.size} | ${r.learned}/3 | ${r.before.right}/${r.before.total} (${pct(r.before)}) | ${r.after.right}/${r.after.total} (${pct(r.after)}) | ${r.msPerDoc.toFixed(0)} ms |`);
    console.error(rows.at(-1));
  }
}
console.log('| form | documents | anchors learned | fields right before (other documents) | after one correction per field | learn + preview + apply, per document |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(r);
