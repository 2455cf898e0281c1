import { z } from 'zod';
import type { BBox, ExtractionResult } from '../domain';
import { defineCall } from './define';

export const ENTITY_KINDS = ['iep', 'goal', 'service', 'progress_report', 'progress_entry', 'test_score', 'service_summary'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface CorrectionDto {
  id: string;
  documentId: string;
  entity: EntityKind;
  entityKey: string;
  /** The field corrected; '*' for a whole entity (deleted or added). */
  field: string;
  value: unknown;
  status: 'confirmed' | 'edited' | 'deleted' | 'added';
  updatedAt: string;
}

export interface ReviewDto {
  documentId: string;
  /** What the extractor found, untouched. */
  automatic: ExtractionResult | null;
  /** The same with the user's corrections applied: what everything downstream uses. */
  corrected: ExtractionResult | null;
  corrections: CorrectionDto[];
  confirmedAt: string | null;
  /**
   * Values filled from a learned form anchor (issue 18, shared/api/forms.ts): already inside
   * `automatic` and `corrected`, listed here with where they were learned. They count as automatic
   * until the user confirms or edits them.
   */
  learned?: LearnedValueDto[];
}

/** A value read at a place on a document's page: a field of one entity, or a whole entity for field '*'. */
export interface PlacedValue {
  entity: EntityKind;
  entityKey: string;
  /** The field; '*' for a whole entity (a row). */
  field: string;
  value: unknown;
  page: number;
  bbox: BBox | null;
}

/** A value an anchor learned on another document filled here. */
export interface LearnedValueDto extends PlacedValue {
  learnedFrom: { anchorId: string; documentFileName: string; page: number };
}

/** A value read with less confidence than this wants a look before the others: Review shows it first. */
export const LOW_CONFIDENCE = 0.75;

export interface ReviewQueueItem {
  documentId: string;
  fileName: string;
  type: string;
  date: string | null;
  values: number;
  confirmed: number;
  /** The lowest confidence among its automatic values (null: none carries one): the least sure documents come first. */
  lowestConfidence: number | null;
}

/** A document of a case: the case whose screen made the call, checked against the document's own. */
const docRef = z.object({ caseId: z.string().min(1), documentId: z.string().min(1) });

export const reviewApi = {
  'review.get': defineCall<ReviewDto>()(() => docRef),
  'review.queue': defineCall<ReviewQueueItem[]>()(() => z.object({ caseId: z.string().min(1) })),
  'review.correct': defineCall<ReviewDto>()(
    () => docRef.extend({
      entity: z.enum(ENTITY_KINDS),
      entityKey: z.string().min(1).max(200),
      field: z.string().min(1).max(100),
      value: z.unknown().optional(),
      status: z.enum(['confirmed', 'edited', 'deleted', 'added']),
      /**
       * Where the user marked the value ("Mark on page"): its page and box in PDF points, top-left.
       * A learned form anchor (issue 18) starts from this box rather than from the value's text.
       */
      source: z.object({ page: z.number().int().min(1), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]) }).optional(),
    }),
  ),
  'review.undo': defineCall<ReviewDto>()(() => docRef.extend({ correctionId: z.string().min(1) })),
  'review.confirmDocument': defineCall<ReviewDto>()(() => docRef),
  'review.rerun': defineCall<ReviewDto>()(() => docRef),
};
