// A request URL whose path or query holds a broken percent-escape ("%E0%A4%A", "%ZZ", a lone "%")
// is refused with 400 by both mounts, before any route reads it: URL parsing passes such escapes
// through as text or replacement characters, so a handler would otherwise look up a garbled id.
import { jsonResponse } from '../ipc/files';

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

/** True when every percent-escape in the path and in each query name and value decodes as UTF-8. */
export function wellEncoded(url: URL): boolean {
  if (!decodes(url.pathname)) return false;
  const query = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  return query.split('&').every((pair) => pair.split('=').every((p) => decodes(p.replace(/\+/g, ' '))));
}

export const badEncodingResponse = (): Response => jsonResponse({ ok: false, error: { code: 'bad_request', message: 'The address has a malformed percent-escape.' } }, 400);
