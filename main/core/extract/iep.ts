// IEP extraction: type, dates, reporting schedule, student data, goals, services, accommodations.
// Labels are matched by synonyms used across form systems (SEIS, DESE, Frontline, PowerSchool,
// Infinite Campus, hand-typed), never by one district's exact wording.
import type { ExtractedGoal, ExtractedIep, IepSubtype, PageContent, ProgressEntry } from '../../../shared/domain';
import { extractProgressReport } from './progress';
import { findDates, parseDate } from '../../../shared/text/dates';
import { extractAccommodations } from './accommodations';
import { extractGoals } from './goals';
import { readIepDates } from './iep-header';
import { readStudentProfile } from './iep-student';
import { buildLayout, findLabeledValue, joinWrappedLabels, provenanceOf, runOf, type Layout } from './layout';
import { iepTypeOf } from './iep-type';
import { readServices } from './services';
import { IEP_HEADER_LABELS, REPORTING_SCHEDULE_LABELS, REPORTING_SCHEDULE_WORDS } from './vocab/iep';

const L = IEP_HEADER_LABELS;

const hasDate = (v: string) => findDates(v).length > 0;

export function extractIep(pages: PageContent[], documentId: string, subtypeHint: IepSubtype | null = null): ExtractedIep {
  const layout = joinWrappedLabels(buildLayout(pages));
  const dateAfter = (labels: RegExp[]) => parseDate(findLabeledValue(layout, labels, hasDate)?.value ?? null);
  const type = iepTypeOf(layout) ?? subtypeHint;
  const { meetingDate, startDate, endDate, nextAnnualReview, nextReevaluation, amendsMeetingDate } = readIepDates(layout, { amendment: type === 'amendment' });
  const goals = extractGoals(layout, documentId, { start: startDate, end: endDate });
  const services = readServices(layout, documentId);
  const reportingSchedule = reportingScheduleOf(layout, goals.reportingTexts);
  const profile = readStudentProfile(layout);

  return {
    type,
    meetingDate,
    startDate,
    endDate,
    amendsMeetingDate,
    nextAnnualReview,
    nextReevaluation,
    reportingSchedule,
    reportsPerYear: reportsPerYearOf(reportingSchedule),
    student: {
      ...profile,
      dob: profile.dob ?? dateAfter(L.dob),
      grade: profile.grade ?? gradeOfIepYear(layout) ?? gradeOf(findLabeledValue(layout, L.grade, (v) => /^(?:\/\s*[A-Za-z ]+\s+)?(?:K|PK|TK|KG|\d{1,2})\b/i.test(v.trim()))?.value ?? null),
      district: districtOf(layout),
      primaryDisability: profile.primaryDisability ?? findLabeledValue(layout, L.disability, (v) => /[a-z]{4}/i.test(v) && !/[:;]/.test(v) && v.split(/\s+/).length <= 10)?.value ?? null,
    },
    goals: goals.goals,
    ...(goals.priorGoals.length > 0 ? { priorGoals: goals.priorGoals, priorProgress: priorProgressOf(pages, goals.priorGoals, documentId) } : {}),
    services: services.services,
    // Accommodations printed as rows of the services table (under their own band) are the list itself.
    accommodations: services.accommodations.length ? services.accommodations : extractAccommodations(layout),
    source: provenanceOf(documentId, runOf(layout.lines[0]?.words ?? [])),
  };
}

export { checkedOptions, iepTypeOf, typeFromText } from './iep-type';

/** The progress printed with the prior-year goals: the pages from the first of them read as a progress report, entries with data or a code. */
function priorProgressOf(pages: PageContent[], prior: ExtractedGoal[], documentId: string): ProgressEntry[] {
  const first = Math.min(...prior.map((g) => g.source.page));
  return extractProgressReport(pages.filter((p) => p.pageNumber >= first), documentId).entries.filter((e) => e.dataPoints.length > 0 || e.code);
}


