// Service logs (SEIS, Frontline, PowerSchool and hand-kept trackers): one session per dated row with
// scheduled and delivered minutes and a status, who is responsible for each shortfall, and per
// service and period the minutes required, delivered and missed (district-responsible vs student).
// Missed minutes come from the sessions' own arithmetic; totals the log prints are read too and
// kept beside them (printed, discrepancies) so a reviewer sees when the two disagree.
import type { ExtractedServiceLog, PageContent, ServiceDeliverySummary, ServiceSession } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import { buildLayout, provenanceOf, runOf, type LayoutLine, type PlacedWord } from './layout';
import { dateRange } from './progress-header';
import { isPageFurniture, readTable, tableBelow, type Column, type TableRow } from './tables';
import { classifyResponsibility, isDeliveredStatus } from './servicelog-status';

export interface PrintedTotals {
  minutesRequired: number | null;
  minutesDelivered: number | null;
  minutesMissed: number | null;
  sessions: number | null;
}

export interface ServiceSummaryWithPrinted extends ServiceDeliverySummary {
  /** Totals the log prints for this service, when it prints any. */
  printed: PrintedTotals | null;
  /** Human-readable differences between the printed totals and the sessions' arithmetic. */
  discrepancies: string[];
}

export interface ServiceLogExtraction extends ExtractedServiceLog {
  summaries: ServiceSummaryWithPrinted[];
}

const SERVICE_HEAD = /^(?:service(?:\s+(?:type|name|area))?|related\s+service)\s*[:\-–]\s*(.+)$/i;
const HEADER_CELLS = /min|duration|status|attendance|deliver|provided|sched|length|time/i;
const LEADING_DATE = /^(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\b/;

interface Roles { date: number; scheduled: number; delivered: number; status: number; notes: number; service: number }

function columnRoles(columns: Column[]): Roles {
  const labels = columns.map((c) => (c.label ?? '').toLowerCase());
  const pick = (re: RegExp, skip: number[]) => labels.findIndex((l, i) => !skip.includes(i) && re.test(l));
  const date = Math.max(0, pick(/date/, []));
  const scheduled = pick(/sched|required|planned|expected|iep\s+min|session\s+length|length|mandated/, [date]);
  const delivered = pick(/deliver|actual|provided|served|duration|minutes|\bmin\b|time\s+spent/, [date, scheduled]);
  const status = pick(/status|attendance|code|reason|outcome|result/, [date, scheduled, delivered]);
  const notes = pick(/note|comment|explanation/, [date, scheduled, delivered, status]);
  const service = pick(/service|type|activity/, [date, scheduled, delivered, status, notes]);
  return { date, scheduled, delivered, status, notes, service };
}

const isHeaderLine = (l: LayoutLine) =>
  l.cells.length >= 3 && /^date\b/i.test(l.cells[0].text) && l.cells.filter((c) => HEADER_CELLS.test(c.text)).length >= 1 && findDates(l.text).length === 0;

const minutesIn = (text: string): number | null => {
  const m = /(\d+(?:\.\d+)?)/.exec(text.replace(/,/g, ''));
  return m ? Number(m[1]) : null;
};
const sessionMinutesOf = (text: string): number | null => {
  const m = /(\d+)\s*(?:min(?:ute)?s?\b|mins?\.)/i.exec(text);
  return m ? Number(m[1]) : null;
};

export function extractServiceLog(pages: PageContent[], documentId: string): ServiceLogExtraction {
  const layout = buildLayout(pages);
  const lines = layout.lines.filter((l) => !isPageFurniture(l));
  const period = layout.lines.slice(0, 20).map((l) => dateRange(l.text)).find((r) => r) ?? null;
  const sessions: ServiceSession[] = [];
  const printed = new Map<string, PrintedTotals>();
  let service = 'Service';
  let serviceMinutes: number | null = null;
  let columns: Column[] | null = null;
  let headerWords: PlacedWord[][] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const head = SERVICE_HEAD.exec(line.text);
    if (head && !LEADING_DATE.test(line.text)) {
      // The heading may wrap onto lines above the table header.
      const parts = [head[1]];
      for (let k = i + 1; k < lines.length && !isHeaderLine(lines[k]) && !LEADING_DATE.test(lines[k].text) && k <= i + 2 && lines[k].page === line.page; k++) parts.push(lines[k].text);
      service = cleanServiceName(parts.join(' '));
      serviceMinutes = sessionMinutesOf(parts.join(' '));
      continue;
    }
    readPrintedTotals(line.text, printed, service);
    if (isHeaderLine(line)) {
      const pageLines = lines.filter((l) => l.page === line.page);
      const at = pageLines.indexOf(line);
      const below = tableBelow(pageLines.map((l) => l.words), at, (w) => SERVICE_HEAD.test(runOf(w).text) || isHeaderLine(pageLines.find((l) => l.words === w)!));
      headerWords = below.headerLines;
      const rows = rowsOf(below.body, headerWords, null);
      columns = rows.columns;
      sessions.push(...sessionsFrom(rows.rows, columnRoles(columns), service, serviceMinutes, documentId));
      for (const l of pageLines.slice(at + 1, below.end)) readPrintedTotals(l.text, printed, service);
      i = lines.indexOf(pageLines[below.end - 1] ?? line);
      continue;
    }
    // A page that continues the table without repeating its header reuses the last columns.
    if (columns && LEADING_DATE.test(line.text)) {
      const pageLines = lines.filter((l) => l.page === line.page);
      const at = pageLines.indexOf(line);
      const body: PlacedWord[][] = [];
      let k = at;
      for (; k < pageLines.length && (LEADING_DATE.test(pageLines[k].text) || (body.length > 0 && pageLines[k].cells.length <= 2 && !/total|entries|page/i.test(pageLines[k].text))); k++) body.push(pageLines[k].words);
      const rows = rowsOf(body, headerWords, columns);
      sessions.push(...sessionsFrom(rows.rows, columnRoles(columns), service, serviceMinutes, documentId));
      i = lines.indexOf(pageLines[k - 1]);
    }
  }
  return { sessions, summaries: summarise(sessions, printed, period, documentId) };
}

