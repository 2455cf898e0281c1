// `npm start`: the Electron app where its binary is installed; otherwise the browser host on the
// same data folder, saying why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MALLOC_ENV } from './malloc-env.mjs';

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
// glibc's malloc settings for the app's processes (scripts/malloc-env.mjs): read only at process
// start, hence here, where the app is started.
const env = { ...MALLOC_ENV, ...process.env };
if (electronBinary) {
  run(process.execPath, ['scripts/build-electron.mjs']);
  spawn(electronBinary, ['.', ...passThrough], { stdio: 'inherit', env }).on('exit', (c) => process.exit(c ?? 0));
} else {
  console.log('The Electron binary is not installed on this machine (it could not be downloaded), so IEP Casefile opens in your browser instead: same app, same data folder, reachable only from this computer.');
  spawn(process.execPath, ['bin/casefile.mjs', ...passThrough, 'serve'], { stdio: 'inherit', env }).on('exit', (c) => process.exit(c ?? 0));
}
