// brief.*: the meeting brief an advocate takes into an IEP meeting: per goal the baseline, target,
// latest data with its source, the trend against the aim line and whether the child is on track
// (computed, with its formula), the open red flags, the services and minutes missed, and the
// questions to put to the team, which the user edits before the brief is saved and filed in the case.
import { z } from 'zod';
import { defineCall } from './define';

/** Where a figure was read: "Progress_Report_2024-06-05.pdf, p. 2". */
export interface BriefCite {
  documentId: string;
  document: string;
  page: number | null;
}

export interface BriefFinding {
  key: string;
  /** The flag type's heading ("Progress code does not match the data"). */
  label: string;
  description: string;
  cites: BriefCite[];
}

export interface BriefGoal {
  goalId: string;
  title: string;
  text: string;
  unit: string | null;
  baseline: { value: number; date: string | null; dateEstimated: boolean; cite: BriefCite } | null;
  target: { value: number; date: string | null } | null;
  /** The latest reported data point; `fromEarlierGoal` when the goal has none yet and the line's earlier goal does. */
  latest: { value: number; date: string; cite: BriefCite; fromEarlierGoal: boolean } | null;
  dataPoints: number;
  /** The trend against the aim line, as the goal charts compute it. */
  progress: {
    ratePerWeek: number | null;
    rateNeededPerWeek: number | null;
    aimValueAtLatest: number | null;
    projection: string | null;
    onTrack: boolean | null;
    /** One sentence: why on track or not, with the numbers. */
    verdict: string;
    formulas: string[];
  };
  findings: BriefFinding[];
  questions: string[];
}

export interface BriefService {
  service: string;
  /** As the current IEP lists it ("60 min/week"), when it does. */
  amount: string | null;
  period: string | null;
  minutesRequired: number | null;
  minutesDelivered: number | null;
  minutesMissedSchool: number | null;
  minutesMissedAbsence: number | null;
  cite: BriefCite | null;
}

export interface MeetingBriefDto {
  caseId: string;
  title: string;
  /** ISO date the brief was drawn up. */
  date: string;
  child: string;
  /** The IEP the goals are from ("Annual IEP Oct 8, 2024"). */
  iep: string | null;
  goals: BriefGoal[];
  /** Red flags about the case rather than one goal (services, scores, reviews). */
  caseFindings: BriefFinding[];
  services: BriefService[];
  /** Questions about the whole IEP, after the goals. */
  generalQuestions: string[];
}

export interface SavedBriefDto {
  documentId: string | null;
  fileName: string;
}

const caseRef = z.object({ caseId: z.string().min(1) });
const question = z.string().trim().min(1).max(2000);

export const briefApi = {
  'brief.draft': defineCall<MeetingBriefDto>()(() => caseRef),
  /** Saves the brief with the user's questions (per goal id, and general) as DOCX or PDF, filed in the case. */
  'brief.save': defineCall<SavedBriefDto>()(
    () => caseRef.extend({
      format: z.enum(['docx', 'pdf']),
      questions: z.record(z.string().min(1), z.array(question).max(30)),
      generalQuestions: z.array(question).max(30),
    }),
  ),
};
