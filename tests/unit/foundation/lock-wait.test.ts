// The browser host and the desktop app's engine, started while a `casefile` command writes to the
// same data folder, wait for the command to finish (the short bounded wait the CLI itself uses)
// instead of failing at once. Real processes: the command is paused with SIGSTOP while it holds the
// folder's lock, so the starter meets the lock however loaded the machine is.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FromEngine, ToEngine } from '../../../main/engine/protocol';
import { runCasefile, startCasefile, type RunningCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';
import { REPO_ROOT } from '../../support/fixtures';

async function serviceLog(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([612, 792]);
    for (let l = 0; l < 40; l++) page.drawText(`Service log page ${p}, entry ${l + 1}: speech-language therapy, 30 minutes, delivered 10/${(l % 28) + 1}/2024`, { x: 40, y: 750 - l * 17, size: 9, font });
  }
  return doc.save();
}

/** A `casefile import` holding the data folder's lock, paused mid-import; `resume` lets it finish. */
async function pausedImport(dataDir: string, file: string): Promise<{ importing: RunningCasefile; resume(): void }> {
  const importing = startCasefile(['import', '--case', 'Waiting', file], { dataDir });
  expect(await importing.waitFor(/reading/), importing.output().stderr).toBe(true);
  process.kill(importing.pid, 'SIGSTOP');
  let resumed = false;
  return {
    importing,
    resume() {
      if (resumed) return;
      resumed = true;
      process.kill(importing.pid, 'SIGCONT');
    },
  };
}

describe('a starter meeting a casefile command on its data folder', () => {
  const file = path.join(tempDir(), 'service-log.pdf');
  beforeAll(async () => writeFileSync(file, await serviceLog(20)));

  const freshFolder = () => {
    const dataDir = tempDir();
    expect(runCasefile(['cases', 'create', '--name', 'Waiting'], { dataDir }).code).toBe(0);
    return dataDir;
  };

  it('the browser host waits for the command to finish, saying whom it waits for, then starts', { timeout: 300_000 }, async () => {
    const dataDir = freshFolder();
    const { importing, resume } = await pausedImport(dataDir, file);
    const host = startCasefile(['serve', '--port', '0'], { dataDir });
    try {
      const waiting = new RegExp(`Waiting for \`casefile import\` \\(process ${importing.pid}\\) to finish with the data folder`);
      expect(await host.waitFor(waiting), host.output().stderr).toBe(true);
      resume();
      const imported = await importing.done;
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/1 imported, 0 already in the case, 0 failed/);
      expect(await host.waitFor(/running at/), host.output().stderr).toBe(true);
    } finally {
      resume();
      host.kill('SIGTERM');
      await host.done;
    }
  });

  it("the desktop app's engine process waits for the command to finish, then serves the folder", { timeout: 300_000 }, async () => {
    const dataDir = freshFolder();
    const { importing, resume } = await pausedImport(dataDir, file);
    // The engine's own entry, as Electron's utilityProcess runs it (here from source, through tsx).
    const engine = fork(path.join(REPO_ROOT, 'main/engine/entry.ts'), [`--data-dir=${dataDir}`], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    const messages: FromEngine[] = [];
    const changed = new Set<() => void>();
    const until = <T>(found: () => T | undefined) =>
      new Promise<T | undefined>((resolve) => {
        const check = () => {
          const v = found();
          if (v !== undefined || engine.exitCode !== null) {
            changed.delete(check);
            resolve(v);
          }
        };
        changed.add(check);
        check();
      });
    engine.stderr!.on('data', (d: Buffer) => ((stderr += d), changed.forEach((c) => c())));
    engine.on('message', (m) => (messages.push(m as FromEngine), changed.forEach((c) => c())));
    engine.on('exit', () => changed.forEach((c) => c()));
    const send = (m: ToEngine) => engine.send(m);
    try {
      const waiting = new RegExp(`\\[engine\\] Waiting for \`casefile import\` \\(process ${importing.pid}\\) to finish with the data folder`);
      const waited = await until(() => (waiting.test(stderr) ? true : messages.find((m) => m.t === 'failed')));
      expect(waited, stderr).toBe(true);
      resume();
      const imported = await importing.done;
      expect(imported.code, imported.stderr).toBe(0);
      const ready = await until(() => messages.find((m) => m.t === 'ready' || m.t === 'failed'));
      expect(ready, stderr).toMatchObject({ t: 'ready' });
      send({ t: 'call', id: 1, name: 'cases.list', args: {} });
      const listed = await until(() => messages.find((m) => m.t === 'result' && m.id === 1));
      expect(listed).toMatchObject({ result: { ok: true, value: [{ name: 'Waiting' }] } });
      send({ t: 'stop' });
      expect(await until(() => messages.find((m) => m.t === 'stopped'))).toBeDefined();
    } finally {
      resume();
      if (engine.exitCode === null) engine.kill('SIGKILL');
    }
  });
});
