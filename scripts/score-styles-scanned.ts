// The generated form styles read through OCR: each style's case is generated (as score-styles.ts does),
// scored as text PDFs, then its IEPs, progress reports and score report are put on paper (a copier scan
// or a phone photo, tests/fixtures/styles/scan.ts), imported again through the real pipeline (real OCR)
// and scored with the same scorer. OCR is slow: one seed and a few styles at a time.
//   STYLES_OUT=/tmp/styles-scan SEEDS=11 STYLE=ard,vendor PAPER=copier,photo nice -n 10 npx tsx scripts/score-styles-scanned.ts
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { generateStyleCase, STYLES } from '../tests/fixtures/styles/generate';
import { MAIN_DOCUMENTS, paperCase, type PaperKind } from '../tests/fixtures/styles/scan';
import { importAndScore, type Scores } from '../tests/support/score-case';

if (!process.env.CASEFILE_KEY && !process.env.CASEFILE_PASSPHRASE) process.env.CASEFILE_KEY = randomBytes(32).toString('hex');
const seeds = (process.env.SEEDS ?? '11').split(',').map(Number);
const only = process.env.STYLE?.split(',');
const kinds = (process.env.PAPER ?? 'copier').split(',') as PaperKind[];
const dpi = Number(process.env.DPI ?? 200);
const out = process.env.STYLES_OUT ?? '/tmp/styles-scanned';

/** The figures the brief compares: goals, goal fields, data points, codes, services, scores, dates, and the text read. */
function figures(s: Scores): string {
  const m = (k: string, f: 'f1' | 'accuracy') => (s[k] as Partial<Scores[string]> | undefined)?.[f];
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(2));
  return [
    `goals=${n(m('goals', 'f1'))}`, `fields=${n(s.headline.goal_fields)}`, `text=${n(m('goal_text_exact', 'accuracy'))}`,
    `points=${n(m('progress_data_points', 'f1'))}`, `codes=${n(m('progress_codes', 'accuracy'))}`, `services=${n(m('services_required', 'f1'))}`,
    `scores=${n(m('test_scores', 'f1'))}`, `dates=${n(m('iep_dates', 'accuracy'))}`, `doc_type=${n(s.headline.doc_type)}`,
  ].join(' ');
}

for (const seed of seeds) for (const [i, style] of STYLES.entries()) {
  if (only && !only.includes(style.name)) continue;
  const base = path.join(out, `${style.name}-${seed}`);
  rmSync(base, { recursive: true, force: true });
  const textDir = path.join(base, 'text');
  const c = await generateStyleCase(textDir, style, seed + i);
  const name = `${c.student.first} ${c.student.last}`;
  if (process.env.TEXT !== '0') {
    const s = await importAndScore(textDir, { name, exportFile: path.join(textDir, 'export.json') });
    console.log(style.name.padEnd(9), seed + i, 'text  '.padEnd(7), figures(s));
  }
  for (const kind of kinds) {
    const dir = path.join(base, kind);
    const started = Date.now();
    await paperCase(textDir, dir, { kind, dpi, seed: seed + i, pick: MAIN_DOCUMENTS });
    const s = await importAndScore(dir, { name, exportFile: path.join(dir, 'export.json') });
    console.log(style.name.padEnd(9), seed + i, kind.padEnd(7), figures(s), `(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}
