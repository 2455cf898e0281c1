// Lists the files under the paths a user chose. Entries are looked at with lstat and links are never
// followed blindly: a folder is read once however many ways lead to it (a link loop, a link to a
// folder already read, a bind mount; folders are known by device and inode), nothing outside a chosen
// folder is read through a link inside it, and an entry that cannot be read becomes one line in the
// results while the rest of the folder is still listed. A link left alone on purpose (a loop, a way
// out of the folder, a second way to a folder already read) is skipped, and says so: nothing of the
// folder is lost by it. One that leads nowhere, a pipe or an unreadable entry is a problem.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../../shared/errors';

export type WalkedEntry =
  | { kind: 'file'; path: string; fileName: string }
  /** A link not followed on purpose, and why, in words for the import results. */
  | { kind: 'skipped'; path: string; fileName: string; message: string }
  /** An entry that could not be listed, and why, in words for the import results. */
  | { kind: 'problem'; path: string; fileName: string; code: ErrorCode; message: string };

const JUNK_NAMES = /^(\.DS_Store|Thumbs\.db|desktop\.ini)$|^\._/i;

interface Walk {
  out: WalkedEntry[];
  /** Every folder read so far, by "dev:ino", with the path it was read under. */
  visited: Map<string, string>;
  /** Links to folders inside the chosen one, read after its real folders so a file keeps its real path. */
  folderLinks: Array<{ p: string; st: BigIntStats; ancestors: string[] }>;
}

/** Files under the given paths: folders walked recursively, hidden files and OS junk skipped. */
export function walkPaths(paths: string[]): WalkedEntry[] {
  const walk: Walk = { out: [], visited: new Map(), folderLinks: [] };
  for (const p of paths) walkChosen(walk, path.resolve(p));
  return walk.out;
}

/** A path the user chose: followed even when it is a link, since choosing it is consent to read it. */
function walkChosen(walk: Walk, p: string): void {
  const name = path.basename(p);
  let st: BigIntStats;
  try {
    st = statSync(p, { bigint: true });
  } catch (e) {
    const code = errno(e);
    if (code === 'ENOENT' && !isLink(p)) return problem(walk, p, 'not_found', `${name}: the file no longer exists (${p}).`);
    // Even a loop: a path the user chose gave nothing to import.
    return problem(walk, p, 'not_found', unreadableLink(p, code) ?? `${name}: could not be read (${code}) (${p}).`);
  }
  if (st.isDirectory()) {
    let root: string;
    try {
      root = realpathSync(p);
    } catch (e) {
      return problem(walk, p, 'not_found', `${name}: the folder could not be read (${errno(e)}); nothing in it was imported (${p}).`);
    }
    walkFolder(walk, p, root, st, []);
    // Most links to folders inside lead where the walk has been (and are reported as such); one to a
    // hidden folder, which the walk skips, is read here. Its own folder links join the queue.
    for (let link = walk.folderLinks.shift(); link; link = walk.folderLinks.shift()) walkFolder(walk, link.p, root, link.st, link.ancestors);
    return;
  }
  if (st.isFile()) {
    if (!JUNK_NAMES.test(name)) walk.out.push({ kind: 'file', path: p, fileName: name });
    return;
  }
  problem(walk, p, 'unsupported_file', notAFile(p));
}

/** Reads one folder (reached at `p`, which may be through a link) unless it was read already. */
function walkFolder(walk: Walk, p: string, root: string, st: BigIntStats, ancestors: string[]): void {
  const key = `${st.dev}:${st.ino}`;
  const first = walk.visited.get(key);
  if (first !== undefined) {
    const name = path.basename(p);
    const message = ancestors.includes(key)
      ? `${name}: leads back to the folder "${first}" that holds it (a loop), so it was not followed; the files there are imported once (${p}).`
      : `${name}: is the same folder as "${first}", which this import already reads; its files are imported once, from there (${p}).`;
    return skipped(walk, p, message);
  }
  walk.visited.set(key, p);
  let names: string[];
  try {
    names = readdirSync(p).sort();
  } catch (e) {
    return problem(walk, p, 'not_found', `${path.basename(p)}: the folder could not be read (${errno(e)}); nothing in it was imported (${p}).`);
  }
  const inside = [...ancestors, key];
  for (const name of names) if (!name.startsWith('.')) walkEntry(walk, path.join(p, name), root, inside);
}

function walkEntry(walk: Walk, p: string, root: string, ancestors: string[]): void {
  const name = path.basename(p);
  let own: BigIntStats;
  try {
    own = lstatSync(p, { bigint: true });
  } catch (e) {
    const code = errno(e);
    const message = code === 'ENOENT' ? `${name}: disappeared while the folder was being read (${p}).` : `${name}: could not be read (${code}) (${p}).`;
    return problem(walk, p, 'not_found', message);
  }
  if (own.isDirectory()) return walkFolder(walk, p, root, own, ancestors);
  if (own.isFile()) {
    if (!JUNK_NAMES.test(name)) walk.out.push({ kind: 'file', path: p, fileName: name });
    return;
  }
  if (!own.isSymbolicLink()) return problem(walk, p, 'unsupported_file', notAFile(p));

  // A link: where it leads decides. Never out of the chosen folder; a folder only once.
  let target: string;
  let st: BigIntStats;
  try {
    target = realpathSync(p);
    st = statSync(target, { bigint: true });
  } catch (e) {
    const message = unreadableLink(p, errno(e));
    if (errno(e) === 'ELOOP' && message) return skipped(walk, p, message);
    return problem(walk, p, 'not_found', message ?? `${name}: is a link that could not be followed (${errno(e)}) (${p}).`);
  }
  if (!isInside(root, target)) {
    return skipped(walk, p, `${name}: is a link to "${target}", outside the folder you chose, and links out of it are not followed. Choose "${target}" itself to import it (${p}).`);
  }
  if (st.isDirectory()) {
    walk.folderLinks.push({ p, st, ancestors });
    return;
  }
  // A file linked from inside the folder is read once more; the same bytes are then refused as a duplicate.
  if (st.isFile()) {
    if (!JUNK_NAMES.test(name)) walk.out.push({ kind: 'file', path: p, fileName: name });
    return;
  }
  problem(walk, p, 'unsupported_file', notAFile(p));
}

function problem(walk: Walk, p: string, code: ErrorCode, message: string): void {
  walk.out.push({ kind: 'problem', path: p, fileName: path.basename(p), code, message });
}

function skipped(walk: Walk, p: string, message: string): void {
  walk.out.push({ kind: 'skipped', path: p, fileName: path.basename(p), message });
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The message for a link that leads nowhere (dangling) or round in circles, or null for other errors. */
function unreadableLink(p: string, code: string): string | null {
  const name = path.basename(p);
  if (code === 'ELOOP') return `${name}: is a link that leads back to itself (a loop), so it was not followed (${p}).`;
  if (code === 'ENOENT' && isLink(p)) {
    let target = '';
    try {
      target = readlinkSync(p);
    } catch {
      // Gone between the two calls: the message below still says what it was.
    }
    return `${name}: is a link to "${target}", which does not exist, so there was nothing to import (${p}).`;
  }
  return null;
}

function notAFile(p: string): string {
  return `${path.basename(p)}: is not a document file (it is a pipe, socket or device), so it was skipped (${p}).`;
}

function errno(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
