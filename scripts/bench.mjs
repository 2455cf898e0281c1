#!/usr/bin/env node
// `npm run bench` runs every bench/*.ts one after another (never in parallel: they measure time
// and memory). `npm run bench -- search import-memory` runs the ones named; arguments after `--`
// that start with "--" go to each benchmark (`npm run bench -- import-memory --pages 40`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const argv = process.argv.slice(2);
const firstOption = argv.findIndex((a) => a.startsWith('--'));
const names = firstOption < 0 ? argv : argv.slice(0, firstOption);
const passOn = firstOption < 0 ? [] : argv.slice(firstOption);

const unknown = names.filter((n) => !available.includes(n.replace(/\.ts$/, '')));
if (unknown.length) {
  console.error(`No benchmark named ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exit(2);
}
const chosen = names.length ? names.map((n) => n.replace(/\.ts$/, '')) : available;
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

let failed = 0;
for (const name of chosen) {
  console.log(`\n=== bench/${name}.ts ${passOn.join(' ')}`.trimEnd());
  const started = Date.now();
  const result = spawnSync(process.execPath, [tsx, path.join(benchDir, `${name}.ts`), ...passOn], { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    failed++;
    console.error(`=== bench/${name}.ts failed (exit ${result.status ?? result.signal}) after ${secs} s`);
  } else console.log(`=== bench/${name}.ts done in ${secs} s`);
}
process.exit(failed ? 1 : 0);
