// Form families and learned anchors (issue 18): the calls of shared/api/forms.ts, the hook that files
// each extracted document in its family and runs the family's anchors on it, the hook that learns an
// anchor from a correction, and the learned values the review screen and the case model read.
import type { AnchorShape, FormAnchorDto, FormApplyResultDto, FormFamilyDto, FormPreviewDto, FormPreviewItem } from '../../../shared/api/forms';
import type { CorrectionDto, EntityKind } from '../../../shared/api/review';
import type { BBox, ExtractionResult } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { findDates } from '../../../shared/text/dates';
import type { Core } from '../context';
import { documentQueries, rowToPageContent } from '../db/queries/documents';
import type { PageLayout } from '../layout';
import { applyCorrections, documentCorrections } from '../review/corrections';
import { documentOfCorrection, extractionJson } from '../review/queries';
import { recordHistory } from '../history/history';
import { learnColumn, learnField, readColumn, readField, shapeOf, type AnchorSpec, type ReadValue } from './anchors';
import { learnCheckbox, readCheckbox } from './checkbox';
import { learnRows, readRecords, readRows } from './rows';
import { entitiesOf, fillValues } from './learned';

export { learnedOfDocument, withLearned } from './learned';
import { FAMILY_THRESHOLD, FINGERPRINT_PAGES, familyName, fingerprintOf, layoutOf, likeness } from './fingerprint';
import { formQueries, type AnchorRow, type FingerprintRow, type ValueRow } from './queries';

/** Header fields (one per document) a field anchor can fill; list entities are filled by rows anchors. */
const FIELD_ENTITIES: EntityKind[] = ['iep', 'progress_report'];
const ROW_ENTITIES: EntityKind[] = ['goal', 'service', 'progress_entry', 'test_score', 'service_summary'];

function layoutOfDocument(core: Core, documentId: string, pageLimit?: number): PageLayout[] {
  const pages = documentQueries(core.db).pages(documentId).map(rowToPageContent);
  return layoutOf(pageLimit ? pages.slice(0, pageLimit) : pages);
}

/**
 * Files a document in the family whose documents its fingerprint is most like (the mean likeness over
 * up to 12 of them reaching FAMILY_THRESHOLD), or in a new family named from its title.
 */
export function assignFamily(core: Core, documentId: string, layout: PageLayout[] = layoutOfDocument(core, documentId, FINGERPRINT_PAGES)): string {
  const q = formQueries(core.db);
  const tokens = fingerprintOf(layout);
  const byFamily = new Map<string, FingerprintRow[]>();
  for (const f of q.fingerprints()) if (f.documentId !== documentId) byFamily.set(f.familyId, [...(byFamily.get(f.familyId) ?? []), f]);
  let best: { id: string; score: number } | null = null;
  for (const [id, members] of byFamily) {
    const sample = members.slice(0, 12);
    const score = sample.reduce((s, m) => s + likeness(tokens, m.tokens), 0) / sample.length;
    if (score >= FAMILY_THRESHOLD && (!best || score > best.score)) best = { id, score };
  }
  let familyId = best?.id;
  if (!familyId) {
    const current = q.familyOfDocument(documentId);
    // Re-read, no longer like any family: it keeps a family of its own (a new one unless it was alone).
    const alone = current && !byFamily.has(current);
    familyId = alone ? current : core.newId();
    if (!alone) q.insertFamily(familyId, familyName(layout), core.nowIso());
  }
  q.putFingerprint(documentId, familyId, tokens, core.nowIso());
  return familyId;
}

