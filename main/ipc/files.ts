// The byte routes of shared/api/files.ts, implemented once as fetch-style handlers: a Request in,
// a Response out. The browser host mounts them under /api/*, the desktop app under app://; neither
// adds anything but its own access rule, so a test of one is a test of the other.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { backupBody, fileRouteFor, fileRoutes, type FileQuery, type FileRouteName } from '../../shared/api/files';
import { AppError, toErrorShape, type ErrorCode } from '../../shared/errors';
import { exportCase } from '../core/export';
import { renderLetterFile } from '../core/letters/service';
import { packetJob } from '../core/packet/service';
import { stageUpload, stagingDir } from '../core/documents/uploads';
import { zodMessage } from '../core/validate';
import type { CallContext } from './registry';

export type FileHandler<K extends FileRouteName> = (query: FileQuery<K>, req: Request, ctx: CallContext) => Promise<Response>;

const FORMAT_MIME: Record<string, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff', heic: 'image/heic' };
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const STATUS: Partial<Record<ErrorCode, number>> = { bad_request: 400, invalid_input: 400, not_found: 404, conflict: 409, too_large: 413, unauthorized: 401, unknown_call: 404 };

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
}

export function errorResponse(e: unknown): Response {
  const error = toErrorShape(e);
  if (error.code === 'internal') console.error('[files]', e);
  return jsonResponse({ ok: false, error }, STATUS[error.code] ?? 500);
}

/** A file's bytes as a stream, read a piece at a time; removeAfter deletes it (or the folder named) once sent or abandoned. */
function fileStream(file: string, opts: { removeAfter?: boolean | string } = {}): ReadableStream<Uint8Array> {
  let fh: FileHandle | null = null;
  const done = async () => {
    await fh?.close().catch(() => undefined);
    fh = null;
    if (opts.removeAfter) rmSync(typeof opts.removeAfter === 'string' ? opts.removeAfter : file, { recursive: true, force: true });
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        fh ??= await open(file, 'r');
        const piece = Buffer.allocUnsafe(1024 * 1024);
        const { bytesRead } = await fh.read(piece, 0, piece.length, null);
        if (bytesRead > 0) return controller.enqueue(new Uint8Array(piece.buffer, piece.byteOffset, bytesRead));
        await done();
        controller.close();
      } catch (e) {
        await done();
        controller.error(e);
      }
    },
    cancel: done,
  });
}

function attachment(bytes: Uint8Array | ReadableStream<Uint8Array>, type: string, fileName: string, length?: number): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      ...(length !== undefined ? { 'content-length': String(length) } : {}),
      'content-type': type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Every route of the contract has its handler here; the type refuses a missing or unknown one. */
