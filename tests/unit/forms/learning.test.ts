// Issue 18: one correction teaches the form. A progress-report form the readers do not know
// (tests/unit/forms/form-family.ts: unusual labels, goal text in a side column, a code column
// without a header) in several documents across two cases, and one document of another form; real
// PDFs through the real import, extraction and review on a real store.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/context';
import { createCase } from '../../../main/core/cases';
import { exportCaseArchive, importCaseArchive } from '../../../main/core/backup/archive';
import { applyAnchor, familyOfDocument, listFamilies, previewApply, undoAnchor } from '../../../main/core/forms/service';
import { fingerprintOf, layoutOf, likeness, FAMILY_THRESHOLD } from '../../../main/core/forms/fingerprint';
import { documentQueries, rowToPageContent } from '../../../main/core/db/queries/documents';
import { correct, getReview } from '../../../main/core/review/service';
import { resumePendingWork } from '../../../main/core/pipeline';
import { caseHistory } from '../../../main/core/history/history';
import { tempDir } from '../../support/core';
import { newCore } from './cores';
import { importAndExtract } from '../../support/import-doc';
import { correctEachMissedField, formDocument, scoreDocument, type FormDocTruth } from './form-family';

interface Doc {
  id: string;
  caseId: string;
  truth: FormDocTruth;
}

async function importForm(core: Core, caseId: string, family: 'harbor' | 'lakeshore', seed: number): Promise<Doc> {
  const dir = tempDir('forms-pdf-');
  const { pdf, truth } = await formDocument(family, seed);
  writeFileSync(path.join(dir, truth.fileName), pdf);
  return { id: await importAndExtract(core, caseId, dir, truth.fileName), caseId, truth };
}

/** Six Harbor Ridge reports over two cases and one Lakeshore report. */
async function scenario(core: Core) {
  const a = createCase(core, { name: 'Rivera' });
  const b = createCase(core, { name: 'Okafor' });
  const harbor: Doc[] = [];
  for (const seed of [1, 2, 3, 4]) harbor.push(await importForm(core, a.id, 'harbor', seed));
  for (const seed of [5, 6]) harbor.push(await importForm(core, b.id, 'harbor', seed));
  const other = await importForm(core, a.id, 'lakeshore', 1);
  return { a, b, harbor, other };
}

/** Every row the forms feature and the review keep about a set of documents, to compare states. */
function rowsOf(core: Core, ids: string[]) {
  const q = (sql: string) => ids.map((id) => core.db.prepare(sql).all(id));
  return {
    values: q('SELECT * FROM form_values WHERE document_id = ? ORDER BY id'),
    corrections: q('SELECT * FROM corrections WHERE document_id = ? ORDER BY id'),
    extractions: q('SELECT * FROM extractions WHERE document_id = ?'),
    reviews: ids.map((id) => getReview(core, id)),
  };
}

describe('form families', () => {
  it('copies of one form are alike above the threshold, two forms below it', async () => {
    const fp = async (family: 'harbor' | 'lakeshore', seed: number) => {
      const core = newCore();
      const c = createCase(core, { name: 'x' });
      const d = await importForm(core, c.id, family, seed);
      return fingerprintOf(layoutOf(documentQueries(core.db).pages(d.id).map(rowToPageContent)));
    };
    const harbor = await Promise.all([1, 2, 3, 4, 5].map((s) => fp('harbor', s)));
    const lake = await Promise.all([1, 2, 3].map((s) => fp('lakeshore', s)));
    const within: number[] = [];
    const across: number[] = [];
    for (let i = 0; i < harbor.length; i++) for (let j = i + 1; j < harbor.length; j++) within.push(likeness(harbor[i], harbor[j]));
    for (let i = 0; i < lake.length; i++) for (let j = i + 1; j < lake.length; j++) within.push(likeness(lake[i], lake[j]));
    for (const h of harbor) for (const l of lake) across.push(likeness(h, l));
    expect(Math.min(...within)).toBeGreaterThanOrEqual(FAMILY_THRESHOLD + 0.1);
    expect(Math.max(...across)).toBeLessThanOrEqual(FAMILY_THRESHOLD - 0.1);
  });

  it('files documents of one form in one family across cases, named from its title', async () => {
    const core = newCore();
    const { a, harbor, other } = await scenario(core);
    const fam = familyOfDocument(core, harbor[0].id)!;
    expect(fam.documentCount).toBe(6);
    expect(fam.caseCount).toBe(2);
    expect(fam.name).toMatch(/^HARBOR RIDGE UNIFIED SCHOOLS/);
    expect(familyOfDocument(core, other.id)!.id).not.toBe(fam.id);
    // A document alone is not listed as a form.
    expect(listFamilies(core, a.id).map((f) => f.documentCount)).toEqual([6]);

    // Documents extracted before families existed are filed by the start-up's resume.
    core.db.prepare('DELETE FROM form_fingerprints').run();
    expect(familyOfDocument(core, harbor[2].id)).toBeNull();
    await resumePendingWork(core);
    expect(familyOfDocument(core, harbor[2].id)!.documentCount).toBe(6);
    expect(familyOfDocument(core, other.id)!.documentCount).toBe(1);
  });
});

