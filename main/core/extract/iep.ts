// IEP extraction: type, dates, reporting schedule, student data, goals, services, accommodations.
// Labels are matched by synonyms used across form systems (SEIS, DESE, Frontline, PowerSchool,
// Infinite Campus, hand-typed), never by one district's exact wording.
import type { ExtractedIep, IepSubtype, PageContent } from '../../../shared/domain';
import { findDates, parseDate } from '../../../shared/text/dates';
import { extractAccommodations } from './accommodations';
import { extractGoals } from './goals';
import { buildLayout, findLabeledValue, provenanceOf, runOf, type Layout } from './layout';
import { extractServices } from './services';

/**
 * A case-insensitive pattern whose ${0} stands for the word IEP as OCR reads it from a scan: the I
 * is often read as |, l, 1 or !, and a stray mark may follow ("amends |EP- dated ...").
 */
function ocrIep(parts: TemplateStringsArray, ..._iep: unknown[]): RegExp {
  return new RegExp(parts.raw.join(String.raw`[il1|!]ep\W?`), 'i');
}

const L = {
  meetingDate: [/(?:iep\s+)?meeting\s+date/i, /date\s+of\s+(?:the\s+)?(?:iep\s+)?(?:amendment|addendum|revision)/i, /(?:amendment|addendum|revision)\s+date/i, /date\s+of\s+(?:the\s+)?(?:iep\s+)?(?:meeting|conference)/i, /(?:iep\s+)?conference\s+date/i, /iep\s+date/i, /date\s+of\s+iep/i],
  period: [/iep\s+(?:period|duration|dates|term)/i, /iep\s+initiation\s*\/\s*duration(?:\s+dates?)?/i, /(?:iep\s+)?effective\s+dates?/i, /projected\s+dates?/i, /duration\s+of\s+(?:the\s+)?iep/i],
  start: [/iep\s+(?:start|begin(?:ning)?|initiation|implementation)\s+date/i, /(?:initiation|start|beginning|implementation|effective)\s+date\s+of\s+(?:the\s+)?iep(?:\s+services)?/i, /(?:start|begin(?:ning)?|initiation|implementation)\s+date\s+of\s+(?:the\s+)?iep/i, /date\s+iep\s+(?:begins|starts|takes\s+effect)/i, /initiation\s+date/i, /iep\s+start/i],
  end: [/iep\s+(?:end(?:ing)?|expiration|duration)\s+date/i, /(?:end(?:ing)?|expiration)\s+date\s+of\s+(?:the\s+)?iep/i, /date\s+iep\s+(?:ends|expires)/i, /iep\s+end/i],
  nextAnnual: [/next\s+annual\s+(?:iep\s+)?(?:review|meeting)(?:\s+date)?/i, /projected\s+date\s+(?:of|for)\s+(?:the\s+)?(?:next\s+)?annual\s+(?:iep\s+)?(?:review|meeting|iep)/i, /annual\s+(?:iep\s+)?review\s+(?:date|due)/i, /next\s+iep\s+(?:review|meeting)?\s*(?:date|due)/i, /annual\s+iep\s+due/i],
  nextReeval: [/next\s+re-?evaluation(?:\s+(?:date|due))?/i, /re-?evaluation\s+(?:due|date)(?:\s+date)?/i, /(?:next\s+)?triennial(?:\s+(?:re-?evaluation|evaluation|review|iep|assessment))?(?:\s+(?:due|date))?(?:\s+(?:date|by))?/i, /three[- ]year\s+re-?evaluation(?:\s+(?:due|date))?/i, /projected\s+date\s+(?:of|for)\s+(?:the\s+)?(?:next\s+)?re-?evaluation/i],
  type: [/meeting\s+type/i, /type\s+of\s+(?:iep|meeting)/i, /iep\s+type/i, /reason\s+for\s+meeting/i],
  amends: [ocrIep`amends?\s+(?:the\s+)?${0}\s*(?:dated|of|from)`, ocrIep`amendment\s+to\s+(?:the\s+)?${0}\s*(?:dated|of|from)`, /date\s+of\s+(?:the\s+)?iep\s+(?:being\s+)?amended/i, /original\s+iep\s+(?:meeting\s+)?date/i, /iep\s+(?:being\s+)?amended/i],
  name: [/student(?:'s)?\s+name/i, /name\s+of\s+student/i, /student/i, /name/i],
  dob: [/date\s+of\s+birth/i, /birth\s*date/i, /d\.?o\.?b\.?/i],
  grade: [/grade(?:\s+level)?(?:\s*\/\s*school\s+year)?/i, /current\s+grade/i],
  school: [/school\s+of\s+attendance/i, /attending\s+school/i, /(?:serving|home|current)\s+school/i, /school(?:\s+name)?/i],
  district: [/(?:school\s+)?district(?:\s+(?:name|of\s+residence|of\s+service))?\s*:/i, /LEA\s*:/i, /local\s+education(?:al)?\s+agency\s*:/i],
  disability: [/primary\s+(?:disability|eligibility)(?:\s+category)?/i, /disability\s+category/i, /eligibility\s+category/i, /primary\s+handicapping\s+condition/i],
};

const hasDate = (v: string) => findDates(v).length > 0;

export function extractIep(pages: PageContent[], documentId: string, subtypeHint: IepSubtype | null = null): ExtractedIep {
  const layout = buildLayout(pages);
  const dateAfter = (labels: RegExp[]) => parseDate(findLabeledValue(layout, labels, hasDate)?.value ?? null);

  const meetingDate = dateAfter(L.meetingDate);
  const periodValue = findLabeledValue(layout, L.period, hasDate)?.value ?? '';
  const periodDates = findDates(periodValue);
  const nextAnnualReview = dateAfter(L.nextAnnual);
  // Forms that print no IEP period (DESE-style: initiation date and projected annual review) run the
  // IEP from its initiation (else its meeting) to the projected annual review.
  const startDate = periodDates[0]?.iso ?? dateAfter(L.start) ?? meetingDate;
  const endDate = (periodDates.length > 1 ? periodDates[1].iso : null) ?? dateAfter(L.end) ?? nextAnnualReview;
  const goals = extractGoals(layout, documentId);
  const reportingSchedule = reportingScheduleOf(layout, goals.reportingTexts);

  return {
    type: iepTypeOf(layout) ?? subtypeHint,
    meetingDate,
    startDate,
    endDate,
    amendsMeetingDate: dateAfter(L.amends),
    nextAnnualReview,
    nextReevaluation: dateAfter(L.nextReeval),
    reportingSchedule,
    reportsPerYear: reportsPerYearOf(reportingSchedule),
    student: {
      name: cleanName(findLabeledValue(layout, L.name, (v) => /^[A-Z][\p{L}'.-]+,?\s+[\p{L}'. -]+$/u.test(v.trim()))?.value ?? null),
      dob: dateAfter(L.dob),
      grade: gradeOf(findLabeledValue(layout, L.grade, (v) => /^(?:\/\s*[A-Za-z ]+\s+)?(?:K|PK|TK|KG|\d{1,2})\b/i.test(v.trim()))?.value ?? null),
      school: findLabeledValue(layout, L.school, (v) => /school|academy|elementary|middle|high|center/i.test(v) && !/district/i.test(v))?.value ?? null,
      district: districtOf(layout),
      primaryDisability: findLabeledValue(layout, L.disability, (v) => /[a-z]{4}/i.test(v))?.value ?? null,
    },
    goals: goals.goals,
    services: extractServices(layout, documentId),
    accommodations: extractAccommodations(layout),
    source: provenanceOf(documentId, runOf(layout.lines[0]?.words ?? [])),
  };
}

/** The type from a labelled "Meeting Type", else from the title lines at the top of page 1. */
export function iepTypeOf(layout: Layout): IepSubtype | null {
  // A checkbox list spans several cells, so it is read from the whole line after its label.
  for (const line of layout.lines) {
    const m = L.type.map((re) => re.exec(line.text)).find((x) => x);
    if (!m) continue;
    const rest = line.text.slice(m.index + m[0].length);
    const ticked = checkedOptions(rest);
    if (ticked !== rest) return typeFromText(ticked);
  }
  const labelled = findLabeledValue(layout, L.type, (v) => typeFromText(checkedOptions(v)) !== null);
  if (labelled) return typeFromText(checkedOptions(labelled.value));
  const title = layout.lines.filter((l) => l.page === layout.lines[0]?.page).slice(0, 8).map((l) => checkedOptions(l.text)).join(' ');
  return typeFromText(title);
}

const BOX = String.raw`(?:\[\s*[xX✓✔]?\s*\]|\(\s*[xX✓✔]?\s*\)|[☐☒☑□■✓✔])`;
const TICKED = /^(?:\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[☒☑■✓✔])$/;

/** "[ ] Initial [X] Annual [ ] Amendment" -> "Annual": only the ticked options of a checkbox list. */
export function checkedOptions(value: string): string {
  const parts = value.split(new RegExp(`(${BOX})`));
  if (parts.length < 3) return value;
  const ticked: string[] = [];
  for (let i = 1; i < parts.length; i += 2) if (TICKED.test(parts[i].trim())) ticked.push(parts[i + 1] ?? '');
  return ticked.join(' ');
}

export function typeFromText(text: string): IepSubtype | null {
  if (/\b(?:amend(?:ment|ed|s)?|addendum)\b/i.test(text)) return 'amendment';
  if (/\brevis(?:ion|ed)\b/i.test(text)) return 'revision';
  if (/\b(?:re-?evaluation|triennial|three[- ]year)\b/i.test(text)) return 'reevaluation';
  if (/\binterim\b|\b30[- ]day\b|\btemporary\b/i.test(text)) return 'interim';
  if (/\binitial\b/i.test(text)) return 'initial';
  if (/\bannual\b/i.test(text)) return 'annual';
  return null;
}

const SCHEDULE_WORDS = /\b(?:trimesters?|quarter(?:ly|s)?|semesters?|grading\s+periods?|marking\s+periods?|report\s+cards?|every\s+(?:six|nine|6|9)\s+weeks|(?:six|nine|6|9)[- ]weeks?|monthly|annually|progress\s+reports?)\b/i;

function reportingScheduleOf(layout: Layout, goalReporting: string[]): string | null {
  if (goalReporting.length > 0) return goalReporting[0];
  const labelled = findLabeledValue(layout, [/progress\s+(?:will\s+be\s+)?reported/i, /reporting\s+(?:schedule|frequency)/i, /progress\s+reports?\s+(?:will\s+be\s+)?(?:provided|sent|issued)/i], (v) => SCHEDULE_WORDS.test(v));
  if (labelled) return labelled.value;
  const line = layout.lines.find((l) => /\bprogress\b/i.test(l.text) && SCHEDULE_WORDS.test(l.text) && /\b(?:report|reported|reporting)\b/i.test(l.text));
  return line?.text ?? null;
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

function cleanName(v: string | null): string | null {
  if (!v) return null;
  const t = v.trim().replace(/\s+(?:DOB|Date of Birth|SSID|ID|Grade)\b.*$/i, '');
  const comma = /^([^,]+),\s*(.+)$/.exec(t);
  return comma ? `${comma[2]} ${comma[1]}` : t;
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
