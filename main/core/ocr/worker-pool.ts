// A small pool of tesseract.js workers. Unlike tesseract.js's scheduler it knows which worker
// runs which job, so cancelling one job terminates only the workers busy with it (a wasm
// recognise cannot be interrupted any other way) and leaves other callers' work alone.
import { createReadStream, existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import type { Worker as Thread } from 'node:worker_threads';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { OcrCancelledError, OcrUnavailableError, OcrWorkerDiedError } from './driver';
import { englishModelPath } from './paths';

export interface PoolConfig {
  tessdataDir: string;
  workerPath: string;
  size?: number;
  /** Tesseract variables set once on every worker. */
  parameters?: Record<string, string>;
  /**
   * Pages a worker recognises before it is replaced by a fresh one (0 = never, the default). A
   * worker's WebAssembly memory only grows, but replacing workers every 40 pages made a 300-page
   * import peak higher, not lower (843-853 MB against 775-796 MB): a finished thread's native
   * allocations are not all given back.
   */
  recycleAfter?: number;
}

const RECYCLE_AFTER = 0;

export interface RecognizeJob {
  image: Buffer;
  /** Per-job tesseract variables (user_defined_dpi...). */
  options: Record<string, string>;
}

interface Pending {
  job: RecognizeJob;
  signal?: AbortSignal;
  resolve: (tsv: string) => void;
  reject: (error: unknown) => void;
  /** Times a worker died while reading it (it is tried once more on a fresh worker). */
  deaths?: number;
}

/** Only the TSV: words with boxes and confidence; the plain text is rebuilt in reading order. */
const OUTPUT = { text: false, tsv: true, blocks: false } as const;

interface Slot {
  worker: Promise<Worker>;
  /** Started: its model is loaded and its core compiled. */
  ready: boolean;
  busy: Pending | null;
  /** Pages recognised so far. */
  done: number;
  /** Being stopped after its quota: still counted, so its replacement waits until it is gone. */
  retiring?: boolean;
}

export class TesseractPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];

  constructor(private readonly config: PoolConfig) {
    this.size = Math.max(1, config.size ?? availableParallelism());
  }

  /** Workers started since the pool was made (replacements included). */
  started = 0;

  /** Number of live workers (started lazily, up to `size`). */
  get workerCount(): number {
    return this.slots.length;
  }

  /** Workers running a job right now. */
  get busyCount(): number {
    return this.slots.filter((s) => s.busy).length;
  }

  /** Runs one recognition; resolves with tesseract's TSV. */
  recognize(job: RecognizeJob, signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) return Promise.reject(new OcrCancelledError());
    return new Promise<string>((resolve, reject) => {
      const pending: Pending = { job, signal, resolve, reject };
      const onAbort = () => this.cancel(pending);
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          signal?.removeEventListener('abort', onAbort);
          fn(v);
        };
      pending.resolve = settle(resolve);
      pending.reject = settle(reject);
      this.queue.push(pending);
      this.pump();
    });
  }

  /** Terminates every worker and fails queued jobs. The pool restarts workers when used again. */
  async dispose(): Promise<void> {
    for (const p of this.queue.splice(0)) p.reject(new OcrCancelledError());
    const slots = this.slots.splice(0);
    for (const s of slots) s.busy?.reject(new OcrCancelledError());
    await Promise.all(slots.map((s) => terminate(s.worker)));
  }

  /** Terminates every idle worker if nothing is queued (busy workers and queued work are left alone). */
  async releaseIdle(): Promise<void> {
    if (this.queue.length) return;
    const idle = this.slots.filter((s) => !s.busy);
    for (const s of idle) this.slots.splice(this.slots.indexOf(s), 1);
    await Promise.all(idle.map((s) => terminate(s.worker)));
  }

  /**
   * A worker thread that stops by itself (a crash in the engine, out of memory) takes its page with
   * it: tesseract.js never settles that page's promise and re-throws the thread's error in this
   * process. The page goes back to the front of the queue for a fresh worker, once; a second death
   * fails it with why.
   */
  private watch(slot: Slot, thread: Thread | undefined): void {
    const died = (why: string) => {
      if (!this.slots.includes(slot) || slot.retiring) return; // stopped on purpose, or already handled
      this.slots.splice(this.slots.indexOf(slot), 1);
      const pending = slot.busy;
      slot.busy = null;
      if (pending) {
        pending.deaths = (pending.deaths ?? 0) + 1;
        if (pending.deaths < 2) this.queue.unshift(pending);
        else pending.reject(new OcrWorkerDiedError(`the OCR engine stopped twice while reading this page (${why})`));
      }
      this.pump();
    };
    thread?.on('error', (e: Error) => died(e.message));
    thread?.on('exit', (code: number) => died(`its thread exited with code ${code}`));
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy && !s.retiring);
      // Workers start one at a time: each one's start (model, WebAssembly compilation) takes a
      // passing 100 MB or so, and two at once made the peak of a long import.
      if (!slot && this.slots.length < this.size && this.slots.every((s) => s.ready)) {
        const started: Slot = { worker: this.startWorker(), ready: false, busy: null, done: 0 };
        started.worker.then(
          (w) => {
            started.ready = true;
            this.watch(started, (w as unknown as { worker?: Thread }).worker);
            this.pump();
          },
          () => undefined, // the job that waits on it fails with the error
        );
        slot = started;
        this.slots.push(slot);
      }
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      this.run(slot, pending);
    }
  }

  private run(slot: Slot, pending: Pending): void {
    slot.busy = pending;
    slot.worker
      // Cancelled while the worker was still starting: it is being terminated, leave it be.
      .then((w) => (slot.busy === pending ? w.recognize(pending.job.image, pending.job.options, OUTPUT) : null))
      .then(
        (result) => {
          if (slot.busy !== pending || !result) return; // cancelled meanwhile: already rejected
          slot.busy = null;
          const limit = this.config.recycleAfter ?? RECYCLE_AFTER;
          if (limit > 0 && ++slot.done >= limit) this.retire(slot);
          pending.resolve(result.data.tsv ?? '');
          this.pump();
        },
        (error: unknown) => {
          if (slot.busy !== pending) return;
          slot.busy = null;
          // A failed worker may be broken: replace it rather than reuse it.
          this.replace(slot);
          pending.reject(error instanceof Error ? error : new Error(String(error)));
          this.pump();
        },
      );
  }

  private cancel(pending: Pending): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      pending.reject(new OcrCancelledError());
      return;
    }
    const slot = this.slots.find((s) => s.busy === pending);
    if (!slot) return;
    slot.busy = null;
    this.replace(slot);
    pending.reject(new OcrCancelledError());
    // Later: one abort usually cancels many jobs at once, and starting a worker for a job
    // that is about to be cancelled too would only have to be stopped again.
    setImmediate(() => this.pump());
  }

  /**
   * Stops a worker that has done its quota. It keeps its place until its thread is gone, so that
   * its replacement (started by pump when work is waiting) never runs beside it.
   */
  private retire(slot: Slot): void {
    slot.retiring = true;
    void terminate(slot.worker).finally(() => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      this.pump();
    });
  }

  /** Drops a worker (terminating it); a new one starts lazily when work arrives. */
  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void terminate(slot.worker);
  }

  /** Whether the model unpacks whole: checked once per pool (about 20 ms for the 3 MB model). */
  private modelChecked: Promise<void> | null = null;

  private async startWorker(): Promise<Worker> {
    this.started++;
    const model = englishModelPath(this.config.tessdataDir);
    if (!existsSync(model)) throw new OcrUnavailableError(`OCR could not start: the English model is missing at ${model}; reinstall the app (in a checkout: npm ci)`);
    // tesseract.js never settles createWorker when the model fails to load (it swallows the error),
    // and its thread would be left running: a truncated or corrupt file is caught here first.
    this.modelChecked ??= unpacksWhole(model).catch((e: unknown) => {
      this.modelChecked = null; // checked again next time: the file may be replaced meanwhile
      throw new OcrUnavailableError(`OCR could not start: the English model at ${model} is damaged (${e instanceof Error ? e.message : String(e)}); reinstall the app (in a checkout: npm ci)`);
    });
    await this.modelChecked;
    enableRelaxedSimd();
    let worker: Worker;
    try {
      worker = await createWorker('eng', OEM.LSTM_ONLY, {
        langPath: this.config.tessdataDir,
        workerPath: this.config.workerPath,
        gzip: true,
        // Never write a traineddata cache into the working directory.
        cacheMethod: 'none',
        workerBlobURL: false,
        // Without a handler tesseract.js throws a failed job's error from its message listener,
        // out of reach of any catch (the process dies); the job's promise rejects with it anyway.
        errorHandler: () => undefined,
      });
    } catch (e) {
      // A model that is there but cannot be loaded (truncated, corrupt) stops every page alike.
      throw new OcrUnavailableError(`OCR could not start: the English model at ${model} could not be loaded (${e instanceof Error ? e.message : String(e)}); reinstall the app (in a checkout: npm ci)`);
    }
    if (this.config.parameters) await worker.setParameters(this.config.parameters);
    return worker;
  }
}

/** Unpacks a gzip file into nothing: rejects if it is truncated or not gzip. */
async function unpacksWhole(file: string): Promise<void> {
  await pipeline(createReadStream(file), createGunzip(), new Writable({ write: (_chunk, _enc, done) => done() }));
}

async function terminate(worker: Promise<Worker>): Promise<void> {
  try {
    await (await worker).terminate();
  } catch {
    // A worker that failed to start has nothing to stop.
  }
}

let relaxedSimdAsked = false;

/**
 * tesseract.js loads its fastest core when WebAssembly relaxed SIMD is available: the LSTM's 8-bit
 * dot products then use the CPU's own instructions (about 15% less OCR time here). V8 ships the
 * feature from version 11.4 (Node 22 and later, Electron); Node 20's V8 11.3 has it complete but
 * behind a flag. The flag is process-wide and read when a module is compiled, so it is set once,
 * before the first worker compiles its core.
 */
export function enableRelaxedSimd(): void {
  if (relaxedSimdAsked) return;
  relaxedSimdAsked = true;
  if (Number(process.versions.node.split('.')[0]) === 20 && !process.versions.electron) {
    v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  }
}
