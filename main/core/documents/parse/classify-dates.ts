// The document's own date, by type: the meeting date of an IEP, the report date of a progress report,
// the sent date of a letter or email, the print date of a score report or service log.
// Labelled dates come first; the fallbacks are the shapes those dates take when unlabelled.
import type { DocType, IepSubtype, Suggestion } from '../../../../shared/domain';
import { findDates } from '../../../../shared/text/dates';
import { birthDates, datesForLabel, headLines, isBirthDate, type DocLine } from './doc-lines';

type Rule =
  | { kind: 'label'; re: RegExp; confidence: number; headOnly?: boolean }
  | { kind: 'rangeEnd'; re: RegExp; confidence: number }
  | { kind: 'latestFor'; re: RegExp; confidence: number }
  | { kind: 'dateRow'; confidence: number };

const label = (re: RegExp, confidence = 0.92, headOnly = false): Rule => ({ kind: 'label', re, confidence, headOnly });

const PRINTED = /\b(date\s+printed|print(ed)?\s+date|printed(\s+on)?|run\s+date|date\s+run|run\s+on|report\s+run(\s+on)?|date\s+generated|generated(\s+on)?|report\s+generated(\s+on)?|date\s+produced|produced\s+on|created\s+on|date\s+exported|export(ed)?\s+(on|date)|exported)\b/i;
const REPORT_DATE = /\b(report\s+date|date\s+of\s+(this\s+)?report|(date\s+)?report(ed)?\s+on|date\s+(reported|issued|sent|prepared|completed|written|finalized|signed))\b/i;
const GENERIC_DATE = /(?<!(birth|due|start|end|review|target|test|testing|expiration|effective|initiation|re-?evaluation|eligibility)\s*)\bdate\s*:/i;
// "Projected Date of Annual IEP Review" and "Next Meeting Date" name the next meeting, not this one.
// "Date of CSE Meeting", "ARD Meeting Date", "Date of IEP Team Meeting" name this meeting.
const MEETING_DATE = /(?<!(projected|next|anticipated|target|due)\s+)\b((iep|cse|cpse|ard|team|pupil|planning)\s+)?meeting\s+date\b|(?<!(projected|next|anticipated|target)\s+)\bdate\s+of\s+(the\s+)?(iep\s+|annual\s+|team\s+)*(meeting|conference|review)\b|(?<!(projected|next|anticipated|target)\s+)\bdate\s+of\s+(the\s+)?(cse|cpse|ard|iep|team|admission,?\s+review\s+(and|&)\s+dismissal)(\s+(team|committee))?\s+(meeting|conference)\b|\bconference\s+date\b|\bmeeting\s+held(\s+on)?\b|\bdate\s+iep\s+(meeting\s+)?held\b/i;

const RULES: Record<DocType, Rule[]> = {
  iep: [
    label(MEETING_DATE),
    label(/\b(iep\s+date(?!d)|date\s+of\s+(the\s+)?iep|iep\s+developed(\s+on)?|date\s+iep\s+(developed|written|finalized))\b/i, 0.85),
    label(/\b(iep\s+)?(start|initiation|effective|begin(ning)?|implementation)\s+date\b|\biep\s+(period|duration|dates?)\b|\bduration\s+of\s+(the\s+)?(iep|services)\b|\beffective\s+(dates?|from)\b/i, 0.7),
    label(GENERIC_DATE, 0.6, true),
  ],
  progress_report: [
    // A goal sheet carrying several reports is dated by the latest of them.
    { kind: 'latestFor', re: REPORT_DATE, confidence: 0.92 },
    label(/\bprogress\s+report\s+date\b|\bdate\s+of\s+progress\s+report\b/i),
    // The dates over a grid of reporting periods ("11/17/2023 01/26/2024 04/19/2024"): the latest is this report's.
    { kind: 'dateRow', confidence: 0.75 },
    { kind: 'rangeEnd', re: /\b(reporting|marking|grading|report)\s+period\b|\bperiod\s+(covered|ending)\b/i, confidence: 0.7 },
    label(GENERIC_DATE, 0.65, true),
  ],
  score_report: [
    label(PRINTED),
    label(REPORT_DATE, 0.88),
    label(GENERIC_DATE, 0.6, true),
    { kind: 'latestFor', re: /\b(test|testing|administration|assessment)\s+date\b|\bdate\s+(tested|administered|taken|of\s+(testing|test|administration))\b/i, confidence: 0.55 },
  ],
  service_log: [
    label(PRINTED),
    label(REPORT_DATE, 0.85),
    { kind: 'rangeEnd', re: /\b(service|reporting|report|log)\s+period\b|\bdate\s+range\b|\bschool\s+year\s+\d{4}\s*-\s*\d{2,4}\b|\bdates?\s+of\s+service\b/i, confidence: 0.7 },
    label(GENERIC_DATE, 0.6, true),
  ],
  evaluation: [
    label(REPORT_DATE),
    label(/\bdate\s+of\s+(evaluation|assessment)\s+report\b|\b(evaluation|assessment)\s+report\s+date\b/i),
    label(MEETING_DATE, 0.7),
    { kind: 'latestFor', re: /\bdates?\s+of\s+(the\s+)?(evaluation|assessment|testing|observation)s?\b|\b(evaluation|assessment|testing)\s+dates?\b|\bdates?\s+(tested|evaluated|assessed)\b/i, confidence: 0.7 },
    label(GENERIC_DATE, 0.65, true),
  ],
  correspondence: [
    label(/^\s*(date|sent|date\s+sent|sent\s+on)\s*:/i, 0.93, true),
    label(GENERIC_DATE, 0.85, true),
  ],
  other: [label(GENERIC_DATE, 0.5, true), label(REPORT_DATE, 0.5)],
};

