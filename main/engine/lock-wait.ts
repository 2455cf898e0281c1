// How long starting the engine waits for a data folder another process holds, and what it says
// meanwhile. Apart from boot.ts so that `casefile --help` (which shows the wait) and the commands
// that only read load neither the registry nor the pipeline (issue 21).
import type { LockOwner, LockWait } from '../core/lock';

/**
 * How long the app, the browser host and a `casefile` command wait for a data folder another process
 * holds before giving up: long enough for a command to finish, short enough to say soon whom a
 * folder held for good (a running app) belongs to.
 */
export const LOCK_WAIT_MS = 10_000;

/** Who holds the folder, as a person would look for it: a command still running, or the app. */
function holderName(o: LockOwner): string {
  return o.purpose.startsWith('casefile ') ? `\`${o.purpose}\` (process ${o.pid})` : `IEP Casefile (process ${o.pid}, ${o.purpose})`;
}

/** The bounded wait for the folder's lock; `say` is told once whom it waits for. */
export function lockWait(say: (line: string) => void, waitMs = LOCK_WAIT_MS): LockWait {
  return { waitMs, onWait: (owner) => say(`Waiting for ${holderName(owner)} to finish with the data folder...`) };
}
