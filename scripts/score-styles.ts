import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { generateStyleCase, STYLES } from '../tests/fixtures/styles/generate';
import { importAndScore } from '../tests/support/score-case';
// Throwaway data folders: sealed with a key made for this run unless one is handed in.
if (!process.env.CASEFILE_KEY && !process.env.CASEFILE_PASSPHRASE) process.env.CASEFILE_KEY = randomBytes(32).toString('hex');
const seeds = (process.env.SEEDS ?? '11').split(',').map(Number);
for (const seed of seeds) for (const [i, style] of STYLES.entries()) {
  if (process.env.STYLE && process.env.STYLE !== style.name) continue;
  const dir = path.join(process.env.STYLES_OUT ?? '/tmp/styles-run', `${style.name}-${seed}`);
  // A run of an older generator leaves documents of other dates (other file names) behind: start clean.
  rmSync(dir, { recursive: true, force: true });
  const c = await generateStyleCase(dir, style, seed + i);
  const s = await importAndScore(dir, { name: `${c.student.first} ${c.student.last}`, exportFile: path.join(dir, 'export.json') });
  const h = s.headline;
  console.log(style.name.padEnd(8), seed + i, Object.entries(h).map(([k, v]) => `${k}=${v}`).join(' '), `iep_dates=${s.iep_dates.accuracy} codes=${s.progress_codes.accuracy} doc_type=${s.document_type.accuracy}`);
}