export const fileHandlers: { [K in FileRouteName]: FileHandler<K> } = {
  'files.upload': async (_q, req, { core }) =>
    jsonResponse({ ok: true, value: await stageUpload(core, req.body as unknown as AsyncIterable<Uint8Array> | null, Number(req.headers.get('content-length') ?? 0)) }),

  'files.pageImage': async ({ doc, page, width }, _req, { core }) => {
    // Page images are drawn with pdf.js, canvas and sharp: loaded by the first image asked for.
    const { pageImage } = await import('../core/documents/page-image');
    const png = await pageImage(core, doc, page, width);
    if (!png) return new Response(null, { status: 204, headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
    return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'image/png', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
  },

  'files.original': async ({ doc }, _req, { core }) => {
    const { originalFile } = await import('../core/documents/page-image');
    const f = originalFile(core, doc);
    return attachment(f.bytes, FORMAT_MIME[f.format] ?? 'application/octet-stream', f.fileName);
  },

  'files.packet': async ({ job }, _req, { core }) => {
    const j = packetJob(core, job);
    if (!j.file) throw new AppError('conflict', 'The packet is not built yet.');
    if (j.file.endsWith('.docx')) return attachment(core.blobs.readFile(j.file), DOCX_MIME, 'disclosure.docx'); // a disclosure kit's Word file
    return attachment(core.blobs.readFile(j.file), 'application/pdf', j.file.endsWith('-exhibits.pdf') ? 'exhibit-list.pdf' : j.file.endsWith('-disclosure.pdf') ? 'disclosure.pdf' : 'evidence-packet.pdf');
  },

  'files.letter': async ({ letter, format }, _req, { core }) => {
    const f = await renderLetterFile(core, letter, format);
    return attachment(f.bytes, format === 'docx' ? DOCX_MIME : 'application/pdf', f.fileName);
  },

  'files.backup': async (_q, req, { core }) => {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      throw new AppError('bad_request', 'files.backup: the body is not JSON.');
    }
    const parsed = backupBody.safeParse(body);
    if (!parsed.success) throw new AppError('invalid_input', `Backup passphrase: ${zodMessage(parsed.error)}`);
    const { backupDataFolder } = await import('../core/backup/backup');
    // Written to the staging folder (sealed under the passphrase; a run killed midway leaves it for
    // the start-up to clear), then streamed out a piece at a time and removed.
    mkdirSync(stagingDir(core.dataDir), { recursive: true, mode: 0o700 });
    const file = path.join(stagingDir(core.dataDir), `backup-${randomUUID()}`);
    try {
      backupDataFolder(core, file, parsed.data.passphrase);
    } catch (e) {
      rmSync(file, { force: true });
      throw e;
    }
    const stamp = core.nowIso().slice(0, 10);
    return attachment(fileStream(file, { removeAfter: true }), 'application/octet-stream', `IEP Casefile backup ${stamp}.casefile-backup`, statSync(file).size);
  },

  'files.caseArchive': async ({ case: caseId }, req, { core }) => {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      throw new AppError('bad_request', 'files.caseArchive: the body is not JSON.');
    }
    const parsed = backupBody.safeParse(body);
    if (!parsed.success) throw new AppError('invalid_input', `Archive passphrase: ${zodMessage(parsed.error)}`);
    const { exportCaseArchive } = await import('../core/backup/archive');
    const child = exportCase(core, caseId).student.name || 'case';
    const name = `${child.replace(/[^\w-]+/g, '_').slice(0, 60)}_case-archive_${core.nowIso().slice(0, 10)}.casefile`;
    mkdirSync(stagingDir(core.dataDir), { recursive: true, mode: 0o700 });
    const dir = path.join(stagingDir(core.dataDir), `archive-${randomUUID()}`);
    mkdirSync(dir, { mode: 0o700 });
    // Written under its download name (the archive's history line names it), then streamed and removed.
    const file = path.join(dir, name);
    try {
      exportCaseArchive(core, caseId, file, parsed.data.passphrase);
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    const size = statSync(file).size;
    return attachment(fileStream(file, { removeAfter: dir }), 'application/octet-stream', name, size);
  },

  'files.backupUpload': async (_q, req, { core }) => {
    const { stageBackupUpload } = await import('../core/backup/restore-live');
    return jsonResponse({ ok: true, value: await stageBackupUpload(core, req.body as unknown as AsyncIterable<Uint8Array> | null, Number(req.headers.get('content-length') ?? 0)) });
  },

  'files.export': async ({ case: caseId }, _req, { core }) => {
    const data = exportCase(core, caseId);
    const name = `${(data.student.name || 'case').replace(/[^\w-]+/g, '_').slice(0, 60)}.casefile.json`;
    return attachment(new TextEncoder().encode(JSON.stringify(data, null, 2)), 'application/json', name);
  },
};

/**
 * Answers a request for a byte route, or null when its path and method are not one (the mount
 * decides what else to serve). Query errors and failures come back as {ok:false,error} JSON.
 */
export async function handleFileRequest(req: Request, ctx: CallContext): Promise<Response | null> {
  const url = new URL(req.url);
  const name = fileRouteFor(req.method, url.pathname);
  if (!name) return null;
  try {
    const parsed = fileRoutes[name].query.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw new AppError('bad_request', `${name}: ${zodMessage(parsed.error)}`);
    const handler = fileHandlers[name] as FileHandler<FileRouteName>;
    const res = await handler(parsed.data as FileQuery<FileRouteName>, req, ctx);
    return req.method === 'HEAD' ? new Response(null, { status: res.status, headers: res.headers }) : res;
  } catch (e) {
    return errorResponse(e);
  }
}
