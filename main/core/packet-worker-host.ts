// Builds a packet in a worker thread (off the main/UI thread), with progress and cancel.
import { buildPacketInWorker, type WorkerRunOptions } from './packet/run-in-worker';
import type { PacketInput, PacketResult } from './packet/types';

const ENTRY = new URL('./packet-worker-entry.mjs', import.meta.url);

export function buildPacketOffThread(input: PacketInput, options: WorkerRunOptions = {}): Promise<PacketResult> {
  return buildPacketInWorker(ENTRY, input, { ...options, transferExhibits: true });
}
