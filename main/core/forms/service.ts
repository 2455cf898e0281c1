// Form families and learned anchors (issue 18): the calls of shared/api/forms.ts.
import type { FormAnchorDto, FormApplyResultDto, FormFamilyDto, FormPreviewDto } from '../../../shared/api/forms';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';

export function listFamilies(_core: Core, _caseId?: string): FormFamilyDto[] {
  return [];
}

export function familyOfDocument(_core: Core, _documentId: string): FormFamilyDto | null {
  return null;
}

export function previewApply(_core: Core, _ref: { correctionId: string } | { anchorId: string }): FormPreviewDto {
  return { anchor: null, familyName: null, otherDocuments: 0, items: [] };
}

export function applyAnchor(_core: Core, anchorId: string, _documentIds?: string[]): FormApplyResultDto {
  throw new AppError('not_found', `No learned anchor ${anchorId}.`);
}

export function undoAnchor(_core: Core, anchorId: string): { anchorId: string; valuesRemoved: number } {
  throw new AppError('not_found', `No learned anchor ${anchorId}.`);
}

export function renameFamily(_core: Core, familyId: string, _name: string): FormFamilyDto {
  throw new AppError('not_found', `No form family ${familyId}.`);
}

export function disableAnchor(_core: Core, anchorId: string, _disabled: boolean): FormAnchorDto {
  throw new AppError('not_found', `No learned anchor ${anchorId}.`);
}
