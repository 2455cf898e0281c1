// Page images come from the files.pageImage byte route; they become blob: URLs (the
// CSP allows those) and are cached for the session so paging back and forth is instant.
import { useEffect, useState } from 'react';
import { fetchFile } from '../../api/client';

export type PageImageState = { status: 'loading' } | { status: 'image'; url: string } | { status: 'none' } | { status: 'error'; message: string };

const cache = new Map<string, Promise<PageImageState>>();

function fetchPageImage(documentId: string, page: number, width: number): Promise<PageImageState> {
  const key = `${documentId}/${page}/${width}`;
  let p = cache.get(key);
  if (!p) {
    p = fetchFile('files.pageImage', { doc: documentId, page, width })
      .then(async (res): Promise<PageImageState> => {
        if (res.status === 204) return { status: 'none' };
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
          return { status: 'error', message: body?.error?.message ?? `The page image could not be loaded (${res.status}).` };
        }
        return { status: 'image', url: URL.createObjectURL(await res.blob()) };
      })
      .catch((e: Error): PageImageState => ({ status: 'error', message: e.message }));
    // Failed loads are not cached, so a retry (re-render) tries again.
    void p.then((s) => s.status === 'error' && cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** Image widths are bucketed so zooming reuses a few renders instead of one per pixel. */
export function imageWidthBucket(displayWidth: number): number {
  const want = displayWidth * (window.devicePixelRatio || 1);
  return [160, 800, 1200, 1800, 2400].find((w) => w >= want) ?? 2400;
}

export function usePageImage(documentId: string, page: number, width: number): PageImageState {
  const [state, setState] = useState<PageImageState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState((s) => (s.status === 'image' ? s : { status: 'loading' }));
    void fetchPageImage(documentId, page, width).then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [documentId, page, width]);
  return state;
}
