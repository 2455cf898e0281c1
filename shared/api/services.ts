// services.*: the periods a case's records span, service minutes reconciled against the IEPs, and
// the compensatory-education award calculated from them.
import { z } from 'zod';
import type { CompEdAward, Reconciliation } from '../compensatory/types';
import { defineCall, isoDate } from './define';

const caseRef = z.object({ caseId: z.string().min(1) });

export const periodSchema = z.lazy(() => z.object({
  kind: z.enum(['school_year', 'iep_period', 'custom']),
  start: isoDate,
  end: isoDate,
  label: z.string().max(100).optional(),
}));

export const compEdMethodSchema = z.lazy(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hour_for_hour') }),
  z.object({ kind: z.literal('percentage'), percent: z.number().min(0).max(500) }),
  z.object({ kind: z.literal('needs_based'), minutes: z.number().min(0).max(1_000_000), rationale: z.string().trim().min(1, 'say what the award is based on').max(5000) }),
]));

export interface PeriodChoice {
  kind: 'school_year' | 'iep_period' | 'custom';
  start: string;
  end: string;
  label: string;
}

export const servicesApi = {
  'services.periods': defineCall<PeriodChoice[]>()(() => caseRef),
  'services.reconcile': defineCall<Reconciliation>()(() => caseRef.extend({ period: periodSchema })),
  'services.compEd': defineCall<CompEdAward>()(() => caseRef.extend({ period: periodSchema, method: compEdMethodSchema })),
};
