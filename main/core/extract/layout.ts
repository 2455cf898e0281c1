// What readers take from the layout model (main/core/layout): its row view (printed lines with
// their cells, headings and running headers/footers marked) and, through `model`, its page model
// (blocks in reading order, tables, fields, checkboxes, furniture), computed once however many
// readers ask; plus sections, label/value lookups and character ranges mapped back to boxes.
// Works the same on text-layer pages and OCR pages.
import type { PageContent, Provenance, Word } from '../../../shared/domain';
import { layoutDocument, rowLines, type DocumentLayout, type PlacedWord, type RowLine } from '../layout';
import { unionBBox } from '../layout/geometry';
import { cellBelowFrom, joinWrappedLabels as joinWrappedLabelRows, leftEdge } from '../layout/label-lines';
import { IEP_HEADER_LABELS } from './vocab/iep';

export type { PlacedWord } from '../layout';
export { deskewedLines } from '../layout';
export { unionBBox };

/** A printed line of the layout model's row view (main/core/layout/rows.ts). */
export type LayoutLine = RowLine;

export interface Layout {
  pages: PageContent[];
  lines: LayoutLine[];
  /**
   * The page model of these pages: blocks, tables (joined over page breaks), fields, checkboxes,
   * furniture. `labels`: field labels from a vocabulary (extract/vocab/), found without a colon too;
   * the IEP header labels unless given.
   */
  model(labels?: RegExp[]): DocumentLayout;
}

/** Text assembled from words, with each word's start offset, so any character range maps back to boxes. */
export interface TextRun {
  text: string;
  words: PlacedWord[];
  starts: number[];
}

export function buildLayout(pages: PageContent[]): Layout {
  return { pages, lines: rowLines(pages), model: (labels) => pageModel(pages, labels) };
}

const models = new WeakMap<PageContent[], Map<RegExp[] | undefined, DocumentLayout>>();

/** Field labels an IEP header prints (extract/vocab/iep.ts): the model's labels unless a reader gives its own. */
export const HEADER_FIELD_LABELS: RegExp[] = Object.values(IEP_HEADER_LABELS).flat().filter((v): v is RegExp => v instanceof RegExp);

/** The layout model of a document's pages, computed once per pages array and label list. */
export function pageModel(pages: PageContent[], labels: RegExp[] = HEADER_FIELD_LABELS): DocumentLayout {
  const byLabels = models.get(pages) ?? new Map<RegExp[] | undefined, DocumentLayout>();
  models.set(pages, byLabels);
  let model = byLabels.get(labels);
  if (!model) {
    model = layoutDocument(pages, { labels });
    byLabels.set(labels, model);
  }
  return model;
}

/** Joins words with single spaces (whitespace-normalised text, as printed). */
export function runOf(words: PlacedWord[]): TextRun {
  const starts: number[] = [];
  let text = '';
  for (const w of words) {
    if (text) text += ' ';
    starts.push(text.length);
    text += w.text;
  }
  return { text, words, starts };
}

/** Words of a run overlapping the character range [start, end). */
export function wordsInRange(run: TextRun, start: number, end: number): PlacedWord[] {
  return run.words.filter((w, i) => run.starts[i] < end && run.starts[i] + w.text.length > start);
}

/** Provenance of a character range: the page of its first word and the union box of its words there. */
export function provenanceOf(documentId: string, run: TextRun, start = 0, end = run.text.length): Provenance {
  const words = wordsInRange(run, start, end);
  if (words.length === 0) return { documentId, page: run.words[0]?.page ?? 1, bbox: null };
  const page = words[0].page;
  return { documentId, page, bbox: unionBBox(words.filter((w) => w.page === page)) };
}

/** A sub-run for the character range [start, end), trimmed to whole words. */
export function sliceRun(run: TextRun, start: number, end: number): TextRun {
  return runOf(wordsInRange(run, start, end));
}

/** The layout with each label wrapped over two lines in a narrow label column joined back into its line (main/core/layout/label-lines.ts). */
export const joinWrappedLabels = (layout: Layout): Layout => ({ ...layout, lines: joinWrappedLabelRows(layout.lines) });

/** Body lines (running headers and footers removed). */
export function bodyLines(layout: Layout): LayoutLine[] {
  return layout.lines.filter((l) => !l.repeated);
}

export interface Section {
  heading: LayoutLine | null;
  lines: LayoutLine[];
}

/**
 * Lines under each heading matching `headingPattern`, up to the next heading that `continues` does not
 * accept (so a goal section can carry on over "GOAL 2" style all-caps sub-headings).
 */
export function findSections(
  layout: Layout,
  headingPattern: RegExp,
  continues: (line: LayoutLine) => boolean = () => false,
): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const line of bodyLines(layout)) {
    if (line.isHeading) {
      if (headingPattern.test(line.text)) {
        current = { heading: line, lines: [] };
        sections.push(current);
        continue;
      }
      if (current && !continues(line)) current = null;
    }
    current?.lines.push(line);
  }
  return sections;
}

export interface LabeledValue {
  line: LayoutLine;
  label: string;
  /** The value as printed after the label (same line, or the line below when the label stands alone). */
  value: string;
  run: TextRun;
}

