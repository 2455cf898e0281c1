// Reaching the data folder's master key, or creating it on first run. Where it can be held:
// CASEFILE_KEY (64 hex digits: the key itself, for tests and scripted installs that keep it in their
// own secret store), CASEFILE_PASSPHRASE (scrypt), Electron's safeStorage (the app hands it in),
// the OS keychain (@napi-rs/keyring; CASEFILE_KEYRING=off skips it), or a passphrase typed at the
// terminal. A folder made one way opens any of the ways its vault.json lists.
import { createRequire } from 'node:module';
import { AppError } from '../../../shared/errors';
import { readPassphraseFromTty } from './prompt';
import { checkMatches, newMasterKey, newVault, passphraseWrapper, readVault, unwrapPassphrase, writeVault, type KeyWrapper, type VaultFile } from './vault';

/** Electron's safeStorage, as the app hands it to the engine (encrypt/decrypt with the OS keychain's key). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(wrapped: Buffer): string;
}

export interface KeySource {
  env?: NodeJS.ProcessEnv;
  safeStorage?: SafeStorageLike;
  /** Try the OS keychain (default: yes, unless CASEFILE_KEYRING=off). */
  keyring?: boolean;
  /** Ask at the terminal when nothing else opens the folder (default: when stdin is a TTY). */
  prompt?: boolean;
}

export const KEYRING_SERVICE = 'IEP Casefile';

interface KeyringEntry {
  getPassword(): string | null | undefined;
  setPassword(p: string): void;
}

function keyringEntry(account: string): KeyringEntry | null {
  try {
    const { Entry } = createRequire(import.meta.url)('@napi-rs/keyring') as { Entry: new (service: string, account: string) => KeyringEntry };
    return new Entry(KEYRING_SERVICE, account);
  } catch {
    return null;
  }
}

function envKey(env: NodeJS.ProcessEnv): Buffer | null {
  const hex = env.CASEFILE_KEY?.trim();
  if (!hex) return null;
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new AppError('invalid_input', 'CASEFILE_KEY must be 64 hexadecimal digits (a 256-bit key).');
  return Buffer.from(hex, 'hex');
}

const useKeyring = (s: KeySource, env: NodeJS.ProcessEnv) => s.keyring ?? env.CASEFILE_KEYRING !== 'off';
const mayPrompt = (s: KeySource) => s.prompt ?? Boolean(process.stdin.isTTY && process.stderr.isTTY);

function tryWrapper(w: KeyWrapper, s: KeySource, env: NodeJS.ProcessEnv, vault: VaultFile): Buffer | null {
  if (w.kind === 'passphrase' && env.CASEFILE_PASSPHRASE) return unwrapPassphrase(w, env.CASEFILE_PASSPHRASE);
  if (w.kind === 'safeStorage' && s.safeStorage?.isEncryptionAvailable()) {
    try {
      return Buffer.from(s.safeStorage.decryptString(Buffer.from(w.wrapped, 'base64')), 'base64');
    } catch {
      return null;
    }
  }
  if (w.kind === 'keyring' && useKeyring(s, env)) {
    try {
      const got = keyringEntry(w.account)?.getPassword();
      return got ? Buffer.from(got, 'base64') : null;
    } catch {
      return null;
    }
  }
  void vault;
  return null;
}

/** A wrapper for a new master key that this process can hold, or null when only a typed passphrase can. */
function firstWrapper(master: Buffer, s: KeySource, env: NodeJS.ProcessEnv, vaultId: string): KeyWrapper | null {
  if (env.CASEFILE_PASSPHRASE) return passphraseWrapper(master, env.CASEFILE_PASSPHRASE);
  if (s.safeStorage?.isEncryptionAvailable()) return { kind: 'safeStorage', wrapped: s.safeStorage.encryptString(master.toString('base64')).toString('base64') };
  if (useKeyring(s, env)) {
    const entry = keyringEntry(vaultId);
    try {
      if (entry) {
        entry.setPassword(master.toString('base64'));
        if (entry.getPassword() === master.toString('base64')) return { kind: 'keyring', service: KEYRING_SERVICE, account: vaultId };
      }
    } catch {
      /* no keychain on this machine (a headless Linux without a Secret Service): a passphrase then */
    }
  }
  return null;
}

