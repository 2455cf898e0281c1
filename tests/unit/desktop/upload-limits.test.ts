// Uploads stream to disk and are capped (issue 17, limits): an upload that does not declare its
// length (chunked) and runs past MAX_UPLOAD_BYTES is answered 413 once it passes the cap, over real
// HTTP to the browser host; the host's memory stays far under the bytes it was sent (the body goes
// to the staging folder a chunk at a time, never gathered), and the partial staged file is removed.
import http from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagingDir } from '../../../main/core/documents/uploads';
import { startBrowserHost } from '../../../main/host/start';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/files';
import { tempDir } from '../../support/core';

let host: Awaited<ReturnType<typeof startBrowserHost>>;
const dataDir = tempDir();

beforeAll(async () => {
  host = await startBrowserHost({ dataDir, rendererDir: tempDir() });
});
afterAll(async () => {
  await host?.stop();
});

/** POSTs `total` bytes chunked (no Content-Length), one reused 4 MiB piece at a time with backpressure, until the answer comes. */
function chunkedUpload(total: number): Promise<{ status: number; body: string; sent: number }> {
  const piece = Buffer.alloc(4 * 2 ** 20, 0x25);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port: host.port, path: '/api/upload', method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' } }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sent });
      });
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('an upload of undeclared length', () => {
  it('past the cap is answered 413, held in memory nowhere, and leaves nothing staged', async () => {
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const r = await chunkedUpload(MAX_UPLOAD_BYTES + 64 * 2 ** 20);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
      expect(r.sent).toBeGreaterThan(MAX_UPLOAD_BYTES);
    } finally {
      clearInterval(sampler);
    }
    // A gigabyte went through; the host (this process) grew by a small part of it.
    expect((peak - base) / 2 ** 20).toBeLessThan(256);
    await expect.poll(() => (existsSync(stagingDir(dataDir)) ? readdirSync(stagingDir(dataDir)) : [])).toEqual([]);
  }, 240_000);
});
