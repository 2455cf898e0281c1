// The desktop app's hold on its data folder's key, in the main process (the only one with Electron's
// safeStorage, the OS keychain's key). Plain Node, so tests run it with a stand-in for safeStorage:
// the key is read from the folder in place each time the engine starts (a restore may have put
// another folder, with another key, there), and a restored folder's key is wrapped here.
import { AppError } from '../../shared/errors';
import { finishInterruptedRestore } from '../core/backup/swap';
import { unlockDataFolder, type SafeStorageLike } from '../core/vault/unlock';
import { passphraseWrapper, type KeyWrapper } from '../core/vault/vault';

export interface DesktopKeyStore {
  /** Electron's safeStorage; absent where it is no protection (Linux without a keychain: 'basic_text'). */
  safeStorage?: SafeStorageLike;
  env?: NodeJS.ProcessEnv;
}

/** The data folder's key (hex) for the engine process, read as the engine starts; creates it on first run. */
export function engineKey(dataDir: string, store: DesktopKeyStore): string {
  // A restore killed between its two renames is finished (or undone) before the key is read.
  finishInterruptedRestore(dataDir);
  return unlockDataFolder(dataDir, { safeStorage: store.safeStorage, env: store.env, keyring: false, prompt: false }).master.toString('hex');
}

/** The way in to a restored folder's key on this machine: wrapped by safeStorage, else under the environment's passphrase. */
export function holdRestoredKey(master: Buffer, store: DesktopKeyStore): KeyWrapper {
  const env = store.env ?? process.env;
  if (env.CASEFILE_KEY) throw new AppError('unauthorized', 'IEP Casefile was started with CASEFILE_KEY, which holds only this folder\'s key: a backup of another data folder cannot be restored here. Start it without CASEFILE_KEY, or restore with `casefile restore FILE --replace`.');
  if (store.safeStorage?.isEncryptionAvailable()) return { kind: 'safeStorage', wrapped: store.safeStorage.encryptString(master.toString('base64')).toString('base64') };
  if (env.CASEFILE_PASSPHRASE) return passphraseWrapper(master, env.CASEFILE_PASSPHRASE);
  throw new AppError('unauthorized', 'No OS keychain is reachable here to keep the restored folder\'s key. Start IEP Casefile with CASEFILE_PASSPHRASE set, or restore with `casefile restore FILE --replace`.');
}
