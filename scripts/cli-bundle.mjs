// Finds the module `casefile` runs: the bundle in out/cli (scripts/build-cli.mjs writes it; npm ci
// builds it in postinstall), rebuilt first in a checkout whose sources changed since it was built,
// so a command never runs code older than the tree. When it cannot be built (esbuild missing, a
// source that does not compile), a stale bundle runs with a warning, and with no bundle at all the
// TypeScript sources run through tsx, saying so; CASEFILE_FROM_SOURCE=1 asks for the sources.
// This runs before every command: it loads no esbuild and no tsx unless it must, and checks
// freshness by the size and mtime of the files the manifest lists (a few milliseconds).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUTDIR = path.join(ROOT, 'out', 'cli');
export const CLI_ENTRY = path.join(CLI_OUTDIR, 'main.mjs');
export const CLI_MANIFEST = path.join(CLI_OUTDIR, 'manifest.json');
const CLI_SOURCE = path.join(ROOT, 'main', 'cli', 'main.ts');

/**
 * 'fresh', 'stale' (a source it was built from changed, or the build script did, or the outputs are
 * another build's) or 'missing'. Installed without its sources (only the bundle shipped), a bundle
 * is taken as it is.
 */
export function cliBundleState() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(CLI_MANIFEST, 'utf8'));
  } catch {
    return 'missing';
  }
  if (!existsSync(CLI_ENTRY)) return 'missing';
  for (const [name, id] of Object.entries(manifest.outputs ?? {})) {
    let s;
    try {
      s = statSync(path.join(CLI_OUTDIR, name), { bigint: true });
    } catch {
      return 'missing';
    }
    if (String(s.ino) !== id) return 'stale';
  }
  if (!existsSync(CLI_SOURCE)) return 'fresh';
  for (const [file, mtimeMs, size] of manifest.inputs) {
    let s;
    try {
      s = statSync(path.join(ROOT, file));
    } catch {
      return 'stale';
    }
    if (s.mtimeMs !== mtimeMs || s.size !== size) return 'stale';
  }
  return 'fresh';
}

async function fromSource(note) {
  const { register } = await import('tsx/esm/api');
  register();
  if (note) process.stderr.write(`casefile: ${note}\n`);
  return pathToFileURL(CLI_SOURCE).href;
}

/** One line for why the build failed: esbuild's first error with its place (it has printed them all). */
function buildProblem(e) {
  if (e?.code === 'ERR_MODULE_NOT_FOUND') return 'esbuild is not installed to build it (npm ci installs it)';
  const first = e?.errors?.[0];
  const where = first?.location ? `${first.location.file}:${first.location.line}: ` : '';
  return `it could not be built (${first ? `${where}${first.text}` : String(e?.message ?? e).split('\n')[0]})`;
}

/** Thrown when no command line can be run at all; bin/casefile.mjs prints its message alone. */
export class NoCommandLine extends Error {}

/** The URL of the module exporting runCli, building the bundle first when it is missing or stale. */
export async function cliModuleUrl() {
  if (process.env.CASEFILE_FROM_SOURCE === '1') return fromSource(null);
  const bundle = pathToFileURL(CLI_ENTRY).href;
  const state = cliBundleState();
  if (state === 'fresh') return bundle;
  let problem;
  try {
    const { buildCli } = await import('./build-cli.mjs');
    // Said only to a person at a terminal: a script's or a test's stderr stays the command's own.
    if (process.stderr.isTTY) process.stderr.write(`casefile: ${state === 'missing' ? 'building the command line (out/cli)' : 'the sources changed since out/cli was built: rebuilding it'}...\n`);
    await buildCli();
    return bundle;
  } catch (e) {
    // esbuild is a development dependency: an install without it has only what was built.
    problem = buildProblem(e);
  }
  if (state === 'stale') {
    process.stderr.write(`casefile: out/cli is older than the sources and ${problem}; running it as it is.\n`);
    return bundle;
  }
  try {
    return await fromSource(`there is no built command line in out/cli and ${problem}: running the TypeScript sources through tsx, which is slower to start.`);
  } catch {
    throw new NoCommandLine(`casefile: there is no built command line in out/cli, ${problem}, and tsx cannot run the sources either. Run \`npm ci\` in the project folder.`);
  }
}
