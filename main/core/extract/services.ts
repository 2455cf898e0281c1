// Services an IEP offers: from a services table (columns named by vocab/services.ts, cells that wrap
// over several lines, bands that separate services from accommodations printed in the same table) or
// from sentences ("Speech and language therapy, 30 minutes, 2 times per week, in the therapy room").
import type { ExtractedService } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import { atRowPitch, columnsFromHeader, crossesColumns, isBandLine, rowSpacing, wordsByColumn, wrappedHeaderLines, type FormColumn } from '../layout/form-columns';
import { parseServiceDose } from './iep-dose';
import { bodyLines, findSections, provenanceOf, runOf, wordsInRange, type Layout, type LayoutLine, type PlacedWord } from './layout';
import { confidenceOf, doseCheck } from './confidence';
import { servicesFromFields } from './services-fields';
import { MINUTES_COLUMN, NO_CHANGE, NOT_SERVICE_BAND, SERVICE_BAND, SERVICE_NAME_NOTES, SERVICE_TABLE_COLUMNS, SERVICES_HEADING, LEADING_COLUMNS, type ServiceColumnKind } from './vocab/services';

type Column = FormColumn<ServiceColumnKind>;

const columnKind = (text: string): ServiceColumnKind => SERVICE_TABLE_COLUMNS.find(([, re]) => re.test(text.trim()))?.[0] ?? 'other';
const DOSE_KINDS = new Set<ServiceColumnKind>(['frequency', 'period', 'duration']);
const DATE_KINDS = new Set<ServiceColumnKind>(['start', 'end', 'dates']);

/**
 * A services-table header: a service column first (or after columns naming when it runs, "Semester |
 * Year"), two or more dose, place or date columns after it, one of them a dose, no digits. Given the
 * lines and the header's place among them, a dose named on a wrapped header line counts ("Special |
 * education | Time" over three lines).
 */
function isServiceTableHeader(line: LayoutLine, lines?: LayoutLine[], at?: number): boolean {
  if (/\d/.test(line.text) || line.cells.length < 3 || NOT_SERVICE_BAND.test(line.cells[0].text)) return false;
  const kinds = line.cells.map((c) => columnKind(c.text));
  const nameAt = kinds.indexOf('service');
  if (nameAt < 0 || !line.cells.slice(0, nameAt).every((c) => LEADING_COLUMNS.test(c.text.trim()))) return false;
  if (kinds.slice(nameAt + 1).filter((k) => k !== 'other' && k !== 'service').length < 2) return false;
  if (kinds.some((k) => DOSE_KINDS.has(k))) return true;
  if (!lines || at === undefined || nameAt === 0) return false;
  const columns = columnsFromHeader(line, () => 'other' as ServiceColumnKind);
  wrappedHeaderLines(lines, at, columns);
  return columns.some((c) => DOSE_KINDS.has(columnKind(c.label)));
}

export interface ServicesResult {
  services: ExtractedService[];
  /** Rows of the services table printed under accommodation bands (their first cell). */
  accommodations: string[];
}

export function extractServices(layout: Layout, documentId: string): ExtractedService[] {
  return readServices(layout, documentId).services;
}

export function readServices(layout: Layout, documentId: string): ServicesResult {
  const lines = bodyLines(layout);
  // A table header printed again at the top of the next page (a table that starts at the foot of a
  // page) looks like a running header, but it is the table's: kept, so the table is found and read on.
  const tableLines = layout.lines.filter((l) => !l.repeated || isServiceTableHeader(l));
  const services: ExtractedService[] = [];
  const accommodations: string[] = [];
  let tables = 0;
  for (let i = 0; i < tableLines.length; i++) {
    if (!isServiceTableHeader(tableLines[i], tableLines, i)) continue;
    tables++;
    const table = readServiceTable(tableLines, i, documentId);
    services.push(...table.services);
    accommodations.push(...table.accommodations);
    i = table.end - 1;
  }
  if (tables === 0) services.push(...servicesFromFields(lines, documentId));
  if (tables === 0 && services.length === 0) {
    for (const section of serviceSections(layout)) {
      const text = section.map((l) => l.text).join(' ');
      if (NO_CHANGE.test(text)) continue;
      services.push(...servicesFromSentences(section, documentId));
    }
  }
  return { services: services.map((s, i) => ({ ...s, key: `service-${i + 1}` })), accommodations };
}

/**
 * The lines under each services heading: an all-capitals heading line (findSections), or a heading
 * set as a short line of its own in any case ("Services", "Special Education and Related Services"),
 * running to the next such heading.
 */
