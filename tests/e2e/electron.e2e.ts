// The desktop app itself needs the Electron binary, which cannot be downloaded on every machine.
// Where it is present, launch the real app (built first if need be) on a temp data folder and run
// an import through the main-process dialog, the page viewer's byte route and a packet download;
// where it is not, skip, and check that the binary's absence is the only reason. Everything but
// the thin Electron mount is also tested in Node (tests/unit/desktop).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/fixtures';
import { tempDir } from '../support/core';
import { makePdf, textLines } from '../unit/documents/make-files';

function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.warn('[electron] skipped: the Electron binary is not installed on this machine (its download is not available here).');

describe.runIf(!binary)('without the Electron binary', () => {
  it('the desktop run is skipped because the binary is absent, and for no other reason', () => {
    const pkg = path.join(REPO_ROOT, 'node_modules/electron');
    // Either npm left the optional package out (its install step downloads the binary and failed),
    // or it is there without the binary it points to.
    if (existsSync(pkg)) {
      const pathFile = path.join(pkg, 'path.txt');
      expect(existsSync(pathFile) && existsSync(path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()))).toBe(false);
    } else {
      expect(() => createRequire(import.meta.url)('electron')).toThrow();
    }
    // What the desktop app runs besides the mount still builds here (npm run build:electron).
    const outdir = tempDir();
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--outdir', outdir], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    for (const f of ['main.cjs', 'preload.cjs', 'engine.cjs', 'packet-worker.cjs']) expect(existsSync(path.join(outdir, f)), f).toBe(true);
  });
});

describe.skipIf(!binary)('the Electron desktop app', () => {
  let app: ElectronApplication;
  const dataDir = tempDir();

  beforeAll(async () => {
    const run = (args: string[]) => expect(spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' }).status).toBe(0);
    if (!existsSync(path.join(REPO_ROOT, 'out/renderer/index.html'))) run(['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
    run(['scripts/build-electron.mjs']);
    app = await _electron.launch({ executablePath: binary!, args: [REPO_ROOT, `--data-dir=${dataDir}`] });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens a hardened window on app:// with the engine in its own process', async () => {
    const win = await app.firstWindow();
    expect(win.url()).toMatch(/^app:\/\/casefile\//);
    await win.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    const mainPid = await app.evaluate(() => process.pid);
    const lockPid = JSON.parse(readFileSync(path.join(dataDir, 'casefile.lock'), 'utf8')).pid as number;
    expect(lockPid).not.toBe(mainPid);
  });

  it('imports through the main-process dialog, shows the page and downloads the packet', async () => {
    const win = await app.firstWindow();
    const pdfPath = path.join(tempDir(), 'notice.pdf');
    writeFileSync(pdfPath, await makePdf([textLines('Prior Written Notice\nThe district proposes a change.\nDate: March 11, 2024')]));
    await app.evaluate(({ dialog }, file) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
    }, pdfPath);
    type Bridge = { casefile: { invoke(n: string, a: unknown): Promise<{ ok: boolean; value: { id: string; jobId: string }[] & { id: string; jobId: string } }> } };
    const caseId = await win.evaluate(async () => (await (window as unknown as Bridge).casefile.invoke('cases.create', { name: 'Desktop Test' })).value.id);
    await win.evaluate((id) => (window.location.hash = `#/case/${id}/documents`), caseId);
    await win.getByRole('button', { name: 'Add files…' }).click();
    await win.getByRole('grid', { name: /Documents in this case/ }).getByRole('row').filter({ hasText: 'notice' }).first().waitFor({ timeout: 120_000 });

    const bytes = await win.evaluate(async (id) => {
      const bridge = (window as unknown as Bridge).casefile;
      const [doc] = (await bridge.invoke('documents.list', { caseId: id })).value;
      const image = await fetch(`/api/page-image?doc=${doc.id}&page=1&width=300`);
      const list = (await bridge.invoke('packet.exhibitList', { caseId: id, bates: { prefix: 'D-', start: 1, digits: 4, position: 'bottom-right' }, labelStyle: 'P-1', sections: ['exhibits'], exhibits: [{ documentId: doc.id }] })).value;
      const packet = await fetch(`/api/packet-file?job=${list.jobId}`);
      const unknown = await fetch('/api/nope');
      return { image: [image.status, image.headers.get('content-type')], packet: [packet.status, packet.headers.get('content-type')], unknown: unknown.status };
    }, caseId);
    expect(bytes).toEqual({ image: [200, 'image/png'], packet: [200, 'application/pdf'], unknown: 404 });
  });
});
