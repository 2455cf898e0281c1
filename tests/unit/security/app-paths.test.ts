// The renderer's files, served by app:// and the browser host, never reach outside the renderer
// folder: not a sibling folder whose name starts with the folder's, not through encoded '..'
// segments, not through a link inside it that points out.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../../main/host/app-protocol';
import { insideRoot } from '../../../main/host/renderer-files';
import { tempDir } from '../../support/core';

describe('renderer file paths', () => {
  const base = tempDir();
  const root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  mkdirSync(path.join(base, 'renderer-sibling'));
  writeFileSync(path.join(base, 'renderer-sibling', 'secret.txt'), 'SIBLING SECRET');
  symlinkSync(path.join(base, 'renderer-sibling'), path.join(root, 'linked'));
  const app = appProtocolHandler({ rendererDir: root, files: async () => new Response(null, { status: 404 }) });

  it('compares with the separator', () => {
    expect(insideRoot(root, '/assets/app.js')).toBe(true);
    expect(insideRoot(root, '/')).toBe(true);
    expect(insideRoot(root, '/../renderer-sibling/secret.txt')).toBe(false);
    expect(insideRoot(root, '/..%2frenderer-sibling%2fsecret.txt')).toBe(false);
    expect(insideRoot(root, '/linked/secret.txt')).toBe(false);
    expect(insideRoot(root, '/a%00b')).toBe(false);
  });

  it('serves the renderer and nothing beside it through app://', async () => {
    expect((await app(new Request('app://casefile/assets/app.js'))).status).toBe(200);
    for (const p of ['/../renderer-sibling/secret.txt', '/%2e%2e/renderer-sibling/secret.txt', '/..%2frenderer-sibling%2fsecret.txt', '/linked/secret.txt', '/assets/..%2f..%2frenderer-sibling/secret.txt']) {
      const res = await app(new Request(`app://casefile${p}`));
      const body = await res.text();
      expect(body, p).not.toContain('SIBLING SECRET');
      expect(res.status, p).toBeGreaterThanOrEqual(400);
    }
  });
});
