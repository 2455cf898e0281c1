// The messages between the desktop app's main process and its engine process (an Electron
// utilityProcess; a child_process fork in tests). Calls carry the API table's {ok,value|error}
// results; byte-route requests and responses travel as a head and then chunks of their bodies.
// Bodies are flow-controlled: a sender keeps at most WINDOW chunks unread by the other side, and
// each chunk the receiving stream hands to its reader is acknowledged ('ack'), so a 600 MB upload
// or a slow reader never piles the whole body up in either process's memory.
import type { ErrorShape, Result } from '../../shared/errors';
import type { KeyWrapper } from '../core/vault/vault';

export type ToEngine =
  | { t: 'call'; id: number; name: string; args: unknown }
  | { t: 'fetch'; id: number; method: string; url: string; headers: [string, string][]; hasBody: boolean }
  | { t: 'body'; id: number; chunk: Uint8Array }
  | { t: 'body-end'; id: number }
  /** A chunk of response `id` was read by the window: the engine may send one more. */
  | { t: 'ack'; id: number }
  /** The main process's answer to 'hold-key': the way in to write to the restored folder's vault.json. */
  | { t: 'key-held'; id: number; wrapper?: KeyWrapper; error?: ErrorShape }
  | { t: 'stop' };

export type FromEngine =
  | { t: 'ready'; pid: number; recovery: { tempFilesRemoved: number; orphanBlobsRemoved: number; jobsRequeued: number } }
  | { t: 'failed'; error: ErrorShape }
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'response'; id: number; status: number; headers: [string, string][]; hasBody: boolean }
  | { t: 'chunk'; id: number; chunk: Uint8Array }
  | { t: 'end'; id: number; error?: string }
  /** A chunk of request body `id` was read by its handler: the main process may send one more. */
  | { t: 'ack'; id: number }
  | { t: 'event'; name: string; payload: unknown }
  /**
   * A restore put another data folder, with another key, in place: the main process (which alone
   * has the OS keychain) is asked to keep the key (safeStorage) and answers with the wrapper.
   */
  | { t: 'hold-key'; id: number; key: Uint8Array }
  /** The folder's key changed (a restore): start the engine again, with the key read as at any start. */
  | { t: 'restart' }
  | { t: 'stopped' };

/** Either end of the channel: posts messages and delivers the other end's. */
export interface Port<In, Out> {
  post(msg: Out): void;
  onMessage(listener: (msg: In) => void): void;
}

const CHUNK = 1024 * 1024;
/** Chunks a sender may have unread on the other side: 4 MiB in flight per body. */
export const WINDOW = 4;

/** The sender's count of chunks sent and not yet acknowledged; `take` waits while the window is full. */
export class Credits {
  private unread = 0;
  private closed = false;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly window = WINDOW) {}

  /** Resolves when one more chunk may be sent; rejects once the body is abandoned (the other side is gone). */
  async take(): Promise<void> {
    while (this.unread >= this.window) {
      if (this.closed) throw new Error('The receiver went away before the body was read.');
      await new Promise<void>((r) => this.waiting.push(r));
    }
    if (this.closed) throw new Error('The receiver went away before the body was read.');
    this.unread++;
  }

  /** One chunk was read on the other side. */
  give(): void {
    this.unread = Math.max(0, this.unread - 1);
    this.waiting.shift()?.();
  }

  /** The body is abandoned: a sender waiting for room stops. */
  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w();
  }
}

/** Sends a body as chunks of at most 1 MiB (no single huge structured clone), each when the window has room. */
export async function sendBody(body: ReadableStream<Uint8Array> | null, send: (chunk: Uint8Array) => void, credits?: Credits): Promise<void> {
  if (!body) return;
  for await (const part of body as unknown as AsyncIterable<Uint8Array>) {
    for (let at = 0; at < part.length; at += CHUNK) {
      await credits?.take();
      send(part.subarray(at, Math.min(part.length, at + CHUNK)));
    }
  }
}

/**
 * A body being received: a stream for the Response or Request, fed by chunk messages. The stream
 * holds nothing itself (high-water mark 0): chunks wait in a queue until its reader asks, and
 * `onRead` is told each time one is handed over, which the receiver acknowledges to the sender.
 */
export function receivedBody(onRead: () => void = () => {}): { stream: ReadableStream<Uint8Array>; push(chunk: Uint8Array): void; end(error?: string): void } {
  const queue: Uint8Array[] = [];
  let ended: { error?: string } | null = null;
  let wake: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (!queue.length && !ended) await new Promise<void>((r) => (wake = r));
        const chunk = queue.shift();
        if (chunk) {
          controller.enqueue(chunk);
          onRead();
        } else if (ended?.error) controller.error(new Error(ended.error));
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  return {
    stream,
    push: (chunk) => {
      if (ended) return;
      queue.push(new Uint8Array(chunk));
      poke();
    },
    end: (error) => {
      if (ended) return;
      // An error is reported at once, past whatever was still queued: the body is cut off.
      if (error) queue.length = 0;
      ended = { error };
      poke();
    },
  };
}
