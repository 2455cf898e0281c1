// `casefile`: the command line on the same core as the app.
import { Command, CommanderError } from 'commander';
import { registerCasesCommand } from './cases-cmd';
import { registerServeCommand } from './serve-cmd';
import { registerDocumentCommands } from './documents-cmd';
import { registerCaseToolCommands } from './timeline-cmd';
import { registerPacketCommand } from './packet-cmd';
import { exitCodeFor, oneLine, type GlobalOptions } from './run';
import { APP_VERSION } from '../ipc/app';

export function buildProgram(): Command {
  const program = new Command('casefile')
    .description('IEP Casefile: case files for special-education advocates, on this computer only')
    .version(APP_VERSION)
    .option('--data-dir <dir>', 'data folder (default: CASEFILE_DATA_DIR, else the per-user app data folder)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  registerCasesCommand(program, globals);
  registerServeCommand(program, globals);
  registerDocumentCommands(program, globals);
  registerCaseToolCommands(program, globals);
  registerPacketCommand(program, globals);
  program.commands.forEach(function exitOverrideAll(c: Command) {
    c.exitOverride();
    c.commands.forEach(exitOverrideAll);
  });
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2; // commander already printed the usage problem
    }
    process.stderr.write(`casefile: ${oneLine(e)}\n`);
    return exitCodeFor(e);
  }
}
