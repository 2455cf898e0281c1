// Evidence for a document's kind, from the whole document: what it calls itself (the first page's
// title and the titles of its other pages), its section headings, its vocabulary, and its structure
// as the layout model sees it (goal entries, service doses, progress marks, tables of scores or of
// sessions, letter and email shapes). Each item names its kind, weight and reason, so a suggestion
// can be explained. The phrases are data (extract/vocab/doc-types.ts); this file only weighs them.
import type { DocumentLayout, TableModel } from '../../layout';
import {
  BODY_PHRASES, CODE_PAIR, GOAL_ENTRY, GOAL_STATEMENT, LEGEND_LABEL, PROGRESS_MARK, PROGRESS_STATUS, SCORE_COLUMN, SCORE_SOURCES,
  SECTION_HEADINGS, SERVICE_COLUMN, SERVICE_DOSE, SESSION_COLUMN, TITLE_PHRASES, TITLE_WEIGHT, type EvidenceKind, type Phrase,
} from '../../extract/vocab/doc-types';
import { findDates } from '../../../../shared/text/dates';
import { headLines, type DocLine } from './doc-lines';

export interface Evidence {
  kind: EvidenceKind;
  weight: number;
  why: string;
}

const BOX_GLYPH = /[☐☒☑□■▢✓✔]|\[\s*[xX✓]?\s*\]/;

/** The first title phrase naming this line, when the line reads as a title rather than a field or a sentence. */
export function titleOf(text: string): Phrase | null {
  if (BOX_GLYPH.test(text)) return null;
  for (const phrase of TITLE_PHRASES) {
    const m = phrase.re.exec(text);
    if (m && isTitleLike(text, m.index, m[0].length)) return phrase;
  }
  return null;
}

/**
 * A heading, not a sentence that mentions a document nor a field: short, in capitals, or the phrase
 * opens the line (running headers often share a line with "Report Date: ..." on the right). A phrase
 * after a colon is a field's value ("Purpose of ARD: ... Reevaluation", "Re: request for an evaluation");
 * one followed by a colon is a label ("Full and Individual Evaluation: 06/14/2022").
 */
function isTitleLike(text: string, index: number, length: number): boolean {
  if (text.slice(0, index).includes(':')) return false;
  const after = text.slice(index + length);
  // "Psychoeducational Evaluation: Academic Achievement": a subtitle in title case after the colon is no field's value.
  const subtitle = /^\s*:\s*[A-Z][A-Za-z-]*(?:\s+(?:[A-Z][A-Za-z-]*|and|of|in|&)){0,5}\s*$/.test(after);
  if (/^\s*(dates?|due|type|on|from|completed|received)?\s*:/i.test(after) && !subtitle) return false;
  const letters = text.replace(/[^A-Za-z]/g, '');
  const capitals = letters.replace(/[^A-Z]/g, '').length;
  if (letters.length > 0 && capitals / letters.length > 0.7) return true;
  if (index <= 2) return true;
  return text.split(/\s+/).filter(Boolean).length <= 10 && !/[a-z]\.\s*$/.test(text);
}

/** What the document calls itself: each title line of the first page votes once, for its kind. */
function firstPageTitles(lines: DocLine[]): Evidence[] {
  const out: Evidence[] = [];
  for (const line of headLines(lines)) {
    const phrase = titleOf(line.text);
    if (phrase && !out.some((e) => e.kind === phrase.kind)) out.push({ kind: phrase.kind, weight: TITLE_WEIGHT[phrase.kind], why: `title "${line.text.slice(0, 60)}"` });
  }
  // A page of scores that names its own kind needs no neutral "Test Results" beside it.
  const named = out.some((e) => e.kind === 'score_report' || e.kind === 'evaluation');
  return named ? out.filter((e) => e.kind !== 'scores') : out;
}

