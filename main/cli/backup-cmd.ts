// `casefile backup --out FILE` and `casefile restore FILE`: the whole data folder as one encrypted,
// checksummed file, and back. The backup passphrase comes from CASEFILE_BACKUP_PASSPHRASE or is
// typed at the terminal; the backup opens on any machine with it.
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { acquireDataDirLock } from '../core/lock';
import { resolveDataDir } from '../core/paths';
import { readLineFromTty, readPassphraseFromTty } from '../core/vault/prompt';
import { lockWait } from '../engine/lock-wait';
import { DEFAULT_WAIT_SECONDS, printJson, withCore, withReadCore, type GlobalOptions } from './run';

function backupPassphrase(confirm: boolean, variable = 'CASEFILE_BACKUP_PASSPHRASE', what = 'backup'): string {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv;
  const typed = readPassphraseFromTty(`${what[0].toUpperCase()}${what.slice(1)} passphrase: `);
  if (typed === null) throw new AppError('invalid_input', `Set ${variable}, or run the command in a terminal to type the ${what} passphrase.`);
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
  const archive = program.command('archive').description('move one case between data folders (machines) losslessly, as one encrypted file');
  archive
    .command('export')
    .description('write one case (documents, pages and OCR words, extraction results, corrections, events, letters) to FILE')
    .requiredOption('--case <case>', 'the case, by id or name')
    .requiredOption('--out <file>', 'the archive to write (FILE.casefile)')
    .option('--json', 'print the summary as JSON')
    .action(async (o: { case: string; out: string; json?: boolean }) => {
      const passphrase = backupPassphrase(true, 'CASEFILE_ARCHIVE_PASSPHRASE', 'archive');
      const { exportCaseArchive } = await import('../core/backup/archive');
      const summary = await withReadCore(globals(), ({ core, resolveCase }) => exportCaseArchive(core, resolveCase(core, o.case).id, path.resolve(o.out), passphrase));
      if (o.json) printJson(summary);
      else process.stdout.write(`Archived the case with ${summary.documents} document(s) to ${summary.file}.\n`);
    });
  archive
    .command('import')
    .description('import a case archive; where the case exists already, merge it in (--merge) or import a copy beside it (--copy)')
    .argument('<file>', 'the archive')
    .option('--merge', 'where this folder has the case: add what is missing from the archive, change nothing here')
    .option('--copy', 'where this folder has the case: import beside it, with new ids')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, o: { merge?: boolean; copy?: boolean; json?: boolean }) => {
      if (o.merge && o.copy) throw new AppError('invalid_input', 'Choose one of --merge and --copy.');
      const passphrase = backupPassphrase(false, 'CASEFILE_ARCHIVE_PASSPHRASE', 'archive');
      const { importCaseArchive } = await import('../core/backup/archive');
      const mode = o.merge ? 'merge' : o.copy ? 'copy' : undefined;
      // Asked at a terminal only; a script that gives neither flag is refused, never guessed for.
      const choose = () => askMergeOrCopy();
      const summary = await withCore(globals(), ({ core }) => importCaseArchive(core, path.resolve(file), passphrase, { mode, choose }));
      if (o.json) printJson(summary);
      else if (summary.merged) {
        const m = summary.merged;
        const rows = Object.entries(m.added).map(([t, n]) => `${n} ${t.replace(/_/g, ' ')}`).join(', ');
        process.stdout.write(`Merged the archive into the case (id ${summary.caseId}): ${m.documentsAdded} document(s) added, ${m.documentsKept} already here${rows ? `; rows added: ${rows}` : ''}${m.keptBeside ? `; ${m.keptBeside} letter(s) or event(s) changed on both sides kept beside, marked (from the archive)` : ''}.\n`);
      } else process.stdout.write(`Imported the case${summary.copied ? ' as a copy' : ''} with ${summary.documents} document(s) (id ${summary.caseId}).\n`);
    });
}

/** At a terminal: merge, copy or neither. Null without one (the import is then refused). */
function askMergeOrCopy(): 'merge' | 'copy' | null {
  if (!process.stdin.isTTY) return null;
  for (let tries = 0; tries < 3; tries++) {
    const answer = readLineFromTty('This data folder has that case already. [m]erge the archive into it, import a [c]opy beside it, or [n]either? ');
    if (answer === null) return null;
    const a = answer.trim().toLowerCase();
    if (a === 'm' || a === 'merge') return 'merge';
    if (a === 'c' || a === 'copy') return 'copy';
    if (a === 'n' || a === 'neither' || a === '') return null;
  }
  return null;
}
