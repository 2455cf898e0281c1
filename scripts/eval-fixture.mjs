// `npm run eval`: imports a fixture case from scratch into a temp data folder, exports it and
// scores the export with ../shared/eval/score.py. Usage: npm run eval [-- CASE_DIR]
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const shared = process.env.CASEFILE_SHARED_DIR ?? path.resolve(root, '../shared');
const caseDir = path.resolve(process.argv[2] ?? path.join(shared, 'fixtures/cases/dev-rivera'));
const scorer = path.join(shared, 'eval/score.py');
if (!existsSync(path.join(caseDir, 'truth.json')) || !existsSync(scorer)) {
  console.error(`eval: needs ${caseDir}/truth.json and ${scorer} (the ../shared folder beside the project).`);
  process.exit(1);
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'casefile-eval-'));
const out = path.join(dataDir, 'export.json');
// The temp folder is thrown away after scoring: it is sealed with a key made for this run alone
// (unless the caller hands one in), so no keychain or passphrase is needed.
const env = { ...process.env };
if (!env.CASEFILE_KEY && !env.CASEFILE_PASSPHRASE) env.CASEFILE_KEY = randomBytes(32).toString('hex');
const cli = (...args) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/casefile.mjs'), '--data-dir', dataDir, ...args], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const started = Date.now();
cli('cases', 'create', '--name', path.basename(caseDir));
cli('import', '--case', path.basename(caseDir), path.join(caseDir, 'documents'));
cli('export', '--case', path.basename(caseDir), '--out', out);
console.log(`eval: imported and exported in ${((Date.now() - started) / 1000).toFixed(1)} s; scoring ${out}`);
const r = spawnSync('python3', [scorer, out, path.join(caseDir, 'truth.json')], { stdio: 'inherit' });
process.exit(r.status ?? 1);
