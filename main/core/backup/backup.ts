// Backup and restore of a whole data folder through one file (container.ts): the database as a
// consistent snapshot taken while the app runs, then every original and packet as stored. The
// snapshot is VACUUM INTO, SQLite's online copy: the backup API (better-sqlite3's backup()) cannot
// key its target, and SQLite3 Multiple Ciphers refuses to copy encrypted pages into an unkeyed one;
// VACUUM INTO writes the snapshot encrypted with the database's own key, so no page of it is ever
// plain on disk. The folder's master key travels inside the backup, sealed by the backup passphrase;
// a restore gives it new ways in on the machine that restores (vault/unlock.ts).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { LATEST_VERSION } from '../db/migrate';
import { openDatabase } from '../db/open';
import { snapshotInto } from '../db/queries/maintenance';
import { DB_FILE, tightenPermissions } from '../vault/data-folder';
import { unlockDataFolder, type KeySource } from '../vault/unlock';
import { sha256OfSealed } from '../vault/sealed';
import { checkMatches, deriveKeys, newVault, readVault, writeVault, type VaultFile } from '../vault/vault';
import { BackupWriter, fileSink, gather, readBackupStream } from './container';
import { finishInterruptedRestore, swapInRestored } from './swap';

const FORMAT = 'iep-casefile/backup@1';

interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  schemaVersion: number;
  /** The data folder's master key (hex); the backup is sealed under its own passphrase. */
  master: string;
  originals: Array<{ sha256: string; size: number }>;
  packets: string[];
}

export interface BackupSummary {
  file: string;
  bytes: number;
  originals: number;
  packets: number;
}

/** The master key of the folder `core` has open (from its vault, checked against the keys in use). */
function masterOf(core: Core, keySource?: KeySource): Buffer {
  if (!core.keys || !readVault(core.dataDir)) throw new AppError('conflict', 'This data folder is not encrypted yet; open it once with the app or a casefile command that writes, then back it up.');
  const { master } = unlockDataFolder(core.dataDir, keySource);
  if (!deriveKeys(master).db.equals(core.keys.db)) throw new AppError('unauthorized', 'The data folder key could not be confirmed.');
  return master;
}

/** Writes the whole data folder to `out`, encrypted under `passphrase`. Runs while the app runs. */
export function backupDataFolder(core: Core, out: string, passphrase: string, keySource?: KeySource): BackupSummary {
  const master = masterOf(core, keySource);
  const snapshot = path.join(core.dataDir, `.backup-${process.pid}-${Date.now()}.sqlite`);
  const writer = new BackupWriter(out, passphrase);
  try {
    snapshotInto(core.db, snapshot);
    const originalsRoot = core.blobs.root;
    const originals = core.blobs.list().map((sha) => ({ sha256: sha, size: statSync(core.blobs.pathFor(sha)).size }));
    const packetsDir = path.join(core.dataDir, 'packets');
    const packets = existsSync(packetsDir) ? readdirSync(packetsDir).filter((f) => !f.startsWith('.')) : [];
    const manifest: Manifest = { format: FORMAT, createdAt: core.nowIso(), schemaVersion: Number(core.db.pragma('user_version', { simple: true })), master: master.toString('hex'), originals, packets };
    writer.add('manifest.json', Buffer.from(JSON.stringify(manifest)));
    // Every entry is read a piece at a time: a backup is never held whole in memory.
    writer.addFile(DB_FILE, snapshot);
    rmSync(snapshot, { force: true });
    for (const o of originals) writer.addFile(`originals/${o.sha256}`, path.join(originalsRoot, o.sha256.slice(0, 2), o.sha256));
    for (const p of packets) writer.addFile(`packets/${p}`, path.join(packetsDir, p));
    const done = writer.finish();
    return { file: out, bytes: done.bytes, originals: originals.length, packets: packets.length };
  } catch (e) {
    writer.abort();
    rmSync(snapshot, { force: true });
    throw e;
  }
}

