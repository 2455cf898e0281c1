// The meeting brief's content, drawn from the case the way the app shows it: the goals of the IEP
// in effect (with its amendments), each with its chart segment's numbers (the same lineageChartData
// and progressStats the goal charts use), the open red flags on its line, the services and minutes
// missed, and the questions to ask, which the user may rewrite before saving.
import type { BriefCite, BriefFinding, BriefGoal, BriefService, MeetingBriefDto } from '../../../shared/api/brief';
import type { FlagDto } from '../../../shared/api/timeline';
import type { Provenance } from '../../../shared/domain';
import { formatDisplayDate } from '../../../shared/text/dates';
import { type ChartSegment, lineageChartData } from '../../../shared/timeline/chart-data';
import { flagLabel } from '../../../shared/timeline/flag-labels';
import { fmtNum } from '../../../shared/timeline/flag-types';
import { aimValueAt, meetsAim } from '../../../shared/timeline/flags-measure';
import type { GoalLineage } from '../../../shared/timeline/lineage';
import { type CaseGoal, type CaseModel, goalsInEffect, iepStart, iepsChronological, isAmendment } from '../../../shared/timeline/model';
import type { Core } from '../context';
import { getCase } from '../cases';
import { caseLineages, flagsOf, judgedModel } from '../timeline/service';

export const GOAL_QUESTIONS = [
  'Is the child on track to meet this goal? If not, what change to services, methodology or intensity does the team propose?',
  'Given the progress data, does the team believe this IEP is reasonably calculated to enable appropriate progress under Endrew F.? What evidence supports that?',
];

export const GENERAL_QUESTIONS = [
  'Which services were not delivered as written, and how will the missed minutes be made up?',
];

function citer(model: CaseModel) {
  const names = new Map(model.documents.map((d) => [d.id, d.fileName] as const));
  return (p: Pick<Provenance, 'documentId' | 'page'>): BriefCite => ({ documentId: p.documentId, document: names.get(p.documentId) ?? 'case record', page: p.page ?? null });
}

export function citeText(c: BriefCite): string {
  return c.page != null ? `${c.document}, p. ${c.page}` : c.document;
}

function goalTitle(goal: CaseGoal): string {
  const n = goal.number != null ? `Goal ${goal.number}` : 'Goal';
  return goal.area ? `${n}: ${goal.area}` : n;
}

const signed = (n: number) => `${n >= 0 ? '+' : ''}${fmtNum(n)}`;

/** On track or not, computed from the chart segment: the trend reaching the target by the target date, else the latest point against the aim line. */
function progressOf(segment: ChartSegment | undefined, unit: string): BriefGoal['progress'] {
  const empty = { ratePerWeek: null, rateNeededPerWeek: null, aimValueAtLatest: null, projection: null, formulas: segment?.stats.formulas ?? [] };
  if (!segment) return { ...empty, onTrack: null, verdict: 'The goal is not charted (no lineage found): on track cannot be computed.' };
  const { stats, points, target, direction } = segment;
  const latest = points[points.length - 1];
  if (!latest) return { ...empty, onTrack: null, verdict: 'No data reported for this goal yet: on track cannot be computed.' };
  const aimValue = stats.aim ? aimValueAt(stats.aim, latest.date) : null;
  const base = { ratePerWeek: stats.ratePerWeek, rateNeededPerWeek: stats.rateNeededPerWeek, aimValueAtLatest: aimValue, projection: stats.projection?.label ?? null, formulas: stats.formulas };
  if (stats.trend && target && stats.projection) {
    const onTrack = stats.projection.date != null && stats.projection.date <= target.date;
    const reach = stats.projection.date ? `reaches the target of ${fmtNum(target.value)}${unit} about ${formatDisplayDate(stats.projection.date)}` : `does not reach the target of ${fmtNum(target.value)}${unit}`;
    return {
      ...base,
      onTrack,
      verdict: `${onTrack ? 'On track' : 'Not on track'}: the trend of ${signed(stats.ratePerWeek!)}${unit}/week (${points.length} data points) ${reach} at this rate, ` +
        `against a target date of ${formatDisplayDate(target.date)}${stats.rateNeededPerWeek != null ? `; the aim line needs ${signed(stats.rateNeededPerWeek)}${unit}/week` : ''}.`,
    };
  }
  if (stats.aim && aimValue != null) {
    const onTrack = meetsAim(stats.aim, latest, direction);
    return {
      ...base,
      onTrack,
      verdict: `${onTrack ? 'On track' : 'Not on track'}: the latest point, ${fmtNum(latest.value)}${unit} on ${formatDisplayDate(latest.date)}, is ${onTrack ? 'on or beyond' : 'short of'} ` +
        `the aim line's ${fmtNum(Math.round(aimValue * 10) / 10)}${unit} for that date (a trend needs 3 data points; ${points.length} so far).`,
    };
  }
  return { ...base, onTrack: null, verdict: 'The goal lacks a baseline or a target, so there is no aim line: on track cannot be computed.' };
}

