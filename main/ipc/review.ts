import { confirmDocument, correct, getReview, rerunExtraction, reviewQueue, undoCorrection } from '../core/review';
import type { Registry } from './registry';

export function registerReview(reg: Registry): void {
  reg.register('review.get', ({ documentId }, { core }) => getReview(core, documentId));
  reg.register('review.queue', ({ caseId }, { core }) => reviewQueue(core, caseId));
  reg.register('review.correct', (args, { core }) => correct(core, { ...args, value: args.value ?? null }));
  reg.register('review.undo', ({ documentId, correctionId }, { core }) => undoCorrection(core, documentId, correctionId));
  reg.register('review.confirmDocument', ({ documentId }, { core }) => confirmDocument(core, documentId));
  reg.register('review.rerun', ({ documentId }, { core }) => rerunExtraction(core, documentId));
}
