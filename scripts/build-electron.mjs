// Bundles the desktop app's Node code (CommonJS, as Electron's sandboxed preload needs): the main
// process (the shell: windows, dialogs, app://), the preload, the engine process (core, ipc; run
// by utilityProcess) and the packet worker. Needs no Electron binary, so it runs on any machine.
// `--outdir DIR` builds elsewhere (a test checking that it builds); the app runs from out/main.
import { build } from 'esbuild';
import path from 'node:path';

const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? path.resolve(process.argv[at + 1]) : 'out/main';

const native = ['better-sqlite3', 'sharp', '@napi-rs/canvas', 'tesseract.js', 'tesseract.js-core', 'pdfjs-dist'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', ...native],
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
await build({ ...common, entryPoints: ['main/app/main.ts'], outfile: path.join(outdir, 'main.js') });
await build({ ...common, entryPoints: ['main/preload/preload.ts'], outfile: path.join(outdir, 'preload.cjs') });
await build({ ...common, entryPoints: ['main/engine/entry.ts'], outfile: path.join(outdir, 'engine.cjs') });
await build({ ...common, entryPoints: ['main/core/packet/worker.ts'], outfile: path.join(outdir, 'packet-worker.cjs') });
console.log(`built ${outdir}: main.js, preload.cjs, engine.cjs and packet-worker.cjs`);
