// Gives memory back between the stages of a long job. A 300-page scan passes through the import
// (the file's bytes and pdf.js's copy of them) and then OCR (the file read again to find its page
// images). Each stage lets go of hundreds of megabytes in a few large buffers, but V8 collects them
// only when its own heuristics say so, which can be after the next stage has allocated as much
// again: the process then holds both. A full collection between stages keeps the peak to one
// stage's worth. V8 offers gc() to scripts only behind --expose-gc; the flag can be set while the
// process runs and the function taken from a fresh context.
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

/** Runs a full garbage collection (a few to a few hundred milliseconds); a no-op where V8 will not allow it. */
export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