/**
 * The first value printed after one of the labels. A label is found at a word boundary anywhere in a
 * line (left-column forms, "Label: value" runs, header strips); the value stops at the next cell gap
 * or the next "Label:" on the same line. Labels at the start of a line are preferred.
 */
export function findLabeledValue(layout: Layout, labels: RegExp[], accept: (value: string) => boolean = () => true): LabeledValue | null {
  const candidates: Array<LabeledValue & { rank: number }> = [];
  layout.lines.forEach((line, lineIndex) => {
    for (const label of labels) {
      const re = new RegExp(`(?:^|[\\s(])(${label.source})\\s*[:\\-–]?\\s*`, label.flags.replace('g', '') + 'g');
      let m: RegExpExecArray | null;
      while ((m = re.exec(line.text))) {
        const valueStart = m.index + m[0].length;
        const run = runOf(line.words);
        let value = cutAtNextLabel(line, run, valueStart);
        let valueRun = sliceRun(run, valueStart, valueStart + value.length);
        // The pattern matched only the start of a longer label ("Projected Date of Annual IEP Review:"
        // for "annual IEP"): the label runs to its colon and the value is in the next cell.
        if (/^[^:\d]{1,40}:\s*$/.test(value)) {
          const labelEnd = valueStart + value.length;
          const rest = cutAtNextLabel(line, run, run.starts.find((s) => s >= labelEnd) ?? run.text.length);
          value = rest;
          valueRun = runOf(run.words.filter((_, i) => run.starts[i] >= labelEnd).slice(0, rest.trim() ? rest.trim().split(/\s+/).length : 0));
        }
        // A label that fills its cell of a header strip ("Meeting Date | Initiation Date" over a row of
        // dates) has its value in the cell below, not in the next label's cell beside it.
        if (!value.trim() || (!accept(value.trim()) && inHeaderStrip(layout, line, wordsInRange(run, m.index, valueStart)))) {
          const below = layout.lines[lineIndex + 1];
          if (below && below.page === line.page) {
            const cell = cellBelowFrom(below, leftEdge(wordsInRange(run, m.index, valueStart)) ?? 0);
            value = cell?.text ?? '';
            valueRun = runOf(cell?.words ?? []);
          }
        }
        value = value.trim();
        if (value && accept(value)) {
          candidates.push({ line, label: m[1], value, run: valueRun, rank: m.index === 0 ? 0 : 1 });
        }
      }
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || a.line.index - b.line.index);
  return candidates[0] ?? null;
}

/**
 * Whether a label ends its cell in a strip of label cells (short, no figures) at the head of the
 * document (its first page's top third), as a header strip prints them over their values; a table's
 * header row further down ("Service | Location | Initiation Date") heads its own rows.
 */
function inHeaderStrip(layout: Layout, line: LayoutLine, labelWords: PlacedWord[]): boolean {
  const page = layout.pages[0];
  if (!page || line.page !== page.pageNumber || line.bbox[1] > page.height / 3) return false;
  const last = labelWords[labelWords.length - 1];
  const cell = last && line.cells.find((c) => c.words.includes(last));
  const strip = line.cells.length > 1 && line.cells.every((c) => c.words.length <= 4 && !/\d/.test(c.text));
  return strip && cell?.words[cell.words.length - 1] === last;
}

/** Text from `start` to the end of the cell the value begins in, and before any next "LABEL:" in it. */
function cutAtNextLabel(line: LayoutLine, run: TextRun, start: number): string {
  let rest = run.text.slice(start);
  const firstWord = run.words.findIndex((w, i) => run.starts[i] >= start);
  if (firstWord >= 0) {
    // A value ends where its cell ends: the next column is another field.
    const cell = line.cells.find((c) => c.words.includes(run.words[firstWord]));
    if (cell) {
      const last = cell.words[cell.words.length - 1];
      const idx = run.words.indexOf(last);
      rest = rest.slice(0, run.starts[idx] + last.text.length - start);
    }
  }
  const nextLabel = /\s(?:[A-Z]{2,}[A-Za-z#./]*|(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+)\s?:(?:\s|$)/.exec(rest);
  if (nextLabel) rest = rest.slice(0, nextLabel.index);
  return rest;
}

/** Pages of plain text (e.g. OCR reference text) as PageContent with notional monospace word boxes. */
export function pagesFromPlainText(text: string, opts: { charWidth?: number; lineHeight?: number } = {}): PageContent[] {
  const charWidth = opts.charWidth ?? 4.3;
  const lineHeight = opts.lineHeight ?? 11;
  return text.split('\f').map((pageText, i) => {
    const words: Word[] = [];
    pageText.split('\n').forEach((row, r) => {
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(row))) {
        const x0 = 20 + m.index * charWidth;
        const y0 = 20 + r * lineHeight;
        words.push({ text: m[0], bbox: [x0, y0, x0 + m[0].length * charWidth, y0 + lineHeight * 0.8], conf: 90 });
      }
    });
    return {
      pageNumber: i + 1,
      width: 612,
      height: 792,
      text: pageText,
      words,
      source: 'ocr' as const,
      meanConfidence: 90,
    };
  });
}