function rowsOf(body: PlacedWord[][], headerLines: PlacedWord[][], columns: Column[] | null) {
  return readTable(body, {
    headerLines,
    columns: columns ?? undefined,
    isRowStart: (line) => LEADING_DATE.test(line[0]?.text ?? ''),
  });
}

function cleanServiceName(text: string): string {
  return text.replace(/\s+-?\s*scheduled\s+[\w/ ,]+$/i, '').replace(/\s+-\s*$/, '').replace(/\s+/g, ' ').trim();
}

function sessionsFrom(rows: Array<TableRow<PlacedWord>>, roles: Roles, service: string, serviceMinutes: number | null, documentId: string): ServiceSession[] {
  const out: ServiceSession[] = [];
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 ? row.cells[i].text.trim() : '');
    const date = findDates(cell(roles.date))[0]?.iso;
    if (!date) continue;
    const status = cell(roles.status) || null;
    const notes = cell(roles.notes);
    const rowService = cell(roles.service);
    const delivered = minutesIn(cell(roles.delivered)) ?? 0;
    const scheduled = minutesIn(cell(roles.scheduled)) ?? sessionMinutesOf(rowService) ?? serviceMinutes ?? delivered;
    const text = `${status ?? ''} ${notes}`;
    const responsibility = delivered >= scheduled && (isDeliveredStatus(status) || delivered > 0) ? 'delivered' : classifyResponsibility(text);
    out.push({
      date,
      service: rowService ? cleanServiceName(rowService) : service,
      scheduledMinutes: scheduled,
      deliveredMinutes: delivered,
      status: status ?? (notes || null),
      responsibility,
      source: provenanceOf(documentId, runOf(row.words)),
    });
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
  const count = /(?:entries|sessions)\s+(?:listed|logged|total)\s*[:=]\s*(\d+)|total\s+(?:entries|sessions)\s*[:=]\s*(\d+)/i.exec(text);
  if (count) get().sessions = Number(count[1] ?? count[2]);
}

function summarise(sessions: ServiceSession[], printed: Map<string, PrintedTotals>, period: [string, string] | null, documentId: string): ServiceSummaryWithPrinted[] {
  const byService = new Map<string, ServiceSession[]>();
  for (const s of sessions) byService.set(s.service, [...(byService.get(s.service) ?? []), s]);
  return [...byService.entries()].map(([service, list], i) => {
    const dates = list.map((s) => s.date).sort();
    let required = 0, delivered = 0, missed = 0, district = 0, student = 0;
    for (const s of list) {
      required += s.scheduledMinutes;
      delivered += s.deliveredMinutes;
      const short = Math.max(0, s.scheduledMinutes - s.deliveredMinutes);
      missed += short;
      if (s.responsibility === 'student_absence') student += short;
      else district += short;
    }
    const p = printed.get(service) ?? null;
    const discrepancies: string[] = [];
    if (p?.minutesRequired != null && p.minutesRequired !== required) discrepancies.push(`printed minutes required ${p.minutesRequired}, sessions add up to ${required}`);
    if (p?.minutesDelivered != null && p.minutesDelivered !== delivered) discrepancies.push(`printed minutes delivered ${p.minutesDelivered}, sessions add up to ${delivered}`);
    if (p?.minutesMissed != null && p.minutesMissed !== missed) discrepancies.push(`printed minutes missed ${p.minutesMissed}, sessions add up to ${missed}`);
    if (p?.sessions != null && p.sessions !== list.length) discrepancies.push(`printed ${p.sessions} sessions, ${list.length} read`);
    const first = list[0].source;
    return {
      key: `service-${i + 1}`,
      service,
      periodStart: period?.[0] ?? dates[0] ?? null,
      periodEnd: period?.[1] ?? dates[dates.length - 1] ?? null,
      minutesRequired: required,
      minutesDelivered: delivered,
      minutesMissed: missed,
      minutesMissedDistrictResponsible: district,
      minutesMissedStudentAbsence: student,
      source: { documentId, page: first.page, bbox: first.bbox },
      printed: p,
      discrepancies,
    };
  });
}
