import { z } from 'zod';
import type { GoalCheck } from '../goals/check';
import type { GoalChartData } from '../timeline/chart-data';
import type { RedFlag } from '../timeline/flag-types';
import type { GoalLineage, LineageStep } from '../timeline/lineage';
import type { Timeline } from '../timeline/timeline';
import { defineCall } from './define';

export interface LineageDto extends GoalLineage {
  history: LineageStep[];
  chart: GoalChartData;
  /** ECharts option built by shared/timeline/chart.ts: the same chart the packet embeds. */
  chartOption: unknown;
  quality: GoalCheck;
}

export interface FlagDto extends RedFlag {
  dismissed: { reason: string; dismissedAt: string } | null;
}

export interface OverviewDto {
  /** The case is judged as of its latest record (flags like "annual review overdue"). */
  recordsThrough: string | null;
  currentIep: { id: string; type: string | null; meetingDate: string | null; startDate: string | null; endDate: string | null } | null;
  nextAnnualReview: string | null;
  nextReevaluation: string | null;
  /** What the reevaluation date is counted from (the last evaluation, or the initial IEP's eligibility), or what is missing. */
  reevaluationNote: string;
  openFlags: FlagDto[];
  lineages: Array<{ id: string; label: string; met: boolean | null; chartOption: unknown }>;
  missedMinutes: Array<{ service: string; documentId: string; periodStart: string | null; periodEnd: string | null; missed: number; districtResponsible: number; page: number }>;
  documentsToReview: number;
  recentDocuments: Array<{ id: string; title: string; type: string; date: string | null }>;
  documentCount: number;
}

const caseRef = z.object({ caseId: z.string().min(1) });

export const timelineApi = {
  'case.overview': defineCall<OverviewDto>()(() => caseRef),
  'timeline.get': defineCall<{ timeline: Timeline; recordsThrough: string | null }>()(() => caseRef),
  'goals.lineages': defineCall<LineageDto[]>()(() => caseRef),
  'goals.link': defineCall<LineageDto[]>()(() => caseRef.extend({ goalId: z.string().min(1), lineageKey: z.string().min(1).nullable() })),
  'goals.resetLink': defineCall<LineageDto[]>()(() => caseRef.extend({ goalId: z.string().min(1) })),
  'goals.check': defineCall<GoalCheck>()(
    () => z.object({
      text: z.string().trim().min(1).max(5000),
      baselineValue: z.number().nullable().optional(),
      baselineDate: z.string().nullable().optional(),
      observedRatePerWeek: z.number().nullable().optional(),
    }),
  ),
  'flags.list': defineCall<FlagDto[]>()(() => caseRef.extend({ includeDismissed: z.boolean().optional() })),
  'flags.dismiss': defineCall<FlagDto[]>()(() => caseRef.extend({ key: z.string().min(1), reason: z.string().trim().min(1, 'say why the flag is dismissed').max(2000) })),
  'flags.restore': defineCall<FlagDto[]>()(() => caseRef.extend({ key: z.string().min(1) })),
  'scores.list': defineCall<{ scores: unknown[]; chartOption: unknown }>()(() => caseRef),
};
