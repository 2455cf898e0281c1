// Builds a packet in a worker thread (off the main/UI thread), with progress and cancel.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPacketInWorker, type WorkerRunOptions } from './run-in-worker';
import type { PacketInput, PacketResult } from './types';

// The bundles carry the worker beside this module's code (out/main for the desktop app, out/cli for
// the command line and the browser host); from source it loads through tsx.
const BUNDLED = new URL('./packet-worker.cjs', import.meta.url);
const ENTRY = existsSync(fileURLToPath(BUNDLED)) ? BUNDLED : new URL('./worker-entry.mjs', import.meta.url);

export function buildPacketOffThread(input: PacketInput, options: WorkerRunOptions = {}): Promise<PacketResult> {
  return buildPacketInWorker(ENTRY, input, { ...options, transferExhibits: true });
}
