// The head of a progress report: report date, reporting period (label, start, end) and the IEP it
// reports on. Labels are read beside their value ("Report Date: 12/02/2022") or over it in a strip
// of column headings with a row of values below.
import { findDates, parseDate } from '../../../shared/text/dates';
import { findLabeledValue, type Layout } from './layout';
import { readTable } from '../layout/line-tables';

export interface ReportHeader {
  reportDate: string | null;
  /** The report date was printed under a report-date label (not taken from the period). */
  labelledReportDate: boolean;
  periodLabel: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  iepMeetingDate: string | null;
}

const PERIOD_WORDS = /\b(?:trimester|quarter|semester|term|grading\s+period|marking\s+period|reporting\s+period|progress\s+period|interim)\s*\d\b|\b\d(?:st|nd|rd|th)\s+(?:quarter|trimester|semester|term|grading\s+period|marking\s+period|reporting\s+period)\b|\b[QT][1-4]\b|\bMP\s*[1-6]\b|\b(?:fall|winter|spring|mid-?year|end[- ]of[- ](?:the[- ])?year)\b/i;

const REPORT_DATE = [/(?:progress\s+)?report\s+date/i, /date\s+of\s+(?:this\s+)?report/i, /date\s+(?:issued|sent|reported)/i, /report\s+issued/i];
const IEP_DATE = [
  // New York: "IEP (Date of CSE Meeting): 05/14/2024".
  /IEP\s*\(\s*date\s+of\s+(?:the\s+)?(?:CSE|CPSE|IEP|ARD)?\s*meeting\s*\)/i,
  /date\s+of\s+(?:the\s+)?(?:CSE|CPSE|ARD)\s+meeting/i,
  /IEP\s+(?:meeting\s+)?date/i, /date\s+of\s+(?:the\s+)?IEP(?:\s+meeting)?/i, /IEP\s+dated/i, /annual\s+IEP\s+date/i, /IEP\s+start\s+date/i];
const PERIOD = [/(?:reporting|grading|marking|progress)\s+period/i, /period\s+(?:covered|ending)/i, /report(?:ing)?\s+(?:term|quarter)/i];

/** The value under a heading in a strip of headings ("Student | Grade | IEP Date | ...") with values below. */
export function valueUnderHeading(layout: Layout, labels: RegExp[], accept: (v: string) => boolean): string | null {
  for (let i = 0; i + 1 < layout.lines.length; i++) {
    const line = layout.lines[i];
    const below = layout.lines[i + 1];
    if (line.cells.length < 2 || below.page !== line.page || !labels.some((re) => re.test(line.text))) continue;
    const table = readTable([below.words], { headerLines: [line.words] });
    for (const [c, column] of table.columns.entries()) {
      if (!column.label || !labels.some((re) => re.test(column.label!))) continue;
      const value = table.rows[0]?.cells[c]?.text ?? '';
      if (value && accept(value)) return value;
    }
  }
  return null;
}

function labelled(layout: Layout, labels: RegExp[], accept: (v: string) => boolean): string | null {
  return findLabeledValue(layout, labels, accept)?.value ?? valueUnderHeading(layout, labels, accept);
}

/** "08/17/2022 - 12/02/2022", "Oct 1, 2023 to Dec 15, 2023": two dates with only a dash or "to" between. */
export function dateRange(text: string): [string, string] | null {
  const dates = findDates(text);
  for (let i = 0; i + 1 < dates.length; i++) {
    const between = text.slice(dates[i].index + dates[i].length, dates[i + 1].index);
    if (/^\s*(?:-|–|—|to|through|thru|until)\s*$/i.test(between)) return [dates[i].iso, dates[i + 1].iso];
  }
  return null;
}

export function readReportHeader(layout: Layout): ReportHeader {
  const isDate = (v: string) => parseDate(v) !== null;
  const head = layout.lines.slice(0, 30);
  const headText = head.map((l) => l.text).join('\n');
  const reportDate = parseDate(labelled(layout, REPORT_DATE, isDate));
  const iepMeetingDate = parseDate(labelled(layout, IEP_DATE, isDate));
  const periodValue = labelled(layout, PERIOD, (v) => PERIOD_WORDS.test(v) || findDates(v).length > 0);
  const labelMatch = PERIOD_WORDS.exec(periodValue ?? '') ?? PERIOD_WORDS.exec(headText);
  const periodLabel = labelMatch ? labelMatch[0].replace(/\s+/g, ' ').replace(/^./, (c) => c.toUpperCase()) : null;
  let range = periodValue ? dateRange(periodValue) : null;
  range ??= head.map((l) => dateRange(l.text)).find((r) => r !== null) ?? null;
  // A range written in a sentence that wraps ("... for the second quarter (November 6, 2023 to" / "January 12, 2024).").
  range ??= dateRange(headText.replace(/\n/g, ' '));
  let periodStart = range?.[0] ?? null;
  let periodEnd = range?.[1] ?? null;
  if (!range && periodValue) periodEnd = parseDate(periodValue);
  if (periodStart && periodEnd && periodStart > periodEnd) [periodStart, periodEnd] = [periodEnd, periodStart];
  // A letter's date, alone on one of its first lines and under no label, is when the report was written.
  const alone = (t: string) => { const d = findDates(t); return d.length === 1 && d[0].length >= t.replace(/[.,]$/, '').length; };
  const letterDate = head.slice(0, 3).map((l) => l.text.trim()).find((t, k, top) => alone(t) && (k === 0 || !/:$|^[A-Z][A-Z\s/#]+$/.test(top[k - 1])));
  const dated = reportDate ?? (letterDate ? parseDate(letterDate) : null);
  return { reportDate: dated ?? periodEnd, labelledReportDate: dated !== null, periodLabel, periodStart, periodEnd, iepMeetingDate };
}
