// The command line as users run it: bin/casefile.mjs runs the bundle scripts/build-cli.mjs writes
// into out/cli (built before the tests by tests/support/build-cli-setup.mjs), not the TypeScript
// sources. Every command here is checked to have run from the bundle, and together they reach each
// path the code computes from import.meta.url: the migrations (a new data folder), package.json
// (--version), pdf.js and its fonts (a text PDF; the packet), tesseract.js's worker and wasm core
// and resources/tessdata (a scan, through OCR), the packet worker beside the bundle, and the
// renderer in out/renderer (serve).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';
import { scanPdf, typesetPages } from '../../support/synthetic-scan';
import { runTracedCasefile, type TracedRun } from '../../support/traced-cli';

function fromBundle(args: string[], dataDir: string): TracedRun {
  const r = runTracedCasefile(args, { dataDir, timeout: 240_000 });
  expect(r.code, `casefile ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  expect(r.fromBundle, `casefile ${args.join(' ')} ran from out/cli`).toBe(true);
  return r;
}

describe('the casefile bundle', () => {
  let work: string;
  let textPdf: string;
  let scanPng: string;

  beforeAll(async () => {
    work = tempDir('casefile-bundle-');
    textPdf = path.join(work, 'progress-report.pdf');
    writeFileSync(textPdf, await typesetPages([{ title: 'Progress Report on Annual Goals', lines: ['Student: Ana Ruiz', 'Goal 1: Ana will read 90 words correct per minute by 05/15/2026.', 'Baseline: 48 words correct per minute.'], fontSize: 12 }]));
    scanPng = path.join(work, 'notice.png');
    const notice = await typesetPages([{ lines: ['PRIOR WRITTEN NOTICE', 'The district proposes to change the placement.'], fontSize: 16 }]);
    writeFileSync(scanPng, (await scanPdf(notice, 150, () => ({})))[0].png);
  });

  it('says the version package.json gives', () => {
    const r = fromBundle(['--version'], tempDir());
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });

  it('creates and lists cases, imports a text PDF and a scan (OCR), writes a letter, a packet and the export', () => {
    const dataDir = path.join(work, 'data');
    const created = JSON.parse(fromBundle(['cases', 'create', '--name', 'Ana Ruiz', '--state', 'CA', '--json'], dataDir).stdout) as { id: string };
    expect(JSON.parse(fromBundle(['cases', 'list', '--json'], dataDir).stdout)).toMatchObject([{ id: created.id, name: 'Ana Ruiz' }]);

    const imported = fromBundle(['import', '--case', 'Ana Ruiz', '--json', textPdf, scanPng], dataDir);
    const files = JSON.parse(imported.stdout) as { fileName: string; status: string; message?: string }[];
    expect(files.map((f) => [f.fileName, f.status])).toEqual([
      ['progress-report.pdf', 'imported'],
      ['notice.png', 'imported'],
    ]);
    expect(files[1].message).toMatch(/OCR/);

    const search = JSON.parse(fromBundle(['search', '--json', 'placement'], dataDir).stdout) as { hits: { title: string }[] };
    expect(search.hits.length, 'the scan was read by OCR with resources/tessdata').toBe(1);

    const letter = path.join(work, 'request.docx');
    fromBundle(['letter', '--case', 'Ana Ruiz', '--template', 'records_request', '--out', letter], dataDir);
    expect(readFileSync(letter).subarray(0, 2).toString()).toBe('PK');

    const packet = path.join(work, 'packet.pdf');
    const built = fromBundle(['packet', '--case', 'Ana Ruiz', '--out', packet, '--bates-prefix', 'RUIZ-'], dataDir);
    expect(built.stdout).toMatch(/2 exhibits \(RUIZ-000001 to RUIZ-\d+\)/);
    expect(readFileSync(packet).subarray(0, 5).toString()).toBe('%PDF-');

    const out = path.join(work, 'case.json');
    fromBundle(['export', '--case', 'Ana Ruiz', '--out', out], dataDir);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { format: string; documents: unknown[] };
    expect(exported.format).toMatch(/^iep-casefile\/export@1/);
    expect(exported.documents).toHaveLength(2);
  });

  it('serves the browser host from the bundle, with the renderer from out/renderer', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/casefile.mjs'), '--data-dir', dataDir, 'serve'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /running at (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`casefile serve exited ${code}: ${out}`)));
      });
      const { origin, hash } = new URL(url);
      const info = (await (await fetch(`${origin}/api/call/app.info`, { method: 'POST', headers: { authorization: `Bearer ${hash.slice('#token='.length)}` } })).json()) as { ok: boolean; value: { dataDir: string } };
      expect(info).toMatchObject({ ok: true, value: { dataDir } });
      // The host looks for the renderer in out/renderer beside the bundle's folder: the page when it is built, else a note saying to build it.
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(existsSync(path.join(REPO_ROOT, 'out/renderer/index.html')) ? 200 : 503);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