const NO_WAY = 'No OS keychain is reachable here to hold the data folder\'s key. Set CASEFILE_PASSPHRASE (or CASEFILE_KEY) in the environment, or run the command in a terminal to type a passphrase.';

/**
 * The data folder's master key: from its vault.json and whichever way to it this process has, or a
 * new one (with vault.json) on first run. Throws 'unauthorized' when none opens it.
 */
export function unlockDataFolder(dataDir: string, source: KeySource = {}, given?: Buffer): { master: Buffer; created: boolean } {
  const env = source.env ?? process.env;
  const vault = readVault(dataDir);
  const fromEnv = envKey(env);
  if (given && fromEnv && !given.equals(fromEnv)) throw new AppError('unauthorized', 'CASEFILE_KEY is not the key of the data folder being restored; unset it to restore under a passphrase or the OS keychain.');
  if (vault) {
    if (fromEnv) {
      if (checkMatches(vault, fromEnv)) return { master: fromEnv, created: false };
      throw new AppError('unauthorized', `CASEFILE_KEY is not the key of the data folder ${dataDir}.`);
    }
    for (const w of vault.wrappers) {
      const m = tryWrapper(w, source, env, vault);
      if (m && checkMatches(vault, m)) return { master: m, created: false };
    }
    if (env.CASEFILE_PASSPHRASE && vault.wrappers.some((w) => w.kind === 'passphrase')) throw new AppError('unauthorized', `CASEFILE_PASSPHRASE is not the passphrase of the data folder ${dataDir}.`);
    if (vault.wrappers.some((w) => w.kind === 'passphrase') && mayPrompt(source)) {
      for (let tries = 0; tries < 3; tries++) {
        const typed = readPassphraseFromTty(`Passphrase for ${dataDir}: `);
        if (typed === null) break;
        for (const w of vault.wrappers) {
          if (w.kind !== 'passphrase') continue;
          const m = unwrapPassphrase(w, typed);
          if (m && checkMatches(vault, m)) return { master: m, created: false };
        }
        process.stderr.write('That is not the passphrase of this data folder.\n');
      }
    }
    throw new AppError('unauthorized', `The data folder ${dataDir} is encrypted and none of its keys is reachable here (${vault.wrappers.map((w) => w.kind).join(', ') || 'CASEFILE_KEY'}). ${NO_WAY}`);
  }
  const master = given ?? fromEnv ?? newMasterKey();
  const created = newVault(master);
  if (!fromEnv) {
    let w = firstWrapper(master, source, env, created.id);
    if (!w && mayPrompt(source)) {
      process.stderr.write(`IEP Casefile encrypts the data folder ${dataDir}. Choose a passphrase to open it with (it cannot be recovered if lost).\n`);
      for (let tries = 0; tries < 3 && !w; tries++) {
        const a = readPassphraseFromTty('New passphrase: ');
        const b = a === null ? null : readPassphraseFromTty('Again: ');
        if (a === null || b === null) break;
        if (a.length < 8) process.stderr.write('At least 8 characters, please.\n');
        else if (a !== b) process.stderr.write('The two did not match.\n');
        else w = passphraseWrapper(master, a);
      }
    }
    if (!w) throw new AppError('unauthorized', NO_WAY);
    created.wrappers.push(w);
  }
  writeVault(dataDir, created);
  return { master, created: true };
}

/** Adds a way to the key (a passphrase beside the keychain, the app's safeStorage) to an open folder. */
export function addWrapper(dataDir: string, master: Buffer, wrapper: KeyWrapper): void {
  const vault = readVault(dataDir);
  if (!vault || !checkMatches(vault, master)) throw new AppError('unauthorized', 'The key does not open this data folder.');
  vault.wrappers = vault.wrappers.filter((w) => w.kind !== wrapper.kind || w.kind === 'passphrase').concat(wrapper);
  writeVault(dataDir, vault);
}
