// The CLI beside a running app on one data folder, with real processes: a command that writes holds
// the folder's lock (or waits for it, then names who holds it), so the app's start-up recovery never
// meets an import half done; a command that only reads runs beside the app.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../main/core/context';
import { runCasefile, startCasefile, type CliResult } from '../../support/cli';
import { tempDir } from '../../support/core';

/** A service log of `pages` pages of text: each takes pdf.js a while to read, so an import spends most of its time between storing an original and recording it. */
async function serviceLog(n: number, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([612, 792]);
    for (let l = 0; l < 40; l++) {
      page.drawText(`Service log ${n}, page ${p}, entry ${l + 1}: speech-language therapy, 30 minutes, delivered 10/${(l % 28) + 1}/2024`, { x: 40, y: 750 - l * 17, size: 9, font });
    }
  }
  return doc.save();
}

/** Every document row has its original in the store; returns how many there are. */
async function documentsWithOriginals(dataDir: string): Promise<number> {
  const core = openCore({ dataDir });
  try {
    const docs = core.db.prepare<[], { file_name: string; sha256: string }>('SELECT file_name, sha256 FROM documents').all();
    for (const d of docs) expect(core.blobs.has(d.sha256), `the original of ${d.file_name} is stored`).toBe(true);
    return docs.length;
  } finally {
    await core.close();
  }
}

const FILES = 6;

describe('casefile and a running app on the same data folder', () => {
  const pile = path.join(tempDir(), 'pile');
  beforeAll(async () => {
    mkdirSync(pile);
    for (let n = 1; n <= FILES; n++) writeFileSync(path.join(pile, `service-log-${n}.pdf`), await serviceLog(n, 40));
  });

  it('an import while the browser host starts, again and again: every document keeps its original, and packet and export work', { timeout: 900_000 }, async () => {
    for (let round = 1; round <= 2; round++) {
      const dataDir = tempDir();
      expect(runCasefile(['cases', 'create', '--name', 'Race'], { dataDir }).code).toBe(0);
      const importing = startCasefile(['import', '--case', 'Race', pile], { dataDir });
      let imported: CliResult | null = null;
      void importing.done.then((r) => (imported = r));
      expect(await importing.waitFor(/reading/)).toBe(true);
      // Start the host over and over while the import runs: each start that gets the folder runs recovery.
      const hosts: CliResult[] = [];
      const refusals: CliResult[] = [];
      while (!imported) {
        const host = startCasefile(['serve', '--port', '0'], { dataDir });
        if (await host.waitFor(/running at/)) host.kill('SIGTERM');
        else refusals.push(await host.done);
        hosts.push(await host.done);
      }
      const r = (await importing.done) as CliResult;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`${FILES} imported, 0 already in the case, 0 failed`));
      expect(await documentsWithOriginals(dataDir)).toBe(FILES);
      // The host did not start while the import held the folder: it waited for it, saying whom it waited
      // for, and started once the import had finished or gave up after its bounded wait, naming it.
      expect(hosts[0].stderr).toContain(`Waiting for \`casefile import\` (process ${importing.pid}) to finish with the data folder`);
      for (const h of refusals) {
        expect(h.code, h.stderr).toBe(3);
        expect(h.stderr).toMatch(new RegExp(`is in use by the command \`casefile import\` \\(process ${importing.pid}\\).*Waited 10 s`));
      }

      const out = path.join(dataDir, 'case.json');
      expect(runCasefile(['export', '--case', 'Race', '--out', out], { dataDir }).code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8')).documents).toHaveLength(FILES);
      const packet = runCasefile(['packet', '--case', 'Race', '--out', path.join(dataDir, 'packet.pdf')], { dataDir, timeout: 300_000 });
      expect(packet.code, packet.stderr).toBe(0);
    }
  });

  it('a command that writes waits for the running host, then names it; commands that read run beside it', { timeout: 600_000 }, async () => {
    const dataDir = tempDir();
    expect(runCasefile(['cases', 'create', '--name', 'Beside'], { dataDir }).code).toBe(0);
    const host = startCasefile(['serve', '--port', '0'], { dataDir });
    try {
      expect(await host.waitFor(/running at/), host.output().stderr).toBe(true);
      const started = Date.now();
      const refused = runCasefile(['--wait', '1', 'import', '--case', 'Beside', path.join(pile, 'service-log-1.pdf')], { dataDir });
      expect(refused.code).toBe(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(refused.stderr).toMatch(new RegExp(`^Waiting for IEP Casefile \\(process ${host.pid}, browser host\\)`));
      expect(refused.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^casefile: IEP Casefile is already running on the data folder .* \\(process ${host.pid}, browser host\\).*Waited 1 s`));
      expect(runCasefile(['cases', 'rename', 'Beside', 'Renamed', '--wait', '0'], { dataDir }).code).toBe(3);

      const list = runCasefile(['cases', 'list', '--json'], { dataDir });
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).toEqual(['Beside']);
      expect(runCasefile(['search', 'speech'], { dataDir }).code).toBe(0);
      expect(runCasefile(['export', '--case', 'Beside', '--out', path.join(dataDir, 'beside.json')], { dataDir }).code).toBe(0);
    } finally {
      host.kill('SIGTERM');
      await host.done;
    }
    const after = runCasefile(['import', '--case', 'Beside', path.join(pile, 'service-log-1.pdf')], { dataDir });
    expect(after.code, after.stderr).toBe(0);
  });
});
