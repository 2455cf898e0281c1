// Labelled fields: "Label: value" (several on a line), a label with its value in the next column
// (beside), a label over its value (above), a label wrapped over two lines of a narrow label column,
// and a value that runs on over the block's next lines until another label. A label is a word
// ending in ':' with up to a few label words before it; which words belong to it is decided by the
// label vocabulary (data the extractors pass in, extract/vocab/) where one matches, else by
// capitalised words. Labels the vocabulary knows are found without a colon too ("Meeting Date 10/12/2022").
import type { BBox } from '../../../shared/domain';
import { height, joinText, median, overlap, unionBBox } from './geometry';
import type { RawBlock, Segment } from './blocks';
import type { Field, PlacedWord } from './types';

const CONNECTOR = /^(?:of|the|and|or|for|to|in|on|by|at|#|no\.?|&|\/)$/i;
const LABEL_WORD = /^[A-Z(#][\w()#/&.'’-]*$|^[a-z]+\.$/;
const STOP = /[,;]$|^\d[\d/.-]*$/;

interface Label {
  words: PlacedWord[];
  /** Index of the first word after the label. */
  end: number;
  text: string;
}

/** Labels on one segment, left to right. */
function labelsOn(words: PlacedWord[], vocabulary: RegExp[]): Label[] {
  const found: Label[] = [];
  let floor = 0;
  for (let c = 0; c < words.length; c++) {
    if (!/:$/.test(words[c].text) || /^\d|https?:/.test(words[c].text)) continue;
    const candidates: number[] = [];
    for (let s = c; s >= floor && c - s < 6; s--) {
      if (s < c && STOP.test(words[s].text)) break;
      candidates.push(s);
    }
    const phrase = (s: number) => joinText(words.slice(s, c + 1)).replace(/:$/, '');
    // The longest start the vocabulary knows, else capitalised words (three at most).
    let start = candidates.find((s) => vocabulary.some((re) => wholeMatch(re, phrase(s)))) ?? -1;
    if (start < 0) {
      start = c;
      for (const s of candidates.slice(1)) {
        if (c - s >= 3 || !(LABEL_WORD.test(words[s].text) || CONNECTOR.test(words[s].text))) break;
        start = s;
      }
      while (start < c && CONNECTOR.test(words[start].text)) start++;
    }
    found.push({ words: words.slice(start, c + 1), end: c + 1, text: phrase(start) });
    floor = c + 1;
  }
  // A vocabulary label of two words or more at the start of a segment needs no colon when its value
  // follows in capitals or figures ("Meeting Date 10/12/2022"); one word ("School") is too often prose.
  if (!found.some((l) => l.words[0] === words[0])) {
    for (let n = Math.min(6, words.length - 1); n >= 2; n--) {
      if (!/^[\p{Lu}\d]/u.test(words[n].text)) continue;
      const text = joinText(words.slice(0, n));
      if (vocabulary.some((re) => wholeMatch(re, text)) && !found.some((l) => l.end <= n)) {
        found.unshift({ words: words.slice(0, n), end: n, text });
        break;
      }
    }
  }
  return found.sort((a, b) => a.end - b.end);
}

const anchored = new WeakMap<RegExp, RegExp>();

/** Whether the vocabulary pattern matches the whole text. */
const wholeMatch = (re: RegExp, text: string) => {
  let whole = anchored.get(re);
  if (!whole) {
    whole = new RegExp(`^(?:${re.source})$`, re.flags.replace(/[gy]/g, ''));
    anchored.set(re, whole);
  }
  return whole.test(text);
};

const boxOf = (words: PlacedWord[]): BBox | null => (words.length ? unionBBox(words) : null);

/** Fields of one page from its blocks (in reading order) and the segments of each printed line. */
export function readFields(page: number, blocks: RawBlock[], rows: Segment[][], vocabulary: RegExp[] = []): Field[] {
  const fields: Field[] = [];
  const taken = new Set<Segment>();
  // The first line of a label wrapped over two lines is a label too ("Projected Date of" / "Annual Review:").
  const wrapped = new Set(blocks.filter(isWrappedLabel).map((b) => b.segments[0]));
  const startsWithLabel = (seg: Segment) => wrapped.has(seg) || labelsOn(seg.words, vocabulary).some((l) => l.words[0] === seg.words[0]);
  blocks.forEach((block, bi) => {
    const segs = block.segments;
    // A label wrapped over two lines of a narrow column: "Projected Date of" / "Annual Review:".
    if (isWrappedLabel(block)) {
      const words = [...segs[0].words, ...segs[1].words];
      const value = valueBeside(segs[0], rows, startsWithLabel) ?? valueBeside(segs[1], rows, startsWithLabel) ?? valueBelow(block, blocks.slice(bi + 1), startsWithLabel);
      fields.push(field(page, words, value?.words ?? [], value?.style ?? 'beside'));
      if (value?.segment) taken.add(value.segment);
      return;
    }
    segs.forEach((seg, si) => {
      if (taken.has(seg)) return;
      const labels = labelsOn(seg.words, vocabulary);
      labels.forEach((label, li) => {
        const stop = li + 1 < labels.length ? seg.words.indexOf(labels[li + 1].words[0]) : seg.words.length;
        let value = seg.words.slice(label.end, stop);
        let style: Field['style'] = 'inline';
        if (value.length === 0 && li === labels.length - 1) {
          const found = nearer(seg, valueBeside(seg, rows, startsWithLabel), si === segs.length - 1 ? valueBelow(block, blocks.slice(bi + 1), startsWithLabel) : null);
          if (found) {
            value = found.words;
            style = found.style;
            if (found.segment) taken.add(found.segment);
          }
        } else if (li === labels.length - 1) {
          // The value runs on over the block's next lines until one starts with a label.
          for (const next of segs.slice(si + 1)) {
            if (startsWithLabel(next)) break;
            value = [...value, ...next.words];
            taken.add(next);
          }
        }
        fields.push(field(page, label.words, value, style));
      });
    });
  });
  return fields;
}

const isWrappedLabel = (b: RawBlock) => {
  const segs = b.segments;
  return segs.length === 2 && /:$/.test(segs[1].text) && !segs[0].text.includes(':') && segs[0].words.length + segs[1].words.length <= 8;
};

/** A value right under its label beats one far along the line (the next column's text). */
function nearer(label: Segment, beside: Found | null, below: Found | null): Found | null {
  if (!beside || !below) return beside ?? below;
  const h = median(label.words.map(height)) ?? 10;
  const besideGap = (beside.words[0]?.bbox[0] ?? Infinity) - label.bbox[2];
  const underLabel = Math.abs((below.words[0]?.bbox[0] ?? Infinity) - label.bbox[0]) <= h;
  return underLabel && besideGap > h * 4 ? below : beside;
}

function field(page: number, labelWords: PlacedWord[], valueWords: PlacedWord[], style: Field['style']): Field {
  return {
    page,
    label: joinText(labelWords).replace(/\s*:$/, ''),
    value: joinText(valueWords),
    style,
    labelWords,
    valueWords,
    labelBox: unionBBox(labelWords),
    valueBox: boxOf(valueWords),
  };
}

interface Found {
  words: PlacedWord[];
  style: Field['style'];
  segment: Segment | null;
}

/** The next segment to the right on the label's line, unless it is a label itself. */
function valueBeside(seg: Segment, rows: Segment[][], startsWithLabel: (s: Segment) => boolean): Found | null {
  const row = rows[seg.row] ?? [];
  const next = row.filter((s) => s.bbox[0] >= seg.bbox[2]).sort((a, b) => a.bbox[0] - b.bbox[0])[0];
  if (!next || startsWithLabel(next)) return null;
  return { words: next.words, style: 'beside', segment: next };
}

/** The block just under the label, starting within its width, unless it begins with a label. */
function valueBelow(block: RawBlock, later: RawBlock[], startsWithLabel: (s: Segment) => boolean): Found | null {
  const h = median(block.segments.flatMap((s) => s.words.map(height))) ?? 10;
  const under = later.find((b) => b.bbox[1] >= block.bbox[3] - 1 && b.bbox[1] - block.bbox[3] < h * 1.6 && overlap(b.bbox[0], b.bbox[2], block.bbox[0], block.bbox[2]) > 0);
  if (!under || startsWithLabel(under.segments[0])) return null;
  return { words: under.segments.flatMap((s) => s.words), style: 'above', segment: null };
}
