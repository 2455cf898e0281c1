// A stand-in for Electron's safeStorage, the one Electron API the desktop key handling touches: real
// AES-256-GCM under a key that plays the OS keychain's (hex, so a child process can hold the same).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from '../../../main/core/vault/unlock';

export function fakeSafeStorage(osKeyHex: string): SafeStorageLike {
  const key = Buffer.from(osKeyHex, 'hex');
  return {
    isEncryptionAvailable: () => true,
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, body, c.getAuthTag()]);
    },
    decryptString(wrapped) {
      const d = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, 12));
      d.setAuthTag(wrapped.subarray(wrapped.length - 16));
      return Buffer.concat([d.update(wrapped.subarray(12, wrapped.length - 16)), d.final()]).toString('utf8');
    },
  };
}

/** The environment without the vitest config's CASEFILE_KEY: the desktop's main process has none. */
export function envWithoutKey(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CASEFILE_KEY;
  return env;
}
