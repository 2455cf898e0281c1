// `casefile backup --out FILE` and `casefile restore FILE`: the whole data folder as one encrypted,
// checksummed file, and back. The backup passphrase comes from CASEFILE_BACKUP_PASSPHRASE or is
// typed at the terminal; the backup opens on any machine with it.
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { acquireDataDirLock } from '../core/lock';
import { resolveDataDir } from '../core/paths';
import { readPassphraseFromTty } from '../core/vault/prompt';
import { lockWait } from '../engine/boot';
import { DEFAULT_WAIT_SECONDS, printJson, withReadCore, type GlobalOptions } from './run';

function backupPassphrase(confirm: boolean): string {
  const fromEnv = process.env.CASEFILE_BACKUP_PASSPHRASE;
  if (fromEnv) return fromEnv;
  const typed = readPassphraseFromTty('Backup passphrase: ');
  if (typed === null) throw new AppError('invalid_input', 'Set CASEFILE_BACKUP_PASSPHRASE, or run the command in a terminal to type the backup passphrase.');
  if (confirm && readPassphraseFromTty('Again: ') !== typed) throw new AppError('invalid_input', 'The two passphrases did not match.');
  return typed;
}

export function registerBackupCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('backup')
    .description('write the whole data folder to one encrypted, checksummed file (works while the app runs)')
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--json', 'print the summary as JSON')
    .action(async (o: { out: string; json?: boolean }) => {
      const passphrase = backupPassphrase(true);
      const { backupDataFolder } = await import('../core/backup/backup');
      const summary = await withReadCore(globals(), ({ core }) => backupDataFolder(core, path.resolve(o.out), passphrase));
      if (o.json) printJson(summary);
      else process.stdout.write(`Backed up ${summary.originals} original(s) and ${summary.packets} packet file(s) to ${summary.file} (${summary.bytes} bytes).\n`);
    });
  program
    .command('restore')
    .description('restore a backup into the data folder (a folder holding cases is kept aside, renamed, with --replace)')
    .argument('<file>', 'the backup file')
    .option('--replace', 'set the current data folder aside (renamed, not deleted) and restore in its place')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, o: { replace?: boolean; json?: boolean }) => {
      const g = globals();
      const dataDir = resolveDataDir(g.dataDir);
      const passphrase = backupPassphrase(false);
      const { restoreDataFolder } = await import('../core/backup/backup');
      const { existsSync } = await import('node:fs');
      // Nobody may have the folder open while it is replaced.
      const lock = existsSync(dataDir) ? acquireDataDirLock(dataDir, `casefile ${g.command ?? 'restore'}`, lockWait((l) => process.stderr.write(`${l}\n`), (g.wait ?? DEFAULT_WAIT_SECONDS) * 1000)) : null;
      let summary;
      try {
        summary = restoreDataFolder(path.resolve(file), dataDir, passphrase, {
          replace: o.replace,
          beforeSwap: () => lock?.release(),
        });
      } finally {
        lock?.release();
      }
      if (o.json) printJson(summary);
      else process.stdout.write(`Restored ${summary.originals} original(s) and ${summary.packets} packet file(s) into ${summary.dataDir}.${summary.previous ? ` The folder that was there is kept as ${summary.previous}.` : ''}\n`);
    });
}
