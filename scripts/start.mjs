// `npm start`: the Electron app where its binary is installed; otherwise the browser host on the
// same data folder, saying why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync('out/renderer/index.html') || process.env.CASEFILE_REBUILD) run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);

let electronBinary = null;
try {
  const p = require('electron');
  if (typeof p === 'string' && existsSync(p)) electronBinary = p;
} catch {
  /* not installed */
}

const passThrough = process.argv.slice(2);
// Two malloc arenas for the app's processes: glibc otherwise gives each OCR and pdf.js thread its own,
// which grew a 60-page scan import from about 530 MB to about 720 MB peak at the same CPU time
// (bench/RESULTS.md). glibc reads it only at process start, hence here, where the app is started.
const env = { MALLOC_ARENA_MAX: '2', ...process.env };
if (electronBinary) {
  run(process.execPath, ['scripts/build-electron.mjs']);
  spawn(electronBinary, ['.', ...passThrough], { stdio: 'inherit', env }).on('exit', (c) => process.exit(c ?? 0));
} else {
  console.log('The Electron binary is not installed on this machine (it could not be downloaded), so IEP Casefile opens in your browser instead: same app, same data folder, reachable only from this computer.');
  spawn(process.execPath, ['bin/casefile.mjs', ...passThrough, 'serve'], { stdio: 'inherit', env }).on('exit', (c) => process.exit(c ?? 0));
}
