// A progress report's own legend of codes ("SP = Sufficient progress", "4 - Goal met", a Code/Meaning
// table) and the code an entry carries, matched by the code as printed or by the legend's wording.
import type { LayoutLine } from './layout';
import { LEGEND_HEADING, NARRATIVE_CODES } from './vocab/progress';

const CODE = String.raw`(?:[A-Z][A-Z0-9+\-/]{0,3}|\d)`;

function clean(meaning: string): string {
  return meaning.replace(/\s+/g, ' ').replace(/^[\s\-–:=]+/, '').replace(/[\s;,.|]+$/, '').trim();
}

/** "SP – Sufficient progress" in one cell: a code, a dash or colon, its meaning in words. */
const INLINE_PAIR = new RegExp(`^(${CODE})\\s*[-–:]\\s+([A-Za-z].{1,80})$`);

/** "GM = Goal Met; SP = Sufficient progress ..." : every CODE = meaning pair on the line. */
function equalsPairs(text: string): Array<[string, string]> {
  const re = new RegExp(`(?:^|[\\s;,|(:])(${CODE})\\s*=\\s*`, 'g');
  const marks: Array<{ code: string; start: number; valueStart: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].indexOf(m[1]);
    marks.push({ code: m[1], start, valueStart: m.index + m[0].length });
  }
  return marks
    .map((mk, i) => [mk.code, clean(text.slice(mk.valueStart, marks[i + 1]?.start ?? text.length))] as [string, string])
    .filter(([, meaning]) => meaning.length > 1 && meaning.length < 120 && /[a-z]/i.test(meaning));
}

/** "M - Mastered; P - Progressing; expected to master; S - Some progress": one or more CODE - meaning pairs, after a ";" or "|". */
function dashPairs(text: string): Array<[string, string]> {
  const re = new RegExp(`(?:^|[;|]\\s*)(${CODE})\\s*[-–:]\\s+`, 'g');
  const marks: Array<{ code: string; start: number; valueStart: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) marks.push({ code: m[1], start: m.index, valueStart: m.index + m[0].length });
  if (!marks.length || marks[0].start !== 0) return [];
  return marks
    .map((mk, i) => [mk.code, clean(text.slice(mk.valueStart, marks[i + 1]?.start ?? text.length))] as [string, string])
    .filter(([, meaning]) => meaning.length > 0);
}

/** Under a legend heading: "SP - Sufficient progress" lines (several pairs a line too), or cells alternating code and meaning. */
function dashOrCellPairs(line: LayoutLine): Array<[string, string]> {
  const dash = line.cells.length <= 1 ? dashPairs(line.text) : [];
  if (dash.length) return dash;
  const out: Array<[string, string]> = [];
  const cells = line.cells.map((c) => c.text.trim());
  const codeCell = new RegExp(`^${CODE}$`);
  for (let i = 0; i < cells.length; i++) {
    const inline = new RegExp(`^(${CODE})\\s*[-–:=]\\s+(.+)$`).exec(cells[i]);
    if (inline) out.push([inline[1], clean(inline[2])]);
    else if (codeCell.test(cells[i]) && cells[i + 1] && !codeCell.test(cells[i + 1])) out.push([cells[i], clean(cells[++i])]);
  }
  return out;
}

export function parseLegend(lines: LayoutLine[]): Record<string, string> {
  const legend: Record<string, string> = {};
  const add = (pairs: Array<[string, string]>) => {
    for (const [code, meaning] of pairs) if (!(code in legend)) legend[code] = meaning;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let pairs = equalsPairs(line.text);
    // A legend wrapped mid-meaning ("1 = No" / "progress, NA = Not addressed"): the next line opens
    // with the rest of the last meaning, in lower case, before any code of its own.
    const next = lines[i + 1];
    if (pairs.length >= 2 && next && next.page === line.page && /^[a-z]/.test(next.text)) {
      const cut = new RegExp(`(?:^|[\\s;,|(:])${CODE}\\s*=`).exec(next.text);
      const tail = clean(next.text.slice(0, cut ? cut.index : next.text.length));
      if (tail) pairs = equalsPairs(`${line.text} ${tail}`);
    }
    // A "Code" column heading in a table's heading row names a column, not a legend below it.
    const columnHeading = line.cells.length >= 3 && line.cells.some((c) => /^(?:progress\s+)?codes?$/i.test(c.text.trim()));
    const headed = LEGEND_HEADING.test(line.text) && line.text.split(' ').length <= 40 && !columnHeading;
    if (pairs.length >= 2 || (headed && pairs.length >= 1)) add(pairs);
    // An unheaded legend line set out in cells, a code and its meaning in each ("M – Mastered   SP – Sufficient Progress").
    if (!headed && pairs.length === 0 && line.cells.length >= 3) {
      const cells = line.cells.map((c) => INLINE_PAIR.exec(c.text.trim()));
      if (cells.every((m) => m)) add(cells.map((m) => [m![1], clean(m![2])] as [string, string]));
    }
    if (!headed) continue;
    if (pairs.length === 0) {
      // A legend paragraph wrapped mid-meaning ("...; NI - Not yet" / "introduced."): the rest opens the next line in lower case.
      const stripped = stripHeading(line);
      const wrapped = next && next.page === line.page && /^[a-z]/.test(next.text) && stripped.cells.length <= 1;
      add(dashOrCellPairs(wrapped ? { ...stripped, text: `${stripped.text} ${next.text}` } : stripped));
    }
    // The legend may continue on the lines below its heading, one or more codes a line.
    for (let j = i + 1; j < lines.length && j <= i + 12; j++) {
      const more = equalsPairs(lines[j].text);
      const next = more.length ? more : dashOrCellPairs(lines[j]);
      if (next.length === 0) break;
      add(next);
    }
  }
  return legend;
}

