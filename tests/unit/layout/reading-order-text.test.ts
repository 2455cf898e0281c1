// The text a page is stored and searched as is in reading order: two columns set side by side are
// read one after the other, a form's label column and value column give each label with its own
// (wrapped) value, and a search snippet shows words that were printed together, not a row across
// both columns. Pages built here with pdfkit, imported into a real core.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { documentQueries, rowToPageContent } from '../../../main/core/db/queries/documents';
import { importOne } from '../../../main/core/documents/import';
import { readPdfText, wordsToText } from '../../../main/core/documents/pdf-text';
import { refreshStaleLayouts, staleLayoutDocuments } from '../../../main/core/documents/relayout';
import { pageText } from '../../../main/core/layout';
import { LAYOUT_VERSION } from '../../../main/core/layout/types';
import { HIT_END, HIT_START, search } from '../../../main/core/search/service';
import { testCore } from '../../support/core';
import { pdfkitPdf } from '../../support/form-pages';

const LEFT = 'Present levels show that Robin reads short passages slowly and guesses at longer words when no picture helps.';
const RIGHT = 'The team agreed that weekly small group phonics lessons and a timed reading log will continue through spring.';

/** Two paragraphs side by side, each wrapped in its own 220 pt column, under a full-width title. */
const twoColumns = () =>
  pdfkitPdf((doc) => {
    doc.font('Helvetica-Bold').fontSize(12).text('Reading Progress Summary', 60, 60, { lineBreak: false });
    doc.font('Helvetica').fontSize(10);
    doc.text(LEFT, 60, 100, { width: 220 });
    doc.text(RIGHT, 320, 100, { width: 220 });
  });

const FIELDS: Array<[string, string]> = [
  ['Student', 'Robin Vale'],
  ['Strengths', 'Robin asks for help when a task is unclear and finishes written work carefully and on time.'],
  ['Needs', 'Decoding multisyllable words and reading fluently at grade level.'],
  ['Placement', 'General education with resource support'],
];

/** A label column at x 60 and a value column at x 180; long values wrap within the value column. */
const labelValueForm = () =>
  pdfkitPdf((doc) => {
    let y = 80;
    for (const [label, value] of FIELDS) {
      doc.font('Helvetica-Bold').fontSize(10).text(label, 60, y, { lineBreak: false });
      doc.font('Helvetica').fontSize(10).text(value, 180, y, { width: 230 });
      y = doc.y + 10;
    }
  });

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

async function importPdf(core: Core, caseId: string, fileName: string, bytes: Uint8Array): Promise<string> {
  const [r] = await importOne(core, caseId, { fileName, source: fileName, read: () => bytes });
  expect(r.documentId, r.message ?? '').toBeTruthy();
  return r.documentId!;
}

describe('page text in reading order', () => {
  it('reads two side-by-side columns one after the other, each paragraph whole', async () => {
    const { pages } = await readPdfText(new Uint8Array(await twoColumns()), undefined, false, { readingOrder: true });
    const [page] = pages;
    // Row order runs across the gutter; the stored text does not.
    expect(oneLine(wordsToText(page.words))).not.toContain(oneLine(LEFT));
    const text = page.text.split('\n');
    expect(text[0]).toBe('Reading Progress Summary');
    expect(oneLine(page.text)).toBe(oneLine(['Reading Progress Summary', LEFT, RIGHT].join(' ')));
    expect(pageText(page)).toBe(page.text);
  });

  it('gives each label of a label column with its own value, wrapped lines kept together', async () => {
    const { pages } = await readPdfText(new Uint8Array(await labelValueForm()), undefined, false, { readingOrder: true });
    const text = oneLine(pages[0].text);
    for (const [label, value] of FIELDS) expect(text).toContain(`${label} ${value}`);
    expect(text).toBe(oneLine(FIELDS.map(([l, v]) => `${l} ${v}`).join(' ')));
  });

  it('indexes and snippets the reading-order text', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Reading order' });
    const cols = await importPdf(core, c.id, 'summary.pdf', new Uint8Array(await twoColumns()));
    const form = await importPdf(core, c.id, 'form.pdf', new Uint8Array(await labelValueForm()));
    const stored = documentQueries(core.db).pages(cols)[0].text;
    expect(oneLine(stored)).toContain(oneLine(LEFT));

    // A phrase wrapped inside the left column (a row across the gutter splits it) is found and shown whole.
    const [hit] = search(core, { query: '"reads short passages slowly"', caseId: c.id }).hits;
    expect(hit.documentId).toBe(cols);
    const plain = oneLine(hit.snippet.replaceAll(HIT_START, '').replaceAll(HIT_END, ''));
    // The snippet is a stretch of the columns read one after the other, never a row across both.
    expect(oneLine(`Reading Progress Summary ${LEFT} ${RIGHT}`)).toContain(plain.replace(/^…|…$/g, '').trim());
    expect(plain).toContain('reads short passages slowly');

    const [field] = search(core, { query: '"multisyllable words"', caseId: c.id }).hits;
    expect(field.documentId).toBe(form);
    expect(oneLine(field.snippet.replaceAll(HIT_START, '').replaceAll(HIT_END, ''))).toContain('Needs Decoding multisyllable words and reading fluently at grade level');
  });
});

describe('stored pages read again', () => {
  it('sets the text of a page an older layout stored in row order in reading order, and indexes it', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Upgrade' });
    const id = await importPdf(core, c.id, 'summary.pdf', new Uint8Array(await twoColumns()));
    const q = documentQueries(core.db);
    // As a version-3 reading stored it: rows across both columns.
    const [page] = q.pages(id).map(rowToPageContent);
    core.db.transaction(() => q.putPages(id, [{ ...page, text: wordsToText(page.words), layoutVersion: 3 }]))();
    expect(search(core, { query: '"reads short passages slowly"', caseId: c.id }).hits).toEqual([]);
    expect(staleLayoutDocuments(core)).toEqual([id]);

    expect(await refreshStaleLayouts(core, () => {})).toBe(1);
    const [after] = q.pages(id).map(rowToPageContent);
    expect(after.words).toEqual(page.words);
    expect(after.layoutVersion).toBe(LAYOUT_VERSION);
    expect(oneLine(after.text)).toBe(oneLine(['Reading Progress Summary', LEFT, RIGHT].join(' ')));
    expect(search(core, { query: '"reads short passages slowly"', caseId: c.id }).hits.map((h) => h.documentId)).toEqual([id]);
  });
});

