// Real cores on fresh data folders for the forms tests, each closed after its test.
import { afterEach } from 'vitest';
import { openCore, type Core } from '../../../main/core/context';
import { tempDir, testCore } from '../../support/core';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

/** A real core on a fresh data folder; `idPrefix` keeps a second folder's new ids apart from the first's. */
export function newCore(idPrefix?: string): Core {
  let n = 0;
  const core = idPrefix ? openCore({ dataDir: tempDir(), clock: { now: () => new Date('2026-11-23T12:00:00Z') }, newId: () => `${idPrefix}-${++n}` }) : testCore();
  cores.push(core);
  return core;
}
