// The data folder's key. One random master key per data folder, from which the database key and the
// blob key are derived (HKDF). The master key itself is never written beside the data: vault.json
// holds only ways to reach it, each enough on its own:
// - 'keyring': the OS keychain holds it (the CLI and browser host through @napi-rs/keyring);
// - 'safeStorage': wrapped by Electron's safeStorage (the OS keychain's key), which only the app opens;
// - 'passphrase': wrapped (AES-256-GCM) under a key derived from a passphrase with scrypt, for
//   machines with no keychain (a headless server, CI: CASEFILE_PASSPHRASE) or by the user's choice.
// A key check (an HMAC of the master key) tells a right key from a wrong one.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export const VAULT_FILE = 'vault.json';

export type KeyWrapper =
  | { kind: 'keyring'; service: string; account: string }
  | { kind: 'safeStorage'; wrapped: string }
  | { kind: 'passphrase'; salt: string; N: number; r: number; p: number; iv: string; wrapped: string; tag: string };

export interface VaultFile {
  format: 'iep-casefile/vault@1';
  id: string;
  /** HMAC-SHA256(master, 'key check'), hex: tells a right key from a wrong one, reveals nothing of it. */
  check: string;
  wrappers: KeyWrapper[];
}

/** The keys a core works with, derived from the master key. */
export interface DataKeys {
  /** 32 bytes for the database (SQLCipher raw key). */
  db: Buffer;
  /** 32 bytes for sealed files. */
  blob: Buffer;
}

export function deriveKeys(master: Buffer): DataKeys {
  const d = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return { db: d('iep-casefile database v1'), blob: d('iep-casefile blobs v1') };
}

export const keyCheck = (master: Buffer) => createHmac('sha256', master).update('iep-casefile key check').digest('hex');

export function checkMatches(vault: VaultFile, master: Buffer): boolean {
  const a = Buffer.from(keyCheck(master), 'hex');
  const b = Buffer.from(vault.check, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readVault(dataDir: string): VaultFile | null {
  const file = path.join(dataDir, VAULT_FILE);
  if (!existsSync(file)) return null;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as VaultFile;
    if (v.format !== 'iep-casefile/vault@1' || !Array.isArray(v.wrappers)) throw new Error('unknown format');
    return v;
  } catch (e) {
    throw new AppError('db_corrupt', `The key file ${file} cannot be read (${(e as Error).message}). Restore it from a backup.`);
  }
}

/** Writes vault.json atomically, readable by its owner only. */
export function writeVault(dataDir: string, vault: VaultFile): void {
  const file = path.join(dataDir, VAULT_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(vault, null, 1));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export function newVault(master: Buffer): VaultFile {
  return { format: 'iep-casefile/vault@1', id: randomUUID(), check: keyCheck(master), wrappers: [] };
}

// scrypt at N=2^15, r=8 (32 MB, about 0.1 s): the OWASP floor for passphrase storage.
const SCRYPT = { N: 1 << 15, r: 8, p: 1 };
const derivedCache = new Map<string, Buffer>();

function passphraseKey(passphrase: string, w: { salt: string; N: number; r: number; p: number }): Buffer {
  const cacheKey = `${w.salt}:${w.N}:${w.r}:${w.p}:${createHmac('sha256', w.salt).update(passphrase).digest('hex')}`;
  let k = derivedCache.get(cacheKey);
  if (!k) {
    k = scryptSync(passphrase.normalize('NFC'), Buffer.from(w.salt, 'base64'), 32, { N: w.N, r: w.r, p: w.p, maxmem: 256 * w.N * w.r });
    derivedCache.set(cacheKey, k);
  }
  return k;
}

export function passphraseWrapper(master: Buffer, passphrase: string): KeyWrapper {
  const params = { salt: randomBytes(16).toString('base64'), ...SCRYPT };
  const kek = passphraseKey(passphrase, params);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  const wrapped = Buffer.concat([c.update(master), c.final()]);
  return { kind: 'passphrase', ...params, iv: iv.toString('base64'), wrapped: wrapped.toString('base64'), tag: c.getAuthTag().toString('base64') };
}

/** The master key from a passphrase wrapper, or null when the passphrase is not this folder's. */
export function unwrapPassphrase(w: Extract<KeyWrapper, { kind: 'passphrase' }>, passphrase: string): Buffer | null {
  const kek = passphraseKey(passphrase, w);
  const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
  d.setAuthTag(Buffer.from(w.tag, 'base64'));
  try {
    return Buffer.concat([d.update(Buffer.from(w.wrapped, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

export const newMasterKey = () => randomBytes(32);
