// A passphrase typed at the controlling terminal, without echo, read synchronously (the core opens
// synchronously). Null when there is no terminal.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function readPassphraseFromTty(question: string): string | null {
  return readFromTty(question, false);
}

/** A line typed at the controlling terminal, shown as typed (a question's answer). Null when there is no terminal. */
export function readLineFromTty(question: string): string | null {
  return readFromTty(question, true);
}

function readFromTty(question: string, echo: boolean): string | null {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch {
    return null;
  }
  const stty = (arg: string) => spawnSync('stty', [arg], { stdio: [fd, 'ignore', 'ignore'] });
  try {
    writeSync(fd, question);
    if (!echo) stty('-echo');
    const buf = Buffer.alloc(1);
    const bytes: number[] = [];
    for (;;) {
      const n = readSync(fd, buf, 0, 1, null);
      if (n === 0 || buf[0] === 10 || buf[0] === 13) break;
      bytes.push(buf[0]);
    }
    if (!echo) writeSync(fd, '\n');
    return Buffer.from(bytes).toString('utf8');
  } finally {
    if (!echo) stty('echo');
    closeSync(fd);
  }
}