/** A document bound from several forms (a meeting notice in front of an IEP) is also what most of its other pages say they are. */
function furtherPageTitles(lines: DocLine[]): Evidence[] {
  const firstPage = lines[0]?.page;
  const pages = new Map<number, DocLine[]>();
  for (const l of lines) {
    if (l.page === firstPage || !(l.index < 6 || (l.top !== null && l.top < 0.2))) continue;
    const top = pages.get(l.page) ?? [];
    top.push(l);
    pages.set(l.page, top);
  }
  const pageCount = new Set(lines.map((l) => l.page)).size - 1;
  if (pageCount < 2) return [];
  const count = new Map<EvidenceKind, number>();
  for (const top of pages.values()) {
    const kinds = new Set(top.map((l) => titleOf(l.text)?.kind).filter((k): k is EvidenceKind => !!k));
    for (const k of kinds) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return [...count]
    .filter(([, n]) => n / pageCount >= 0.2)
    .map(([kind, n]) => ({ kind, weight: Math.round((6 * n * 10) / pageCount) / 10, why: `titled so on ${n} of ${pageCount} further pages` }));
}

const NUMBERING = String.raw`^\s*(?:(?:\d{1,2}|[A-Z]|[IVX]{1,4})[.)]\s+|section\s+\d+\s*[:.\-]?\s*|part\s+[A-Z0-9]+\s*[:.\-]?\s*)?`;
const HEADINGS = SECTION_HEADINGS.map((h) => ({ ...h, re: new RegExp(NUMBERING + '(?:' + h.re.source + ')', h.re.flags) }));
const HEADING_CAP = 8;

/** Section headings: short lines opening with a section's name; each distinct section counts once. */
function headingEvidence(lines: DocLine[]): Evidence[] {
  const found = new Set<number>();
  for (const line of lines) {
    if (line.text.split(/\s+/).length > 10) continue;
    HEADINGS.forEach((h, i) => {
      if (!found.has(i) && h.re.test(line.text)) found.add(i);
    });
  }
  const byKind = new Map<EvidenceKind, number>();
  for (const i of found) byKind.set(HEADINGS[i].kind, (byKind.get(HEADINGS[i].kind) ?? 0) + HEADINGS[i].weight);
  return [...byKind].map(([kind, w]) => ({ kind, weight: Math.min(HEADING_CAP, w), why: `section headings of a ${kind}` }));
}

function phraseEvidence(text: string): Evidence[] {
  return BODY_PHRASES.filter((p) => p.re.test(text)).map((p) => ({ kind: p.kind, weight: p.weight, why: `says "${p.re.exec(text)![0].trim()}"` }));
}

/** What the structure of the document shows, counted once over lines and tables. */
export interface Structure {
  goals: number;
  doses: number;
  serviceTables: number;
  progressMarks: number;
  legend: boolean;
  scoreTables: number;
  scoreProse: number;
  sessionRows: number;
  clinical: number;
  vendor: number;
}

/** A table's column headings: its header row, or a first row of short cells where the header was not told apart. */
const headerText = (t: TableModel): string => {
  const labels = t.columns.map((c) => c.label ?? '').join(' | ').trim();
  if (labels.replace(/[\s|]/g, '')) return labels;
  const first = t.rows.find((r) => r.kind === 'body');
  const short = first && first.cells.every((c) => c.text.split(/\s+/).length <= 5);
  return short ? first.cells.map((c) => c.text).join(' | ') : '';
};
const bodyRows = (t: TableModel) => {
  const rows = t.rows.filter((r) => r.kind === 'body');
  return t.columns.some((c) => c.label) ? rows : rows.slice(1);
};
/** A cell of one to three numbers (neighbouring score columns may run together). */
// A score may carry its percentile or band in brackets ("85 (16)", "87 (83-91)").
const NUMBER_CELL = /^\s*(?:[<>]?\d{1,4}(?:\.\d+)?\s*(?:%|\*)?\s*){1,3}(?:\(\s*[<>]?\d{1,4}(?:\.\d+)?(?:\s*[-–]\s*\d{1,4})?\s*\)\s*)?$/;

function tableStructure(tables: TableModel[]): Pick<Structure, 'serviceTables' | 'scoreTables' | 'sessionRows'> & { progressRows: number } {
  let serviceTables = 0;
  let scoreTables = 0;
  let sessionRows = 0;
  let progressRows = 0;
  for (const t of tables) {
    const head = headerText(t);
    const rows = bodyRows(t);
    const dated = rows.map((r) => findDates(r.cells.map((c) => c.text).join(' '))[0]?.iso).filter(Boolean);
    if (/\bdate\b/i.test(head) && SESSION_COLUMN.test(head) && dated.length >= 3 && new Set(dated).size >= 3) {
      sessionRows += dated.length;
    } else if (SERVICE_COLUMN.service.test(head) && SERVICE_COLUMN.dose.test(head) && rows.length >= 1) {
      serviceTables++;
    } else if (SCORE_COLUMN.test(head) && rows.filter((r) => r.cells.some((c) => NUMBER_CELL.test(c.text))).length >= 2) {
      scoreTables++;
    }
    if (/\bgoal\b/i.test(head) && /\b(progress|code|rating|status|mark)\b/i.test(head)) progressRows += rows.length;
  }
  return { serviceTables, scoreTables, sessionRows, progressRows };
}

const SESSION_ROW = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b.*\b\d{1,3}\b.*\b(delivered|provided|absent|attended|missed|cancel+ed|make-?up|present|no\s+show|holiday|seen)\b/i;
const SCORE_PROSE = /\b(standard|scaled|scale|composite|index)\s+score\s+(of\s+)?\d{1,3}\b|\b(?:SS|PR)\s*=\s*\d{1,3}\b|\b\d{1,2}(st|nd|rd|th)\s+percentile\b|\bpercentile\s+rank\s+(of\s+)?\d{1,2}\b/i;

/** Session rows of a table read as lines: a header naming dates and minutes, then rows that open with a date. */
function sessionLines(lines: DocLine[]): number {
  let best = lines.filter((l) => SESSION_ROW.test(l.text)).length;
  for (let i = 0; i < lines.length; i++) {
    if (!(/\bdate\b/i.test(lines[i].text) && SESSION_COLUMN.test(lines[i].text))) continue;
    const dates = new Set<string>();
    let rows = 0;
    for (let j = i + 1; j < lines.length && j < i + 80; j++) {
      const d = findDates(lines[j].text)[0];
      if (d && d.index <= 2 && /\b\d{1,3}\b/.test(lines[j].text.slice(d.index + d.length))) {
        rows++;
        dates.add(d.iso);
      } else if (/\bdate\b/i.test(lines[j].text) && SESSION_COLUMN.test(lines[j].text)) break;
    }
    if (dates.size >= 3) best = Math.max(best, rows);
  }
  return best;
}

export function structureOf(lines: DocLine[], layout: DocumentLayout | null, text: string): Structure {
  const tables = tableStructure(layout?.tables ?? []);
  const goalEntries = lines.filter((l) => GOAL_ENTRY.test(l.text)).length;
  const goalStatements = lines.filter((l) => GOAL_STATEMENT.test(l.text)).length;
  const marks = lines.filter((l) => PROGRESS_MARK.test(l.text) || PROGRESS_STATUS.test(l.text)).length;
  const legend = lines.some((l) => LEGEND_LABEL.test(l.text) || ((l.text.match(CODE_PAIR)?.length ?? 0) >= 3 && PROGRESS_STATUS.test(l.text)));
  return {
    goals: Math.max(goalEntries, goalStatements),
    doses: lines.filter((l) => SERVICE_DOSE.test(l.text)).length,
    serviceTables: tables.serviceTables,
    progressMarks: marks + tables.progressRows,
    legend,
    scoreTables: tables.scoreTables,
    scoreProse: lines.filter((l) => SCORE_PROSE.test(l.text)).length,
    sessionRows: Math.max(tables.sessionRows, sessionLines(lines)),
    clinical: SCORE_SOURCES.clinical.filter((re) => re.test(text)).length,
    vendor: SCORE_SOURCES.vendor.filter((re) => re.test(text)).length,
  };
}

/** Structure as evidence: the plan (goals and services), the report on goals, tables of scores, rows of sessions. */
function structureEvidence(s: Structure): Evidence[] {
  const out: Evidence[] = [];
  const services = s.doses + s.serviceTables;
  if (s.goals >= 1 && services >= 1) out.push({ kind: 'iep', weight: 3 + Math.min(3, s.goals) + Math.min(2, services), why: `${s.goals} goals and ${services} services` });
  else if (services >= 2 && !s.sessionRows) out.push({ kind: 'iep', weight: 1, why: `${services} services` });
  if (s.goals >= 1 && s.progressMarks >= 1) out.push({ kind: 'progress_report', weight: 2 + Math.min(6, s.progressMarks), why: `${s.progressMarks} progress marks on ${s.goals} goals` });
  if (s.goals >= 1 && s.legend) out.push({ kind: 'progress_report', weight: 2, why: 'a legend of progress codes' });
  const scoreWeight = (s.scoreTables ? 3 + Math.min(3, 1.5 * (s.scoreTables - 1)) : 0) + (s.scoreProse >= 2 ? 3 : 0);
  if (scoreWeight) out.push({ kind: 'scores', weight: scoreWeight, why: `${s.scoreTables} score tables, ${s.scoreProse} scores in sentences` });
  if (s.sessionRows >= 4) out.push({ kind: 'service_log', weight: Math.min(9, 3 + s.sessionRows / 3), why: `${s.sessionRows} dated session rows` });
  return out;
}

const EMAIL_HEADER = /^\s*(from|to|cc|bcc|sent|date|subject)\s*:/i;

function letterEvidence(lines: DocLine[], emailDate: string | null | undefined): Evidence[] {
  const out: Evidence[] = [];
  const headers = headLines(lines).filter((l) => EMAIL_HEADER.test(l.text)).length;
  if (headers >= 2) out.push({ kind: 'correspondence', weight: 3 + 2 * Math.min(headers, 4), why: `${headers} email header lines` });
  // A report sent as the body of an e-mail ("Subject: IEP progress update for ...") is also what its subject calls it.
  const subject = headLines(lines).map((l) => /^\s*subject\s*:\s*(.+)$/i.exec(l.text)?.[1]).find(Boolean);
  const titled = subject && headers >= 2 ? titleOf(subject) : null;
  if (titled && titled.kind !== 'correspondence') out.push({ kind: titled.kind, weight: TITLE_WEIGHT[titled.kind], why: `an e-mail whose subject is "${subject!.slice(0, 60)}"` });
  if (emailDate) out.push({ kind: 'correspondence', weight: 10, why: 'an email message' });
  return out;
}

/** Every item of evidence for the document's kind. */
export function gatherEvidence(lines: DocLine[], layout: DocumentLayout | null, emailDate?: string | null): { evidence: Evidence[]; structure: Structure } {
  const text = lines.map((l) => l.text).join('\n');
  const structure = structureOf(lines, layout, text);
  const evidence = [
    ...firstPageTitles(lines),
    ...furtherPageTitles(lines),
    ...headingEvidence(lines),
    ...phraseEvidence(text),
    ...structureEvidence(structure),
    ...letterEvidence(lines, emailDate),
  ];
  return { evidence, structure };
}