function serviceSections(layout: Layout): LayoutLine[][] {
  const sections = findSections(layout, SERVICES_HEADING)
    .filter((s) => !/ACCOMMODATION|ASSESSMENT/i.test(s.heading?.text ?? ''))
    .map((s) => s.lines);
  if (sections.length > 0) return sections;
  const lines = bodyLines(layout);
  const out: LayoutLine[][] = [];
  let current: LayoutLine[] | null = null;
  for (const line of lines) {
    if (isTitleLine(line)) {
      current = SERVICES_HEADING.test(line.text) && !/ACCOMMODATION|ASSESSMENT/i.test(line.text) ? [] : null;
      if (current) out.push(current);
      continue;
    }
    current?.push(line);
  }
  return out;
}

/** A heading set on a line of its own: a few words, no figures, no sentence or label punctuation, all capitals or all bold (or read by OCR). */
function isTitleLine(line: LayoutLine): boolean {
  if (line.isHeading) return true;
  if (line.words.length > 6 || /\d/.test(line.text) || /[.,;:]$/.test(line.text) || !/^[A-Z]/.test(line.text)) return false;
  // OCR sees no bold face (its words are below the text layer's confidence of 100): a short line of
  // its own is a heading by its shape alone.
  return line.words.every((w) => w.bold) || line.words.every((w) => w.conf < 100);
}

/** A minutes column's bare figures are minutes ("180 per 6 wks" under "Sp Ed Min"). */
function withUnit(text: string, column: Column): string {
  // A grid giving the count and its period in columns of their own ("Minutes | Times | Per"): a bare
  // count is a number of sessions, a bare period word a period, so the cells read on as one dose.
  if (column.kind === 'frequency' && /^\d+$/.test(text.trim())) return `${text.trim()} times`;
  if (column.kind === 'period' && /^(?:\d+\s+)?(?:day|week|month|year|session)s?$/i.test(text.trim())) return `per ${text.trim()}`;
  if (!MINUTES_COLUMN.test(column.label) || /\b(?:dates?|start|end|begin)\b/i.test(column.label)) return text;
  return text.replace(/^(\d+(?:\.\d+)?)(?=\s*(?:$|\/|per\b|a\b|an\b|each\b|every\b|weekly\b|monthly\b|daily\b|yearly\b))/i, '$1 min');
}

interface Row { words: PlacedWord[][]; all: PlacedWord[]; isService: boolean }

function readServiceTable(lines: LayoutLine[], headerAt: number, documentId: string): ServicesResult & { end: number } {
  const header = lines[headerAt];
  const columns = columnsFromHeader(header, () => 'other' as ServiceColumnKind);
  let i = headerAt + 1 + wrappedHeaderLines(lines, headerAt, columns);
  for (const c of columns) c.kind = columnKind(c.label);
  // The service's column: the first, or the one after columns naming when it runs (whose cells are
  // no dose, date or name of the service: left out below).
  const nameAt = Math.max(0, columns.findIndex((c) => c.kind === 'service'));
  const rows: Row[] = [];
  const body: LayoutLine[] = [];
  let inServices = true;
  let previous: LayoutLine | null = null;
  const spacingLines: LayoutLine[] = [];
  for (let k = i; k < lines.length && !isEnd(lines[k], columns, header, lines[k + 1]); k++) if (!repeatsHeader(lines[k], header)) spacingLines.push(lines[k]);
  const spacing = rowSpacing(spacingLines.filter((l) => !isBandLine(l, columns)));
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (isEnd(line, columns, header, lines[i + 1])) break;
    // The header printed again over the rows continued on the next page: the table reads on.
    if (repeatsHeader(line, header)) {
      previous = null;
      // Its wrapped label lines too, counted on a copy: the columns keep the labels they have.
      i += wrappedHeaderLines(lines, i, columns.map((c) => ({ ...c })));
      continue;
    }
    if (isBandLine(line, columns)) {
      inServices = !NOT_SERVICE_BAND.test(line.text) && (SERVICE_BAND.test(line.text) || inServices);
      previous = null;
      continue;
    }
    body.push(line);
    const cells = wordsByColumn(line, columns);
    const startsRow = cells[nameAt].length > 0 && (rows.length === 0 || previous === null || (spacing.padded ? atRowPitch(line, previous, spacing) : cells.some((c, k) => k !== nameAt && c.length > 0)));
    if (startsRow) rows.push({ words: cells, all: [...line.words], isService: inServices });
    else if (rows.length) {
      const row = rows[rows.length - 1];
      cells.forEach((c, k) => row.words[k].push(...c));
      row.all.push(...line.words);
    }
    previous = line;
  }
  const services: ExtractedService[] = [];
  const accommodations: string[] = [];
  for (const row of rows) {
    const text = (kinds: (k: ServiceColumnKind) => boolean) => columns.map((c, k) => (k > nameAt && kinds(c.kind) ? withUnit(runOf(row.words[k]).text, c) : '')).filter(Boolean);
    const name = runOf(row.words[nameAt]).text;
    if (!row.isService) {
      if (name) accommodations.push(name);
      continue;
    }
    const doseParts = text((k) => DOSE_KINDS.has(k) || k === 'other');
    if (!doseParts.some((p) => /\d/.test(p))) continue;
    services.push(serviceFromRow(row, columns, header, nameAt, doseParts, text((k) => DATE_KINDS.has(k) || k === 'other').join(' '), documentId));
  }
  return { services, accommodations, end: i };
}

