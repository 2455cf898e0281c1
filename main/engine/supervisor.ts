// The main process's side of the engine: starts the engine process, passes API calls and
// byte-route requests to it, and when it dies unexpectedly says so and starts it again. The new
// engine's boot takes over the dead one's lock and runs recovery (every import is all-or-nothing
// per file and OCR jobs are requeued), so a crash loses at most the work in flight, never what
// was saved. Plain Node: Electron passes a spawn of utilityProcess.fork, tests child_process.fork.
import { toErrorShape, type ErrorShape, type Result } from '../../shared/errors';
import type { KeyWrapper } from '../core/vault/vault';
import { Credits, receivedBody, sendBody, type FromEngine, type ToEngine } from './protocol';

export interface EngineChild {
  readonly pid: number | undefined;
  post(msg: ToEngine): void;
  onMessage(listener: (msg: FromEngine) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type EngineStatus = { state: 'running' } | { state: 'restarting'; message: string } | { state: 'failed'; message: string };

export interface SupervisorOptions {
  spawn(): EngineChild;
  /** Core events (job.progress, case.changed) as the engine emits them. */
  onEvent(name: string, payload: unknown): void;
  onStatus?(status: EngineStatus): void;
  /** More unexpected exits than this within restartWindowMs and it stops restarting. */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Wait before a restart (lets the dead process's files be released). */
  restartDelayMs?: number;
  /** Keeps a restored data folder's key on this machine (the app: safeStorage); the engine writes the wrapper. */
  holdKey?(key: Buffer): KeyWrapper;
}

export class EngineStartError extends Error {
  constructor(readonly shape: ErrorShape) {
    super(shape.message);
  }
}

const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

interface PendingFetch {
  resolve(res: Response): void;
  /** The response body arriving from the engine. */
  body?: ReturnType<typeof receivedBody>;
  /** Room for the request body's chunks on the engine's side. */
  sending?: Credits;
}

export class EngineSupervisor {
  private child: EngineChild | null = null;
  private ready: Promise<void> = Promise.reject(new EngineStartError({ code: 'internal', message: 'The engine has not been started.' }));
  private readonly calls = new Map<number, (r: Result<unknown>) => void>();
  private readonly fetches = new Map<number, PendingFetch>();
  private readonly exits: number[] = [];
  private nextId = 1;
  private stopping = false;
  private stopped: (() => void) | null = null;
  /** Engine processes stopped on purpose to start again (a restore changed the folder's key). */
  private readonly retired = new WeakSet<EngineChild>();

  constructor(private readonly opts: SupervisorOptions) {
    this.ready.catch(() => {});
  }

  /** The running engine process's id (tests kill it to play a crash). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the engine; rejects with EngineStartError when it cannot boot (the data folder is locked, say). */
  start(): Promise<void> {
    this.ready = this.launch();
    this.ready.catch(() => {});
    return this.ready;
  }

  /** Waits for the engine (re)started after a crash; rejects when it gave up. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  async call(name: string, args: unknown): Promise<Result<unknown>> {
    try {
      await this.ready;
    } catch (e) {
      return { ok: false, error: (e as EngineStartError).shape ?? { code: 'internal', message: (e as Error).message } };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.calls.set(id, resolve);
      this.child!.post({ t: 'call', id, name, args });
    });
  }

  async fetch(req: Request): Promise<Response> {
    try {
      await this.ready;
    } catch (e) {
      return json({ ok: false, error: (e as EngineStartError).shape ?? { code: 'internal', message: (e as Error).message } }, 503);
    }
    const id = this.nextId++;
    const child = this.child!;
    return new Promise((resolve) => {
      const sending = req.body ? new Credits() : undefined;
      this.fetches.set(id, { resolve, sending });
      child.post({ t: 'fetch', id, method: req.method, url: req.url, headers: [...req.headers], hasBody: !!req.body });
      if (req.body) {
        void sendBody(req.body, (chunk) => child.post({ t: 'body', id, chunk }), sending).then(
          () => child.post({ t: 'body-end', id }),
          () => child.post({ t: 'body-end', id }),
        );
      }
    });
  }

  /** Closes the engine cleanly (database, lock); kills it if it has not stopped within timeoutMs. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => (child.kill(), resolve()), timeoutMs);
      this.stopped = () => (clearTimeout(timer), resolve());
      child.post({ t: 'stop' });
    });
  }

  /** Stops the engine and starts it again (its key read as at any start); calls made meanwhile wait for it. */
  private restartFor(child: EngineChild): void {
    if (this.child !== child || this.stopping) return;
    this.retired.add(child);
    this.ready = new Promise<void>((resolve, reject) => {
      child.onExit(() => {
        if (this.stopping) return reject(new EngineStartError({ code: 'internal', message: 'The app is closing.' }));
        this.launch().then(resolve, reject);
      });
      child.post({ t: 'stop' });
    });
    this.ready.then(
      () => this.opts.onStatus?.({ state: 'running' }),
      (e: Error) => this.opts.onStatus?.({ state: 'failed', message: `The engine could not start on the restored data folder: ${e.message}` }),
    );
  }

  private holdKey(child: EngineChild, id: number, key: Uint8Array): void {
    try {
      if (!this.opts.holdKey) throw new EngineStartError({ code: 'unauthorized', message: 'This app cannot keep the key of another data folder here; restore it with `casefile restore FILE --replace`.' });
      child.post({ t: 'key-held', id, wrapper: this.opts.holdKey(Buffer.from(key)) });
    } catch (e) {
      child.post({ t: 'key-held', id, error: e instanceof EngineStartError ? e.shape : toErrorShape(e) });
    }
  }

  private launch(): Promise<void> {
    let child: EngineChild;
    try {
      child = this.opts.spawn();
    } catch (e) {
      // The data folder's key could not be read (spawn reads it before the process starts).
      return Promise.reject(new EngineStartError(toErrorShape(e)));
    }
    this.child = child;
    return new Promise<void>((resolve, reject) => {
      let booted = false;
      child.onMessage((msg) => {
        switch (msg.t) {
          case 'ready':
            booted = true;
            resolve();
            break;
          case 'failed':
            reject(new EngineStartError(msg.error));
            break;
          case 'result':
            this.calls.get(msg.id)?.(msg.result);
            this.calls.delete(msg.id);
            break;
          case 'response': {
            const pending = this.fetches.get(msg.id);
            if (!pending) break;
            if (msg.hasBody) pending.body = receivedBody(() => child.post({ t: 'ack', id: msg.id }));
            else {
              // Answered: whatever of the request body the handler did not read is not sent.
              pending.sending?.close();
              this.fetches.delete(msg.id);
            }
            pending.resolve(new Response(pending.body?.stream ?? null, { status: msg.status, headers: msg.headers }));
            break;
          }
          case 'chunk':
            this.fetches.get(msg.id)?.body?.push(msg.chunk);
            break;
          case 'end':
            this.fetches.get(msg.id)?.body?.end(msg.error);
            this.fetches.get(msg.id)?.sending?.close();
            this.fetches.delete(msg.id);
            break;
          case 'ack':
            this.fetches.get(msg.id)?.sending?.give();
            break;
          case 'event':
            this.opts.onEvent(msg.name, msg.payload);
            break;
          case 'hold-key':
            this.holdKey(child, msg.id, msg.key);
            break;
          case 'restart':
            this.restartFor(child);
            break;
          case 'stopped':
            this.stopped?.();
            break;
        }
      });
      child.onExit((code) => {
        if (this.child === child) this.child = null;
        if (!booted) reject(new EngineStartError({ code: 'internal', message: `The engine exited with code ${code} while starting.` }));
        this.failInFlight();
        if (this.stopping) return this.stopped?.();
        if (this.retired.has(child)) return;
        if (booted) this.restartAfterCrash(code);
      });
    });
  }

  private failInFlight() {
    const error: ErrorShape = { code: 'internal', message: 'The engine stopped unexpectedly and is restarting; what was saved is kept. Try again in a moment.' };
    for (const resolve of this.calls.values()) resolve({ ok: false, error });
    this.calls.clear();
    for (const f of this.fetches.values()) {
      f.sending?.close();
      if (f.body) f.body.end(error.message);
      else f.resolve(json({ ok: false, error }, 503));
    }
    this.fetches.clear();
  }

  private restartAfterCrash(code: number | null) {
    const now = Date.now();
    this.exits.push(now);
    const window = this.opts.restartWindowMs ?? 60_000;
    while (this.exits.length && this.exits[0] < now - window) this.exits.shift();
    if (this.exits.length > (this.opts.maxRestarts ?? 3)) {
      const message = `The engine stopped ${this.exits.length} times in a minute (last exit code ${code}); it was not restarted. Close and reopen IEP Casefile.`;
      this.ready = Promise.reject(new EngineStartError({ code: 'internal', message }));
      this.ready.catch(() => {});
      this.opts.onStatus?.({ state: 'failed', message });
      return;
    }
    this.opts.onStatus?.({ state: 'restarting', message: `The engine stopped unexpectedly (exit code ${code}) and is restarting. Work in progress resumes; what was saved is kept.` });
    this.ready = new Promise<void>((r) => setTimeout(r, this.opts.restartDelayMs ?? 300)).then(() => this.launch());
    this.ready.then(
      () => this.opts.onStatus?.({ state: 'running' }),
      (e: Error) => {
        this.opts.onStatus?.({ state: 'failed', message: `The engine could not restart: ${e.message}` });
      },
    );
  }
}
