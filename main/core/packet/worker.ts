// worker_threads entry: builds one packet off the main thread. Messages in: {type:'build', input} then
// optionally {type:'cancel'}. Messages out: progress, then done (PDF buffer transferred) or error.
import { parentPort } from 'node:worker_threads';
import { buildPacketDetailed } from './build';
import type { PacketInput, PacketManifest, PacketProgress } from './types';

export type WorkerRequest = { type: 'build'; input: PacketInput } | { type: 'cancel' };
export type WorkerReply =
  | { type: 'progress'; progress: PacketProgress }
  | { type: 'done'; pdf: Uint8Array; manifest: PacketManifest; frontMatterUnnumbered?: Uint8Array }
  | { type: 'error'; name: string; message: string };

const port = parentPort;
if (port) {
  const controller = new AbortController();
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'cancel') { controller.abort(); return; }
    buildPacketDetailed(msg.input, {
      signal: controller.signal,
      onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies WorkerReply),
    }).then(
      ({ pdf, manifest, frontMatterUnnumbered }) => port.postMessage({ type: 'done', pdf, manifest, frontMatterUnnumbered } satisfies WorkerReply, [pdf.buffer as ArrayBuffer]),
      (err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        port.postMessage({ type: 'error', name: e.name, message: e.message } satisfies WorkerReply);
      },
    );
  });
}
