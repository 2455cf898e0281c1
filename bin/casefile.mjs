#!/usr/bin/env node
// The `casefile` command. It runs the bundle the build writes into out/cli (scripts/build-cli.mjs:
// compiled once, not at every start), rebuilding it first in a checkout whose sources changed;
// scripts/cli-bundle.mjs says when the TypeScript sources run through tsx instead.
import { cliModuleUrl, NoCommandLine } from '../scripts/cli-bundle.mjs';

let url;
try {
  url = await cliModuleUrl();
} catch (e) {
  if (!(e instanceof NoCommandLine)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
const { runCli } = await import(url);
// The exit code is runCli's answer alone: a command that fails throws (CommandFailed for "ran, but
// something failed"), and never sets process.exitCode itself, which this line would overwrite.
process.exitCode = await runCli(process.argv.slice(2));
