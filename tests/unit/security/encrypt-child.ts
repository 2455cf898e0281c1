// Child process of the encryption-migration test: opens a data folder (encrypting it when plain),
// printing each step of the migration and pausing there so that a kill -9 lands between steps.
import { openDataFolder } from '../../../main/core/vault/data-folder';

const dir = process.argv[2];
const pause = new Int32Array(new SharedArrayBuffer(4));
const folder = openDataFolder(dir, {
  onStep: (step) => {
    process.stdout.write(`step ${step}\n`);
    Atomics.wait(pause, 0, 0, 60);
  },
});
folder.db.close();
process.stdout.write('done\n');
