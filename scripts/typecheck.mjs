// Type-checks the whole project; the Electron shell only where the electron package (and its
// types) could be installed, since these build machines cannot download the Electron binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tsc = (project) => spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], { stdio: 'inherit' }).status;
let status = tsc('tsconfig.json');
if (existsSync('node_modules/electron/electron.d.ts')) status ||= tsc('tsconfig.electron.json');
else console.log('typecheck: skipped main/app and main/preload: the electron package is not installed here (its binary download is not available).');
process.exit(status ?? 1);
