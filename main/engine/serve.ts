// The engine process's side of the channel: boots the engine, answers API calls and byte-route
// requests with the same registry and handlers the browser host uses, and forwards core events.
// Plain Node: Electron's utilityProcess and a test's child_process fork run it alike.
import { AppError, toErrorShape } from '../../shared/errors';
import type { RestoredKeyHolder } from '../core/backup/restore-live';
import type { KeyWrapper } from '../core/vault/vault';
import { errorResponse, handleFileRequest, jsonResponse } from '../ipc/files';
import type { CallContext } from '../ipc/registry';
import { bootEngine, lockWait, type BootOptions, type Engine } from './boot';
import { Credits, receivedBody, sendBody, type FromEngine, type Port, type ToEngine } from './protocol';

export function serveEngine(port: Port<ToEngine, FromEngine>, opts: BootOptions, exit: (code: number) => void): void {
  let engine: Engine;
  try {
    // A `casefile` command writing to the folder is waited for, as a command waits for another.
    engine = bootEngine({ wait: lockWait((line) => console.error(`[engine] ${line}`)), ...opts });
  } catch (e) {
    port.post({ t: 'failed', error: toErrorShape(e) });
    exit(1);
    return;
  }
  const forwardEvents = () => {
    for (const name of ['job.progress', 'case.changed'] as const) engine.core.on(name, (payload) => port.post({ t: 'event', name, payload }));
  };
  forwardEvents();
  // A restore of another data folder: the main process keeps its key (it alone has safeStorage); the
  // engine opens the restored folder with it at once, and once the restore has answered asks to be
  // started again, its key then read by the main process as at any start.
  const keyWaits = new Map<number, { resolve(w: KeyWrapper): void; reject(e: Error): void }>();
  let nextKeyId = 1;
  let restartAfterRestore = false;
  const keyHolder: RestoredKeyHolder = {
    hold: (master) =>
      new Promise((resolve, reject) => {
        const id = nextKeyId++;
        keyWaits.set(id, { resolve, reject });
        port.post({ t: 'hold-key', id, key: new Uint8Array(master) });
      }),
    use(master) {
      const before = process.env.CASEFILE_KEY;
      process.env.CASEFILE_KEY = master.toString('hex');
      restartAfterRestore = true;
      return () => {
        if (before === undefined) delete process.env.CASEFILE_KEY;
        else process.env.CASEFILE_KEY = before;
        restartAfterRestore = false;
      };
    },
  };
  const ctx: CallContext = {
    keyHolder,
    get core() {
      return engine.core;
    },
    transport: 'electron',
    // A restore from Settings: the folder is swapped while closed; the new core's events are forwarded.
    reopen: (between) => engine.reopen(between).finally(() => {
      try {
        forwardEvents();
      } catch {
        /* the folder did not open again: calls answer so */
      }
    }),
  };
  const bodies = new Map<number, ReturnType<typeof receivedBody>>();
  /** Room on the main process's side for each response body being sent. */
  const sending = new Map<number, Credits>();

  const answerFetch = async (msg: Extract<ToEngine, { t: 'fetch' }>) => {
    let body: ReadableStream<Uint8Array> | null = null;
    if (msg.hasBody) {
      const b = receivedBody(() => port.post({ t: 'ack', id: msg.id }));
      bodies.set(msg.id, b);
      body = b.stream;
    }
    let res: Response;
    try {
      const req = new Request(msg.url, { method: msg.method, headers: msg.headers, body, duplex: 'half' } as RequestInit);
      res = (await handleFileRequest(req, ctx)) ?? jsonResponse({ ok: false, error: { code: 'unknown_call', message: `No route ${new URL(msg.url).pathname}` } }, 404);
    } catch (e) {
      res = errorResponse(e);
    }
    port.post({ t: 'response', id: msg.id, status: res.status, headers: [...res.headers], hasBody: !!res.body });
    if (!res.body) return;
    const credits = new Credits();
    sending.set(msg.id, credits);
    try {
      await sendBody(res.body, (chunk) => port.post({ t: 'chunk', id: msg.id, chunk }), credits);
      port.post({ t: 'end', id: msg.id });
    } catch (e) {
      port.post({ t: 'end', id: msg.id, error: (e as Error).message });
    } finally {
      sending.delete(msg.id);
    }
  };

  let stopping = false;
  port.onMessage((msg) => {
    switch (msg.t) {
      case 'call':
        void engine.registry.dispatch(msg.name, msg.args, ctx).then((result) => {
          port.post({ t: 'result', id: msg.id, result });
          if (msg.name === 'app.restoreBackup' && restartAfterRestore) {
            restartAfterRestore = false;
            port.post({ t: 'restart' });
          }
        });
        break;
      case 'key-held': {
        const wait = keyWaits.get(msg.id);
        keyWaits.delete(msg.id);
        if (msg.wrapper) wait?.resolve(msg.wrapper);
        else wait?.reject(new AppError(msg.error?.code ?? 'internal', msg.error?.message ?? 'The app did not keep the key.'));
        break;
      }
      case 'fetch':
        void answerFetch(msg);
        break;
      case 'body':
        bodies.get(msg.id)?.push(msg.chunk);
        break;
      case 'body-end':
        bodies.get(msg.id)?.end();
        bodies.delete(msg.id);
        break;
      case 'ack':
        sending.get(msg.id)?.give();
        break;
      case 'stop':
        if (stopping) return;
        stopping = true;
        for (const c of sending.values()) c.close();
        void engine.stop().finally(() => {
          port.post({ t: 'stopped' });
          exit(0);
        });
        break;
    }
  });
  port.post({ t: 'ready', pid: process.pid, recovery: engine.recovery });
}
