// The OCR engine failing never crashes an import nor loses a record. A missing or damaged model
// (the real `casefile` command, a scanned PDF we make, real SQLite): the command says what is wrong
// and exits 1 without a stack trace, the document stays in the case with its OCR job queued, and
// `casefile resume` reads it once the model is back. A worker thread that dies mid-page (a wrapper
// around tesseract.js's own worker script that throws when told to): the page is read again on a
// fresh worker, and a second death fails that page with why, the process alive.
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../main/core/context';
import { OcrWorkerDiedError } from '../../../main/core/ocr/driver';
import { defaultTessdataDir, defaultWorkerPath } from '../../../main/core/ocr/paths';
import { createOcrDriver, type TesseractOcrDriver } from '../../../main/core/ocr/tesseract';
import { runCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';
import { scanPdf, typesetPages, type SyntheticPageSpec } from '../../support/synthetic-scan';

const specs: SyntheticPageSpec[] = ['Harbor', 'Lantern'].map((marker, i) => ({
  title: `Service Log Page ${i + 1}`,
  lines: [`Session notes: ${marker} group met for 30 minutes.`, 'Student worked on reading goals.'],
  fontSize: 12,
}));

/** An image-only PDF, one JPEG per page, as a scanner writes it. */
async function scannedPdf(file: string): Promise<void> {
  const scans = await scanPdf(await typesetPages(specs), 150, (n) => ({ noise: 4, seed: n }));
  const out = await PDFDocument.create();
  for (const s of scans) {
    const image = await out.embedJpg(await sharp(s.png).jpeg({ quality: 80 }).toBuffer());
    out.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  }
  writeFileSync(file, await out.save());
}

interface Stored {
  status: string;
  pages: number;
  jobs: { status: string; error: string | null }[];
}

function stored(dataDir: string): Stored {
  const core = openCore({ dataDir });
  try {
    const doc = core.db.prepare<[], { id: string; status: string }>('SELECT id, status FROM documents').get()!;
    return {
      status: doc.status,
      pages: core.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM pages WHERE document_id = ?').get(doc.id)!.n,
      jobs: core.db.prepare<[], { status: string; error: string | null }>("SELECT status, error FROM jobs WHERE kind = 'ocr'").all(),
    };
  } finally {
    void core.close();
  }
}

describe('the OCR model missing or damaged, through the real command', () => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    ['missing', () => undefined, /OCR could not start: the English model is missing at (\S+eng\.traineddata\.gz)/],
    // The first 5000 bytes of the real model: a download cut short.
    ['truncated', (dir) => writeFileSync(path.join(dir, 'eng.traineddata.gz'), readFileSync(path.join(defaultTessdataDir(), 'eng.traineddata.gz')).subarray(0, 5000)), /OCR could not start: the English model at (\S+eng\.traineddata\.gz) is damaged/],
  ];
  for (const [what, prepare, message] of cases) {
    it(`${what}: a clear message, exit 1, the document kept and its OCR queued; resume reads it once the model is back`, { timeout: 180_000 }, async () => {
      const dir = tempDir();
      const file = path.join(dir, 'service-log-scan.pdf');
      await scannedPdf(file);
      const dataDir = path.join(dir, 'data');
      const tessdata = path.join(dir, 'tessdata');
      mkdirSync(tessdata);
      prepare(tessdata);
      expect(runCasefile(['cases', 'create', '--name', 'Scan'], { dataDir }).code).toBe(0);

      const broken = { CASEFILE_TESSDATA_DIR: tessdata };
      const first = runCasefile(['import', '--case', 'Scan', file], { dataDir, env: broken });
      expect(first.code).toBe(1);
      expect(first.stdout).toMatch(message);
      expect(first.stdout.match(message)![1]).toBe(path.join(tessdata, 'eng.traineddata.gz'));
      expect(first.stdout).toContain('kept in the case');
      expect(first.stdout).toContain('casefile resume');
      // Counted as kept and waiting, not as a failed file.
      expect(first.stdout).toMatch(/^WAITING +\S*service-log-scan\.pdf/m);
      expect(first.stdout).toContain('0 imported');
      expect(first.stdout).toMatch(/0 failed, 1 waiting for OCR\./);
      // No uncaught exception: no stack trace, no Node internals.
      expect(first.stderr).not.toMatch(/node:internal|\n\s+at |Node\.js v/);
      const waiting = stored(dataDir);
      expect(waiting.status).not.toBe('ready');
      expect(waiting.pages).toBe(0);
      expect(waiting.jobs).toHaveLength(1);
      expect(waiting.jobs[0].status).toBe('queued');
      expect(waiting.jobs[0].error).toMatch(/OCR could not start/);

      // Still broken: resume says so again and keeps waiting (no loop, no failure stored).
      const again = runCasefile(['resume'], { dataDir, env: broken });
      expect(again.stdout + again.stderr).toMatch(message);
      expect(again.stderr).not.toMatch(/node:internal|\n\s+at /);
      expect(stored(dataDir).jobs.map((j) => j.status)).toEqual(['queued']);

      // The model back (the real one): resume finishes the document.
      const fixed = runCasefile(['resume'], { dataDir });
      expect(fixed.code).toBe(0);
      expect(fixed.stdout).toContain('1 document(s) finished, 0 failed');
      const done = stored(dataDir);
      expect(done.status).toBe('ready');
      expect(done.pages).toBe(2);
      expect(done.jobs).toEqual([]);
    });
  }
});

