// Prepared statements for the jobs table: background work that must outlive the process that
// started it (OCR per document, import batches, packet builds). Rows map to camelCase here only.
import type { Db } from '../open';

export type JobKind = 'import' | 'ocr' | 'extract' | 'packet';
/** queued: waiting to run; running: this (or a killed) process runs it; interrupted: a restart stopped it; failed: it will not be retried. */
export type JobStatus = 'queued' | 'running' | 'interrupted' | 'failed';

interface JobRowRaw {
  id: string;
  case_id: string;
  document_id: string | null;
  kind: string;
  status: string;
  payload_json: string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobRecord {
  id: string;
  caseId: string;
  documentId: string | null;
  kind: JobKind;
  status: JobStatus;
  payload: unknown;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

function toRecord(r: JobRowRaw): JobRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    documentId: r.document_id,
    kind: r.kind as JobKind,
    status: r.status as JobStatus,
    payload: JSON.parse(r.payload_json) as unknown,
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewJob {
  id: string;
  caseId: string;
  documentId?: string | null;
  kind: JobKind;
  status: JobStatus;
  payload: unknown;
  now: string;
}

export function jobQueries(db: Db) {
  const insert = (j: NewJob): void => {
    db.prepare(`INSERT INTO jobs (id, case_id, document_id, kind, status, payload_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      j.id,
      j.caseId,
      j.documentId ?? null,
      j.kind,
      j.status,
      JSON.stringify(j.payload ?? {}),
      j.now,
      j.now,
    );
  };
  return {
    insert,
    get(id: string): JobRecord | undefined {
      const r = db.prepare<[string], JobRowRaw>('SELECT * FROM jobs WHERE id = ?').get(id);
      return r && toRecord(r);
    },
    setStatus(id: string, status: JobStatus, now: string, error: string | null = null): void {
      db.prepare('UPDATE jobs SET status = ?, error = ?, updated_at = ? WHERE id = ?').run(status, error, now, id);
    },
    remove(id: string): void {
      db.prepare('DELETE FROM jobs WHERE id = ?').run(id);
    },
    /** Jobs of these kinds in this status, oldest first. */
    list(kinds: JobKind[], status: JobStatus, caseId?: string): JobRecord[] {
      const rows = db.prepare<[string], JobRowRaw>('SELECT * FROM jobs WHERE status = ? ORDER BY created_at, rowid').all(status);
      return rows.map(toRecord).filter((j) => kinds.includes(j.kind) && (caseId === undefined || j.caseId === caseId));
    },
    /** Every row (of one case, when given), oldest first. */
    all(caseId?: string): JobRecord[] {
      const rows =
        caseId === undefined
          ? db.prepare<[], JobRowRaw>('SELECT * FROM jobs ORDER BY created_at, rowid').all()
          : db.prepare<[string], JobRowRaw>('SELECT * FROM jobs WHERE case_id = ? ORDER BY created_at, rowid').all(caseId);
      return rows.map(toRecord);
    },
    /** Notes in a row's payload how many times the start-up has resumed it (`resumeAttempts`). */
    setResumeAttempts(id: string, n: number): void {
      db.prepare("UPDATE jobs SET payload_json = json_set(payload_json, '$.resumeAttempts', ?) WHERE id = ?").run(n, id);
    },
    countQueued(kind: JobKind): number {
      return db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM jobs WHERE kind = ? AND status = 'queued'").get(kind)!.n;
    },
    /**
     * After a restart: what was running was stopped by it. Per-document OCR goes back to the queue;
     * the other kinds are marked interrupted, for the start-up to resume and the user to see.
     */
    afterRestart(now: string): { requeued: number; interrupted: number } {
      const requeued = db.prepare("UPDATE jobs SET status = 'queued', updated_at = ? WHERE status = 'running' AND kind = 'ocr'").run(now).changes;
      const interrupted = db.prepare("UPDATE jobs SET status = 'interrupted', updated_at = ? WHERE status = 'running' AND kind <> 'ocr'").run(now).changes;
      return { requeued, interrupted };
    },
    /** Drops a document's OCR jobs that are not running (queued or failed), before queueing it afresh. */
    dropWaitingOcr: (documentId: string) => db.prepare("DELETE FROM jobs WHERE document_id = ? AND kind = 'ocr' AND status <> 'running'").run(documentId),
  };
}
