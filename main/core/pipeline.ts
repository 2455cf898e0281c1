// What happens to a document once its text is known: classification (unless the user set it) and
// extraction, stored apart from the user's corrections. Re-processing runs the same steps again.
import type { DocumentDto } from '../../shared/api/documents';
import type { ExtractionResult } from '../../shared/domain';
import type { Core } from './context';
import { caseQueries } from './db/queries/cases';
import { documentQueries, rowToPageContent } from './db/queries/documents';
import { extractionQueries } from './db/queries/extractions';
import { jobQueries } from './db/queries/jobs';
import { emitJobProgress } from './jobs';
import { classify } from './documents/parse/classify';
import { CLASSIFIER_VERSION } from './documents/parse/classify-version';
import { getDocument } from './documents/service';
import { extractDocument, EXTRACTOR_VERSION } from './extract';
import { refreshStaleLayouts } from './documents/relayout';
import { afterExtraction, fileUnfiledDocuments } from './forms/service';
import { storeLetterEvents, storeUnreadLetterEvents } from './deadlines/letter-events';

/** Told when a document's text is stored but its goals, services and dates could not be read from it. */
export type ExtractionFailed = (documentId: string, message: string) => void;

export function extractAndStore(core: Core, documentId: string, onFailed?: ExtractionFailed): ExtractionResult | null {
  const q = documentQueries(core.db);
  const doc = q.get(documentId);
  if (!doc || doc.status !== 'ready') return null;
  const pages = q.pages(documentId).map(rowToPageContent);
  let result: ExtractionResult;
  try {
    result = extractDocument({ documentId, type: doc.type as DocumentDto['type'], subtype: doc.subtype as DocumentDto['subtype'], pages });
  } catch (e) {
    console.error(`[extract] ${doc.file_name}:`, e);
    onFailed?.(documentId, `${doc.file_name}: its text is stored, but reading its goals, services and dates failed (${(e as Error).message}).`);
    return null;
  }
  extractionQueries(core.db).put(documentId, EXTRACTOR_VERSION, JSON.stringify(result), core.nowIso());
  if (result.iep) fillCaseBlanks(core, doc.case_id, result.iep.student);
  try {
    // Its form family, and the anchors learned on that form run on it (issue 18).
    afterExtraction(core, documentId);
  } catch (e) {
    console.error(`[forms] ${doc.file_name}:`, e);
  }
  try {
    // The events a letter states, stored with the user's answers kept (issue 19).
    storeLetterEvents(core, documentId);
  } catch (e) {
    console.error(`[events] ${doc.file_name}:`, e);
  }
  core.emit('case.changed', { caseId: doc.case_id, what: 'extraction' });
  return result;
}

/**
 * An IEP names the child's birth date, grade, school, district and disabilities, the parent and the
 * case manager: fill what the case lacks (a parent when it has none, a case manager among the district
 * contacts when none is there), never overwrite.
 */
function fillCaseBlanks(core: Core, caseId: string, s: NonNullable<ExtractionResult['iep']>['student']): void {
  const cases = caseQueries(core.db);
  const row = cases.profile(caseId);
  if (!row) return;
  const fill: Record<string, string> = {};
  if (!row.dob && s.dob && s.dob <= core.nowIso().slice(0, 10)) fill.dob = s.dob;
  if (!row.grade && s.grade) fill.grade = s.grade;
  if (!row.school && s.school) fill.school = s.school;
  if (!row.district && s.district) fill.district = s.district;
  if (!row.primary_disability && s.primaryDisability) fill.primary_disability = s.primaryDisability;
  if (!row.secondary_disability && s.secondaryDisability) fill.secondary_disability = s.secondaryDisability;
  const parents = JSON.parse(row.parents_json) as unknown[];
  if (parents.length === 0 && s.parent?.name) fill.parents_json = JSON.stringify([{ name: s.parent.name, relationship: null, email: s.parent.email, phone: s.parent.phone, address: null }]);
  const contacts = JSON.parse(row.contacts_json) as Array<{ role?: string }>;
  if (s.caseManager?.name && !contacts.some((c) => c.role === 'case_manager')) {
    fill.contacts_json = JSON.stringify([...contacts, { name: s.caseManager.name, role: 'case_manager', title: 'Case manager', email: s.caseManager.email, phone: s.caseManager.phone, relationship: null, address: null }]);
  }
  const keys = Object.keys(fill);
  if (!keys.length) return;
  cases.fillBlanks(caseId, fill, core.nowIso());
  core.emit('case.changed', { caseId, what: 'updated' });
}

/** The hook the import batch calls after each finished document. */
export function afterDocumentHook(core: Core, onExtractionFailed?: ExtractionFailed) {
  return (documentId: string) => {
    extractAndStore(core, documentId, onExtractionFailed);
  };
}

export function reprocessDocument(core: Core, documentId: string): DocumentDto {
  if (reclassify(core, documentId) !== null) extractAndStore(core, documentId);
  return getDocument(core, documentId);
}

/**
 * Classifies a stored document again with the current classifier (a type or date the user set is
 * kept) and records the version. Returns whether its type or subtype changed (what extraction reads),
 * or null when the document is not ready.
 */
