// The page model of a document (main/core/layout: blocks, tables, fields, checkboxes), built once for
// the classifier and handed on to the readers after it. An import classifies the pages it decoded and
// extracts from the same pages read back from the database, so the model is found again by what the
// pages hold (their words, sizes and drawings), not by object identity; the few most recent are kept.
import { createHash } from 'node:crypto';
import type { PageContent } from '../../../../shared/domain';
import { layoutDocument, type DocumentLayout } from '../../layout';

const KEEP = 6;
const recent = new Map<string, DocumentLayout>();
const byPages = new WeakMap<PageContent[], DocumentLayout>();
let built = 0;

/** How many page models this process has built (a figure for tests and benchmarks). */
export const pageModelsBuilt = (): number => built;

/**
 * What the page model is made from, cheaply: each page's size and text, its drawings as they are (a
 * few dozen rules and boxes, their ticks included), and a position-weighted checksum of its words'
 * boxes (serialising thousands of words would cost more than the model). Equal for pages before and
 * after a trip through the database.
 */
function fingerprint(pages: PageContent[]): string {
  const hash = createHash('sha1');
  for (const p of pages) {
    let sum = 0;
    p.words.forEach((w, i) => {
      sum += (i + 1) * (w.bbox[0] + 3 * w.bbox[1] + 5 * w.bbox[2] + 7 * w.bbox[3] + 11 * w.text.length);
    });
    const graphics = p.graphics && (p.graphics.rules.length || p.graphics.boxes.length) ? JSON.stringify(p.graphics) : '';
    hash.update(`${p.pageNumber}|${p.width}|${p.height}|${p.words.length}|${sum}|`).update(graphics).update('|').update(p.text).update('\n');
  }
  return hash.digest('hex');
}

/**
 * The page model of these pages without field labels (checkboxes, tables and blocks do not depend
 * on them), built at most once for the same pages; null when there are no words or the page
 * reader fails (the text evidence remains).
 */
export function documentModel(pages: PageContent[]): DocumentLayout | null {
  if (!pages.some((p) => p.words.length)) return null;
  const known = byPages.get(pages);
  if (known) return known;
  const key = fingerprint(pages);
  let model = recent.get(key);
  if (!model) {
    try {
      model = layoutDocument(pages);
      built++;
    } catch {
      return null;
    }
    recent.set(key, model);
    if (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  }
  byPages.set(pages, model);
  return model;
}
