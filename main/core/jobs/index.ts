// The one jobs module: background work (an import batch, a packet build; per-document OCR through
// the queue in the jobs table) gets its id, progress, cancel and persistence here. A job that can be
// resumed keeps a row in the jobs table while it runs; a restart finds it still 'running', marks it
// interrupted (recovery.ts), and the start-up resumes it under the same id (resume.ts), so neither
// the work nor its id is lost.
import type { JobProgressEvent } from '../../../shared/api/events';
import type { Core } from '../context';
import { jobQueries, type JobKind, type JobRecord } from '../db/queries/jobs';

export type { JobKind, JobRecord };

export interface LiveJob<D = unknown> {
  readonly id: string;
  readonly kind: JobKind;
  readonly caseId: string;
  /** What a status call returns; the job's run updates it in place. */
  readonly dto: D;
  readonly controller: AbortController;
  /** Settles with the dto when the job is over (never rejects). */
  readonly promise: Promise<D>;
  /** The last progress reported. */
  progress: { fraction: number; message: string };
  /** A file the job produced (a packet), once it exists. */
  file: string | null;
  /** When it started (ISO): a resumed job keeps its first run's time. */
  startedAt: string;
  /** Over (settled), and the error its last progress reported, if any. */
  done: boolean;
  error: string | null;
  /** Started again by the start-up after a restart interrupted it (resume.ts). */
  resumed: boolean;
  /** The user closed the notice about it (jobs.dismiss). */
  dismissed: boolean;
}

export interface JobContext<D> {
  readonly id: string;
  readonly signal: AbortSignal;
  readonly job: LiveJob<D>;
  /** Records and pushes progress as `job.progress` (fraction clamped to 0-1). */
  progress(fraction: number, message: string, end?: { done?: boolean; error?: string }): void;
}

export interface JobSpec<D> {
  kind: JobKind;
  caseId: string;
  /** Resume under an earlier run's id (its interrupted row is replaced); a new id otherwise. */
  id?: string;
  dto: (id: string) => D;
  /**
   * What resuming after a restart needs (paths, options; never a password). Given, the job is kept
   * in the jobs table while it runs; left out, it lives in memory only.
   */
  resumable?: unknown;
  /** A job already over when started (a file made at once): registered so its id and file resolve. */
  file?: string | null;
  run?: (ctx: JobContext<D>) => Promise<D>;
}

// One registry per core for every kind of job (the id is unique across kinds), and the workers the
// jobs share (the OCR driver and its pool), built on first use and disposed when the core closes.
interface CoreJobs {
  jobs: Map<string, LiveJob>;
  workers: Map<string, unknown>;
}
const registries = new WeakMap<Core, CoreJobs>();

function jobsOf(core: Core): CoreJobs {
  let r = registries.get(core);
  if (!r) registries.set(core, (r = { jobs: new Map(), workers: new Map() }));
  return r;
}

const registry = (core: Core): Map<string, LiveJob> => jobsOf(core).jobs;

/** A worker the core's jobs share, by name: made on first use, disposed when the core closes. */
export function jobWorker<W>(core: Core, name: string, make: () => W, dispose: (w: W) => void | Promise<void>): W {
  const workers = jobsOf(core).workers;
  if (!workers.has(name)) {
    const w = make();
    workers.set(name, w);
    core.onClose(() => dispose(w));
  }
  return workers.get(name) as W;
}

/** Pushes a job's progress event (the shape the renderer listens to). */
export function emitJobProgress(core: Core, e: JobProgressEvent): void {
  core.emit('job.progress', { ...e, fraction: Math.min(1, Math.max(0, e.fraction)) });
}

export function startJob<D>(core: Core, spec: JobSpec<D>): LiveJob<D> {
  const id = spec.id ?? core.newId();
  const controller = new AbortController();
  const persisted = spec.resumable !== undefined && spec.run !== undefined;
  const q = jobQueries(core.db);
  if (persisted) {
    core.db.transaction(() => {
      q.remove(id);
      q.insert({ id, caseId: spec.caseId, kind: spec.kind, status: 'running', payload: spec.resumable, now: core.nowIso() });
    })();
  }
  const dto = spec.dto(id);
  let settle!: (d: D) => void;
  const job: LiveJob<D> = {
    id,
    kind: spec.kind,
    caseId: spec.caseId,
    dto,
    controller,
    promise: new Promise<D>((r) => (settle = r)),
    progress: { fraction: spec.run ? 0 : 1, message: '' },
    file: spec.file ?? null,
    startedAt: core.nowIso(),
    done: !spec.run,
    error: null,
    resumed: false,
    dismissed: false,
  };
  registry(core).set(id, job as LiveJob);
  if (!spec.run) {
    settle(dto);
    return job;
  }
  const ctx: JobContext<D> = {
    id,
    signal: controller.signal,
    job,
    progress(fraction, message, end = {}) {
      job.progress = { fraction: Math.min(1, Math.max(0, fraction)), message };
      if (end.error !== undefined) job.error = end.error;
      emitJobProgress(core, { jobId: id, caseId: spec.caseId, kind: spec.kind, fraction, message, done: end.done ?? false, ...(end.error !== undefined ? { error: end.error } : {}) });
    },
  };
  spec
    .run(ctx)
    .catch((e) => {
      // A run handles its own failures into its dto; one that escapes is logged, never lost silently.
      console.error(`[jobs] ${spec.kind} ${id}:`, e);
      job.error = e instanceof Error ? e.message : String(e);
      return dto;
    })
    .then((d) => {
      if (persisted) {
        try {
          q.remove(id); // over: nothing to resume
        } catch {
          // the core closed under a running job: the row stays 'running' and the next start resumes it
        }
      }
      job.done = true;
      settle(d);
    });
  return job;
}

/** A job of this process by id (and kind, when given). */
export function liveJob<D = unknown>(core: Core, id: string, kind?: JobKind): LiveJob<D> | undefined {
  const j = registry(core).get(id);
  return j && (!kind || j.kind === kind) ? (j as LiveJob<D>) : undefined;
}

/** Asks a job to stop; it settles on its own, marked cancelled in its dto. */
export function cancelJob<D = unknown>(core: Core, id: string, kind?: JobKind): LiveJob<D> | undefined {
  const j = liveJob<D>(core, id, kind);
  j?.controller.abort();
  return j;
}

/** Jobs a restart interrupted and the start-up has not resumed (yet), oldest first. */
export function interruptedJobs(core: Core, caseId?: string): JobRecord[] {
  return jobQueries(core.db).list(['import', 'packet', 'extract'], 'interrupted', caseId);
}

/** The jobs of this process, oldest first. */
export function liveJobs(core: Core): LiveJob[] {
  return [...registry(core).values()];
}
