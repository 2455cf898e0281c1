// Service logs (SEIS, Frontline, PowerSchool, NYS encounter attendance reports, hand-kept trackers):
// one session per dated row with scheduled and delivered minutes and a status, who is responsible for
// each shortfall, and per service and period the minutes required, delivered and missed
// (district-responsible vs student). Column roles, attendance codes and non-session rows come from
// vocab/service-log.ts. Missed minutes come from the sessions' own arithmetic; totals the log prints
// are read too and kept beside them (printed, discrepancies) so a reviewer sees when the two disagree.
import type { ExtractedServiceLog, PageContent, Provenance, ServiceDeliverySummary, ServiceSession } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import { columnsFromHeader, phraseCells } from '../layout/header-columns';
import { cellFields, joinLabelsAbove } from '../layout/label-lines';
import { columnsWidth, isWidePhrase, runsFromColumn } from '../layout/headed-tables';
import { buildLayout, provenanceOf, runOf, type LayoutLine, type PlacedWord } from './layout';
import { dateRange } from './progress-header';
import { readTable, tableBelow, type Column, type TableRow } from '../layout/line-tables';
import { isPageFurniture } from '../layout/rows';
import { attendanceOf, classifyResponsibility } from './servicelog-status';
import { LOG_COLUMNS, LOG_HEADER_LABELS, NOT_A_SESSION, PRINTED_COUNT, SERVICE_FIELD, type LogColumnRole } from './vocab/service-log';

export interface PrintedTotals {
  minutesRequired: number | null;
  minutesDelivered: number | null;
  minutesMissed: number | null;
  sessions: number | null;
}

export interface ServiceSummaryWithPrinted extends ServiceDeliverySummary {
  /** Minutes of make-up sessions: delivered, but not in the minutes required; they offset district-responsible minutes. */
  minutesMadeUp: number;
  sessionsMadeUp: number;
  /** Minutes of sessions the log marks as not owed (school closed that day). */
  minutesNotOwed: number;
  /** Totals the log prints for this service, when it prints any. */
  printed: PrintedTotals | null;
  /** Human-readable differences between the printed totals and the sessions' arithmetic. */
  discrepancies: string[];
}

/** A dated row the log marks as not owed (school closed): kept for review, not a session. */
export interface NotOwedEntry {
  date: string;
  service: string;
  minutes: number;
  status: string | null;
  source: Provenance;
}

export interface ServiceLogExtraction extends ExtractedServiceLog {
  summaries: ServiceSummaryWithPrinted[];
  notOwed: NotOwedEntry[];
}

const cellsOf = (l: LayoutLine) => phraseCells(l.words);
const HEADER_CELLS = /min|duration|status|attendance|deliver|provided|sched|length|time|code/i;
const LEADING_DATE = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+)?(?:\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|\d{2}))?|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-(?:\d{4}|\d{2}))\b/i;
/** Runs starting in the date column, none of them with a date: words under the table (a total, a count, a note). */
const startsNoDate = (runs: PlacedWord[][]): boolean => runs.length > 0 && !runs.some((r) => LEADING_DATE.test(runOf(r).text));
/** Where a header field's value ends: the next "Label:" on the line. */
const NEXT_LABEL = /\s+[A-Z][A-Za-z]+\s*:\s.*$/;

/** A header field's value: the rest of its cell (or the next cell), up to a cell holding another label. */
function fieldValue(line: LayoutLine, value: string): string {
  const at = cellsOf(line).findIndex((c) => SERVICE_FIELD.test(c.text) || /:\s*$/.test(c.text));
  if (cellsOf(line).length < 2 || at < 0) return value.replace(NEXT_LABEL, '');
  const own = SERVICE_FIELD.exec(cellsOf(line)[at].text)?.[1] ?? '';
  const parts = [own];
  for (let k = at + 1; k < cellsOf(line).length && !/^[A-Za-z][\w /()-]*:/.test(cellsOf(line)[k].text); k++) parts.push(cellsOf(line)[k].text);
  return parts.join(' ').trim() || value.replace(NEXT_LABEL, '');
}
const DASH = /^[-–—]+$|^n\/?a$/i;

/**
 * A row of figures with no date under the sessions ("Total | 240 | 160", "Subtotal 90"): the log's
 * own totals, never a session nor wrapped text of the session above.
 */
function isTotalRow(words: PlacedWord[]): boolean {
  const text = runOf(words).text;
  if (findDates(text).length > 0) return false;
  return NOT_A_SESSION.test(text) && /\d/.test(text);
}

