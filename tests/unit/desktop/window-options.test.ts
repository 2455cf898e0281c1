// DevTools are off in an installed app (issue 17, Electron hardening). The window's options come
// from one plain function; this test checks it and the built main bundle (scripts/build-electron.mjs
// into a temp folder): every window the main process opens takes its options from that function with
// `packaged` set from app.isPackaged, and the function as bundled turns DevTools off when packaged.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../main/app/window-options';
import { REPO_ROOT } from '../../support/fixtures';
import { tempDir } from '../../support/core';

const state = { width: 1000, height: 700, maximized: false };

describe('the main window options', () => {
  it('turn DevTools off when packaged and keep the renderer isolated, sandboxed and without Node either way', () => {
    for (const packaged of [true, false]) {
      const o = mainWindowOptions(state, { preload: '/app/preload.cjs', packaged });
      expect(o.webPreferences).toEqual({ contextIsolation: true, nodeIntegration: false, sandbox: true, preload: '/app/preload.cjs', spellcheck: false, devTools: !packaged });
    }
  });

  it('are what the built main bundle opens its window with, DevTools off when packaged', () => {
    const outdir = tempDir();
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--outdir', outdir], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const bundle = readFileSync(path.join(outdir, 'main.cjs'), 'utf8');
    // Every BrowserWindow the shell creates.
    const windows = [...bundle.matchAll(/new import_electron\d*\.BrowserWindow\(([^\n]*)\);/g)].map((m) => m[1]);
    expect(windows.length).toBeGreaterThan(0);
    for (const args of windows) expect(args).toMatch(/^mainWindowOptions\(\w+, \{ preload: \w+, packaged: import_electron\d*\.app\.isPackaged \}\)$/);
    // devTools is set in one place only: the bundled function, run here as built.
    expect(bundle.match(/devTools/g)).toHaveLength(1);
    const source = /function mainWindowOptions\(state, opts\) \{[\s\S]*?\n\}/.exec(bundle)?.[0];
    expect(source).toBeDefined();
    const bundled = new Function(`${source!}; return mainWindowOptions;`)() as typeof mainWindowOptions;
    expect(bundled(state, { preload: 'p', packaged: true }).webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(bundled(state, { preload: 'p', packaged: false }).webPreferences.devTools).toBe(true);
  }, 120_000);
});