export interface RestoreOptions {
  /** Replace a data folder that holds data (it is kept beside, renamed, never deleted). */
  replace?: boolean;
  keySource?: KeySource;
  now?: () => Date;
  /** Called once everything is checked, just before the folders are swapped (the CLI drops its lock). */
  beforeSwap?: () => void;
  /**
   * A backup of another data folder gets its ways in from the caller (PreparedRestore.work, before
   * commit): the desktop app's main process wraps its key with safeStorage. Without it they come
   * from `keySource` as on a first run.
   */
  keyLater?: boolean;
  /** Called between the steps (a test's kill -9 lands there). */
  onStep?: (step: string) => void;
}

export interface RestoreSummary {
  dataDir: string;
  originals: number;
  packets: number;
  /** Where the folder that was replaced now is. */
  previous: string | null;
}

const safeName = (name: string) => /^(casefile\.sqlite|manifest\.json|originals\/[0-9a-f]{64}|packets\/[\w.-]+)$/.test(name);

function vaultOf(dir: string): VaultFile | null {
  try {
    return readVault(dir);
  } catch {
    return null;
  }
}

/** What a backup holds, read and checked through to its end record (nothing written). */
export interface BackupCheck {
  createdAt: string;
  schemaVersion: number;
  originals: number;
  packets: number;
  bytes: number;
  /** The backup's key is not that of the folder `dataDir` (checkBackup's): another data folder's. */
  otherFolder: boolean;
}

function readManifest(file: string, bytes: Buffer): Manifest {
  const manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
  if (manifest.format !== FORMAT) throw new AppError('unsupported_file', `${file} is a backup of a format this version does not know (${String(manifest.format)}).`);
  if (manifest.schemaVersion > LATEST_VERSION) throw new AppError('db_newer', `The backup was made by a newer version of IEP Casefile (schema ${manifest.schemaVersion}). Update the app to restore it.`);
  return manifest;
}

/** Reads a whole backup, checking every chunk, entry and the end record; throws as a restore would. */
export function checkBackup(file: string, passphrase: string, dataDir?: string): BackupCheck {
  if (!existsSync(file)) throw new AppError('not_found', `No backup at ${file}.`);
  let manifest: Manifest | null = null;
  // Every entry is checked a chunk at a time; only the manifest is kept.
  const { entries } = readBackupStream(file, passphrase, (name, size) => {
    if (!safeName(name)) throw new AppError('corrupt_file', `The backup ${file} holds an entry it should not (${name}); nothing was restored.`);
    return name === 'manifest.json' ? gather(size, (bytes) => (manifest = readManifest(file, bytes))) : null;
  });
  const m = manifest as Manifest | null;
  if (!m) throw new AppError('corrupt_file', `The backup ${file} has no manifest; nothing was restored.`);
  if (entries !== 2 + m.originals.length + m.packets.length) throw new AppError('corrupt_file', `The backup ${file} is incomplete; nothing was restored.`);
  const here = dataDir ? vaultOf(path.resolve(dataDir)) : null;
  const otherFolder = !here || !checkMatches(here, Buffer.from(m.master, 'hex'));
  return { createdAt: m.createdAt, schemaVersion: m.schemaVersion, originals: m.originals.length, packets: m.packets.length, bytes: statSync(file).size, otherFolder };
}

/** A backup unpacked and checked beside the data folder, ready to take its place. */
export interface PreparedRestore {
  /** The unpacked, checked folder (beside the data folder) that commit() puts in its place. */
  work: string;
  /** The restored folder's master key (the backup's). */
  master: Buffer;
  /** The backup is of this very folder (same key): its vault.json, with every way in, was kept. */
  sameKey: boolean;
  /** Sets the data folder aside (renamed) and puts the restored one in its place. Nobody may hold the folder. */
  commit(): RestoreSummary;
  /** Removes the unpacked folder (when the restore is not wanted after all). */
  discard(): void;
}