/** Header fields printed as label | value cells without colons ("Service | Speech-Language Therapy | Scheduled | 30 minutes per session"). */
function headerCellFields(line: LayoutLine): { service: string | null; scheduled: string | null } {
  const isLabel = (t: string) => LOG_HEADER_LABELS.some((f) => f.re.test(t.trim().replace(/\s*:$/, '')));
  // Pairs from the line's first cell on; a table's heading row ("Date | Service | Minutes") is no field.
  if (!line.cells.length || !isLabel(line.cells[0].text) || isHeaderLine(line)) return { service: null, scheduled: null };
  const fields = cellFields(line, isLabel);
  const of = (kind: 'service' | 'scheduled') => fields.find((f) => LOG_HEADER_LABELS.find((h) => h.re.test(f.label.trim()))?.kind === kind)?.value ?? null;
  return { service: of('service'), scheduled: of('scheduled') };
}

type Roles = Record<Exclude<LogColumnRole, 'ignore'>, number>;

function columnRoles(columns: Column[]): Roles {
  const roles: Roles = { date: -1, timeIn: -1, timeOut: -1, scheduled: -1, delivered: -1, status: -1, notes: -1, service: -1 };
  // Each column takes the first role its heading names that no column to its left has taken
  // ("Actual Minutes" then "Reason Not Provided": the second is the status, not a second delivered).
  columns.forEach((c, i) => {
    const label = (c.label ?? '').trim();
    for (const hit of LOG_COLUMNS.filter((r) => r.re.test(label))) {
      if (hit.role === 'ignore') break;
      if (roles[hit.role] < 0) { roles[hit.role] = i; break; }
    }
  });
  if (roles.date < 0) roles.date = 0;
  return roles;
}

const isHeaderLine = (l: LayoutLine) =>
  cellsOf(l).length >= 3 && cellsOf(l).some((c) => /\bdate\b/i.test(c.text)) && cellsOf(l).filter((c) => HEADER_CELLS.test(c.text)).length >= 1 && findDates(l.text).length === 0;

const minutesIn = (text: string): number | null => {
  const m = /(\d+(?:\.\d+)?)/.exec(text.replace(/,/g, ''));
  return m ? Number(m[1]) : null;
};
const sessionMinutesOf = (text: string): number | null => {
  const m = /(\d+)\s*(?:min(?:ute)?s?\b|mins?\.)/i.exec(text);
  return m ? Number(m[1]) : null;
};

/** Minutes between two clock times ("9:00", "9:30 AM", "13:05"), or null. */
export function minutesBetween(start: string, end: string): number | null {
  const parse = (t: string) => {
    const m = /(\d{1,2})[:.](\d{2})\s*([ap])?\.?m?\.?/i.exec(t.trim());
    if (!m) return null;
    let h = Number(m[1]) % 12;
    if (!m[3] ? Number(m[1]) >= 12 && Number(m[1]) < 24 : /p/i.test(m[3])) h += 12;
    if (!m[3] && Number(m[1]) === 12) h = 12;
    return h * 60 + Number(m[2]);
  };
  const a = parse(start);
  let b = parse(end);
  if (a === null || b === null) return null;
  if (b < a && b + 12 * 60 > a) b += 12 * 60; // "1:15" after "12:45" on a form with no AM/PM
  return b >= a ? b - a : null;
}

