// Ships the English traineddata inside resources/ so OCR never reaches for a CDN.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let src;
try {
  src = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int', 'eng.traineddata.gz');
} catch {
  console.warn('postinstall: @tesseract.js-data/eng is not installed; OCR will not work until it is.');
  process.exit(0);
}
const destDir = path.join(root, 'resources', 'tessdata');
const dest = path.join(destDir, 'eng.traineddata.gz');
mkdirSync(destDir, { recursive: true });
if (!existsSync(dest) || statSync(dest).size !== statSync(src).size) copyFileSync(src, dest);
