// Runs the packet builder in a worker thread so the app's main process stays responsive. The caller
// passes the worker script's URL (the built worker.js in the app; worker.ts with a TS loader in tests).
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { BuildOptions, PacketInput, PacketResult } from './types';
import type { WorkerReply, WorkerRequest } from './worker';

export interface WorkerRunOptions extends BuildOptions {
  /** Extra worker options, e.g. execArgv: ['--import', 'tsx'] to run the .ts source. */
  workerOptions?: WorkerOptions;
  /** Transfer exhibit buffers instead of copying them (the caller's copies become unusable). */
  transferExhibits?: boolean;
}

export function buildPacketInWorker(workerUrl: URL, input: PacketInput, options: WorkerRunOptions = {}): Promise<PacketResult> {
  return new Promise((resolve, reject) => {
    const { signal, onProgress } = options;
    if (signal?.aborted) { reject(new DOMException('Packet build cancelled', 'AbortError')); return; }
    const worker = new Worker(workerUrl, options.workerOptions);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies WorkerRequest);
      // The builder checks between pages; terminate anyway so a long page cannot hold the cancel up.
      finish(() => reject(new DOMException('Packet build cancelled', 'AbortError')));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'progress') onProgress?.(msg.progress);
      else if (msg.type === 'done') finish(() => resolve({ pdf: msg.pdf, manifest: msg.manifest, ...(msg.frontMatterUnnumbered ? { frontMatterUnnumbered: msg.frontMatterUnnumbered } : {}) }));
      else finish(() => reject(Object.assign(new Error(msg.message), { name: msg.name })));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`Packet worker exited with code ${code}`))));
    const transfer = options.transferExhibits ? input.exhibits.map((e) => e.pdfBytes.buffer as ArrayBuffer) : [];
    worker.postMessage({ type: 'build', input } satisfies WorkerRequest, transfer);
  });
}
