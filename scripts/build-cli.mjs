// Bundles the `casefile` command line (which also runs the browser host and its engine) into
// out/cli, so no command pays for TypeScript being compiled at run time (issue 21):
// - main.mjs, the entry (exports runCli), and chunks beside it: ES modules split at every dynamic
//   import, so the code behind an import (pdf.js, OCR, the packet, letters, the host) is read only
//   when a command first needs it;
// - packet-worker.cjs, the packet builder's worker thread (main/core/packet-worker-host.ts looks
//   for it beside itself), bundled as the desktop build bundles it;
// - manifest.json, each source file the bundle was built from with its mtime and size, so a
//   checkout whose sources changed rebuilds before running (scripts/cli-bundle.mjs), and the file
//   ids (inodes) of the main.mjs and packet-worker.cjs it wrote, so the outputs of another build
//   racing this one are never taken for its own (chunks are named by their content, so main.mjs
//   names the whole graph).
// Packages stay external (zod aside, below), loaded from node_modules at run time: native modules (better-sqlite3,
// sharp, @napi-rs/canvas) must load from disk, and several packages read their own files
// (tesseract.js's worker and wasm core, pdf.js's fonts, pdfkit's metrics, the word list).
// Every output sits directly in out/cli, two folders below the project as the sources under main/
// sit, so paths the code computes from import.meta.url (resources/, package.json,
// out/renderer) resolve the same from the bundle; tests/unit/foundation/cli-bundle.test.ts checks it.
// Run: node scripts/build-cli.mjs [--outdir DIR]; bin/casefile.mjs runs it when needed.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const THIS_SCRIPT = path.relative(ROOT, fileURLToPath(import.meta.url));
/**
 * Outputs of earlier builds are removed once this old: a host started before a rebuild may still
 * load its own chunks for a while, but a checkout whose sources change all day rebuilds often.
 */
const KEEP_OLD_OUTPUTS_MS = 3600 * 1000;

/**
 * Pure-JavaScript ES-module packages every command loads, bundled in: zod is ~100 files that Node
 * would otherwise resolve and read one by one at each start, and reads no files of its own.
 * (CommonJS packages stay out: bundled into ES modules, their require() calls would need a shim.)
 */
const BUNDLED_PACKAGES = new Set(['zod']);

/** Every other package stays external (see above); electron is never the CLI's. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      if (args.path.startsWith('node:') || !BUNDLED_PACKAGES.has(name)) return { path: args.path, external: true };
      return undefined;
    });
  },
};

/**
 * zod's `z` namespace re-exports every one of its ~60 translations of error messages (`z.locales`),
 * so bundling zod brings them all: half of its 750 KB, compiled at every start (about 20 ms of CPU
 * and 9 MB). The app speaks English and never calls z.locales: the bundle keeps English alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';\n",
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

/**
 * zod also carries JSON Schema both ways (z.toJSONSchema, z.fromJSONSchema and the converters every
 * schema type points to: about 100 KB of the 390 KB bundled), which the app never uses: in the
 * bundle each of those modules keeps its exports, as functions that throw when called (or, for the
 * factories schemas call when built, functions returning one that throws), so every command that
 * loads zod compiles less. tests/unit/foundation/cli-bundle.test.ts checks that validation works.
 */