describe('a worker thread that dies mid-page', () => {
  /**
   * tesseract.js's own Node worker script, its message listener wrapped to throw (killing the
   * thread, nothing answered) on a recognise request while plan.json allows crashes: a crash inside
   * the engine, as the pool sees it.
   */
  function crashingWorker(crashes: number): { workerPath: string; plan: string } {
    const dir = tempDir();
    const plan = path.join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ crashes }));
    const workerPath = path.join(dir, 'crashing-worker.cjs');
    writeFileSync(
      workerPath,
      `const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
const crashNow = (packet) => {
  if (packet.action !== 'recognize') return false;
  const plan = JSON.parse(fs.readFileSync(${JSON.stringify(plan)}, 'utf8'));
  if (plan.crashes <= 0) return false;
  fs.writeFileSync(${JSON.stringify(plan)}, JSON.stringify({ crashes: plan.crashes - 1 }));
  return true;
};
// The real script's message listener, crashing before it reads the page when the plan says so.
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) =>
  on(event, event !== 'message' ? listener : (packet) => {
    if (crashNow(packet)) throw new Error('simulated crash in the OCR engine');
    return listener(packet);
  });
require(${JSON.stringify(defaultWorkerPath())});
`,
    );
    return { workerPath, plan };
  }

  const drivers: TesseractOcrDriver[] = [];
  afterAll(() => Promise.all(drivers.map((d) => d.dispose())));

  async function pageImage() {
    const [scan] = await scanPdf(await typesetPages(specs.slice(0, 1)), 150, () => ({ noise: 4, seed: 1 }));
    return { pageNumber: 1, image: scan.png, dpi: scan.dpi };
  }

  it('one death: the page is read again on a fresh worker', { timeout: 120_000 }, async () => {
    const { workerPath, plan } = crashingWorker(1);
    const driver = createOcrDriver({ workers: 1, workerPath });
    drivers.push(driver);
    const page = await driver.recognize(await pageImage());
    expect(page.text).toContain('Harbor');
    expect(driver.workersStarted).toBe(2);
    expect(JSON.parse(readFileSync(plan, 'utf8'))).toEqual({ crashes: 0 });
  });

  it('a second death fails the page with why, and the pool still reads the next page', { timeout: 120_000 }, async () => {
    const { workerPath, plan } = crashingWorker(2);
    const driver = createOcrDriver({ workers: 1, workerPath });
    drivers.push(driver);
    const input = await pageImage();
    const failure = await driver.recognize(input).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OcrWorkerDiedError);
    expect((failure as Error).message).toMatch(/stopped twice while reading this page \(simulated crash in the OCR engine\)/);
    expect(JSON.parse(readFileSync(plan, 'utf8'))).toEqual({ crashes: 0 });
    // The crashes are spent: the same driver starts a third worker and reads the page.
    expect((await driver.recognize(input)).text).toContain('Harbor');
    expect(driver.workersStarted).toBe(3);
  });
});
