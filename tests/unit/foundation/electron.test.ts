// The desktop shell needs the Electron binary, which cannot be downloaded on every machine. Where it
// is present, launch the real app on a temp data folder; where it is not, skip and say why.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/fixtures';
import { tempDir } from '../../support/core';

function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = existsSync(path.join(REPO_ROOT, 'out/main/main.js')) && existsSync(path.join(REPO_ROOT, 'out/renderer/index.html'));
if (!binary) console.warn('[electron] skipped: the Electron binary is not installed on this machine (its download is not available here).');
else if (!built) console.warn('[electron] skipped: run `npm run build && npm run build:electron` first.');

describe.skipIf(!binary || !built)('the Electron desktop app', () => {
  it('opens a hardened window on app:// that lists cases', async () => {
    const app = await _electron.launch({ executablePath: binary!, args: [path.join(REPO_ROOT, 'out/main/main.js'), `--data-dir=${tempDir()}`] });
    const win = await app.firstWindow();
    expect(win.url()).toMatch(/^app:\/\//);
    await win.getByRole('heading', { name: 'Cases' }).waitFor();
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });
});
