// After `npm ci` / `npm install`: ships the English traineddata inside resources/ so OCR never
// reaches for a CDN, and builds the `casefile` command line into out/cli (scripts/build-cli.mjs),
// so the first command runs compiled code and never waits for a build.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function copyTessdata() {
  let src;
  try {
    src = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int', 'eng.traineddata.gz');
  } catch {
    console.warn('postinstall: @tesseract.js-data/eng is not installed; OCR will not work until it is.');
    return;
  }
  const destDir = path.join(root, 'resources', 'tessdata');
  const dest = path.join(destDir, 'eng.traineddata.gz');
  mkdirSync(destDir, { recursive: true });
  if (!existsSync(dest) || statSync(dest).size !== statSync(src).size) copyFileSync(src, dest);
}

async function buildCommandLine() {
  let buildCli;
  try {
    ({ buildCli } = await import('./build-cli.mjs'));
  } catch {
    console.warn('postinstall: esbuild (a development dependency) is not installed, so the command line was not built; `casefile` needs `npm ci` with development dependencies.');
    return;
  }
  await buildCli();
}

copyTessdata();
await buildCommandLine();
