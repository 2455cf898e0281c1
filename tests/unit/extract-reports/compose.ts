// Builds real PDFs from column-aligned plain text (Courier keeps the columns where the text puts them)
// and reads them back through the text-layer reader, so composed layouts go through the same path as
// imported documents. Pages are separated by form feeds.
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PageContent } from '../../../shared/domain';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { pagesFromPlainText } from '../../../main/core/extract/layout';
import { RIVERA_DIR, RIVERA_DOCS } from '../../support/fixtures';

export async function pdfFromText(text: string, fontSize = 7.5): Promise<PageContent[]> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 36, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const pageText of text.split('\f')) {
    doc.addPage();
    doc.font('Courier').fontSize(fontSize);
    pageText.replace(/^\n/, '').split('\n').forEach((row, i) => {
      if (row.trim()) doc.text(row, 36, 40 + i * fontSize * 1.45, { lineBreak: false });
    });
  }
  doc.end();
  await done;
  return (await readPdfText(new Uint8Array(Buffer.concat(chunks)))).pages;
}

/** A fixture document: its text layer, or for image-only files the reference text as one notional page. */
export async function riveraPages(fileName: string): Promise<PageContent[]> {
  const reference = path.join(RIVERA_DIR, 'reference_text', `${fileName}.txt`);
  if (/\.(?:jpe?g|png|heic|tiff?)$/i.test(fileName)) return pagesFromPlainText(readFileSync(reference, 'utf8'));
  const { pages, pagesWithoutText } = await readPdfText(new Uint8Array(readFileSync(path.join(RIVERA_DOCS, fileName))));
  if (pagesWithoutText.length === pages.length) return pagesFromPlainText(readFileSync(reference, 'utf8'));
  return pages;
}

export function riveraTruth(): RiveraTruth {
  return JSON.parse(readFileSync(path.join(RIVERA_DIR, 'truth.json'), 'utf8')) as RiveraTruth;
}

export interface RiveraTruth {
  progress_reports: Array<{
    document: string; report_date: string; period: string; period_start: string; period_end: string;
    entries: Array<{ goal_number: number; code: string; has_data: boolean; data_points: Array<{ date: string; value: number; unit: string }> }>;
  }>;
  test_scores: Array<{ document: string; subtest: string; test_date: string; score: number; percentile: number | null; score_type: string }>;
  service_delivery: {
    document: string; period_start: string; period_end: string;
    totals: { minutes_required: number; minutes_delivered: number; minutes_missed_total: number; minutes_missed_district_responsible: number; minutes_missed_student_absence: number };
    services: Array<{ minutes_required: number; minutes_delivered: number; minutes_missed_total: number; minutes_missed_district_responsible: number; minutes_missed_student_absence: number }>;
    sessions: Array<{ date: string; scheduled_minutes: number; delivered_minutes: number; responsibility: string | null }>;
  };
  documents: Array<{ file: string; type: string; date: string }>;
}

export const baseName = (p: string) => p.split('/').pop()!;

/** Precision, recall and F1 of two sets of keys. */
export function f1(pred: Set<string>, gold: Set<string>): { precision: number; recall: number; f1: number } {
  const tp = [...pred].filter((k) => gold.has(k)).length;
  const precision = pred.size ? tp / pred.size : 0;
  const recall = gold.size ? tp / gold.size : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
