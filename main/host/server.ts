// The browser host: serves the real renderer and the same API table over loopback only, behind a
// random per-run token, refusing foreign Host and Origin headers (DNS-rebinding and CSRF guard).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '../core/context';
import type { Registry } from '../ipc/registry';
import { CONTENT_SECURITY_POLICY } from './csp';
import { handleBinaryRoute } from './binary-routes';
import './document-routes';

export interface HostOptions {
  core: Core;
  registry: Registry;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const MAX_JSON_BODY = 8 * 1024 * 1024;

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(Object.assign(new Error(`Request body over ${limit} bytes`), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const rendererRoot = path.resolve(opts.rendererDir);
  const ctx = { core: opts.core, transport: 'browser' as const };

  const authorized = (req: http.IncomingMessage) => {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBuf.length && timingSafeEqual(given, tokenBuf);
  };

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    let file = path.resolve(rendererRoot, '.' + rel);
    if (!file.startsWith(rendererRoot + path.sep)) return send(res, 403, 'Forbidden', 'text/plain');
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (path.extname(rel)) return send(res, 404, 'Not found', 'text/plain');
      file = path.join(rendererRoot, 'index.html'); // client-side routes
      if (!existsSync(file)) return send(res, 503, 'The renderer is not built. Run `npm run build` first.', 'text/plain');
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, JSON.stringify({ error: 'Host not allowed' }));
      const origin = req.headers.origin;
      if (origin && !allowedOrigins().has(origin)) return send(res, 403, JSON.stringify({ error: 'Origin not allowed' }));
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
        return serveStatic(req, res, url.pathname);
      }
      if (!authorized(req)) return send(res, 401, JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token.' } }));
      if (url.pathname.startsWith('/api/call/') && req.method === 'POST') {
        const name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
        const body = await readBody(req, MAX_JSON_BODY);
        let args: unknown;
        try {
          args = body.length ? JSON.parse(body.toString('utf8')) : undefined;
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_request', message: 'Body is not JSON.' } }));
        }
        const result = await opts.registry.dispatch(name, args, ctx);
        return send(res, 200, JSON.stringify(result));
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(opts.core, req, res);
      if (await handleBinaryRoute(opts, req, res, url)) return;
      return send(res, 404, JSON.stringify({ ok: false, error: { code: 'unknown_call', message: `No route ${url.pathname}` } }));
    } catch (e) {
      const status = (e as { status?: number }).status ?? 500;
      if (!res.headersSent) send(res, status, JSON.stringify({ ok: false, error: { code: 'internal', message: (e as Error).message } }));
      else res.end();
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

/** Server-sent events over a fetch stream (the token travels in a header, never in a URL). */
function streamEvents(core: Core, req: http.IncomingMessage, res: http.ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const offs = (['job.progress', 'case.changed'] as const).map((name) =>
    core.on(name, (payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
  );
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(ping);
    offs.forEach((off) => off());
  });
}
