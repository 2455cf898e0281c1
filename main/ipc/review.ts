import { confirmDocument, correct, getReview, requireDocumentOfCase, rerunExtraction, reviewQueue, undoCorrection } from '../core/review/service';
import type { Registry } from './registry';

// Every call on a document names the case whose screen made it; a document of another case is
// refused before anything is read or written.
export function registerReview(reg: Registry): void {
  reg.register('review.get', ({ caseId, documentId }, { core }) => {
    requireDocumentOfCase(core, caseId, documentId);
    return getReview(core, documentId);
  });
  reg.register('review.queue', ({ caseId }, { core }) => reviewQueue(core, caseId));
  reg.register('review.correct', ({ caseId, source, ...c }, { core }) => {
    requireDocumentOfCase(core, caseId, c.documentId);
    return correct(core, { ...c, value: c.value ?? null }, source);
  });
  reg.register('review.undo', ({ caseId, documentId, correctionId }, { core }) => {
    requireDocumentOfCase(core, caseId, documentId);
    return undoCorrection(core, documentId, correctionId);
  });
  reg.register('review.confirmDocument', ({ caseId, documentId }, { core }) => {
    requireDocumentOfCase(core, caseId, documentId);
    return confirmDocument(core, documentId);
  });
  reg.register('review.rerun', ({ caseId, documentId }, { core }) => {
    requireDocumentOfCase(core, caseId, documentId);
    return rerunExtraction(core, documentId);
  });
}
