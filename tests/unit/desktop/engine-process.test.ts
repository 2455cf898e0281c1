// The desktop app's engine runs in its own process (Electron's utilityProcess). Its entry is plain
// Node, so this builds the very bundle the app ships (npm run build:electron), forks it with
// child_process and drives it through the same supervisor and message protocol the main process
// uses, and through the app:// handler for the byte routes: everything Electron runs but
// utilityProcess.fork itself.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineStartError } from '../../../main/engine/supervisor';
import type { Result } from '../../../shared/errors';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';
import { checkEngineServes, engineHarness, importDone, notice, stopEngines, uploadAndImport } from './engine-harness';

const ENTRY = path.join(REPO_ROOT, 'out/main/engine.cjs');

afterEach(stopEngines);
const harness = (dataDir: string) => engineHarness(ENTRY, dataDir);

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
});

describe('the engine process', () => {
  it('answers API calls and byte routes over its message protocol, as the desktop app uses it', async () => {
    await checkEngineServes(harness(tempDir()));
  });

  it('holds the data folder: a second engine on it is refused, and a clean stop lets go', async () => {
    const dataDir = tempDir();
    const first = harness(dataDir);
    await first.engine.start();
    const second = harness(dataDir);
    const refused = await second.engine.start().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EngineStartError);
    expect((refused as EngineStartError).shape.code).toBe('locked');
    await first.engine.stop();
    expect(existsSync(path.join(dataDir, 'casefile.lock'))).toBe(false);
    const third = harness(dataDir);
    await third.engine.start();
    expect(await third.call('cases.list')).toEqual([]);
  });

  it('killed in the middle of an import, says so and restarts; what was saved is kept and work goes on', async () => {
    const dataDir = tempDir();
    const h = harness(dataDir);
    await h.engine.start();
    const { id: caseId } = await h.call<{ id: string }>('cases.create', { name: 'Crash Test' });
    const first = await uploadAndImport(h, caseId, [{ name: 'kept.pdf', bytes: await notice(0) }]);
    await importDone(h, first.jobId);
    const [kept] = await h.call<{ id: string; sha256: string }[]>('documents.list', { caseId });

    const pile = await Promise.all(Array.from({ length: 40 }, async (_, i) => ({ name: `notice-${i + 1}.pdf`, bytes: await notice(i + 1, 3) })));
    const killedPid = h.engine.pid!;
    const batch = await uploadAndImport(h, caseId, pile);
    // Kill -9 at the batch's first progress: files are being written.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (!h.events.some((e) => (e.payload as { jobId?: string }).jobId === batch.jobId)) return;
        clearInterval(timer);
        process.kill(killedPid, 'SIGKILL');
        resolve();
      }, 1);
    });
    // A call made as it dies is answered (an error saying it restarts), never left hanging.
    const during = (await h.engine.call('documents.importStatus', { jobId: batch.jobId })) as Result<unknown>;
    if (!during.ok) expect(during.error.message).toMatch(/restart|No import job/);

    await h.engine.whenReady();
    expect(h.statuses.map((s) => s.state)).toEqual(['restarting', 'running']);
    expect((h.statuses[0] as { message: string }).message).toMatch(/stopped unexpectedly/);
    expect(h.engine.pid).not.toBe(killedPid);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'casefile.lock'), 'utf8')).pid).toBe(h.engine.pid);

    // Whole documents only: each one listed has all its pages and its original.
    const docs = await h.call<{ id: string; fileName: string; pageCount: number; status: string }[]>('documents.list', { caseId });
    expect(docs.map((d) => d.id)).toContain(kept.id);
    expect(docs.length).toBeLessThan(1 + pile.length);
    for (const d of docs) {
      expect((await h.call<unknown[]>('documents.pages', { documentId: d.id })).length, d.fileName).toBe(d.pageCount);
      expect((await h.app(`/api/original?doc=${d.id}`)).status, d.fileName).toBe(200);
    }
    // And the engine works: the rest of the pile imports now, the ones already in are duplicates.
    const again = await uploadAndImport(h, caseId, pile);
    const statuses = (await importDone(h, again.jobId)).files.map((f) => f.status);
    expect(statuses.filter((s) => s === 'imported').length + docs.length - 1).toBe(pile.length);
    expect(statuses.every((s) => s === 'imported' || s === 'duplicate')).toBe(true);
  });
});
