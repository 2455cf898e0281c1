// Routes that move bytes rather than JSON (uploads for import, page images, downloads). Features
// add theirs here; each is behind the same token check as the API.
import type http from 'node:http';
import type { HostOptions } from './server';

export type BinaryRoute = (opts: HostOptions, req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;

const routes: BinaryRoute[] = [];

export function addBinaryRoute(route: BinaryRoute): void {
  routes.push(route);
}

export async function handleBinaryRoute(opts: HostOptions, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
  for (const r of routes) if (await r(opts, req, res, url)) return true;
  return false;
}