const ZOD_JSON_SCHEMA = /[\\/]node_modules[\\/]zod[\\/]v4[\\/](core[\\/](to-json-schema|json-schema-processors|json-schema-generator)|classic[\\/]from-json-schema)\.js$/;
const zodWithoutJsonSchema = {
  name: 'zod-without-json-schema',
  setup(b) {
    b.onLoad({ filter: ZOD_JSON_SCHEMA }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const names = new Set([...source.matchAll(/^export (?:function|const|class) (\w+)/gm)].map((m) => m[1]));
      const aliases = [...source.matchAll(/^export \{ (\w+) as (\w+) \};/gm)];
      const lines = ["const unsupported = () => { throw new Error('JSON Schema is not in the casefile command line bundle'); };"];
      for (const name of names) {
        if (/^[A-Z]/.test(name)) lines.push(`export class ${name} { constructor() { unsupported(); } }`);
        else if (name === 'allProcessors') lines.push(`export const ${name} = {};`);
        else if (name === 'toJSONSchema' || name === 'fromJSONSchema') lines.push(`export const ${name} = unsupported;`);
        else lines.push(`export const ${name} = () => unsupported;`);
      }
      for (const [, from, as] of aliases) lines.push(`export { ${from} as ${as} };`);
      return { contents: lines.join('\n') + '\n', loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [externalPackages, zodEnglishOnly, zodWithoutJsonSchema],
  // No source maps: Node uses them only with --enable-source-maps, the bundle is not minified (each
  // module's code sits under a comment naming its source file), and they were two thirds of every
  // build's bytes. To debug in the sources, run them: CASEFILE_FROM_SOURCE=1.
  sourcemap: false,
  logLevel: 'warning',
  metafile: true,
  write: false,
};

/**
 * Each file is written whole and renamed into place, the entry last, so it never names a chunk not
 * yet there. Returns each file's id (its inode, which the rename keeps), by name.
 */
function writeOutputs(outputFiles, entry) {
  const ordered = [...outputFiles.filter((f) => f.path !== entry), ...outputFiles.filter((f) => f.path === entry)];
  const ids = {};
  for (const f of ordered) {
    mkdirSync(path.dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    ids[path.basename(f.path)] = String(statSync(tmp, { bigint: true }).ino);
    renameSync(tmp, f.path);
  }
  return ids;
}

/** Builds out/cli (or `outdir`); returns the output files' names. */
export async function buildCli({ outdir = path.join(ROOT, 'out', 'cli') } = {}) {
  outdir = path.resolve(outdir);
  const startedAt = Date.now();
  const cli = await build({
    ...common,
    entryPoints: { main: 'main/cli/main.ts' },
    outdir,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
  });
  const worker = await build({
    ...common,
    entryPoints: ['main/core/packet/worker.ts'],
    outfile: path.join(outdir, 'packet-worker.cjs'),
    format: 'cjs',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  // The inputs' sizes and mtimes as esbuild read them (stat before writing: a file saved during
  // the build then looks changed, and the next command rebuilds). A bundled package counts by its
  // package.json, which an update rewrites.
  const packageJson = (file) => file.replace(/^(node_modules\/(?:@[^/]+\/)?[^/]+)\/.*$/, '$1/package.json');
  const sources = new Set([...Object.keys(cli.metafile.inputs), ...Object.keys(worker.metafile.inputs), THIS_SCRIPT].map(packageJson));
  const inputs = [...sources].sort().map((file) => {
    const s = statSync(path.join(ROOT, file));
    return [file, s.mtimeMs, s.size];
  });
  const entry = path.join(outdir, 'main.mjs');
  const ids = writeOutputs([...cli.outputFiles, ...worker.outputFiles], entry);
  const manifest = path.join(outdir, 'manifest.json');
  const outputs = { 'main.mjs': ids['main.mjs'], 'packet-worker.cjs': ids['packet-worker.cjs'] };
  writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify({ builtAt: new Date(startedAt).toISOString(), outputs, inputs }) + '\n');
  renameSync(`${manifest}.${process.pid}.tmp`, manifest);

  const written = new Set([...cli.outputFiles, ...worker.outputFiles].map((f) => path.basename(f.path)));
  for (const name of readdirSync(outdir)) {
    if (written.has(name) || name === 'manifest.json') continue;
    const file = path.join(outdir, name);
    if (startedAt - statSync(file).mtimeMs > KEEP_OLD_OUTPUTS_MS) rmSync(file, { force: true });
  }
  return [...written];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at > 0 ? process.argv[at + 1] : undefined;
  const started = Date.now();
  const files = await buildCli({ outdir });
  console.log(`built ${path.relative(process.cwd(), outdir ? path.resolve(outdir) : path.join(ROOT, 'out', 'cli')) || '.'}: ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