export function pickDocumentDate(lines: DocLine[], type: DocType, subtype: IepSubtype | null, emailDate: string | null): Suggestion<string | null> {
  if (emailDate && (type === 'correspondence' || type === 'other')) return { value: emailDate, confidence: 0.97 };
  const rules = [...RULES[type]];
  if (type === 'iep' && (subtype === 'amendment' || subtype === 'revision')) {
    rules.unshift(label(/\b(date\s+of\s+(the\s+)?(amendment|revision|addendum)|(amendment|revision|addendum)\s+date|date\s+amended)\b/i, 0.93));
  }
  const head = headLines(lines);
  // Never a birth date, even where the same date is printed under another label.
  const births = birthDates(lines);
  for (const rule of rules) {
    const found = applyRule(rule, rule.kind === 'label' && rule.headOnly ? head : lines, births);
    if (found) return { value: found, confidence: rule.confidence };
  }
  const fallback = type === 'correspondence' ? letterDate(head) : null;
  if (fallback) return { value: fallback, confidence: 0.7 };
  if (type === 'score_report' || type === 'service_log') {
    const latest = latestDate(lines, births);
    if (latest) return { value: latest, confidence: 0.45 };
  }
  const first = firstNonBirthDate(head, births) ?? firstNonBirthDate(lines, births);
  return first ? { value: first, confidence: 0.35 } : { value: null, confidence: 0 };
}

function applyRule(rule: Rule, lines: DocLine[], births: Set<string>): string | null {
  if (rule.kind === 'label') return datesForLabel(lines, rule.re, { maxResults: 5 }).find((d) => !births.has(d.iso))?.iso ?? null;
  if (rule.kind === 'dateRow') return latestDateRow(lines, births);
  if (rule.kind === 'rangeEnd') {
    for (const line of lines) {
      const m = rule.re.exec(line.text);
      if (!m) continue;
      const dates = findDates(line.text.slice(m.index + m[0].length)).slice(0, 2);
      if (dates.length === 2) return dates[0].iso > dates[1].iso ? dates[0].iso : dates[1].iso;
      // A header row ("Reporting Period") with the range in the row below it.
      const below = datesForLabel([line, ...lines.slice(lines.indexOf(line) + 1, lines.indexOf(line) + 3)], rule.re, { maxResults: 1 });
      if (below[0]) {
        const next = lines[lines.indexOf(line) + 1];
        const range = next ? findDates(next.text) : [];
        const i = range.findIndex((d) => d.iso === below[0].iso);
        return i >= 0 && range[i + 1] && range[i + 1].iso > below[0].iso ? range[i + 1].iso : below[0].iso;
      }
    }
    return null;
  }
  // Every date after the label on its line ("Evaluation dates: 10/02 and 10/05"), else the one under it in its column.
  const all: string[] = [];
  for (const line of lines) {
    const m = rule.re.exec(line.text);
    if (m) all.push(...findDates(line.text.slice(m.index + m[0].length, m.index + m[0].length + 80)).map((d) => d.iso));
  }
  if (all.length === 0) all.push(...datesForLabel(lines, rule.re, { maxResults: 20 }).map((d) => d.iso));
  const kept = all.filter((d) => !births.has(d));
  return kept.length ? kept.sort().at(-1)! : null;
}

/** The latest date on a line that holds only dates, two or more in order (the heads of a period grid). */
function latestDateRow(lines: DocLine[], births: Set<string>): string | null {
  let latest: string | null = null;
  for (const line of lines) {
    const dates = findDates(line.text);
    if (dates.length < 2) continue;
    let rest = line.text;
    for (const d of dates) rest = rest.replace(d.text, '');
    if (rest.replace(/[\s|:;,.\-–]+/g, '').length > 2) continue;
    if (dates.some((d, i) => i > 0 && d.iso <= dates[i - 1].iso)) continue;
    const last = dates[dates.length - 1].iso;
    if (!births.has(last) && (!latest || last > latest)) latest = last;
  }
  return latest;
}

/** A letter's date: a line near the top that is nothing but a date ("March 8, 2024"), or that opens with one. */
function letterDate(head: DocLine[]): string | null {
  for (const line of head) {
    const dates = findDates(line.text);
    const first = dates[0];
    if (!first || isBirthDate(line.text, first)) continue;
    const before = line.text.slice(0, first.index).replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i, '').trim();
    if (before === '') return first.iso;
  }
  return null;
}

function firstNonBirthDate(lines: DocLine[], births: Set<string>): string | null {
  for (const line of lines) for (const d of findDates(line.text)) if (!isBirthDate(line.text, d) && !births.has(d.iso)) return d.iso;
  return null;
}

function latestDate(lines: DocLine[], births: Set<string>): string | null {
  let latest: string | null = null;
  for (const line of lines) for (const d of findDates(line.text)) if (!isBirthDate(line.text, d) && !births.has(d.iso) && (!latest || d.iso > latest)) latest = d.iso;
  return latest;
}