/** The same header printed again on a later page, over the table's continued rows. */
function repeatsHeader(line: LayoutLine, header: LayoutLine): boolean {
  const norm = (l: LayoutLine) => l.text.toLowerCase().replace(/\s+/g, ' ').trim();
  return line !== header && line.page > header.page && norm(line) === norm(header);
}

/** The table ends at prose running across its columns, a heading that is no band, or a header that does not repeat its own. */
function isEnd(line: LayoutLine, columns: Column[], header: LayoutLine, next?: LayoutLine): boolean {
  // A one-cell title over the next services table ("Related Services" above its own header row) is no wrapped name.
  if (next && line.cells.length === 1 && isServiceTableHeader(next) && !repeatsHeader(next, header) && next !== header) return true;
  if (isBandLine(line, columns)) return false;
  if (line !== header && isServiceTableHeader(line) && !repeatsHeader(line, header)) return true;
  if (line.isHeading && line.cells.length === 1) return true;
  return crossesColumns(line, columns) && line.cells.length === 1 && (line.words.length >= 6 || /[.:]$/.test(line.text));
}

function serviceFromRow(row: Row, columns: Column[], header: LayoutLine, nameAt: number, doseParts: string[], dateText: string, documentId: string): ExtractedService {
  const cell = (kind: ServiceColumnKind) => {
    const k = columns.findIndex((c) => c.kind === kind);
    return k > nameAt ? cleanCell(runOf(row.words[k]).text) || null : null;
  };
  // A name column whose header names a place on its wrapped line ("Course" over "Location"): the
  // cell's first line is the name, the lines under it the place.
  const stacked = stackedPlace(columns[nameAt].label.slice(header.cells[nameAt]?.text.length ?? Infinity), row.words[nameAt]);
  const [name, code] = splitServiceName(cleanCell(runOf(stacked?.name ?? row.words[nameAt]).text.replace(SERVICE_NAME_NOTES, ' ')));
  const withoutDates = (t: string) => findDates(t).reduceRight((acc, d) => acc.slice(0, d.index) + ' ' + acc.slice(d.index + d.length), t).replace(/\s*[-–]\s*$/, '').trim();
  const doseText = doseParts.map(withoutDates).filter(Boolean).join(', ');
  // Cells read on as one phrase ("60 min" + "per month"); the commas are for the text shown.
  const dose = parseServiceDose(doseParts.map(withoutDates).filter(Boolean).join(' '));
  const dates = findDates(dateText);
  const delivery = cell('delivery');
  return {
    key: '',
    service: name,
    serviceCode: code,
    minutesPerSession: dose.minutesPerSession,
    sessionsPerPeriod: dose.sessionsPerPeriod,
    period: dose.period,
    minutesPerWeek: dose.minutesPerWeek,
    minutesPerMonth: dose.minutesPerMonth,
    frequencyText: [delivery, doseText].filter(Boolean).join(', ') + (dose.formula ? ` (${dose.formula})` : ''),
    location: cell('location') ?? (stacked ? cleanCell(runOf(stacked.place).text) || null : null),
    provider: cell('provider'),
    startDate: dates[0]?.iso ?? null,
    endDate: dates[1]?.iso ?? null,
    source: provenanceOf(documentId, runOf(row.all)),
    ...confidenceOf({ words: row.all, foundBy: 'table', checks: [doseCheck(dose)] }),
  };
}

