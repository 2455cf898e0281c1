#!/usr/bin/env node
// The `casefile` command. TypeScript sources are loaded through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/main.ts');
// The exit code is runCli's answer alone: a command that fails throws (CommandFailed for "ran, but
// something failed"), and never sets process.exitCode itself, which this line would overwrite.
process.exitCode = await runCli(process.argv.slice(2));
