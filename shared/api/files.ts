// The byte routes of the API: calls that carry files rather than JSON. Declared once here beside
// the calls; implemented once in main/ipc/files.ts as fetch-style handlers that the browser host
// mounts under http://127.0.0.1/api/* and the desktop app under app://casefile/api/*. Core hands
// out ids (a document, a packet job, a letter, a case); only the renderer's client turns them
// into a path with filePath().
import { z } from 'zod';

const id = z.string().min(1).max(200);

/** A query value: numbers arrive as text in a URL. */
const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export interface FileRouteDef<Q extends z.ZodType> {
  method: 'GET' | 'POST';
  path: `/api/${string}`;
  query: Q;
  /** What a successful answer carries. */
  responds: 'json' | 'image' | 'attachment';
}

const route = <Q extends z.ZodType>(def: FileRouteDef<Q>) => def;

export const fileRoutes = {
  /** The body is one file's bytes; answers {ok, value: {uploadId, size}} for documents.import's uploads. */
  'files.upload': route({ method: 'POST', path: '/api/upload', query: z.object({}), responds: 'json' }),
  /** A PNG of one page about `width` pixels wide; 204 when the format has no page images (email, Word, text). */
  'files.pageImage': route({ method: 'GET', path: '/api/page-image', query: z.object({ doc: id, page: count(1, 100_000, 1), width: count(16, 4000, 1000) }), responds: 'image' }),
  /** The original exactly as imported. */
  'files.original': route({ method: 'GET', path: '/api/original', query: z.object({ doc: id }), responds: 'attachment' }),
  /** A built evidence packet or exhibit list, by its job id. */
  'files.packet': route({ method: 'GET', path: '/api/packet-file', query: z.object({ job: id }), responds: 'attachment' }),
  /** A saved letter as DOCX or PDF. */
  'files.letter': route({ method: 'GET', path: '/api/letter-file', query: z.object({ letter: id, format: z.enum(['docx', 'pdf']).default('pdf') }), responds: 'attachment' }),
  /** The whole data folder as one encrypted, checksummed backup file; the body is {"passphrase": "..."} (never in the URL). */
  'files.backup': route({ method: 'POST', path: '/api/backup', query: z.object({}), responds: 'attachment' }),
  /** The body is a backup's or a case archive's bytes, kept as they are until app.checkBackup / app.restoreBackup / app.importArchive; answers {ok, value: {uploadId, size}}. */
  'files.backupUpload': route({ method: 'POST', path: '/api/backup-upload', query: z.object({}), responds: 'json' }),
  /** One case as an encrypted case archive (`<Child>_case-archive_<date>.casefile`, what `casefile archive export` writes); the body is {"passphrase": "..."}. */
  'files.caseArchive': route({ method: 'POST', path: '/api/case-archive', query: z.object({ case: id }), responds: 'attachment' }),
  /** The whole case as iep-casefile/export@1 JSON. */
  'files.export': route({ method: 'GET', path: '/api/export-file', query: z.object({ case: id }), responds: 'attachment' }),
};

export type FileRoutes = typeof fileRoutes;
export type FileRouteName = keyof FileRoutes;
export type FileQuery<K extends FileRouteName> = z.output<FileRoutes[K]['query']>;
export type FileQueryInput<K extends FileRouteName> = z.input<FileRoutes[K]['query']>;

/** What files.backup's body holds: the passphrase that will open the backup. */
export const backupBody = z.object({ passphrase: z.string().min(8, 'at least 8 characters').max(1000) });

/** Largest upload the byte routes take (one file per request). */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export function isFileRouteName(name: string): name is FileRouteName {
  return Object.prototype.hasOwnProperty.call(fileRoutes, name);
}

/** The route a request path and method name, or null. */
export function fileRouteFor(method: string, pathname: string): FileRouteName | null {
  for (const [name, def] of Object.entries(fileRoutes)) {
    if (def.path === pathname && (def.method === method || (def.method === 'GET' && method === 'HEAD'))) return name as FileRouteName;
  }
  return null;
}

/** The relative path of a byte route with its query (the same under http:// and app://). */
export function filePath<K extends FileRouteName>(name: K, query: FileQueryInput<K>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) if (v !== undefined && v !== null) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${fileRoutes[name].path}?${qs}` : fileRoutes[name].path;
}
