// The renderer's only way to the core: the Electron preload bridge when present, otherwise the
// browser host over loopback with the per-run token. Same API table either way; the byte routes
// (shared/api/files.ts) are fetched at the same relative paths under app:// and http://127.0.0.1.
import { createParser } from 'eventsource-parser';
import type { ApiArgs, ApiEventName, ApiEvents, ApiName, ApiResult } from '../../../shared/api';
import { filePath, type FileQueryInput, type FileRouteName } from '../../../shared/api/files';
import type { ErrorShape, Result } from '../../../shared/errors';

interface Bridge {
  invoke(name: string, args: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** The main process's open dialog: the chosen files, or the chosen folder; [] when cancelled. */
  choosePaths(kind: 'files' | 'folder'): Promise<string[]>;
  /** Where a picked or dropped File is on disk (webUtils.getPathForFile); '' when it is not a file on disk. */
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    casefile?: Bridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorShape['code'];
  constructor(shape: ErrorShape) {
    super(shape.message);
    this.code = shape.code;
  }
}

const TOKEN_KEY = 'casefile.token';

function hostToken(): string {
  const m = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = typeof window !== 'undefined' && !window.casefile ? hostToken() : '';

function authHeaders(): Record<string, string> {
  return window.casefile ? {} : { authorization: `Bearer ${token}` };
}

/** Fetches a byte route (upload, page image, original, packet, letter, export) by name; the path is built here, never by core. */
export function fetchFile<K extends FileRouteName>(name: K, query: FileQueryInput<K>, init: RequestInit = {}): Promise<Response> {
  return fetch(filePath(name, query), { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...authHeaders() } });
}

/** The desktop app's file access (its open dialog, paths of dropped files); null in the browser. */
export function desktop(): Pick<Bridge, 'choosePaths' | 'pathForFile'> | null {
  const b = typeof window === 'undefined' ? undefined : window.casefile;
  return b ? { choosePaths: (kind) => b.choosePaths(kind), pathForFile: (f) => b.pathForFile(f) } : null;
}

async function invokeHttp(name: string, args: unknown): Promise<Result<unknown>> {
  const res = await fetch(`/api/call/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders() },
    body: args === undefined ? '' : JSON.stringify(args),
  });
  if (res.status === 401) return { ok: false, error: { code: 'unauthorized', message: 'This page has no valid access token. Open the address printed by `casefile serve`.' } };
  return (await res.json()) as Result<unknown>;
}

export async function invoke<K extends ApiName>(name: K, ...args: ApiArgs<K> extends undefined ? [ApiArgs<K>?] : [ApiArgs<K>]): Promise<ApiResult<K>> {
  const r = window.casefile ? await window.casefile.invoke(name, args[0]) : await invokeHttp(name, args[0]);
  if (!r.ok) throw new ApiError(r.error);
  return r.value as ApiResult<K>;
}

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
let streamStarted = false;

/**
 * Reads a server-sent event stream to its end (eventsource-parser: multi-line data, CRLF, comments and
 * chunks split anywhere), handing each named event's JSON data on.
 */
export async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (event: string, payload: unknown) => void): Promise<void> {
  const parser = createParser({
    onEvent: (message) => {
      if (message.event && message.data) onEvent(message.event, JSON.parse(message.data));
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}

async function startEventStream() {
  streamStarted = true;
  for (;;) {
    try {
      const res = await fetch('/api/events', { headers: authHeaders() });
      await readEventStream(res.body!, (event, payload) => listeners.get(event)?.forEach((l) => l(payload)));
    } catch {
      /* host restarting: retry below */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export function on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  if (window.casefile) return window.casefile.on(event, listener as Listener);
  if (!streamStarted) void startEventStream();
  const set = listeners.get(event) ?? new Set();
  set.add(listener as Listener);
  listeners.set(event, set);
  return () => set.delete(listener as Listener);
}
