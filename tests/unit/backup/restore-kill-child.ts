// Child process of the restore kill -9 test: the desktop engine's restore of another folder's backup
// (the key held through a stand-in safeStorage, as the main process holds it), killed with SIGKILL
// by itself at the step named on the command line ('none': runs to the end).
import { readFileSync } from 'node:fs';
import { restoreStagedBackup, stageBackupUpload, type RestoredKeyHolder } from '../../../main/core/backup/restore-live';
import { engineKey, holdRestoredKey } from '../../../main/engine/desktop-key';
import { bootEngine } from '../../../main/engine/boot';
import { envWithoutKey, fakeSafeStorage } from '../desktop/fake-safe-storage';

const [dataDir, backupFile, passphrase, killAt] = process.argv.slice(2);
const store = { safeStorage: fakeSafeStorage(process.env.TEST_OS_KEY!), env: envWithoutKey() };
process.env.CASEFILE_KEY = engineKey(dataDir, store);
const engine = bootEngine({ dataDir, purpose: 'restore kill test', resume: false });
const { uploadId } = await stageBackupUpload(engine.core, (async function* () { yield readFileSync(backupFile); })(), 0);
const keyHolder: RestoredKeyHolder = {
  hold: async (master) => holdRestoredKey(master, store),
  use(master) {
    const before = process.env.CASEFILE_KEY;
    process.env.CASEFILE_KEY = master.toString('hex');
    return () => void (process.env.CASEFILE_KEY = before);
  },
};
await restoreStagedBackup(engine.core, { reopen: (b) => engine.reopen(b), keyHolder }, { uploadId, fileName: 'old-laptop.casefile-backup', passphrase }, {
  onStep: (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
await engine.stop();
process.stdout.write('done\n');
