// tesseract.js loads its fastest core only where WebAssembly relaxed SIMD is on. On Node 20 the
// pool switches it on before the first worker starts; worker threads (where tesseract runs) see it.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { enableRelaxedSimd } from '../../../main/core/ocr/worker-pool';

describe('enableRelaxedSimd', () => {
  it('makes relaxed SIMD available to worker threads', async () => {
    enableRelaxedSimd();
    const seen = await new Promise<unknown>((resolve, reject) => {
      const w = new Worker("require('wasm-feature-detect').relaxedSimd().then((v) => require('node:worker_threads').parentPort.postMessage(v))", { eval: true });
      w.once('message', (v) => {
        resolve(v);
        void w.terminate();
      });
      w.once('error', reject);
    });
    expect(seen).toBe(true);
  });
});