function reclassify(core: Core, documentId: string): boolean | null {
  const q = documentQueries(core.db);
  const doc = q.get(documentId);
  if (!doc || doc.status !== 'ready') return null;
  const pages = q.pages(documentId).map(rowToPageContent);
  const emailDate = (JSON.parse(doc.meta_json) as { sentDate?: string }).sentDate ?? null;
  q.applyClassification(documentId, classify(pages, { fileName: doc.file_name, emailDate }), core.nowIso());
  q.setClassifierVersion(documentId, CLASSIFIER_VERSION);
  const now = q.get(documentId)!;
  return now.type !== doc.type || now.subtype !== doc.subtype;
}

/**
 * Classifies again every document an older classifier classified (CLASSIFIER_VERSION), keeping what
 * the user set, and re-extracts those whose type or subtype changed. Returns how many were classified.
 */
export function refreshStaleClassifications(core: Core, onFailed?: ExtractionFailed): number {
  const stale = documentQueries(core.db).idsClassifiedBefore(CLASSIFIER_VERSION);
  for (const id of stale) {
    try {
      if (reclassify(core, id)) extractAndStore(core, id, onFailed);
    } catch (e) {
      console.error(`[classify] ${id}:`, e);
      onFailed?.(id, `A stored document could not be classified again (${(e as Error).message}); it keeps its type.`);
    }
  }
  return stale.length;
}

/** Re-runs extraction on every document whose stored result is from an older extractor. */
export function refreshStaleExtractions(core: Core, onFailed?: ExtractionFailed): number {
  const stale = extractionQueries(core.db).staleDocumentIds(EXTRACTOR_VERSION);
  for (const id of stale) extractAndStore(core, id, onFailed);
  return stale.length;
}

export interface ResumeHooks {
  onOcrFailed?: (documentId: string, message: string) => void;
  onExtractionFailed?: ExtractionFailed;
}

/** What resuming did: documents whose queued OCR was finished, and those whose OCR failed. */
export interface ResumeReport {
  ocrFinished: string[];
  ocrFailed: string[];
  /** Documents whose pages an older layout had read: read again and re-extracted (what the UI can say changed). */
  layoutRefreshed: string[];
  /** Import batches and packet builds a restart interrupted, run again under their ids. */
  jobsResumed: string[];
}

/** How many documents wait for OCR that no one is running (queued by an earlier run, or requeued after a crash). */
export function queuedOcrCount(core: Core): number {
  return jobQueries(core.db).countQueued('ocr');
}

/**
 * At start-up: finish OCR that an earlier run left queued (after a crash or a kill), read again the
 * pages an older layout read (relayout.ts), classify again the documents an older classifier
 * classified, then bring extraction up to date for documents read by an older extractor. The app and the browser host run
 * it in the background; the CLI awaits it and reports what failed.
 */
export async function resumePendingWork(core: Core, hooks: ResumeHooks = {}): Promise<ResumeReport> {
  const report: ResumeReport = { ocrFinished: [], ocrFailed: [], layoutRefreshed: [], jobsResumed: [] };
  // Interrupted batches and builds first, so that their ids answer again at once.
  const { resumeInterruptedJobs } = await import('./jobs/resume');
  // Closed while the module loaded (a command that finished first, a test's short-lived core): nothing to resume.
  if (!core.db.open) return report;
  const resumed = await resumeInterruptedJobs(core, { afterDocument: afterDocumentHook(core, hooks.onExtractionFailed) });
  report.jobsResumed = resumed.map((j) => j.id);
  if (queuedOcrCount(core)) {
    // OCR (tesseract.js, sharp, pdf.js) loads only when there is OCR to finish: a start with none stays light.
    const { runQueuedOcrJobs } = await import('./documents/ocr-jobs');
    const afterDocument = afterDocumentHook(core, hooks.onExtractionFailed);
    await runQueuedOcrJobs(core, {
      afterDocument: (id) => {
        report.ocrFinished.push(id);
        afterDocument(id);
      },
      onFailed: (id, message) => {
        report.ocrFailed.push(id);
        hooks.onOcrFailed?.(id, message);
      },
      onPage: ({ documentId, done, total }) => {
        const caseId = documentQueries(core.db).caseOf(documentId) ?? '';
        emitJobProgress(core, { jobId: `resume-${documentId}`, caseId, kind: 'ocr', fraction: done / total, message: `Resuming OCR: page ${done} of ${total}`, done: done === total });
      },
    });
  }
  await refreshStaleLayouts(core, (id) => {
    report.layoutRefreshed.push(id);
    extractAndStore(core, id, hooks.onExtractionFailed);
  });
  refreshStaleClassifications(core, hooks.onExtractionFailed);
  refreshStaleExtractions(core, hooks.onExtractionFailed);
  // Documents extracted before form families existed get their fingerprint (issue 18).
  fileUnfiledDocuments(core);
  // Letters whose events were never stored (extracted before 0270).
  storeUnreadLetterEvents(core);
  await Promise.all(resumed.map((j) => j.promise));
  return report;
}
