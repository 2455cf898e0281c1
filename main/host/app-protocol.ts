// What Electron's protocol.handle('app', ...) runs, kept free of electron so Node tests call it
// with real Requests. app://casefile/ serves the built renderer (index.html only at "/"; the
// renderer routes by hash) and the byte routes of shared/api/files.ts, which it hands to the
// engine: the same handlers the browser host mounts under /api/*. Any other /api/ path, and any
// other host, is refused: never index.html in place of an API answer.
import { fileRouteFor } from '../../shared/api/files';
import { rendererFiles, type FetchHandler } from './renderer-files';
import { badEncodingResponse, wellEncoded } from './url-check';

export const APP_ORIGIN = 'app://casefile';

export interface AppProtocolOptions {
  rendererDir: string;
  /** Answers a byte-route request: the engine process's fetch in the app, handleFileRequest in tests. */
  files: FetchHandler;
}

const refuse = (status: number, message: string) =>
  new Response(JSON.stringify({ ok: false, error: { code: 'unknown_call', message } }), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' } });

export function appProtocolHandler(opts: AppProtocolOptions): FetchHandler {
  const renderer = rendererFiles(opts.rendererDir);
  return async (req) => {
    const url = new URL(req.url);
    if (url.protocol !== 'app:' || url.host !== 'casefile') return refuse(404, `Nothing is served at ${url.protocol}//${url.host}.`);
    if (!wellEncoded(url)) return badEncodingResponse();
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!fileRouteFor(req.method, url.pathname)) return refuse(404, `No route ${req.method} ${url.pathname}`);
      return opts.files(req);
    }
    return renderer(req);
  };
}
