// forms.*: form families and what one correction teaches them (issue 18).
//
// The contract, for the review screen and the "what was learned" page:
// - A form family is the documents (of any case) whose layout fingerprint (form title, header
//   furniture, field labels and their positions, table headers) is close. Every extracted document
//   belongs to one family, often alone. `forms.forDocument` names it; `forms.list` lists families
//   with their learned anchors (a caseId limits the list to families with a document in that case);
//   a family of one document with nothing learned is not listed.
// - When the user corrects a value (review.correct: edited, or added with a page and box in its
//   value's `source`), the engine learns an anchor from it: the nearest label or table header, the
//   offset of the value from it, the value's shape. After a correction, the UI calls
//   `forms.previewApply({caseId, correctionId})`: it returns the anchor and, for every other document
//   of the family, the value the anchor reads there with its page and box. `items` empty or `anchor`
//   null: nothing to offer (no other document of the form, or nothing to learn from that correction).
// - `forms.apply({anchorId, documentIds?})` fills those values (all documents of the family, or the
//   ones named). They count as automatic: the review data marks each with `learnedFrom` (see
//   ReviewDto.learned in ./review), and a value the user confirmed or edited is never overridden.
//   An applied anchor runs again on each new document of the family that is imported.
// - `forms.undo({anchorId})` removes every value the anchor filled and the anchor itself; the
//   user's own corrections stay. `forms.disable` keeps the anchor and its values out of use until
//   enabled again; `forms.delete` is undo. `forms.rename` names a family.
// Every call that changes values emits `case.changed` (what: 'extraction') for each case touched.
import { z } from 'zod';
import { defineCall } from './define';
import type { EntityKind, PlacedValue } from './review';

/** The shape of a learned value: how it is read at the anchor on another document. */
export type AnchorShape = 'date' | 'number' | 'code' | 'text';

export interface FormAnchorDto {
  id: string;
  familyId: string;
  entity: EntityKind;
  /** The field it fills; '*' for a whole entity (a missed row added: one per row of the table). */
  field: string;
  /** The anchor in words: `right of "Date of report"`, `column 3 under "Goal"`. */
  description: string;
  shape: AnchorShape;
  enabled: boolean;
  /** Applied to the family at least once (then it also runs on each new document of the family). */
  applied: boolean;
  createdAt: string;
  /** The correction it was learned from. */
  from: { correctionId: string | null; documentId: string; fileName: string; page: number };
  /** Documents it holds values on now. */
  documentsFilled: number;
}

export interface FormFamilyDto {
  id: string;
  /** Its title and header furniture, or what the user renamed it to. */
  name: string;
  documentCount: number;
  caseCount: number;
  anchors: FormAnchorDto[];
}

/** One value an anchor reads on one document, before or after it is applied. */
export interface FormPreviewItem extends PlacedValue {
  documentId: string;
  caseId: string;
  fileName: string;
  /** 'fill': applying writes it; 'kept': the user confirmed or edited that value, it stays. */
  action: 'fill' | 'kept';
}

export interface FormPreviewDto {
  anchor: FormAnchorDto | null;
  familyName: string | null;
  /** Other documents of the family than the one corrected. */
  otherDocuments: number;
  items: FormPreviewItem[];
}

export interface FormApplyResultDto {
  anchorId: string;
  /** Every document filled: the family's others, and the one it was learned on (a rows anchor fills its other rows). */
  documentsFilled: number;
  valuesFilled: number;
  /** Of those, the family's other documents and the values filled on them. */
  otherDocumentsFilled: number;
  otherValuesFilled: number;
}

const caseId = z.string().min(1);
const anchorRef = z.object({ anchorId: z.string().min(1) });

export const formsApi = {
  /** Families with their anchors; with caseId, those with a document in that case. */
  'forms.list': defineCall<FormFamilyDto[]>()(() => z.object({ caseId: caseId.optional() })),
  /** The family of a document (null before it is extracted). */
  'forms.forDocument': defineCall<FormFamilyDto | null>()(() => z.object({ caseId, documentId: z.string().min(1) })),
  /** What applying an anchor (or the anchor learned from a correction) would fill on the family's other documents. */
  'forms.previewApply': defineCall<FormPreviewDto>()(
    () => z.union([z.object({ caseId, correctionId: z.string().min(1) }), anchorRef]),
  ),
  'forms.apply': defineCall<FormApplyResultDto>()(() => anchorRef.extend({ documentIds: z.array(z.string().min(1)).max(10000).optional() })),
  /** Removes the anchor and every value it filled; the user's corrections stay. */
  'forms.undo': defineCall<{ anchorId: string; valuesRemoved: number }>()(() => anchorRef),
  'forms.rename': defineCall<FormFamilyDto>()(() => z.object({ familyId: z.string().min(1), name: z.string().trim().min(1).max(200) })),
  'forms.disable': defineCall<FormAnchorDto>()(() => anchorRef.extend({ disabled: z.boolean() })),
  'forms.delete': defineCall<{ anchorId: string; valuesRemoved: number }>()(() => anchorRef),
};
