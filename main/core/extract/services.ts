// Services an IEP offers: from a services table (cells that wrap over several lines) or from
// sentences ("Speech and language therapy, 30 minutes, 2 times per week, in the therapy room").
import type { ExtractedService } from '../../../shared/domain';
import { findDates } from '../../../shared/text/dates';
import { parseServiceDose } from './iep-dose';
import { findSections, provenanceOf, runOf, type Layout, type LayoutLine, type PlacedWord } from './layout';
import { readTable, type TableRow } from './tables';

const SERVICES_HEADING = /SERVICES|OFFER\s+OF\s+FAPE|SPECIAL\s+EDUCATION\s+(?:AND|&)\s+RELATED|RELATED\s+SERVICES|SUPPLEMENTARY\s+AIDS/i;
/** "No change": an amendment that keeps the services of the IEP it amends lists none of its own. */
const NO_CHANGE = /\bno\s+changes?\b|\bremain(?:s)?\s+(?:as\s+written|in\s+effect|unchanged|the\s+same)|\bunchanged\b|\bcontinue\s+as\s+(?:written|stated)/i;

const HEADER_WORDS: Array<[string, RegExp]> = [
  ['service', /\b(?:services?|type|description|program)\b/i],
  ['start', /\b(?:start|begin(?:ning)?|initiation|from)\b/i],
  ['end', /\b(?:end(?:ing)?|through|expiration)\b/i],
  ['frequency', /\b(?:frequency|freq\.?|how\s+often|sessions?)\b/i],
  ['minutes', /\b(?:minutes|min\.?|duration|amount|length|time)\b/i],
  ['location', /\b(?:location|setting|where)\b/i],
  ['provider', /\b(?:provider|responsible|staff|personnel|provided\s+by)\b/i],
];

function isServiceTableHeader(line: LayoutLine): boolean {
  if (/\d/.test(line.text)) return false;
  return HEADER_WORDS.filter(([, re]) => re.test(line.text)).length >= 3 && /service|program|type/i.test(line.text);
}

export function extractServices(layout: Layout, documentId: string): ExtractedService[] {
  const sections = findSections(layout, SERVICES_HEADING).filter((s) => !/ACCOMMODATION|ASSESSMENT/i.test(s.heading?.text ?? ''));
  const services: ExtractedService[] = [];
  for (const section of sections) {
    const headerAt = section.lines.findIndex(isServiceTableHeader);
    if (headerAt >= 0) {
      services.push(...servicesFromTable(section.lines, headerAt, documentId));
      continue;
    }
    const text = section.lines.map((l) => l.text).join(' ');
    if (NO_CHANGE.test(text)) continue;
    services.push(...servicesFromSentences(section.lines, documentId));
  }
  return services.map((s, i) => ({ ...s, key: `service-${i + 1}` }));
}

function servicesFromTable(lines: LayoutLine[], headerAt: number, documentId: string): ExtractedService[] {
  const header = lines[headerAt];
  const body: LayoutLine[] = [];
  const left = header.bbox[0] - 10;
  for (const line of lines.slice(headerAt + 1)) {
    if (line.isHeading || line.page !== header.page && body.length === 0) break;
    // A prose line running across the columns ends the table.
    if (line.cells.length === 1 && line.words.length >= 8 && line.bbox[2] - line.bbox[0] > (header.bbox[2] - header.bbox[0]) * 0.6) break;
    if (line.bbox[0] < left) break;
    body.push(line);
  }
  if (body.length === 0) return [];
  // Left-aligned header cells give the columns directly; cells too close for a white gutter
  // (a service name running up to its start date) stay apart that way.
  const columns = header.cells.length >= 3
    ? header.cells.map((c, i) => ({ x0: c.x0 - 2, x1: (header.cells[i + 1]?.x0 ?? Math.max(...body.map((l) => l.bbox[2]), c.x1) + 2) - 2, label: c.text }))
    : undefined;
  const table = readTable<PlacedWord>(body.map((l) => l.words), {
    headerLines: [header.words],
    columns,
    isRowStart: (_line, cells) => cells[0].words.length > 0 && cells.slice(1).some((c) => /\d/.test(c.text)),
  });
  const labels = table.columns.map((c) => c.label ?? '');
  const colIndex = (key: string) => labels.findIndex((l) => HEADER_WORDS.find(([k]) => k === key)![1].test(l));
  const locationCol = colIndex('location');
  const providerCol = colIndex('provider');
  return table.rows.filter((r) => r.cells.slice(1).some((c) => /\d/.test(c.text))).map((row) => serviceFromRow(row, locationCol, providerCol, documentId));
}

function serviceFromRow(row: TableRow<PlacedWord>, locationCol: number, providerCol: number, documentId: string): ExtractedService {
  const [name, code] = splitServiceName(row.cells[0].text);
  const others = row.cells.filter((_, i) => i !== 0 && i !== locationCol && i !== providerCol).map((c) => c.text).filter(Boolean);
  const doseText = others.join(' ');
  const dates = findDates(doseText);
  const withoutDates = (t: string) => findDates(t).reduceRight((acc, d) => acc.slice(0, d.index) + ' ' + acc.slice(d.index + d.length), t).trim();
  const frequencyText = others.map(withoutDates).filter(Boolean).join(', ');
  const dose = parseServiceDose(withoutDates(doseText));
  return {
    key: '',
    service: name,
    serviceCode: code,
    ...dose,
    frequencyText,
    location: locationCol >= 0 ? row.cells[locationCol].text || null : null,
    provider: providerCol >= 0 ? row.cells[providerCol].text || null : null,
    startDate: dates[0]?.iso ?? null,
    endDate: dates[1]?.iso ?? null,
    source: provenanceOf(documentId, runOf(row.words)),
    confidence: dose.minutesPerWeek !== null || dose.minutesPerMonth !== null ? 0.9 : 0.6,
  };
}

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
    const name = nameMatch?.[1].trim() ?? sentence.split(',')[0];
    const location = /\b(?:in|at)\s+(?:the\s+)?([^,;]*?(?:room|classroom|class|setting|office|school|building|library|clinic|home))\b/i.exec(sentence)?.[1] ?? null;
    const provider = /\b(?:provided\s+by|by|with)\s+(?:an?\s+|the\s+)?([^,;]*?(?:therapist|pathologist|specialist|teacher|psychologist|counsel(?:or|lor)|aide|paraprofessional|nurse|slp|ot|pt))\b/i.exec(sentence)?.[1] ?? null;
    const dates = findDates(sentence);
    const start = m.index + m[0].indexOf(sentence);
    services.push({
      key: '',
      service: name,
      serviceCode: nameMatch?.[2] ?? null,
      ...dose,
      frequencyText: sentence.slice(sentence.indexOf(name) + name.length).replace(/^\s*(?:\(\d{2,4}\))?[\s,:–-]*/, '').trim() || sentence,
      location,
      provider,
      startDate: dates[0]?.iso ?? null,
      endDate: dates[1]?.iso ?? null,
      source: provenanceOf(documentId, run, start, start + sentence.length),
      confidence: 0.7,
    });
  }
  return services;
}