function findingOf(flag: FlagDto, cite: ReturnType<typeof citer>): BriefFinding {
  const seen = new Set<string>();
  const cites = flag.evidence.map(cite).filter((c) => !seen.has(citeText(c)) && !!seen.add(citeText(c)));
  return { key: flag.key, label: flagLabel(flag.type), description: flag.description, cites };
}

function briefGoal(model: CaseModel, goal: CaseGoal, lineage: GoalLineage | undefined, flags: FlagDto[], cite: ReturnType<typeof citer>): BriefGoal {
  const chart = lineage ? lineageChartData(model, lineage) : null;
  const index = chart ? chart.segments.findIndex((s) => s.goalId === goal.id) : -1;
  const segment = index >= 0 ? chart!.segments[index] : undefined;
  const unit = goal.unit ? ` ${goal.unit}` : '';
  const own = segment?.points[segment.points.length - 1];
  const earlier = !own && chart ? chart.segments.slice(0, Math.max(index, 0)).flatMap((s) => s.points).pop() : undefined;
  const latest = own ?? earlier;
  const lineGoals = new Set(lineage?.goalIds ?? [goal.id]);
  return {
    goalId: goal.id,
    title: goalTitle(goal),
    text: goal.text,
    unit: goal.unit,
    baseline: segment?.baseline
      ? { value: segment.baseline.value, date: segment.baseline.date, dateEstimated: segment.baseline.estimatedDate, cite: cite(goal.source) }
      : goal.baselineValue != null ? { value: goal.baselineValue, date: null, dateEstimated: true, cite: cite(goal.source) } : null,
    target: segment?.target ?? (goal.targetValue != null ? { value: goal.targetValue, date: goal.targetDate } : null),
    latest: latest ? { value: latest.value, date: latest.date, cite: cite(latest.source), fromEarlierGoal: !own } : null,
    dataPoints: segment?.points.length ?? 0,
    progress: progressOf(segment, unit),
    findings: flags.filter((f) => f.goalIds.some((id) => lineGoals.has(id))).map((f) => findingOf(f, cite)),
    questions: [...GOAL_QUESTIONS],
  };
}

function servicesOf(model: CaseModel, goalsIep: ReturnType<typeof iepsChronological>[number] | undefined, cite: ReturnType<typeof citer>): BriefService[] {
  const written: BriefService[] = (goalsIep?.services ?? []).map((s) => ({
    service: s.service,
    amount: s.frequencyText ?? (s.minutesPerWeek != null ? `${s.minutesPerWeek} min/week` : null),
    period: null, minutesRequired: null, minutesDelivered: null, minutesMissedSchool: null, minutesMissedAbsence: null,
    cite: cite(s.source),
  }));
  const delivered: BriefService[] = model.serviceDelivery.map((d) => ({
    service: d.service,
    amount: null,
    period: d.periodStart || d.periodEnd ? `${formatDisplayDate(d.periodStart)} – ${formatDisplayDate(d.periodEnd)}` : null,
    minutesRequired: d.minutesRequired,
    minutesDelivered: d.minutesDelivered,
    minutesMissedSchool: d.minutesMissedDistrictResponsible,
    minutesMissedAbsence: d.minutesMissedStudentAbsence,
    cite: cite(d.source),
  }));
  return [...written, ...delivered];
}

/** The brief with the default questions; `today` is the date it is drawn up. */
export function buildMeetingBrief(core: Core, caseId: string): MeetingBriefDto {
  const c = getCase(core, caseId);
  const model = judgedModel(core, caseId);
  const links = caseLineages(core, caseId, model);
  const open = flagsOf(core, caseId, false, model, links);
  const cite = citer(model);
  const full = iepsChronological(model).filter((i) => !isAmendment(i));
  const current = full[full.length - 1];
  const goals = current ? goalsInEffect(model, current, null) : [];
  const briefGoals = goals.map((g) => briefGoal(model, g, links.find((l) => l.goalIds.includes(g.id)), open, cite));
  const kind = current?.type ? `${current.type[0].toUpperCase()}${current.type.slice(1)} IEP` : 'IEP';
  return {
    caseId,
    title: `IEP meeting brief: ${c.childName ?? c.name}`,
    date: core.nowIso().slice(0, 10),
    child: c.childName ?? c.name,
    iep: current ? `${kind} ${formatDisplayDate(current.meetingDate ?? iepStart(current))}` : null,
    goals: briefGoals,
    caseFindings: open.filter((f) => !f.goalIds.length).map((f) => findingOf(f, cite)),
    services: servicesOf(model, current, cite),
    generalQuestions: [...GENERAL_QUESTIONS],
  };
}

/** The brief with the user's questions in place of the defaults: per goal id (an empty list keeps none), and the general ones. */
export function withQuestions(brief: MeetingBriefDto, questions: Record<string, string[]>, generalQuestions: string[]): MeetingBriefDto {
  return {
    ...brief,
    goals: brief.goals.map((g) => (questions[g.goalId] ? { ...g, questions: questions[g.goalId] } : g)),
    generalQuestions,
  };
}
