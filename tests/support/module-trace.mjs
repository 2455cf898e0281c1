// Preloaded with `node --import` into a child process a test runs: appends every module the
// process loads to the file CASEFILE_MODULE_TRACE names, one file URL or path a line. ES modules
// (and packages an ES module imports) are seen by a loader hook as they load; CommonJS modules
// that other CommonJS code requires are listed from require's cache as the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.CASEFILE_MODULE_TRACE;
if (!file) throw new Error('module-trace.mjs: set CASEFILE_MODULE_TRACE to the file to write');
register(new URL('./module-trace-hooks.mjs', import.meta.url), { data: { file } });
const requireCache = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(file, Object.keys(requireCache).map((p) => `${p}\n`).join('')));