function stripHeading(line: LayoutLine): LayoutLine {
  const m = LEGEND_HEADING.exec(line.text);
  if (!m) return line;
  const rest = line.text.slice(m.index + m[0].length).trim();
  return { ...line, text: rest, cells: line.cells.filter((c) => !LEGEND_HEADING.test(c.text)) };
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The code in a field's text: a legend code at its start ("SP - Sufficient progress"), a legend
 * meaning ("Sufficient progress to meet goal"), a ticked box, or any short capitalised code.
 * standaloneOnly: only a legend code standing alone as a word (for unlabelled lines and grids).
 */
export function codeFromText(text: string, legend: Record<string, string>, opts: { standaloneOnly?: boolean } = {}): { code: string; codeText: string | null } | null {
  const codes = Object.keys(legend).sort((a, b) => b.length - a.length);
  // Specks and the stub of a cell's rule that OCR read before the code ('- "SP', '| AP') are not part of it.
  const trimmed = text.trim().replace(/^(?:[-–—"'“”‘’|:;.,_~]+\s*)+(?=[A-Za-z0-9])/, '');
  if (!trimmed) return null;
  const ticked = /(?:\[\s*[xX✓✔]\s*\]|☒|☑|■|✔|✓|⊠)\s*([^[☐□☒☑■✔✓⊠]+)/.exec(trimmed);
  if (ticked) {
    const byMeaning = matchMeaning(ticked[1], legend);
    if (byMeaning) return byMeaning;
    const lead = new RegExp(`^(${CODE})\\b`).exec(ticked[1].trim());
    if (lead && legend[lead[1]]) return { code: lead[1], codeText: legend[lead[1]] };
    if (!opts.standaloneOnly) return { code: clean(ticked[1]), codeText: clean(ticked[1]) };
  }
  for (const c of codes) {
    const esc = c.replace(/[+-]/g, '\\$&');
    const re = opts.standaloneOnly ? new RegExp(`(?:^|\\s|\\|)${esc}(?=$|\\s|\\|)`) : new RegExp(`^${esc}(?=$|[\\s:;,.\\-–)])`);
    if (re.test(trimmed)) return { code: c, codeText: legend[c] };
  }
  // Only a cell holding nothing but the code: a word of prose is no misread code.
  const misread = /\s/.test(trimmed) ? null : ocrMisreadCode(trimmed, codes);
  if (misread) return { code: misread, codeText: legend[misread] };
  if (opts.standaloneOnly) return null;
  const byMeaning = matchMeaning(trimmed, legend);
  if (byMeaning) return byMeaning;
  const lead = /^([A-Z]{1,4}\+?)(?=$|\s*[-–:=]\s|\s*$)/.exec(trimmed);
  if (lead) {
    const rest = trimmed.slice(lead[0].length).replace(/^\s*[-–:=]\s*/, '').trim();
    return { code: lead[1], codeText: rest || null };
  }
  // A code written out in words ("Making sufficient progress") is kept as printed, with the meaning
  // the vocabulary gives it ("No progress", "On-track", "Progress to be determined"...).
  const phrase = clean(trimmed.split(/[.;]/)[0]);
  if (phrase.length > 80) return null;
  const narrative = NARRATIVE_CODES.find(([re]) => re.test(phrase.replace(/^(?:making|has\s+made|shows?|showing)\s+/i, '')));
  return { code: phrase, codeText: narrative ? narrative[1] : phrase };
}

/** Characters OCR confuses in short codes, read back: "]" or "l" for 1, "O" for 0. */
const OCR_DIGITS: Record<string, string> = { ']': '1', '[': '1', '|': '1', l: '1', I: '1', i: '1', '!': '1', O: '0', o: '0', Z: '2', z: '2', S: '5', s: '5' };

/**
 * A legend code the OCR misread: "]" for "1", "Mm" for "M" (a letter doubled in lower case), "5P" for
 * "SP". Only a short token, and only when exactly one legend code fits.
 */
function ocrMisreadCode(token: string | undefined, codes: string[]): string | null {
  if (!token || token.length > 4 || codes.length === 0) return null;
  const t = token.replace(/[.:;,)]+$/, '');
  const fits = new Set<string>();
  const digits = [...t].map((ch) => OCR_DIGITS[ch] ?? ch).join('');
  if (codes.includes(digits)) fits.add(digits);
  const upper = t.toUpperCase();
  if (codes.includes(upper)) fits.add(upper);
  const doubled = /^([A-Z]{1,3})([a-z])$/.exec(t);
  if (doubled && doubled[1].endsWith(doubled[2].toUpperCase()) && codes.includes(doubled[1])) fits.add(doubled[1]);
  for (const c of codes) {
    if (c.length >= 2 && c.length === t.length && [...c].every((ch, i) => ch === t[i] || OCR_DIGITS[t[i]] === ch || OCR_DIGITS[ch] === t[i] || (ch === 'S' && t[i] === '5'))) fits.add(c);
  }
  return fits.size === 1 ? [...fits][0] : null;
}

function matchMeaning(text: string, legend: Record<string, string>): { code: string; codeText: string } | null {
  const t = norm(text);
  let bestCode: string | null = null;
  let bestLen = 0;
  for (const [code, meaning] of Object.entries(legend)) {
    const m = norm(meaning);
    if (m && t.startsWith(m) && m.length > bestLen) { bestCode = code; bestLen = m.length; }
  }
  return bestCode ? { code: bestCode, codeText: legend[bestCode] } : null;
}
