// The messages between the desktop app's main process and its engine process (an Electron
// utilityProcess; a child_process fork in tests). Calls carry the API table's {ok,value|error}
// results; byte-route requests and responses travel as a head and then chunks of their bodies.
import type { ErrorShape, Result } from '../../shared/errors';

export type ToEngine =
  | { t: 'call'; id: number; name: string; args: unknown }
  | { t: 'fetch'; id: number; method: string; url: string; headers: [string, string][]; hasBody: boolean }
  | { t: 'body'; id: number; chunk: Uint8Array }
  | { t: 'body-end'; id: number }
  | { t: 'stop' };

export type FromEngine =
  | { t: 'ready'; pid: number; recovery: { tempFilesRemoved: number; orphanBlobsRemoved: number; jobsRequeued: number } }
  | { t: 'failed'; error: ErrorShape }
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'response'; id: number; status: number; headers: [string, string][]; hasBody: boolean }
  | { t: 'chunk'; id: number; chunk: Uint8Array }
  | { t: 'end'; id: number; error?: string }
  | { t: 'event'; name: string; payload: unknown }
  | { t: 'stopped' };

/** Either end of the channel: posts messages and delivers the other end's. */
export interface Port<In, Out> {
  post(msg: Out): void;
  onMessage(listener: (msg: In) => void): void;
}

const CHUNK = 1024 * 1024;

/** Sends a body as chunks of at most 1 MiB (no single huge structured clone), then its end. */
export async function sendBody(body: ReadableStream<Uint8Array> | null, send: (chunk: Uint8Array) => void): Promise<void> {
  if (!body) return;
  for await (const part of body as unknown as AsyncIterable<Uint8Array>) {
    for (let at = 0; at < part.length; at += CHUNK) send(part.subarray(at, Math.min(part.length, at + CHUNK)));
  }
}

/** A body being received: a stream for the Response or Request, fed by chunk messages. */
export function receivedBody(): { stream: ReadableStream<Uint8Array>; push(chunk: Uint8Array): void; end(error?: string): void } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    stream,
    push: (chunk) => controller.enqueue(new Uint8Array(chunk)),
    end: (error) => (error ? controller.error(new Error(error)) : controller.close()),
  };
}