export function extractServiceLog(pages: PageContent[], documentId: string): ServiceLogExtraction {
  const layout = buildLayout(pages);
  // A label printed small above its value reads as "LABEL: value" (label-lines.ts).
  const lines = joinLabelsAbove(layout.lines.filter((l) => !isPageFurniture(l)));
  const period = logPeriod(layout.lines.slice(0, 20));
  const legend = codeLegend(lines);
  const rows: ReadRow[] = [];
  const printed = new Map<string, PrintedTotals>();
  let printedCount: number | null = null;
  let service = 'Service';
  let serviceMinutes: number | null = null;
  let columns: Column[] | null = null;
  let headerWords: PlacedWord[][] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const beside = headerCellFields(line);
    if (beside.service && !LEADING_DATE.test(line.text)) {
      service = cleanServiceName(beside.service);
      serviceMinutes = sessionMinutesOf(beside.scheduled ?? '') ?? sessionMinutesOf(beside.service);
      continue;
    }
    if (beside.scheduled && !columns) serviceMinutes = sessionMinutesOf(beside.scheduled) ?? serviceMinutes;
    const head = SERVICE_FIELD.exec(line.text);
    if (head && !LEADING_DATE.test(line.text)) {
      // The heading may wrap onto lines above the table header.
      const parts = [fieldValue(line, head[1])];
      for (let k = i + 1; k < lines.length && !isHeaderLine(lines[k]) && !LEADING_DATE.test(lines[k].text) && k <= i + 2 && lines[k].page === line.page; k++) parts.push(lines[k].text);
      service = cleanServiceName(parts.join(' '));
      serviceMinutes = sessionMinutesOf(parts.join(' ')) ?? sessionMinutesOf(line.text);
      continue;
    }
    readPrintedTotals(line.text, printed, service);
    const count = PRINTED_COUNT.exec(line.text);
    if (count) printedCount = Number(count[1] ?? count[2]);
    if (isHeaderLine(line)) {
      const pageLines = lines.filter((l) => l.page === line.page);
      const at = pageLines.indexOf(line);
      const dateHead = cellsOf(line).find((c) => /\bdate\b/i.test(c.text))!;
      // The table ends at another service's heading or table, or at words starting in the date column
      // that are not a date (a total, a count, a note under the table).
      const ends = (w: PlacedWord[]) => SERVICE_FIELD.test(runOf(w).text) || isHeaderLine(pageLines.find((l) => l.words === w)!) || isTotalRow(w) ||
        startsNoDate(runsFromColumn(w, dateHead.x0));
      const below = tableBelow(pageLines.map((l) => l.words), at, ends);
      headerWords = below.headerLines;
      columns = columnsFromHeader(below.body, headerWords);
      rows.push(...rowsOf(below.body, headerWords, columns, service, serviceMinutes, legend, documentId));
      for (const l of pageLines.slice(at + 1, below.end)) {
        readPrintedTotals(l.text, printed, service);
        const c = PRINTED_COUNT.exec(l.text);
        if (c) printedCount = Number(c[1] ?? c[2]);
      }
      i = lines.indexOf(pageLines[below.end - 1] ?? line);
      continue;
    }
    // A page that continues the table without repeating its header reuses the last columns.
    if (columns && LEADING_DATE.test(line.text)) {
      const pageLines = lines.filter((l) => l.page === line.page);
      const at = pageLines.indexOf(line);
      const body: PlacedWord[][] = [];
      let k = at;
      const tableWidth = columnsWidth(columns);
      // Wrapped cell text continues a row; a note or legend under the table (one wide phrase) does not.
      const wraps = (l: LayoutLine) => cellsOf(l).length <= 2 && !/total|entries|page/i.test(l.text) && !PRINTED_COUNT.test(l.text) && !isWidePhrase(l, tableWidth);
      for (; k < pageLines.length && (LEADING_DATE.test(pageLines[k].text) || (body.length > 0 && wraps(pageLines[k]))); k++) body.push(pageLines[k].words);
      rows.push(...rowsOf(body, headerWords, columns, service, serviceMinutes, legend, documentId));
      i = lines.indexOf(pageLines[k - 1]);
    }
  }
  const sessions = rows.filter((r) => r.kind !== 'not_owed').map((r) => r.session);
  const notOwed = rows.filter((r) => r.kind === 'not_owed').map(({ session: s }) => ({ date: s.date, service: s.service, minutes: s.scheduledMinutes, status: s.status, source: s.source }));
  return { sessions, notOwed, summaries: summarise(rows, printed, printedCount, period, documentId) };
}

interface ReadRow {
  kind: 'session' | 'makeup' | 'not_owed';
  session: ServiceSession;
}

function rowsOf(body: PlacedWord[][], headerLines: PlacedWord[][], columns: Column[], service: string, serviceMinutes: number | null, legend: Map<string, string>, documentId: string): ReadRow[] {
  const roles = columnRoles(columns);
  // A row opens where its date column holds a date; other lines are wrapped cell text.
  const table = readTable(body, { headerLines, columns, isRowStart: (_line, cells) => LEADING_DATE.test(cells[roles.date]?.text ?? '') });
  return sessionsFrom(table.rows, roles, service, serviceMinutes, legend, documentId);
}

/**
 * The dates the log covers: a range printed anywhere in its head ("08/16/2023 to 06/06/2024"), or two
 * dates in order after a period label with nothing else between them (two boxes of a form).
 */