/** The name and place of a name cell whose header's wrapped lines (`wrapped`) name a place; null otherwise. */
function stackedPlace(wrapped: string, words: PlacedWord[]): { name: PlacedWord[]; place: PlacedWord[] } | null {
  if (!/\b(?:location|setting)\b/i.test(wrapped) || words.length === 0) return null;
  const firstBottom = words[0].bbox[3];
  const name = words.filter((w) => w.bbox[1] < firstBottom - 1);
  const place = words.filter((w) => w.bbox[1] >= firstBottom - 1);
  return place.length > 0 ? { name, place } : null;
}

/** A cell's text without the table rules and specks a scan reads as characters ("|", ":"). */
const cleanCell = (t: string) => t.replace(/(?:^|\s)[|:;©®]+(?=\s|$)/g, ' ').replace(/\|/g, '').replace(/\s+/g, ' ').trim();

/** "Specialized Academic Instruction (330)" / "330 - Specialized Academic Instruction" -> [name, code]. */
export function splitServiceName(text: string): [string, string | null] {
  const t = text.replace(/\s+/g, ' ').trim();
  const trailing = /^(.*?)\s*\((\d{2,4})\)\s*$/.exec(t);
  if (trailing) return [trailing[1], trailing[2]];
  const leading = /^(\d{2,4})\s*[-–:]\s*(.+)$/.exec(t);
  if (leading) return [leading[2], leading[1]];
  return [t, null];
}

const DOSE_IN_SENTENCE = /\d+(?:\.\d+)?\s*(?:-\s*)?(?:min(?:ute)?s?|hours?|hrs?)\b/i;

/** One service per sentence (or list item) that states minutes. */
function servicesFromSentences(lines: LayoutLine[], documentId: string): ExtractedService[] {
  const run = runOf(lines.flatMap((l) => l.words));
  const services: ExtractedService[] = [];
  const re = /[^.;\n]+(?:\.(?=\d)[^.;\n]*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run.text))) {
    const sentence = m[0].trim();
    if (!DOSE_IN_SENTENCE.test(sentence)) continue;
    const dose = parseServiceDose(sentence);
    if (dose.minutesPerWeek === null && dose.minutesPerMonth === null && dose.minutesPerSession === null) continue;
    const nameMatch = /^(?:[-•*\d.)\s]+)?([A-Za-z][A-Za-z/&' -]+?)(?:\s*\((\d{2,4})\))?(?:\s*[,:–]|\s+-\s|\s*\d)/.exec(sentence);
    // "Speech-language therapy will be provided 2 times weekly ...": the name ends before its verb.
    const name = (nameMatch?.[1].trim() ?? sentence.split(',')[0]).replace(/\s+(?:will|shall|is|are)(?:\s+(?:be|continue\s+to\s+be))?(?:\s+(?:provided|delivered|given|offered|received))?$/i, '');
    const location = /\b(?:in|at)\s+(?:the\s+)?([^,;]*?(?:room|classroom|class|setting|office|school|building|library|clinic|home))\b/i.exec(sentence)?.[1] ?? null;
    const provider = /\b(?:provided\s+by|by|with)\s+(?:an?\s+|the\s+)?([^,;]*?(?:therapist|pathologist|specialist|teacher|psychologist|counsel(?:or|lor)|aide|paraprofessional|nurse|slp|ot|pt))\b/i.exec(sentence)?.[1] ?? null;
    const dates = findDates(sentence);
    const start = m.index + m[0].indexOf(sentence);
    services.push({
      key: '',
      service: name,
      serviceCode: nameMatch?.[2] ?? null,
      minutesPerSession: dose.minutesPerSession,
      sessionsPerPeriod: dose.sessionsPerPeriod,
      period: dose.period,
      minutesPerWeek: dose.minutesPerWeek,
      minutesPerMonth: dose.minutesPerMonth,
      frequencyText: (sentence.slice(sentence.indexOf(name) + name.length).replace(/^\s*(?:\(\d{2,4}\))?[\s,:–-]*/, '').trim() || sentence) + (dose.formula ? ` (${dose.formula})` : ''),
      location,
      provider,
      startDate: dates[0]?.iso ?? null,
      endDate: dates[1]?.iso ?? null,
      source: provenanceOf(documentId, run, start, start + sentence.length),
      ...confidenceOf({ words: wordsInRange(run, start, start + sentence.length), foundBy: 'pattern', checks: [doseCheck(dose)] }),
    });
  }
  return services;
}
