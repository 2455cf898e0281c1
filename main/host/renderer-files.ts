// The built renderer as files, for both mounts (the browser host and app://). Only what exists is
// served, plus index.html at "/": the renderer routes by hash (#/case/...), so no other path is a
// page, and an unknown path is a 404, never index.html standing in for a missing file or API.
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { CONTENT_SECURITY_POLICY } from './csp';

export type FetchHandler = (req: Request) => Promise<Response>;

/** Headers every page and file of the renderer carries, on either mount. */
export const RENDERER_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/**
 * Whether the request's path names a file inside `root` (after decoding, resolving '..' and
 * following links): compared with the separator, so that a sibling folder whose name starts with
 * the root's ('renderer-old' beside 'renderer') is never inside it.
 */
export function insideRoot(root: string, pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  let file = path.resolve(root, `.${path.sep}${decoded}`);
  if (existsSync(file)) file = realpathSync(file);
  return file === root || file.startsWith(root + path.sep);
}

export function rendererFiles(rendererDir: string): FetchHandler {
  const root = existsSync(rendererDir) ? realpathSync(path.resolve(rendererDir)) : path.resolve(rendererDir);
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(RENDERER_HEADERS)) c.res.headers.set(k, v);
  });
  app.on(['GET', 'HEAD'], '/', (c, next) => {
    if (!existsSync(path.join(root, 'index.html'))) return c.text('The renderer is not built. Run `npm run build` first.', 503);
    return next();
  });
  app.on(['GET', 'HEAD'], '*', (c, next) => (insideRoot(root, new URL(c.req.url).pathname) ? next() : c.text('Not found', 404)));
  app.on(['GET', 'HEAD'], '*', serveStatic({ root }));
  app.notFound((c) => c.text('Not found', 404));
  app.onError((e, c) => (console.error('[renderer]', e), c.text('Internal error', 500)));
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: { 'content-type': 'text/plain', ...RENDERER_HEADERS } });
    return app.fetch(req);
  };
}
