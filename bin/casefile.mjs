#!/usr/bin/env node
// The `casefile` command. TypeScript sources are loaded through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/main.ts');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
