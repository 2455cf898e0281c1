#!/usr/bin/env node
// The `casefile` command. It runs the bundle the build writes into out/cli (scripts/build-cli.mjs:
// compiled once, not at every start), rebuilding it first in a checkout whose sources changed;
// scripts/cli-bundle.mjs says when the TypeScript sources run through tsx instead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliModuleUrl, NoCommandLine } from '../scripts/cli-bundle.mjs';
import { MALLOC_ENV } from '../scripts/malloc-env.mjs';

// An import may OCR hundreds of pages on several threads, and glibc gives each allocating thread a
// malloc arena of its own (up to 8 per core) whose freed page buffers are kept: 170-240 MB of a
// scan import's peak (bench/RESULTS.md). The cap is read when a process starts, so the commands
// that may OCR run in a child started with it (the app's engine and `npm start` set it the same
// way); the parent only waits and passes signals on. Other commands start as they are.
// A fixed mmap threshold is set with it (scripts/malloc-env.mjs).
const OCR_COMMANDS = new Set(['import', 'resume']);
/** The command's name: the first argument that is not a global option (--data-dir DIR, --wait S) or its value. */
function commandName(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data-dir' || args[i] === '--wait') i++;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return undefined;
}
if (process.platform === 'linux' && !process.env.MALLOC_ARENA_MAX && OCR_COMMANDS.has(commandName(process.argv.slice(2)))) {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...MALLOC_ENV },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
}

let url;
try {
  url = await cliModuleUrl();
} catch (e) {
  if (!(e instanceof NoCommandLine)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
// A reader that stops early (`casefile cases list | head`) closes the pipe: the rest of the output
// goes nowhere, and the command finishes its work (an import is not cut short by it).
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.stdout.write = () => true;
});
const { runCli } = await import(url);
// The exit code is runCli's answer alone: a command that fails throws (CommandFailed for "ran, but
// something failed"), and never sets process.exitCode itself, which this line would overwrite.
process.exitCode = await runCli(process.argv.slice(2));