function logPeriod(head: LayoutLine[]): [string, string] | null {
  for (const l of head) {
    const range = dateRange(l.text);
    if (range) return range;
  }
  for (const l of head) {
    const m = /\b(?:log|report(?:ing)?|service|date)\s+(?:period|range|dates)\s*:?/i.exec(l.text);
    if (!m) continue;
    const rest = l.text.slice(m.index + m[0].length);
    const dates = findDates(rest);
    if (dates.length >= 2 && dates[0].iso < dates[1].iso && !/\S/.test(rest.slice(dates[0].index + dates[0].length, dates[1].index).replace(/[-–—|]|to|through/gi, ''))) return [dates[0].iso, dates[1].iso];
  }
  return null;
}

/** Codes a log explains in a legend ("P = Present; A = Student absent; MU = Make-up session"). */
function codeLegend(lines: LayoutLine[]): Map<string, string> {
  const legend = new Map<string, string>();
  for (const line of lines) {
    const pairs = [...line.text.matchAll(/\b([A-Z]{1,4})\s*(?:=|:|–|-)\s*([A-Za-z][A-Za-z' /-]*?)\s*(?=[;,]|\s+[A-Z]{1,4}\s*(?:=|:)\s|$)/g)];
    if (pairs.length < 2) continue;
    for (const m of pairs) legend.set(m[1], m[2].trim());
  }
  return legend;
}

function cleanServiceName(text: string): string {
  return text.replace(/\s+-?\s*scheduled\s+[\w/ ,]+$/i, '').replace(/\s*[-–—:,]+\s*$/, '').replace(/\s+/g, ' ').trim();
}

function sessionsFrom(rows: Array<TableRow<PlacedWord>>, roles: Roles, service: string, serviceMinutes: number | null, legend: Map<string, string>, documentId: string): ReadRow[] {
  const out: ReadRow[] = [];
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 ? row.cells[i].text.trim() : '');
    const date = findDates(cell(roles.date))[0]?.iso;
    if (!date) continue;
    const status = cell(roles.status);
    const notes = cell(roles.notes);
    const rowService = cell(roles.service);
    const rest = row.cells.map((c) => c.text).join(' ').replace(findDates(cell(roles.date))[0]?.text ?? '', '');
    const code = roles.status >= 0 ? attendanceOf(legend.get(status.trim()) ?? status) ?? attendanceOf(status) : null;
    // Subtotal and note rows are not sessions, even when they open with a date.
    if (!code && NOT_A_SESSION.test(rest)) continue;
    const timed = roles.timeIn >= 0 && roles.timeOut >= 0 ? minutesBetween(cell(roles.timeIn), cell(roles.timeOut)) : null;
    const deliveredCell = cell(roles.delivered);
    const delivered = minutesIn(deliveredCell) ?? timed ?? 0;
    const scheduledCell = cell(roles.scheduled);
    // A dash or blank in a scheduled column means nothing was scheduled that day.
    const scheduledPrinted = roles.scheduled >= 0 ? (DASH.test(scheduledCell) || !scheduledCell ? 0 : minutesIn(scheduledCell)) : null;
    const hasMinutes = minutesIn(deliveredCell) !== null || timed !== null || (scheduledPrinted ?? 0) > 0;
    if (!hasMinutes && !code) continue;
    // A make-up, or any session held when nothing was scheduled, is counted apart from the schedule.
    const makeup = code === 'makeup' || (scheduledPrinted === 0 && delivered > 0 && code !== 'closed');
    const scheduled = makeup ? 0 : scheduledPrinted ?? sessionMinutesOf(rowService) ?? serviceMinutes ?? delivered;
    const name = rowService ? cleanServiceName(rowService) : service;
    const session: ServiceSession = {
      date,
      service: name,
      scheduledMinutes: scheduled,
      deliveredMinutes: delivered,
      status: status || notes || null,
      responsibility: 'delivered',
      source: provenanceOf(documentId, runOf(row.words)),
    };
    if (code === 'closed') {
      out.push({ kind: 'not_owed', session: { ...session, deliveredMinutes: 0 } });
      continue;
    }
    if (!makeup && delivered < scheduled) {
      const text = `${status} ${notes}`;
      session.responsibility = code === 'provider_absent' ? 'district' : code === 'student_absent' ? 'student_absence' : classifyResponsibility(text);
    }
    out.push({ kind: makeup ? 'makeup' : 'session', session });
  }
  return out;
}

function readPrintedTotals(text: string, printed: Map<string, PrintedTotals>, service: string): void {
  const get = () => {
    const t = printed.get(service) ?? { minutesRequired: null, minutesDelivered: null, minutesMissed: null, sessions: null };
    printed.set(service, t);
    return t;
  };
  const re = /(?:total\s+)?(?:minutes\s+)?(required|scheduled|delivered|provided|missed|not\s+provided)(?:\s+minutes)?\s*[:=]\s*([\d,]+)/gi;
  let m: RegExpExecArray | null;
  if (/total|minutes/i.test(text)) {
    while ((m = re.exec(text))) {
      const n = Number(m[2].replace(/,/g, ''));
      const kind = m[1].toLowerCase();
      if (/required|scheduled/.test(kind)) get().minutesRequired = n;
      else if (/missed|not/.test(kind)) get().minutesMissed = n;
      else get().minutesDelivered = n;
    }
  }
  const count = PRINTED_COUNT.exec(text);
  if (count && service !== 'Service') get().sessions = Number(count[1] ?? count[2]);
}

/**
 * Per service: required = minutes scheduled (make-ups and days the school was closed excluded);
 * delivered = minutes of every session held, make-ups included; missed = required - delivered. The
 * shortfall of each session is the district's or the student's (servicelog-status.ts), and make-up
 * minutes offset the district's share, as the log conventions of the fixture cases describe.
 */
function summarise(rows: ReadRow[], printed: Map<string, PrintedTotals>, printedCount: number | null, period: [string, string] | null, documentId: string): ServiceSummaryWithPrinted[] {
  const byService = new Map<string, ReadRow[]>();
  for (const r of rows) byService.set(r.session.service, [...(byService.get(r.session.service) ?? []), r]);
  const summaries = [...byService.entries()].filter(([, list]) => list.some((r) => r.kind !== 'not_owed')).map(([service, list], i) => {
    const dates = list.map((r) => r.session.date).sort();
    let required = 0, delivered = 0, district = 0, student = 0, madeUp = 0, madeUpSessions = 0, notOwed = 0;
    for (const { kind, session: s } of list) {
      if (kind === 'not_owed') { notOwed += s.scheduledMinutes; continue; }
      delivered += s.deliveredMinutes;
      if (kind === 'makeup') { madeUp += s.deliveredMinutes; madeUpSessions++; continue; }
      required += s.scheduledMinutes;
      const short = Math.max(0, s.scheduledMinutes - s.deliveredMinutes);
      if (s.responsibility === 'student_absence') student += short;
      else district += short;
    }
    district = Math.max(0, district - madeUp);
    const missed = Math.max(0, required - delivered);
    const p = printed.get(service) ?? null;
    const sessions = list.filter((r) => r.kind !== 'not_owed').length;
    const discrepancies: string[] = [];
    if (p?.minutesRequired != null && p.minutesRequired !== required) discrepancies.push(`printed minutes required ${p.minutesRequired}, sessions add up to ${required}`);
    if (p?.minutesDelivered != null && p.minutesDelivered !== delivered) discrepancies.push(`printed minutes delivered ${p.minutesDelivered}, sessions add up to ${delivered}`);
    if (p?.minutesMissed != null && p.minutesMissed !== missed) discrepancies.push(`printed minutes missed ${p.minutesMissed}, sessions add up to ${missed}`);
    if (p?.sessions != null && p.sessions !== sessions) discrepancies.push(`printed ${p.sessions} sessions, ${sessions} read`);
    const first = list[0].session.source;
    return {
      key: `service-${i + 1}`,
      service,
      periodStart: period?.[0] ?? dates[0] ?? null,
      periodEnd: period?.[1] ?? dates[dates.length - 1] ?? null,
      minutesRequired: required,
      minutesDelivered: delivered,
      minutesMissed: missed,
      minutesMissedDistrictResponsible: Math.min(district, missed),
      minutesMissedStudentAbsence: Math.min(student, missed),
      minutesMadeUp: madeUp,
      sessionsMadeUp: madeUpSessions,
      minutesNotOwed: notOwed,
      source: { documentId, page: first.page, bbox: first.bbox },
      printed: p,
      discrepancies,
    };
  });
  // A count printed for the whole log ("Encounters listed: 118") is checked against every row read.
  if (printedCount !== null && summaries.length > 0 && !summaries.some((s) => s.printed?.sessions != null) && printedCount !== rows.length) {
    summaries[0].discrepancies.push(`the log lists ${printedCount} entries, ${rows.length} read`);
  }
  return summaries;
}