/**
 * Restores a backup into `dataDir`: everything is written to a new folder beside it and checked
 * (the database opens with the restored key and passes quick_check, every original opens to its
 * SHA-256) before it takes the folder's place. A damaged or truncated backup, a wrong passphrase
 * or a failed check leaves `dataDir` as it was.
 */
export function restoreDataFolder(file: string, dataDir: string, passphrase: string, opts: RestoreOptions = {}): RestoreSummary {
  const prepared = prepareRestore(file, dataDir, passphrase, opts);
  try {
    opts.beforeSwap?.();
    return prepared.commit();
  } catch (e) {
    prepared.discard();
    throw e;
  }
}

/** The unpacking and checking of restoreDataFolder, without the swap (a running engine swaps while closed). */
export function prepareRestore(file: string, dataDir: string, passphrase: string, opts: Omit<RestoreOptions, 'beforeSwap'> = {}): PreparedRestore {
  if (!existsSync(file)) throw new AppError('not_found', `No backup at ${file}.`);
  const target = path.resolve(dataDir);
  const holdsData = existsSync(path.join(target, DB_FILE));
  if (holdsData && !opts.replace) throw new AppError('conflict', `The data folder ${target} already holds cases. Restore into another folder (--data-dir), or pass --replace to set this one aside (it is kept, renamed).`);
  // A restore a killed process left half swapped is finished first (or undone): `target` is whole.
  finishInterruptedRestore(target);
  const work = `${target}.restoring-${process.pid}`;
  const discard = () => rmSync(work, { recursive: true, force: true });
  discard();
  mkdirSync(work, { recursive: true, mode: 0o700 });
  try {
    let manifest: Manifest | null = null;
    // Each entry streams from the backup to its file a chunk at a time (the database and a large
    // original included), and takes its name only once its checksum matches.
    const { entries } = readBackupStream(file, passphrase, (name, size) => {
      if (!safeName(name)) throw new AppError('corrupt_file', `The backup ${file} holds an entry it should not (${name}); nothing was restored.`);
      if (name === 'manifest.json') return gather(size, (bytes) => (manifest = readManifest(file, bytes)));
      return fileSink(name.startsWith('originals/') ? path.join(work, 'originals', name.slice(10, 12), name.slice(10)) : path.join(work, name));
    });
    const m = manifest as Manifest | null;
    if (!m) throw new AppError('corrupt_file', `The backup ${file} has no manifest; nothing was restored.`);
    if (entries !== 2 + m.originals.length + m.packets.length) throw new AppError('corrupt_file', `The backup ${file} is incomplete; nothing was restored.`);
    opts.onStep?.('unpacked');
    // The restored folder gets ways to its (unchanged) key on this machine: a backup of this folder
    // keeps the folder's own (the app's safeStorage, the keychain, a passphrase); another folder's
    // gets them from the key source, or from the caller (keyLater).
    const master = Buffer.from(m.master, 'hex');
    const here = vaultOf(target);
    const sameKey = !!here && checkMatches(here, master);
    if (here && sameKey) writeVault(work, here);
    else if (opts.keyLater) writeVault(work, newVault(master));
    else unlockDataFolder(work, opts.keySource, master);
    const keys = deriveKeys(master);
    const db = openDatabase(path.join(work, DB_FILE), { key: keys.db, migrate: false });
    db.close();
    for (const o of m.originals) if (sha256OfSealed(keys.blob, path.join(work, 'originals', o.sha256.slice(0, 2), o.sha256)) !== o.sha256) throw new AppError('corrupt_file', `Original ${o.sha256.slice(0, 12)}… in the backup does not match its checksum; nothing was restored.`);
    tightenPermissions(work);
    opts.onStep?.('checked');
    return {
      work,
      master,
      sameKey,
      discard,
      commit() {
        const previous = existsSync(target) ? `${target}.before-restore-${(opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}` : null;
        swapInRestored(target, work, previous, opts.onStep);
        return { dataDir: target, originals: m.originals.length, packets: m.packets.length, previous };
      },
    };
  } catch (e) {
    discard();
    throw e;
  }
}
