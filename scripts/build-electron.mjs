// Bundles the Electron main process and preload (CommonJS, as Electron's sandboxed preload needs).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, external: ['electron', 'better-sqlite3', 'sharp', '@napi-rs/canvas', 'tesseract.js', 'tesseract.js-core', 'pdfjs-dist'] };
await build({ ...common, entryPoints: ['main/app/main.ts'], outfile: 'out/main/main.js', define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" } });
await build({ ...common, entryPoints: ['main/preload/preload.ts'], outfile: 'out/main/preload.cjs' });
await build({ ...common, entryPoints: ['main/core/packet/worker.ts'], outfile: 'out/main/packet-worker.cjs' });
console.log('built out/main/main.js, preload.cjs and packet-worker.cjs');