/** A test of whether a masked line is printed on the family's other documents (four in five of them). */
function staticTest(core: Core, familyId: string, exceptDocument: string): (masked: string) => boolean {
  const others = formQueries(core.db).fingerprints().filter((f) => f.familyId === familyId && f.documentId !== exceptDocument);
  if (!others.length) return () => true;
  const counts = new Map<string, number>();
  for (const o of others) for (const t of o.tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const need = Math.max(1, Math.ceil(others.length * 0.8));
  return (m) => (counts.get(m) ?? 0) >= need;
}

function sourceOf(value: unknown): { page: number | null; bbox: BBox | null } {
  const s = (value as { source?: { page?: unknown; bbox?: unknown } } | null)?.source;
  const page = typeof s?.page === 'number' ? s.page : null;
  const bbox = Array.isArray(s?.bbox) && s.bbox.length === 4 ? (s.bbox as BBox) : null;
  return { page, bbox };
}

/** Where the user marked a value on its page ("Mark on page"): PDF points, top-left. */
export interface MarkedSource {
  page: number;
  bbox: BBox;
}

/**
 * Learns an anchor from a correction (a value edited on a header field, or an entity added by its
 * box) and stores it with the family of its document. A value the user marked on the page (`marked`)
 * is learned at that box, not looked for by its text (the same date may be printed twice). A
 * correction corrected again replaces the anchor learned from it, unless that one was applied
 * already. Returns null when nothing was learned.
 */
export function learnFromCorrection(core: Core, c: CorrectionDto, marked?: MarkedSource): AnchorRow | null {
  if (c.value === null || c.value === undefined) return null;
  const isField = c.status === 'edited' && FIELD_ENTITIES.includes(c.entity) && c.field !== '*';
  const isRows = c.status === 'added' && ROW_ENTITIES.includes(c.entity) && typeof c.value === 'object';
  const isColumn = c.status === 'edited' && ROW_ENTITIES.includes(c.entity) && c.field !== '*' && (typeof c.value === 'string' || typeof c.value === 'number');
  if (!isField && !isRows && !isColumn) return null;
  const doc = documentQueries(core.db).get(c.documentId);
  if (!doc) return null;
  const q = formQueries(core.db);
  const { page, bbox } = sourceOf(c.value);
  // A column: the row is the entity's box as the document shows it without this correction.
  let row: { page: number; bbox: BBox } | null = null;
  if (isColumn) {
    const json = extractionJson(core.db, c.documentId);
    if (!json) return null;
    const shown = applyCorrections(fillValues(JSON.parse(json) as ExtractionResult, q.valuesOfDocument(c.documentId)), documentCorrections(core, c.documentId).filter((x) => x.id !== c.id));
    const source = (entitiesOf(shown, c.entity).find((e) => e.key === c.entityKey)?.source ?? null) as { page: number; bbox: BBox | null } | null;
    if (!source?.bbox) return null;
    row = { page: source.page, bbox: source.bbox };
  }
  // Only the pages the value can be on are laid out: a correction answers at once on a long document.
  const pages = documentQueries(core.db).pages(c.documentId).map(rowToPageContent);
  const onPages = isField ? pages.filter((p) => (marked ? p.pageNumber === marked.page : mayHold(p.text, c.value))).slice(0, 3) : pages.filter((p) => p.pageNumber === (row?.page ?? page ?? 1));
  if (!onPages.length) return null;
  const layout = layoutOf(onPages);
  const familyId = q.familyOfDocument(c.documentId) ?? assignFamily(core, c.documentId);
  const isStatic = staticTest(core, familyId, c.documentId);
  let spec: AnchorSpec;
  let shape: AnchorShape;
  let description: string;
  if (isField) {
    // A value that is the label of a ticked box (or a box marked) is read from the boxes; else beside its label.
    const box = learnCheckbox({ layout, entityKey: c.entityKey, value: c.value, page: marked?.page ?? null, bbox: marked?.bbox ?? null });
    const r = box ? { ...box, shape: box.spec.mode === 'state' ? ('text' as const) : shapeOf(c.value) } : learnField({ layout, entityKey: c.entityKey, field: c.field, value: c.value, page: marked?.page ?? null, bbox: marked?.bbox ?? null, isStatic });
    if (!r) return null;
    ({ spec, shape, description } = r);
  } else if (row) {
    const r = learnColumn({ layout, value: c.value, row, marked: marked?.page === row.page ? marked.bbox : null, isStatic });
    if (!r) return null;
    ({ spec, shape, description } = r);
  } else {
    const r = learnRows({ layout, entityKey: c.entityKey, value: c.value as Record<string, unknown>, page, bbox, isStatic });
    if (!r) return null;
    ({ spec, description } = r);
    shape = 'text';
  }
  const previous = q.anchorOfCorrection(c.id);
  if (previous && !previous.applied) q.deleteAnchor(previous.id);
  const anchor: AnchorRow = {
    id: core.newId(),
    familyId,
    entity: c.entity,
    field: isRows ? '*' : c.field,
    shape,
    description,
    spec,
    enabled: true,
    applied: false,
    correctionId: c.id,
    sourceDocumentId: c.documentId,
    sourceFileName: doc.file_name,
    sourcePage: spec.page,
    createdAt: core.nowIso(),
  };
  q.insertAnchor(anchor);
  return anchor;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a page's text may print a value: a date in any form, anything else by its letters and figures. */
function mayHold(text: string, value: unknown): boolean {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return findDates(text).some((d) => d.iso === value);
  const want = squash(String(value));
  return want.length > 0 && squash(text).includes(want);
}

const sameText = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase().replace(/\W+/g, '') === b.toLowerCase().replace(/\W+/g, '');

/** What an anchor reads on one document, and whether each value would be filled or kept. */
function readOn(core: Core, anchor: AnchorRow, documentId: string, layout: PageLayout[] = layoutOfDocument(core, documentId)): Array<Omit<ValueRow, 'id'> & { action: 'fill' | 'kept' }> {
  const spec = anchor.spec as AnchorSpec;
  const own = documentCorrections(core, documentId);
  const json = extractionJson(core.db, documentId);
  // What the document shows without this anchor: extraction, the other anchors' values, the user's corrections.
  const base = json ? applyCorrections(fillValues(JSON.parse(json) as ExtractionResult, formQueries(core.db).valuesOfDocument(documentId).filter((v) => v.anchorId !== anchor.id)), own) : null;
  if (spec.kind === 'field' || spec.kind === 'checkbox') {
    const r: ReadValue | null = spec.kind === 'field' ? readField(layout, spec, anchor.shape as AnchorShape) : readCheckbox(layout, spec);
    if (!r) return [];
    const kept = own.some((c) => c.entity === anchor.entity && c.entityKey === spec.entityKey && c.field === anchor.field && (c.status === 'confirmed' || c.status === 'edited'));
    return [{ anchorId: anchor.id, documentId, entity: anchor.entity, entityKey: spec.entityKey, field: anchor.field, value: r.value, page: r.page, bbox: r.bbox, action: kept ? 'kept' : 'fill' }];
  }
  if (spec.kind === 'column') {
    // Every row the document has before corrections (read, or filled by another anchor), at its box.
    const rows = json ? entitiesOf(fillValues(JSON.parse(json) as ExtractionResult, formQueries(core.db).valuesOfDocument(documentId).filter((v) => v.anchorId !== anchor.id)), anchor.entity) : [];
    return rows.flatMap((e) => {
      const src = e.source as { page: number; bbox: BBox | null } | undefined;
      if (!src?.bbox) return [];
      const r = readColumn(layout, spec, anchor.shape as AnchorShape, { page: src.page, bbox: src.bbox });
      if (!r) return [];
      const kept = own.some((c) => c.entity === anchor.entity && c.entityKey === e.key && c.field === anchor.field && (c.status === 'confirmed' || c.status === 'edited'));
      return [{ anchorId: anchor.id, documentId, entity: anchor.entity, entityKey: e.key, field: anchor.field, value: r.value, page: r.page, bbox: r.bbox, action: kept ? ('kept' as const) : ('fill' as const) }];
    });
  }
  const existing = entitiesOf(base, anchor.entity);
  const first = spec.kind === 'rows' ? spec.columns[0].field : spec.fields[0].field;
  const legend = base?.progressReport?.legend ?? {};
  return (spec.kind === 'rows' ? readRows(layout, spec) : readRecords(layout, spec))
    .filter((r) => !existing.some((e) => sameText(e[first], (r.value as Record<string, unknown>)[first])))
    .map((r) => {
      const value: Record<string, unknown> = { ...(r.value as Record<string, unknown>), source: { documentId, page: r.page, bbox: r.bbox } };
      if (anchor.entity === 'progress_entry' && 'code' in value) value.codeText = typeof value.code === 'string' ? (legend[value.code] ?? null) : null;
      return { anchorId: anchor.id, documentId, entity: anchor.entity, entityKey: `learned-${anchor.id}-${(r.row ?? 0) + 1}`, field: '*', value, page: r.page, bbox: r.bbox, action: 'fill' as const };
    });
}

/** The documents an anchor applies to: its family's, but the one it was learned on (rows and columns: that one too, for its other rows). */
function targets(core: Core, anchor: AnchorRow): FingerprintRow[] {
  return formQueries(core.db)
    .fingerprints()
    .filter((f) => f.familyId === anchor.familyId && (f.documentId !== anchor.sourceDocumentId || ROW_ENTITIES.includes(anchor.entity)));
}

function anchorDto(core: Core, a: AnchorRow): FormAnchorDto {
  return {
    id: a.id,
    familyId: a.familyId,
    entity: a.entity,
    field: a.field,
    description: a.description,
    shape: a.shape as AnchorShape,
    enabled: a.enabled,
    applied: a.applied,
    createdAt: a.createdAt,
    from: { correctionId: a.correctionId, documentId: a.sourceDocumentId, fileName: a.sourceFileName, page: a.sourcePage },
    documentsFilled: formQueries(core.db).documentsFilled(a.id),
  };
}

function familyDto(core: Core, familyId: string, all: FingerprintRow[] = formQueries(core.db).fingerprints()): FormFamilyDto {
  const q = formQueries(core.db);
  const f = q.family(familyId);
  if (!f) throw new AppError('not_found', `No form family ${familyId}.`);
  const members = all.filter((m) => m.familyId === familyId);
  const years = members.map((m) => m.date?.slice(0, 4)).filter((y): y is string => !!y).sort();
  const span = years.length ? (years[0] === years.at(-1) ? `, ${years[0]}` : `, ${years[0]}-${years.at(-1)}`) : '';
  return {
    id: f.id,
    name: f.customName ?? `${f.name}${span}`,
    documentCount: members.length,
    caseCount: new Set(members.map((m) => m.caseId)).size,
    anchors: q.anchors(familyId).map((a) => anchorDto(core, a)),
  };
}

/** Families of two documents or more, or with something learned (a document alone is not yet a form to list). */
export function listFamilies(core: Core, caseId?: string): FormFamilyDto[] {
  const all = formQueries(core.db).fingerprints();
  const ids = formQueries(core.db)
    .families()
    .map((f) => f.id)
    .filter((id) => all.some((m) => m.familyId === id && (!caseId || m.caseId === caseId)));
  return ids.map((id) => familyDto(core, id, all)).filter((f) => f.documentCount >= 2 || f.anchors.length > 0);
}

export function familyOfDocument(core: Core, documentId: string): FormFamilyDto | null {
  const id = formQueries(core.db).familyOfDocument(documentId);
  return id ? familyDto(core, id) : null;
}

function requireAnchor(core: Core, anchorId: string): AnchorRow {
  const a = formQueries(core.db).anchor(anchorId);
  if (!a) throw new AppError('not_found', `No learned anchor ${anchorId}.`);
  return a;
}

export function previewApply(core: Core, ref: { correctionId: string } | { anchorId: string }): FormPreviewDto {
  let anchor: AnchorRow | null;
  if ('anchorId' in ref) anchor = requireAnchor(core, ref.anchorId);
  else {
    anchor = formQueries(core.db).anchorOfCorrection(ref.correctionId);
    if (!anchor) {
      const c = documentCorrectionById(core, ref.correctionId);
      anchor = c ? learnFromCorrection(core, c) : null;
    }
  }
  if (!anchor) return { anchor: null, familyName: null, otherDocuments: 0, items: [] };
  const docs = targets(core, anchor);
  const items: FormPreviewItem[] = [];
  for (const d of docs) {
    for (const v of readOn(core, anchor, d.documentId)) items.push({ documentId: d.documentId, caseId: d.caseId, fileName: d.fileName, entity: v.entity, entityKey: v.entityKey, field: v.field, value: v.value, page: v.page, bbox: v.bbox, action: v.action });
  }
  const fam = familyDto(core, anchor.familyId);
  return { anchor: anchorDto(core, anchor), familyName: fam.name, otherDocuments: docs.filter((d) => d.documentId !== anchor.sourceDocumentId).length, items };
}

function documentCorrectionById(core: Core, correctionId: string): CorrectionDto | null {
  const doc = documentOfCorrection(core.db, correctionId);
  return doc ? (documentCorrections(core, doc).find((c) => c.id === correctionId) ?? null) : null;
}

/** Writes what an anchor reads on one document in place of what it read there before. */
function fillDocument(core: Core, anchor: AnchorRow, documentId: string, layout?: PageLayout[]): number {
  const q = formQueries(core.db);
  const read = readOn(core, anchor, documentId, layout).filter((v) => v.action === 'fill');
  q.deleteValues(anchor.id, documentId);
  for (const v of read) q.insertValue({ ...v, id: core.newId() }, core.nowIso());
  return read.length;
}

export function applyAnchor(core: Core, anchorId: string, documentIds?: string[]): FormApplyResultDto {
  const anchor = requireAnchor(core, anchorId);
  if (!anchor.enabled) throw new AppError('conflict', 'This learned reading is disabled; enable it before applying it.');
  const docs = targets(core, anchor).filter((d) => !documentIds || documentIds.includes(d.documentId));
  let values = 0;
  let filled = 0;
  let otherValues = 0;
  let others = 0;
  const cases = new Map<string, Set<string>>();
  core.db.transaction(() => {
    for (const d of docs) {
      const n = fillDocument(core, anchor, d.documentId);
      values += n;
      if (n) {
        filled++;
        if (d.documentId !== anchor.sourceDocumentId) {
          others++;
          otherValues += n;
        }
        cases.set(d.caseId, (cases.get(d.caseId) ?? new Set()).add(d.documentId));
      }
    }
    formQueries(core.db).setApplied(anchor.id);
  })();
  for (const [caseId, ids] of cases) {
    recordHistory(core, caseId, { kind: 'corrected', description: `Filled ${ids.size} document(s) from the correction learned on ${anchor.sourceFileName} (${anchor.entity} ${anchor.field === '*' ? 'rows' : anchor.field})`, ids: [...ids] });
    core.emit('case.changed', { caseId, what: 'extraction' });
  }
  return { anchorId, documentsFilled: filled, valuesFilled: values, otherDocumentsFilled: others, otherValuesFilled: otherValues };
}

function casesOfValues(core: Core, anchorId: string): Set<string> {
  const q = documentQueries(core.db);
  return new Set(formQueries(core.db).valuesOfAnchor(anchorId).map((v) => q.caseOf(v.documentId)).filter((c): c is string => !!c));
}

export function undoAnchor(core: Core, anchorId: string): { anchorId: string; valuesRemoved: number } {
  const anchor = requireAnchor(core, anchorId);
  const cases = casesOfValues(core, anchorId);
  const valuesRemoved = formQueries(core.db).deleteAnchor(anchorId);
  for (const caseId of cases) {
    recordHistory(core, caseId, { kind: 'corrected', description: `Removed the values learned from the correction on ${anchor.sourceFileName} (${anchor.entity} ${anchor.field === '*' ? 'rows' : anchor.field})`, ids: [anchorId] });
    core.emit('case.changed', { caseId, what: 'extraction' });
  }
  return { anchorId, valuesRemoved };
}

export function renameFamily(core: Core, familyId: string, name: string): FormFamilyDto {
  if (!formQueries(core.db).family(familyId)) throw new AppError('not_found', `No form family ${familyId}.`);
  formQueries(core.db).renameFamily(familyId, name.trim());
  return familyDto(core, familyId);
}

export function disableAnchor(core: Core, anchorId: string, disabled: boolean): FormAnchorDto {
  requireAnchor(core, anchorId);
  formQueries(core.db).setEnabled(anchorId, !disabled);
  for (const caseId of casesOfValues(core, anchorId)) core.emit('case.changed', { caseId, what: 'extraction' });
  return anchorDto(core, requireAnchor(core, anchorId));
}

/**
 * After a document is extracted (imported, re-read, re-run): files it in its family and runs the
 * family's enabled anchors that were applied on it, so a new copy of a form is filled as the others were.
 */
export function afterExtraction(core: Core, documentId: string): void {
  const familyId = assignFamily(core, documentId);
  const anchors = formQueries(core.db)
    .anchors(familyId)
    .filter((a) => a.enabled && a.applied && (a.sourceDocumentId !== documentId || ROW_ENTITIES.includes(a.entity)));
  if (!anchors.length) return;
  const layout = layoutOfDocument(core, documentId);
  for (const a of anchors) fillDocument(core, a, documentId, layout);
}

/**
 * After a case archive is imported (as a copy with new ids, or from another folder): a family only
 * the case's documents are in joins the family of this folder whose documents its fingerprints are
 * like (families are cross-case), with its learned anchors, instead of standing beside it twice.
 * Returns how many families were joined.
 */
export function joinArchivedFamilies(core: Core, caseId: string): number {
  const q = formQueries(core.db);
  const all = q.fingerprints();
  const ofCase = new Set(all.filter((f) => f.caseId === caseId).map((f) => f.familyId));
  let joined = 0;
  for (const familyId of ofCase) {
    const members = all.filter((f) => f.familyId === familyId);
    if (members.some((m) => m.caseId !== caseId)) continue;
    let best: { id: string; score: number } | null = null;
    const others = new Map<string, FingerprintRow[]>();
    for (const f of all) if (f.familyId !== familyId && !ofCase.has(f.familyId)) others.set(f.familyId, [...(others.get(f.familyId) ?? []), f]);
    for (const [id, theirs] of others) {
      const sample = theirs.slice(0, 12);
      const score = members.reduce((s, m) => s + sample.reduce((t, o) => t + likeness(m.tokens, o.tokens), 0) / sample.length, 0) / members.length;
      if (score >= FAMILY_THRESHOLD && (!best || score > best.score)) best = { id, score };
    }
    if (!best) continue;
    q.joinFamily(familyId, best.id);
    for (const m of members) m.familyId = best.id;
    joined++;
  }
  return joined;
}

/**
 * Files in their families the extracted documents that have no fingerprint yet (extracted before
 * form families existed, or brought in by an archive without them). Returns how many.
 */
export function fileUnfiledDocuments(core: Core): number {
  const ids = formQueries(core.db).unfiledDocuments();
  for (const id of ids) {
    try {
      assignFamily(core, id);
    } catch (e) {
      console.error(`[forms] ${id}:`, e);
    }
  }
  return ids.length;
}
