// Byte routes of the browser host: uploads for import, page images, originals.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pageImage, originalFile } from '../core/documents/page-image';
import { addBinaryRoute } from './binary-routes';
import { readBody } from './server';
import { toErrorShape } from '../../shared/errors';
import { readFileSync } from 'node:fs';
import { packetJob } from '../core/packet-service';
import { renderLetterFile } from '../core/letters-service';

const MAX_UPLOAD = 1024 * 1024 * 1024;

export function stagingDir(dataDir: string): string {
  return path.join(dataDir, 'staging');
}

const MIME: Record<string, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff', heic: 'image/heic' };

addBinaryRoute(async ({ core }, req, res, url) => {
  try {
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      const body = await readBody(req, MAX_UPLOAD);
      const uploadId = randomUUID();
      mkdirSync(stagingDir(core.dataDir), { recursive: true });
      writeFileSync(path.join(stagingDir(core.dataDir), uploadId), body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, value: { uploadId, size: body.length } }));
      return true;
    }
    if (url.pathname === '/api/page-image' && req.method === 'GET') {
      const png = await pageImage(core, url.searchParams.get('doc') ?? '', Number(url.searchParams.get('page') ?? 1), Number(url.searchParams.get('width') ?? 1000));
      if (!png) {
        res.writeHead(204);
        res.end();
        return true;
      }
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'private, max-age=3600' });
      res.end(png);
      return true;
    }
    if (url.pathname === '/api/original' && req.method === 'GET') {
      const f = originalFile(core, url.searchParams.get('doc') ?? '');
      res.writeHead(200, {
        'content-type': MIME[f.format] ?? 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      });
      res.end(f.bytes);
      return true;
    }
    if (url.pathname === '/api/packet-file' && req.method === 'GET') {
      const job = packetJob(core, url.searchParams.get('job') ?? '');
      if (!job.file) {
        res.writeHead(409, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: { code: 'conflict', message: 'The packet is not built yet.' } }));
        return true;
      }
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${job.file.endsWith('-exhibits.pdf') ? 'exhibit-list' : 'evidence-packet'}.pdf"` });
      res.end(readFileSync(job.file));
      return true;
    }
    if (url.pathname === '/api/letter-file' && req.method === 'GET') {
      const format = url.searchParams.get('format') === 'docx' ? 'docx' : 'pdf';
      const f = await renderLetterFile(core, url.searchParams.get('letter') ?? '', format);
      res.writeHead(200, {
        'content-type': format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      });
      res.end(f.bytes);
      return true;
    }
    return false;
  } catch (e) {
    const shape = toErrorShape(e);
    res.writeHead(shape.code === 'not_found' ? 404 : 500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: false, error: shape }));
    return true;
  }
});