describe('one correction teaches the form', () => {
  it('fills at least 90% of the missed fields, with their boxes, on the family\'s other documents and nothing on another form', async () => {
    const core = newCore();
    const { b, harbor, other } = await scenario(core);
    const [first, ...rest] = harbor;
    const before = rest.map((d) => scoreDocument(core, d.id, d.truth));
    // The readers do not know this form: nearly nothing is right before the correction.
    expect(before.reduce((s, r) => s + r.right, 0)).toBe(0);
    const otherBefore = rowsOf(core, [other.id]);

    const correctionIds = correctEachMissedField(core, first.id, first.truth);
    let filledHere = 0;
    for (const id of correctionIds) {
      const preview = previewApply(core, { correctionId: id });
      expect(preview.anchor).not.toBeNull();
      expect(preview.otherDocuments).toBe(5);
      expect(preview.items.every((i) => i.documentId !== other.id)).toBe(true);
      const applied = applyAnchor(core, preview.anchor!.id);
      // The other documents' count is the preview's; the corrected one's other rows are counted apart.
      const fills = preview.items.filter((i) => i.action === 'fill');
      const elsewhere = fills.filter((i) => i.documentId !== first.id);
      expect([applied.otherDocumentsFilled, applied.otherValuesFilled]).toEqual([new Set(elsewhere.map((i) => i.documentId)).size, elsewhere.length]);
      expect([applied.documentsFilled - applied.otherDocumentsFilled, applied.valuesFilled - applied.otherValuesFilled]).toEqual([fills.length > elsewhere.length ? 1 : 0, fills.length - elsewhere.length]);
      filledHere += applied.valuesFilled - applied.otherValuesFilled;
    }
    // The rows anchor filled the corrected document's other rows too: the totals count them, the others' counts do not.
    expect(filledHere).toBe(first.truth.entries.length - 1);
    const after = rest.map((d) => scoreDocument(core, d.id, d.truth));
    const right = after.reduce((s, r) => s + r.right, 0);
    const total = after.reduce((s, r) => s + r.total, 0);
    expect(right / total, JSON.stringify(after.map((a) => a.wrong))).toBeGreaterThanOrEqual(0.9);

    // Marked as learned, from the corrected document and its page.
    const learned = getReview(core, rest[0].id).learned ?? [];
    expect(learned.map((l) => l.field).sort()).toContain('reportDate');
    expect(learned.every((l) => l.learnedFrom.documentFileName === first.truth.fileName && l.learnedFrom.page === 1)).toBe(true);
    // The other form's document is exactly as it was.
    expect(rowsOf(core, [other.id])).toEqual(otherBefore);
    // The other case's history says what was filled there and from where.
    const line = caseHistory(core, b.id).find((h) => h.description.startsWith('Filled 2 document(s) from the correction learned on'));
    expect(line?.description).toContain(first.truth.fileName);
    // The family lists its three anchors with the documents each filled.
    const fam = familyOfDocument(core, first.id)!;
    expect(fam.anchors.map((x) => [x.field, x.documentsFilled, x.applied]).sort()).toEqual([
      ['*', 6, true],
      ['periodLabel', 5, true],
      ['reportDate', 5, true],
    ]);
  });

  it('learns a form whose goals are repeated blocks of labelled lines, not a table', async () => {
    const core = newCore();
    const c = createCase(core, { name: 'Lakeshore' });
    const docs: Doc[] = [];
    for (const seed of [1, 2, 3, 4]) docs.push(await importForm(core, c.id, 'lakeshore', seed));
    const [first, ...rest] = docs;
    const ids = correctEachMissedField(core, first.id, first.truth);
    const rows = previewApply(core, { correctionId: ids[2] });
    expect(rows.anchor?.description).toBe('records: goalLabel after "Objective", code after "Rating", comment after "Notes"');
    for (const id of ids) applyAnchor(core, previewApply(core, { correctionId: id }).anchor!.id);
    const after = rest.map((d) => scoreDocument(core, d.id, d.truth));
    const right = after.reduce((n, r) => n + r.right, 0);
    const total = after.reduce((n, r) => n + r.total, 0);
    expect(right / total, JSON.stringify(after.map((a) => a.wrong))).toBeGreaterThanOrEqual(0.9);
  });

  it('never touches a value the user confirmed or edited, and undo restores the rows exactly', async () => {
    const core = newCore();
    const { harbor } = await scenario(core);
    const [first, second, third] = harbor;
    correct(core, { documentId: second.id, entity: 'progress_report', entityKey: 'report', field: 'periodLabel', value: 'Fall window (typed by me)', status: 'edited' });
    correct(core, { documentId: third.id, entity: 'progress_report', entityKey: 'report', field: 'reportDate', value: null, status: 'confirmed' });
    const ids = harbor.map((d) => d.id);
    const [dateFix, windowFix, rowFix] = correctEachMissedField(core, first.id, first.truth);
    const beforeApply = rowsOf(core, ids);

    const windowPreview = previewApply(core, { correctionId: windowFix });
    expect(windowPreview.items.find((i) => i.documentId === second.id)?.action).toBe('kept');
    const datePreview = previewApply(core, { correctionId: dateFix });
    expect(datePreview.items.find((i) => i.documentId === third.id)?.action).toBe('kept');
    for (const p of [windowPreview, datePreview, previewApply(core, { correctionId: rowFix })]) applyAnchor(core, p.anchor!.id);
    expect(getReview(core, second.id).corrected?.progressReport?.periodLabel).toBe('Fall window (typed by me)');
    expect(getReview(core, third.id).corrected?.progressReport?.reportDate).toBeNull();
    expect(getReview(core, third.id).corrected?.progressReport?.periodLabel).toBe(third.truth.periodLabel);

    expect(rowsOf(core, ids).values.flat().length).toBeGreaterThan(0);
    // Undo of every anchor: the rows are exactly those before applying.
    const undoAll = () => {
      for (const anchor of familyOfDocument(core, first.id)!.anchors) undoAnchor(core, anchor.id);
    };
    undoAll();
    expect(rowsOf(core, ids)).toEqual(beforeApply);
    expect(familyOfDocument(core, first.id)!.anchors).toEqual([]);

    // A learned value the user confirmed is theirs: an undo afterwards leaves it.
    const again = previewApply(core, { correctionId: dateFix });
    expect(again.anchor).not.toBeNull();
    applyAnchor(core, again.anchor!.id);
    const fourth = harbor[3];
    expect(getReview(core, fourth.id).corrected?.progressReport?.reportDate).toBe(fourth.truth.reportDate);
    correct(core, { documentId: fourth.id, entity: 'progress_report', entityKey: 'report', field: 'reportDate', value: fourth.truth.reportDate, status: 'confirmed' });
    undoAll();
    expect(getReview(core, fourth.id).corrected?.progressReport?.reportDate).toBe(fourth.truth.reportDate);
    expect(getReview(core, fourth.id).learned).toBeUndefined();
  });

  it('a code marked once on one row of the table is read on every row of every copy', async () => {
    const core = newCore();
    const { harbor } = await scenario(core);
    const [first, ...rest] = harbor;
    // The first row added without its code: the rows come, their codes do not.
    const rowFix = correctEachMissedField(core, first.id, first.truth, { rowCode: false })[2];
    const rows = previewApply(core, { correctionId: rowFix });
    applyAnchor(core, rows.anchor!.id);
    const codes = () => rest.flatMap((d) => d.truth.entries.map((t) => getReview(core, d.id).corrected?.progressReport?.entries.find((e) => e.goalLabel === t.goalLabel)?.code === t.code));
    expect(codes().filter(Boolean)).toEqual([]);
    // "This is the progress code": typed on the second row of the corrected document.
    const second = getReview(core, first.id).corrected!.progressReport!.entries.find((e) => e.goalLabel === first.truth.entries[1].goalLabel)!;
    const marked = correct(core, { documentId: first.id, entity: 'progress_entry', entityKey: second.key, field: 'code', value: first.truth.entries[1].code, status: 'edited' });
    const preview = previewApply(core, { correctionId: marked.corrections.at(-1)!.id });
    expect(preview.anchor?.description).toBe('column without a header, left of "Remarks"');
    expect(preview.items.find((i) => i.documentId === first.id && i.entityKey === second.key)?.action).toBe('kept');
    applyAnchor(core, preview.anchor!.id);
    const right = codes();
    expect(right.filter(Boolean).length / right.length).toBeGreaterThanOrEqual(0.9);
    // Its boxes are the codes' own.
    const learned = getReview(core, rest[0].id).learned!.filter((l) => l.field === 'code');
    expect(learned.length).toBe(rest[0].truth.entries.length);
    for (const l of learned) expect(l.bbox![2] - l.bbox![0]).toBeLessThan(30);
  });

  it('a document of the family imported afterwards is filled; an anchor only proposed is not run on it', async () => {
    const core = newCore();
    const { a, harbor } = await scenario(core);
    const [first] = harbor;
    const [dateFix, windowFix, rowFix] = correctEachMissedField(core, first.id, first.truth);
    for (const id of [dateFix, rowFix]) applyAnchor(core, previewApply(core, { correctionId: id }).anchor!.id);
    expect(previewApply(core, { correctionId: windowFix }).anchor?.applied).toBe(false);
    const late = await importForm(core, a.id, 'harbor', 9);
    const pr = getReview(core, late.id).corrected?.progressReport;
    expect(pr?.reportDate).toBe(late.truth.reportDate);
    expect(pr?.periodLabel).toBeNull();
    expect(pr?.entries.map((e) => [e.goalLabel, e.code, e.comment])).toEqual(late.truth.entries.map((e) => [e.goalLabel, e.code, e.comment]));
  });

  it('the case archive carries the families, anchors and learned values', async () => {
    const core = newCore();
    const { a, b, harbor } = await scenario(core);
    for (const id of correctEachMissedField(core, harbor[0].id, harbor[0].truth)) applyAnchor(core, previewApply(core, { correctionId: id }).anchor!.id);
    const file = path.join(tempDir('forms-archive-'), 'rivera.casefile');
    exportCaseArchive(core, a.id, file, 'correct horse battery staple');
    const fileB = path.join(tempDir('forms-archive-'), 'okafor.casefile');
    exportCaseArchive(core, b.id, fileB, 'correct horse battery staple');
    const anchorsThere = familyOfDocument(core, harbor[1].id)!.anchors.map((x) => ({ id: x.id, description: x.description }));
    const reviewThere = getReview(core, harbor[1].id);

    const target = newCore('moved');
    importCaseArchive(target, file, 'correct horse battery staple');
    const fam = familyOfDocument(target, harbor[1].id)!;
    expect(fam.anchors.map((x) => ({ id: x.id, description: x.description }))).toEqual(anchorsThere);
    expect(fam.documentCount).toBe(4);
    expect(getReview(target, harbor[1].id)).toEqual(reviewThere);
    // The second case of the family, moved too, joins the family and anchors already there.
    importCaseArchive(target, fileB, 'correct horse battery staple');
    const both = familyOfDocument(target, harbor[5].id)!;
    expect([both.id, both.documentCount, both.caseCount, both.anchors.length]).toEqual([fam.id, 6, 2, 3]);
    expect(getReview(target, harbor[5].id).corrected?.progressReport?.reportDate).toBe(harbor[5].truth.reportDate);
    // The anchors still run there: a new copy of the form in the moved case is filled.
    const late = await importForm(target, a.id, 'harbor', 9);
    expect(getReview(target, late.id).corrected?.progressReport?.reportDate).toBe(late.truth.reportDate);
  });
});
