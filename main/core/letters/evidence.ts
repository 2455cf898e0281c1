// Turns case figures into the sentences letters quote. Facts and arithmetic only: no conclusions of law.
import type { CompEdFigures, LetterCite, LetterContext, LetterFinding, LetterGoal, LetterService, PercentileSeries } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "October 10, 2023" for the letter's date line and prose. */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return MONTHS[m - 1] ? `${MONTHS[m - 1]} ${d}, ${y}` : iso;
}

/** "10/10/2023" for lists of figures. */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

export const firstName = (full: string) => full.trim().split(/\s+/)[0] ?? full;

export function citeText(cite: LetterCite | null | undefined): string {
  if (!cite) return '';
  return ` (${cite.document}${cite.page ? `, p. ${cite.page}` : ''})`;
}

const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const withUnit = (n: number | null, unit: string | null) => (n === null ? 'not stated' : unit ? `${num(n)} ${unit}` : num(n));

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

export function goalLabel(goal: LetterGoal): string {
  const parts = [goal.number !== null && goal.number !== undefined ? `Goal ${goal.number}` : 'Goal', goal.area].filter(Boolean);
  return parts.join(', ');
}

/** "• Goal 1, Reading Fluency: baseline 48 WCPM; target 90 WCPM; most recent reported 69 WCPM on 05/21/2025 ..." */
export function goalEvidenceLine(goal: LetterGoal): string {
  const bits = [`baseline ${withUnit(goal.baseline, goal.unit)}`, `target ${withUnit(goal.target, goal.unit)}`];
  if (goal.latest) {
    bits.push(`most recent reported data ${withUnit(goal.latest.value, goal.unit)} on ${shortDate(goal.latest.date)}`);
    if (goal.baseline !== null && goal.target !== null && goal.target !== goal.baseline) {
      const share = Math.round(((goal.latest.value - goal.baseline) / (goal.target - goal.baseline)) * 100);
      bits.push(`${share}% of the distance from baseline to target`);
    }
  } else {
    bits.push('no data reported');
  }
  if ((goal.dataPoints?.length ?? 0) > 1) {
    bits.push(`reported data: ${goal.dataPoints!.map((p) => `${num(p.value)} (${shortDate(p.date)})`).join(', ')}`);
  }
  if (goal.firstWritten) bits.push(`this target has been in the IEP since ${shortDate(goal.firstWritten)}`);
  return `• ${goalLabel(goal)}: ${bits.join('; ')}${citeText(goal.cite)}.`;
}

export function percentileLine(series: PercentileSeries): string {
  const points = [...series.points].sort((a, b) => a.date.localeCompare(b.date));
  const list = points.map((p) => `${ordinal(p.percentile)} percentile (${shortDate(p.date)})`).join(', ');
  return `• ${series.test}, ${series.subtest}: ${list}${citeText(series.cite)}.`;
}

export function serviceLine(service: LetterService): string {
  const amount = [service.frequencyText, service.minutesPerWeek !== null ? `${num(service.minutesPerWeek)} minutes per week` : null]
    .filter(Boolean).join(', ');
  const same = service.sameInIeps && service.sameInIeps.length > 1
    ? `; the same in the IEPs of ${service.sameInIeps.map(shortDate).join(', ')}` : '';
  const where = service.location ? ` (${service.location})` : '';
  return `• ${service.service}${where}: ${amount || 'amount not stated'}${same}${citeText(service.cite)}.`;
}

export const hours = (minutes: number) => `${num(Math.round((minutes / 60) * 10) / 10)} hours`;

export function compEdLine(f: CompEdFigures): string {
  const period = f.periodStart || f.periodEnd ? ` from ${shortDate(f.periodStart)} to ${shortDate(f.periodEnd)}` : '';
  const absence = f.minutesMissedStudentAbsence ? `; ${num(f.minutesMissedStudentAbsence)} minutes missed for student absences are not counted` : '';
  return `• ${f.service}${period}: ${num(f.minutesRequired)} minutes required, ${num(f.minutesDelivered)} minutes delivered, ` +
    `${num(f.minutesMissedDistrictResponsible)} minutes (${hours(f.minutesMissedDistrictResponsible)}) not provided for reasons that were not the student's${absence}${citeText(f.cite)}.`;
}

export function childIntro(ctx: LetterContext): string {
  const { child } = ctx;
  const g = child.grade?.trim();
  const gradeWords = !g ? null : /^\d+$/.test(g) ? `${ordinal(Number(g))} grade` : /grade|kindergarten|pre-?k|transitional/i.test(g) ? g : `${g} grade`;
  const grade = gradeWords ? `, a ${gradeWords} student` : ', a student';
  const school = child.school ? ` at ${child.school}` : '';
  const dob = child.dob ? ` (date of birth ${shortDate(child.dob)})` : '';
  return `I am the parent of ${child.name}${dob}${grade}${school}.`;
}

/** Goals that have data and fall short of their targets, the first evidence of a lack of expected progress. */
export function goalsShortOfTarget(goals: LetterGoal[]): LetterGoal[] {
  return goals.filter((g) => {
    if (!g.latest || g.target === null) return false;
    const increasing = g.baseline === null || g.target >= g.baseline;
    return increasing ? g.latest.value < g.target : g.latest.value > g.target;
  });
}

/** "Mateo's records show the following, which I ask the team to address: <finding> (Progress Report 2024-01-26, p. 2; ...)."
 *  The finding is the flag's own statement of what the records show; the letter adds no conclusion to it. */
export function findingParagraph(ctx: LetterContext, finding: LetterFinding): string {
  const seen = new Set<string>();
  const cites = finding.cites.filter((c) => {
    const k = `${c.document}#${c.page ?? ''}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const sources = cites.length ? ` (${cites.map((c) => `${c.document}${c.page ? `, p. ${c.page}` : ''}`).join('; ')})` : '';
  const text = finding.text.trim().replace(/[.\s]+$/, '');
  return `${firstName(ctx.child.name)}'s records show the following, which I ask the team to address: ${text}${sources}.`;
}
