// `casefile`: the command line on the same core as the app.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { registerCasesCommand } from './cases-cmd';
import { registerServeCommand } from './serve-cmd';
import { registerDocumentCommands } from './documents-cmd';
import { registerCaseToolCommands } from './timeline-cmd';
import { registerPacketCommand } from './packet-cmd';
import { registerDisclosureCommand } from './disclosure-cmd';
import { registerBackupCommands } from './backup-cmd';
import { registerEventsCommand } from './events-cmd';
import { registerJobsCommand } from './jobs-cmd';
import { registerHistoryCommand } from './history-cmd';
import { registerFormsCommand } from './forms-cmd';
import { registerBriefCommand } from './brief-cmd';
import { DEFAULT_WAIT_SECONDS, EXIT_CODES_HELP, EXIT_OK, EXIT_USAGE, exitCodeFor, oneLine, type GlobalOptions } from './run';
import { readFileSync } from 'node:fs';

/**
 * The version `--version` prints, read here rather than from the API's app module (main/ipc/app.ts,
 * whose settings, upgrade-notice and migration modules every command then loaded at start).
 */
function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('give a number of seconds, 0 or more');
  return n;
}

/** "cases create" for the command commander is about to run. */
function commandPath(c: Command): string {
  const names: string[] = [];
  for (let at: Command | null = c; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

export function buildProgram(): Command {
  let command: string | undefined;
  const program = new Command('casefile')
    .description('IEP Casefile: case files for special-education advocates, on this computer only')
    .version(appVersion())
    .option('--data-dir <dir>', 'data folder (default: CASEFILE_DATA_DIR, else the per-user app data folder)')
    .option('--wait <seconds>', `how long a command that writes waits while the app or another command writes to the data folder (default: ${DEFAULT_WAIT_SECONDS})`, seconds)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .hook('preAction', (_program, action) => {
      command = commandPath(action);
    })
    .exitOverride();
  const globals = (): GlobalOptions => ({ ...program.opts<GlobalOptions>(), command });
  registerCasesCommand(program, globals);
  registerServeCommand(program, globals);
  registerDocumentCommands(program, globals);
  registerCaseToolCommands(program, globals);
  registerPacketCommand(program, globals);
  registerDisclosureCommand(program, globals);
  registerBackupCommands(program, globals);
  registerEventsCommand(program, globals);
  registerJobsCommand(program, globals);
  registerHistoryCommand(program, globals);
  registerFormsCommand(program, globals);
  registerBriefCommand(program, globals);
  program.commands.forEach(function exitOverrideAll(c: Command) {
    c.exitOverride();
    c.commands.forEach(exitOverrideAll);
  });
  return program;
}

/** Runs the command line; the number it returns is the process's exit code (see EXIT_CODES_HELP). */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE; // commander already printed the usage problem
    }
    process.stderr.write(`casefile: ${oneLine(e)}\n`);
    return exitCodeFor(e);
  }
}
