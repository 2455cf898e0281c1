// Bundles the desktop app's Node code (CommonJS, as Electron's sandboxed preload needs; .cjs, since
// package.json says "type": "module"): the main process (the shell: windows, dialogs, app://), the
// preload, the engine process (core, ipc; run by utilityProcess) and the packet worker. Needs no
// Electron binary, so it runs on any machine.
// `--outdir DIR` builds elsewhere (a test checking that it builds); the app runs from out/main.
import { build as esbuild } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? path.resolve(process.argv[at + 1]) : 'out/main';

// Only the app's own code is bundled: packages stay in node_modules (the installers ship the
// production dependencies), since several read their own files at run time (pdfkit's font
// metrics, tesseract.js's worker, pdf.js's fonts) and native modules must be loaded from disk.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  packages: 'external',
  external: ['electron'],
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
// Each file is written whole and renamed into place, so a test forking engine.cjs while another
// rebuilds it never reads half a file.
async function build(options) {
  const { outputFiles } = await esbuild({ ...options, write: false });
  for (const f of outputFiles) {
    mkdirSync(path.dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
}

await build({ ...common, entryPoints: ['main/app/main.ts'], outfile: path.join(outdir, 'main.cjs') });
await build({ ...common, entryPoints: ['main/preload/preload.ts'], outfile: path.join(outdir, 'preload.cjs') });
await build({ ...common, entryPoints: ['main/engine/entry.ts'], outfile: path.join(outdir, 'engine.cjs') });
await build({ ...common, entryPoints: ['main/core/packet/worker.ts'], outfile: path.join(outdir, 'packet-worker.cjs') });
console.log(`built ${outdir}: main.cjs, preload.cjs, engine.cjs and packet-worker.cjs`);
