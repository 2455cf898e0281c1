// The case archive: one case moved between data folders losslessly, in the backup's container
// (sealed under a passphrase, every entry checksummed): its rows in every table (documents, pages
// and OCR words, extraction results, corrections, events, letters, deadlines, packets' settings, the history,
// anything keyed by the case or its documents) and its originals. Imported into a folder without
// the case it keeps its ids; into one that has it, merged (the union, the folder's side winning:
// backup/queries.ts) or as a copy (new ids, "(copy)" in its name), as the person chose.
// The JSON export (export.ts) stays as it is, for tools.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { LATEST_VERSION } from '../db/migrate';
import { caseExists, readCaseRows, writeCaseRows, type CaseRows, type Row } from '../db/queries/archive';
import { historyLine, recordHistory } from '../history/history';
import { BackupWriter, gather, readBackupStream } from './container';
import { mergeCaseRows, type MergeCounts } from './queries';
import { formQueries } from '../forms/queries';
import { joinArchivedFamilies } from '../forms/service';

const FORMAT = 'iep-casefile/case-archive@1';

interface ArchiveManifest {
  format: typeof FORMAT;
  schemaVersion: number;
  caseId: string;
  createdAt: string;
  rows: CaseRows;
  originals: string[];
}

// Rows travel as JSON: BLOB values as {"$b64": "..."}.
const encode = (rows: CaseRows) => JSON.stringify(rows, (_k, v: unknown) => (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data) ? { $b64: Buffer.from((v as { data: number[] }).data).toString('base64') } : v));
const decodeValue = (v: unknown): unknown => (v && typeof v === 'object' && typeof (v as { $b64?: unknown }).$b64 === 'string' ? Buffer.from((v as { $b64: string }).$b64, 'base64') : v);

export interface ArchiveSummary {
  caseId: string;
  documents: number;
  originals: number;
}

export function exportCaseArchive(core: Core, caseId: string, out: string, passphrase: string): ArchiveSummary & { file: string } {
  // The form families of its documents and their learned anchors travel with it (issue 18).
  const rows: CaseRows = { ...readCaseRows(core.db, caseId), ...formQueries(core.db).archiveRows(caseId) };
  if (!rows.cases?.length) throw new AppError('not_found', `No case with id ${caseId}.`);
  // The archive carries the line of its own export; the folder gets the same line once it is written.
  const exported = historyLine(core, caseId, { kind: 'exported', description: `Exported the case archive ${path.basename(out)}` });
  rows.case_history = [...(rows.case_history ?? []), { ...exported }];
  const originals = (rows.blobs ?? []).map((b) => String(b.sha256));
  const manifest = { format: FORMAT, schemaVersion: LATEST_VERSION, caseId, createdAt: core.nowIso(), originals };
  const writer = new BackupWriter(out, passphrase);
  try {
    writer.add('manifest.json', Buffer.from(JSON.stringify(manifest)));
    writer.add('rows.json', Buffer.from(encode(rows)));
    // Each original is opened and sealed again a chunk at a time: never whole in memory.
    for (const sha of originals) writer.addStream(`originals/${sha}`, core.blobs.plainSize(sha), (write) => core.blobs.forEachPiece(sha, write));
    writer.finish();
  } catch (e) {
    writer.abort();
    throw e;
  }
  recordHistory(core, caseId, exported);
  core.emit('case.changed', { caseId, what: 'history' });
  return { file: out, caseId, documents: rows.documents?.length ?? 0, originals: originals.length };
}

/** Tables shared across cases: a copy keeps their rows and ids (form families and their learned anchors, issue 18). */
const SHARED = new Set(['blobs', 'form_families', 'form_anchors']);

/** New ids for every row id of the case (a copy beside the original): exact values, and UUIDs inside text. */
function remapIds(rows: CaseRows): CaseRows {
  const map = new Map<string, string>();
  for (const table of Object.keys(rows)) for (const r of rows[table]) if (!SHARED.has(table) && typeof r.id === 'string') map.set(r.id, randomUUID());
  const uuids = [...map.keys()].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
  const swap = (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    const exact = map.get(v);
    if (exact) return exact;
    let s = v;
    for (const id of uuids) if (s.includes(id)) s = s.split(id).join(map.get(id)!);
    return s;
  };
  const out: CaseRows = {};
  for (const [table, list] of Object.entries(rows)) out[table] = SHARED.has(table) ? list : list.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, swap(v)])) as Row);
  return out;
}

/** What to do with an archive of a case the folder has already. */
export type ExistingCaseChoice = 'merge' | 'copy';

export interface ImportArchiveOptions {
  /** Where the folder has the case: merge into it, or import a copy beside it. */
  mode?: ExistingCaseChoice;
  /** The same as mode: 'copy'. */
  copy?: boolean;
  /** Asked when the folder has the case and no mode was given (a terminal's question); null refuses. */
  choose?: () => ExistingCaseChoice | null;
  /** The archive's name as the person knows it, for the history line (default: the file's own name). */
  fileName?: string;
}

