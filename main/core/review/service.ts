// The review screen's data: automatic extraction, the user's corrections, and the two merged.
import type { ReviewDto, ReviewQueueItem, CorrectionDto } from '../../../shared/api/review';
import type { ExtractionResult } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { applyCorrections, documentCorrections, removeCorrection, saveCorrection } from './corrections';
import { correctionsOfDocument, documentOfCorrection, extractionJson, reviewConfirmedAt, reviewQueueRows, upsertReviewConfirmed } from './queries';
import { extractAndStore } from '../pipeline';
import { documentQueries } from '../db/queries/documents';
import { getCase } from '../cases';
import { recordHistory } from '../history/history';
import { learnedOfDocument, learnFromCorrection, withLearned, type MarkedSource } from '../forms/service';
import { lowestConfidence, orderQueue } from './order';

function loadAutomatic(core: Core, documentId: string): ExtractionResult | null {
  const json = extractionJson(core.db, documentId);
  return json !== null ? (JSON.parse(json) as ExtractionResult) : null;
}

/**
 * Refuses a review call made from one case's screen on a document of another case (a route edited
 * by hand, a form left open across a case change), naming both, before anything is read or written.
 */
export function requireDocumentOfCase(core: Core, caseId: string, documentId: string): void {
  const doc = documentQueries(core.db).get(documentId);
  if (!doc) throw new AppError('not_found', `No document with id ${documentId}.`);
  if (doc.case_id !== caseId) {
    const here = getCase(core, caseId);
    throw new AppError('conflict', `The document "${doc.file_name}" belongs to the case "${getCase(core, doc.case_id).name}", not "${here.name}": nothing was read or changed.`, {
      reason: 'other_case',
      caseId,
    });
  }
}

export function getReview(core: Core, documentId: string): ReviewDto {
  const doc = documentQueries(core.db).get(documentId);
  if (!doc) throw new AppError('not_found', `No document with id ${documentId}.`);
  const extracted = loadAutomatic(core, documentId);
  // Values a learned form anchor filled count as automatic (issue 18); the user's corrections go on top.
  const automatic = extracted && withLearned(core, documentId, extracted);
  const corrections = documentCorrections(core, documentId);
  const learned = learnedOfDocument(core, documentId);
  return { documentId, automatic, corrected: automatic ? applyCorrections(automatic, corrections) : null, corrections, confirmedAt: reviewConfirmedAt(core.db, documentId), ...(learned.length ? { learned } : {}) };
}

/** A correction; `source` is where the user marked the value on the page, when they did (issue 18: the form learns that place). */
export function correct(core: Core, c: Omit<CorrectionDto, 'id' | 'updatedAt'>, source?: MarkedSource): ReviewDto {
  const doc = documentQueries(core.db).get(c.documentId);
  if (!doc) throw new AppError('not_found', `No document with id ${c.documentId}.`);
  if (c.status === 'added' && (typeof c.value !== 'object' || c.value === null)) throw new AppError('invalid_input', 'An added value needs its fields.');
  const saved = saveCorrection(core, c);
  try {
    learnFromCorrection(core, saved, source);
  } catch (e) {
    console.error(`[forms] learning from a correction on ${doc.file_name} failed:`, e);
  }
  recordHistory(core, doc.case_id, { kind: 'corrected', description: `Corrected ${c.entityKey} on ${doc.title ?? doc.file_name}`, ids: [c.documentId] });
  core.emit('case.changed', { caseId: doc.case_id, what: 'extraction' });
  return getReview(core, c.documentId);
}

export function undoCorrection(core: Core, documentId: string, correctionId: string): ReviewDto {
  if (documentOfCorrection(core.db, correctionId) !== documentId) throw new AppError('not_found', `No correction ${correctionId} on the document ${documentId}.`);
  const undone = correctionsOfDocument(core.db, documentId).find((c) => c.id === correctionId);
  removeCorrection(core, correctionId);
  const doc = documentQueries(core.db).get(documentId);
  if (doc) {
    recordHistory(core, doc.case_id, { kind: 'correction_undone', description: `Undid the ${undone?.status === 'confirmed' ? 'confirmation' : 'correction'} of ${undone?.entityKey ?? 'a value'} on ${doc.title ?? doc.file_name}`, ids: [documentId] });
    core.emit('case.changed', { caseId: doc.case_id, what: 'extraction' });
  }
  return getReview(core, documentId);
}

export function confirmDocument(core: Core, documentId: string): ReviewDto {
  const doc = documentQueries(core.db).get(documentId);
  if (!doc) throw new AppError('not_found', `No document with id ${documentId}.`);
  upsertReviewConfirmed(core.db, documentId, core.nowIso());
  recordHistory(core, doc.case_id, { kind: 'confirmed', description: `Confirmed the review of ${doc.title ?? doc.file_name}`, ids: [documentId] });
  // Another window's review queue, the Review badge and the overview's count follow the confirm.
  core.emit('case.changed', { caseId: doc.case_id, what: 'review' });
  return getReview(core, documentId);
}

export function rerunExtraction(core: Core, documentId: string): ReviewDto {
  extractAndStore(core, documentId);
  return getReview(core, documentId);
}

/** Counts the values a document offers for review (goals, services, entries, scores, summaries). */
function valueCount(r: ExtractionResult | null): number {
  if (!r) return 0;
  return (r.iep ? r.iep.goals.length + r.iep.services.length + 1 : 0) + (r.progressReport?.entries.length ?? 0) + r.testScores.length + (r.serviceLog?.summaries.length ?? 0);
}

export function reviewQueue(core: Core, caseId: string): ReviewQueueItem[] {
  getCase(core, caseId);
  const items = reviewQueueRows(core.db, caseId).map((r) => {
    const result = JSON.parse(r.resultJson) as ExtractionResult;
    const values = valueCount(result);
    return { documentId: r.documentId, fileName: r.fileName, type: r.type, date: r.date, values, confirmed: r.reviewedAt ? values : r.confirmed, lowestConfidence: lowestConfidence(result), reviewed: r.reviewedAt !== null };
  });
  return orderQueue(items.filter((i) => i.values > 0)).map(({ reviewed: _reviewed, ...item }) => item);
}
