// The browser host: serves the real renderer and the same API table over loopback only, behind a
// random per-run token, refusing foreign Host and Origin headers (DNS-rebinding and CSRF guard).
// Everything it answers is a fetch-style handler (hono on @hono/node-server); the byte routes are
// the very handlers the desktop app mounts under app:// (main/ipc/files.ts).
import { createAdaptorServer } from '@hono/node-server';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Core } from '../core/context';
import { errorResponse, handleFileRequest, jsonResponse } from '../ipc/files';
import type { CallContext, Registry } from '../ipc/registry';
import { rendererFiles } from './renderer-files';
import { badEncodingResponse, wellEncoded } from './url-check';

export interface HostOptions {
  core: Core;
  registry: Registry;
  rendererDir: string;
  port?: number;
  token?: string;
  /** The engine's reopen (a restore swaps the data folder while it is closed); answers the new core. */
  reopen?: (between: () => void) => Promise<Core>;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_JSON_BODY = 8 * 1024 * 1024;

const refuse = (status: number, code: 'unauthorized' | 'bad_request' | 'unknown_call' | 'too_large', message: string) => jsonResponse({ ok: false, error: { code, message } }, status);

/** The host's whole request handling as one fetch function (the server only adapts node:http to it). */
export function hostFetch(opts: Omit<HostOptions, 'port'> & { token: string; port: () => number }): (req: Request) => Promise<Response> {
  const tokenBuf = Buffer.from(opts.token);
  let core = opts.core;
  const reopen = opts.reopen;
  const ctx: CallContext = {
    get core() {
      return core;
    },
    transport: 'browser',
    reopen: reopen && (async (between) => void (core = await reopen(between))),
  };
  const renderer = rendererFiles(opts.rendererDir);
  const authorized = (header: string | undefined) => {
    const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBuf.length && timingSafeEqual(given, tokenBuf);
  };

  const app = new Hono();
  app.use('*', async (c, next) => {
    const port = opts.port();
    if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(c.req.header('host') ?? '')) return c.json({ error: 'Host not allowed' }, 403);
    const origin = c.req.header('origin');
    if (origin && ![`http://127.0.0.1:${port}`, `http://localhost:${port}`].includes(origin)) return c.json({ error: 'Origin not allowed' }, 403);
    if (!wellEncoded(new URL(c.req.url))) return badEncodingResponse();
    return next();
  });
  app.use('/api/*', async (c, next) => (authorized(c.req.header('authorization')) ? next() : refuse(401, 'unauthorized', 'Missing or wrong token.')));
  app.post('/api/call/:name', bodyLimit({ maxSize: MAX_JSON_BODY, onError: () => refuse(413, 'too_large', `Request body over ${MAX_JSON_BODY} bytes`) }), async (c) => {
    const text = await c.req.text();
    let args: unknown;
    try {
      args = text.length ? JSON.parse(text) : undefined;
    } catch {
      return refuse(400, 'bad_request', 'Body is not JSON.');
    }
    return jsonResponse(await opts.registry.dispatch(c.req.param('name'), args, ctx));
  });
  app.get('/api/events', () => eventStream(core));
  app.all('/api/*', async (c) => (await handleFileRequest(c.req.raw, ctx)) ?? refuse(404, 'unknown_call', `No route ${c.req.path}`));
  app.all('*', (c) => renderer(c.req.raw));
  app.onError((e) => errorResponse(e));
  return (req) => Promise.resolve(app.fetch(req));
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const fetch = hostFetch({ ...opts, token, port: () => port });
  const server = createAdaptorServer({ fetch, hostname: '127.0.0.1' }) as Server;
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
function eventStream(core: Core): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (s: string) => controller.enqueue(encoder.encode(s));
      write(': connected\n\n');
      const offs = (['job.progress', 'case.changed'] as const).map((name) => core.on(name, (payload) => write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)));
      const ping = setInterval(() => write(': ping\n\n'), 15_000);
      stop = () => {
        clearInterval(ping);
        offs.forEach((off) => off());
      };
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' } });
}
