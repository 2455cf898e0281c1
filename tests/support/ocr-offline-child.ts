// Child process for the offline OCR test: OCRs a generated page and prints the result as JSON.
// Run under tests/support/no-network.mjs, which blocks and records any network attempt.
import { createOcrDriver } from '../../main/core/ocr/tesseract';
import { scanPdf, typesetPages } from './synthetic-scan';

const lines = ['Annual review meeting scheduled for October', 'Reading fluency goal measured weekly'];
const pdf = await typesetPages([{ lines, fontSize: 14 }]);
const [scan] = await scanPdf(pdf, 200, () => ({ angle: 1.5, noise: 6 }));
const driver = createOcrDriver({ workers: 1 });
try {
  const page = await driver.recognize({ pageNumber: 1, image: scan.png, dpi: scan.dpi });
  process.stdout.write(JSON.stringify({ text: page.text, words: page.words.length, expected: lines.join('\n') }));
} finally {
  await driver.dispose();
}