export interface ImportArchiveSummary extends ArchiveSummary {
  /** new: the case was not here; copy: imported beside it with new ids; merge: merged into it. */
  mode: 'new' | ExistingCaseChoice;
  copied: boolean;
  merged?: MergeCounts;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function mergeDescription(name: string, m: MergeCounts): string {
  const a = m.added;
  const parts = [`${plural(m.documentsAdded, 'document')} added (${m.documentsKept} already here)`];
  if (a.corrections) parts.push(plural(a.corrections, 'correction'));
  if (a.case_events) parts.push(plural(a.case_events, 'event'));
  if (a.letters) parts.push(plural(a.letters, 'letter'));
  if (a.case_history) parts.push(plural(a.case_history, 'history line'));
  return `Merged the archive ${name}: ${parts.join(', ')}`;
}

/**
 * Imports a case archive. Into a folder without the case it keeps its ids; into one that has it, as
 * the mode (or the answer to `choose`) says: a copy beside it with new ids, or merged into it (what
 * is missing added, nothing here changed). Without either such an import is refused: nothing is
 * merged or copied on a guess.
 */
export function importCaseArchive(core: Core, file: string, passphrase: string, opts: ImportArchiveOptions = {}): ImportArchiveSummary {
  // Each original streams from the archive into the blob store a chunk at a time (hashed and sealed
  // as it comes, claimed until the rows are written): an archive's originals are never in memory.
  const stored = new Map<string, boolean>();
  const giveUp = () => {
    for (const [sha, added] of stored) {
      core.blobs.release(sha);
      if (added) core.blobs.remove(sha);
    }
  };
  try {
    return importRows(core, file, passphrase, opts, stored);
  } catch (e) {
    giveUp();
    throw e;
  } finally {
    for (const sha of stored.keys()) core.blobs.release(sha);
  }
}

function importRows(core: Core, file: string, passphrase: string, opts: ImportArchiveOptions, stored: Map<string, boolean>): ImportArchiveSummary {
  let manifest: Omit<ArchiveManifest, 'rows'> | null = null;
  let rows: CaseRows | null = null;
  readBackupStream(file, passphrase, (name, size) => {
    if (name === 'manifest.json') return gather(size, (bytes) => (manifest = JSON.parse(bytes.toString('utf8')) as Omit<ArchiveManifest, 'rows'>));
    if (name === 'rows.json') return gather(size, (bytes) => (rows = JSON.parse(bytes.toString('utf8'), (_k, v: unknown) => decodeValue(v)) as CaseRows));
    if (!/^originals\/[0-9a-f]{64}$/.test(name)) throw new AppError('corrupt_file', `The archive ${file} holds an entry it should not (${name}).`);
    const writer = core.blobs.putStream();
    return {
      write: (piece) => writer.write(piece),
      end: () => {
        const { sha, added } = writer.finish();
        stored.set(sha, added || (stored.get(sha) ?? false));
        if (sha !== name.slice(10)) throw new AppError('corrupt_file', `The archive ${file}: original ${name.slice(10, 22)}… does not match its checksum; nothing was imported.`);
      },
      abort: () => writer.abort(),
    };
  });
  const m = manifest as Omit<ArchiveManifest, 'rows'> | null;
  if (!m || m.format !== FORMAT || !rows) throw new AppError('unsupported_file', `${file} is not an IEP Casefile case archive.`);
  if (m.schemaVersion !== LATEST_VERSION) throw new AppError('db_newer', `The archive was written with database schema ${m.schemaVersion}; this version has ${LATEST_VERSION}. Use the same version of IEP Casefile on both machines.`);
  for (const sha of m.originals) {
    if (!stored.has(sha)) throw new AppError('corrupt_file', `The archive ${file} is missing original ${sha.slice(0, 12)}… or it does not match its checksum; nothing was imported.`);
  }
  const exists = caseExists(core.db, m.caseId);
  let mode: ImportArchiveSummary['mode'] = 'new';
  if (exists) {
    const chosen = opts.mode ?? (opts.copy ? 'copy' : (opts.choose?.() ?? null));
    if (!chosen) throw new AppError('conflict', 'This data folder has that case already. Merge the archive into it (--merge: what is missing is added, nothing here changes) or import it as a copy beside it (--copy).');
    mode = chosen;
  }
  const name = opts.fileName ?? path.basename(file);
  const all: CaseRows = rows;
  let toWrite: CaseRows = all;
  if (mode === 'copy') {
    toWrite = remapIds(all);
    for (const c of toWrite.cases) c.name = `${String(c.name)} (copy)`;
  }
  // Form families and anchors this folder knows already (from the same origin) stay as they are.
  const { form_families: families = [], form_anchors: anchors = [], ...caseRows } = toWrite;
  formQueries(core.db).insertArchived(families, anchors);
  let merged: MergeCounts | undefined;
  if (mode === 'merge') merged = mergeCaseRows(core.db, m.caseId, caseRows);
  else writeCaseRows(core.db, caseRows);
  // Written: the originals are the database's now, not to be removed if a later step fails.
  for (const sha of stored.keys()) stored.set(sha, false);
  const caseId = mode === 'merge' ? m.caseId : String(toWrite.cases[0].id);
  // Its forms join the families this folder files the same forms in, where they stand apart.
  joinArchivedFamilies(core, caseId);
  const documents = toWrite.documents?.length ?? 0;
  const description = merged ? mergeDescription(name, merged) : `Imported the case from the archive ${name}${mode === 'copy' ? ' as a copy' : ''} (${plural(documents, 'document')})`;
  recordHistory(core, caseId, { kind: 'archive_imported', description });
  core.emit('case.changed', { caseId, what: 'archive' });
  return { caseId, documents, originals: stored.size, mode, copied: mode === 'copy', ...(merged ? { merged } : {}) };
}