function reportingScheduleOf(layout: Layout, goalReporting: string[]): string | null {
  if (goalReporting.length > 0) return goalReporting[0];
  const labelled = findLabeledValue(layout, REPORTING_SCHEDULE_LABELS, (v) => REPORTING_SCHEDULE_WORDS.test(v));
  if (labelled) return labelled.value;
  const ticked = tickedSchedule(layout);
  if (ticked) return ticked;
  // A dated report's own heading ("Progress Report 2: 1/14/2025") tells when one report was sent, not the schedule.
  const line = layout.lines.find((l) => /\bprogress\b/i.test(l.text) && REPORTING_SCHEDULE_WORDS.test(l.text) && /\b(?:report|reported|reporting)\b/i.test(l.text) && !/^progress\s+report\s*(?:#\s*)?\d+\s*:/i.test(l.text));
  return line?.text ?? null;
}

/** The ticked option of a row of boxes offering reporting schedules ("[x] Quarterly [ ] Trimester [ ] Semester"). */
function tickedSchedule(layout: Layout): string | null {
  for (const page of layout.model().pages) {
    const options = page.checkboxes.filter((c) => c.label.split(' ').length <= 4 && REPORTING_SCHEDULE_WORDS.test(c.label));
    for (const box of options) {
      const row = options.filter((o) => Math.abs((o.bbox[1] + o.bbox[3]) / 2 - (box.bbox[1] + box.bbox[3]) / 2) < (box.bbox[3] - box.bbox[1]) / 2);
      const ticked = row.filter((o) => o.checked === true);
      if (row.length >= 2 && ticked.length === 1) return ticked[0].label;
    }
  }
  return null;
}

/** Reports per year the schedule promises; null when it only says "with report cards". */
export function reportsPerYearOf(schedule: string | null): number | null {
  if (!schedule) return null;
  const s = schedule.toLowerCase();
  if (/trimester/.test(s)) return 3;
  if (/quarter|every\s+(?:nine|9)\s+weeks|(?:nine|9)[- ]weeks?/.test(s)) return 4;
  if (/semester/.test(s)) return 2;
  if (/every\s+(?:six|6)\s+weeks|(?:six|6)[- ]weeks?/.test(s)) return 6;
  if (/monthly/.test(s)) return 10;
  if (/annual/.test(s)) return 1;
  const n = /\b(\d|two|three|four|six)\s+times\s+(?:a|per|each)\s+(?:school\s+)?year/.exec(s);
  if (n) return ({ two: 2, three: 3, four: 4, six: 6 } as Record<string, number>)[n[1]] ?? Number(n[1]);
  return null;
}

/**
 * The grade of the school year the IEP is written for ("School Year of IEP: 2022-23 (Grade 3)"): a
 * spring annual review sets up the next year, so this beats the grade the child is in at the meeting.
 */
function gradeOfIepYear(layout: Layout): string | null {
  const value = findLabeledValue(layout, L.gradeOfIepYear, (v) => /\bgrade\s+(?:K|PK|TK|KG|\d{1,2})\b/i.test(v))?.value;
  const m = value ? /\bgrade\s+(K|PK|TK|KG|\d{1,2})\b/i.exec(value) : null;
  return m ? m[1].toUpperCase() : null;
}

function gradeOf(v: string | null): string | null {
  if (!v) return null;
  const m = /^(?:\/\s*[A-Za-z ]+?\s+)?(K|PK|TK|KG|\d{1,2})\b/i.exec(v.trim());
  return m ? m[1].toUpperCase() : null;
}

function districtOf(layout: Layout): string | null {
  const labelled = findLabeledValue(layout, L.district, (v) => /[a-z]{3}/i.test(v) && !/^(?:of\s+)?residence$/i.test(v));
  if (labelled) return labelled.value;
  const line = layout.lines.slice(0, 12).find((l) => /\b(?:school\s+district|unified|independent\s+school|public\s+schools|county\s+schools|isd|usd)\b/i.test(l.text));
  if (!line) return null;
  const cell = line.cells.find((c) => /\b(?:district|unified|independent|public\s+schools|county\s+schools|isd|usd)\b/i.test(c.text));
  return titleCase((cell?.text ?? line.text).replace(/\s+-\s+.*$/, ''));
}

function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
