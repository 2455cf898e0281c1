// The data folder's key: created once, reached again through what vault.json lists, never written
// there itself; a wrong key or passphrase is refused with a clear message, and a process with no
// way to hold a key (no keychain, no terminal, no environment) says what to set.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unlockDataFolder } from '../../../main/core/vault/unlock';
import { VAULT_FILE } from '../../../main/core/vault/vault';
import { tempDir } from '../../support/core';

const noKeychain = { keyring: false, prompt: false } as const;

describe('the data folder key', () => {
  it('creates a key under a passphrase, reopens with it and refuses another', () => {
    const dir = tempDir();
    const env = { CASEFILE_PASSPHRASE: 'correct horse battery' };
    const first = unlockDataFolder(dir, { ...noKeychain, env });
    expect(first.created).toBe(true);
    const vaultText = readFileSync(path.join(dir, VAULT_FILE), 'utf8');
    expect(vaultText).not.toContain(first.master.toString('hex'));
    expect(vaultText).not.toContain(first.master.toString('base64'));
    expect(statSync(path.join(dir, VAULT_FILE)).mode & 0o777).toBe(0o600);
    const again = unlockDataFolder(dir, { ...noKeychain, env });
    expect([again.created, again.master.equals(first.master)]).toEqual([false, true]);
    expect(() => unlockDataFolder(dir, { ...noKeychain, env: { CASEFILE_PASSPHRASE: 'wrong horse' } })).toThrow(/not the passphrase/);
    expect(() => unlockDataFolder(dir, { ...noKeychain, env: {} })).toThrow(/none of its keys is reachable/);
  });

  it('takes a raw key from CASEFILE_KEY and refuses one that is not the folder\'s', () => {
    const dir = tempDir();
    const hex = randomBytes(32).toString('hex');
    const made = unlockDataFolder(dir, { ...noKeychain, env: { CASEFILE_KEY: hex } });
    expect(made.master.toString('hex')).toBe(hex);
    expect(readFileSync(path.join(dir, VAULT_FILE), 'utf8')).not.toContain(hex);
    expect(unlockDataFolder(dir, { ...noKeychain, env: { CASEFILE_KEY: hex } }).master.toString('hex')).toBe(hex);
    expect(() => unlockDataFolder(dir, { ...noKeychain, env: { CASEFILE_KEY: randomBytes(32).toString('hex') } })).toThrow(/not the key/);
    expect(() => unlockDataFolder(tempDir(), { ...noKeychain, env: { CASEFILE_KEY: 'abc' } })).toThrow(/64 hexadecimal/);
  });

  it('says what to set when nothing can hold a new key', () => {
    expect(() => unlockDataFolder(tempDir(), { ...noKeychain, env: {} })).toThrow(/CASEFILE_PASSPHRASE/);
  });

  it('wraps the key with the app\'s safeStorage when it is handed one', () => {
    const dir = tempDir();
    const osKey = randomBytes(16);
    // A stand-in for Electron's safeStorage: reversible only with osKey.
    const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ osKey[i % 16]));
    const safeStorage = { isEncryptionAvailable: () => true, encryptString: (s: string) => xor(Buffer.from(s)), decryptString: (b: Buffer) => xor(b).toString() };
    const made = unlockDataFolder(dir, { ...noKeychain, env: {}, safeStorage });
    expect(JSON.parse(readFileSync(path.join(dir, VAULT_FILE), 'utf8')).wrappers.map((w: { kind: string }) => w.kind)).toEqual(['safeStorage']);
    expect(unlockDataFolder(dir, { ...noKeychain, env: {}, safeStorage }).master.equals(made.master)).toBe(true);
    expect(() => unlockDataFolder(dir, { ...noKeychain, env: {} })).toThrow(/safeStorage/);
  });
});
