import { applyAnchor, disableAnchor, familyOfDocument, listFamilies, previewApply, renameFamily, undoAnchor } from '../core/forms/service';
import { requireDocumentOfCase } from '../core/review/service';
import { documentOfCorrection } from '../core/review/queries';
import { AppError } from '../../shared/errors';
import type { Registry } from './registry';

// Families span cases: a call names a case only where it starts from one of its documents.
export function registerForms(reg: Registry): void {
  reg.register('forms.list', ({ caseId }, { core }) => listFamilies(core, caseId));
  reg.register('forms.forDocument', ({ caseId, documentId }, { core }) => {
    requireDocumentOfCase(core, caseId, documentId);
    return familyOfDocument(core, documentId);
  });
  reg.register('forms.previewApply', (args, { core }) => {
    if ('correctionId' in args) {
      const documentId = documentOfCorrection(core.db, args.correctionId);
      if (!documentId) throw new AppError('not_found', `No correction ${args.correctionId}.`);
      requireDocumentOfCase(core, args.caseId, documentId);
      return previewApply(core, { correctionId: args.correctionId });
    }
    return previewApply(core, { anchorId: args.anchorId });
  });
  reg.register('forms.apply', ({ anchorId, documentIds }, { core }) => applyAnchor(core, anchorId, documentIds));
  reg.register('forms.undo', ({ anchorId }, { core }) => undoAnchor(core, anchorId));
  reg.register('forms.delete', ({ anchorId }, { core }) => undoAnchor(core, anchorId));
  reg.register('forms.rename', ({ familyId, name }, { core }) => renameFamily(core, familyId, name));
  reg.register('forms.disable', ({ anchorId, disabled }, { core }) => disableAnchor(core, anchorId, disabled));
}
