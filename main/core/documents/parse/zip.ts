// Zip archives (a records request often arrives as one): every member with its path inside the
// archive, streamed with yauzl. Unsafe member paths are refused one by one while the rest import;
// archives that expand beyond sane limits (zip bombs) are refused whole before they fill memory or disk.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ImportProblem, problems } from './errors';
import { sniff } from './sniff';

export interface ZipLimits {
  /** Total uncompressed bytes across the archive and every nested archive. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Uncompressed/compressed ratio allowed for entries bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Entries across the archive and every nested archive. */
  maxEntries: number;
  /** Zips inside zips: 1 means members of the outer zip that are zips are opened, their zips are not. */
  maxNestingDepth: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxRatio: 200,
  ratioFloorBytes: 1024 ** 2,
  maxEntries: 10_000,
  maxNestingDepth: 2,
};

export interface ZipMember {
  /** Path inside the archive, nested archives joined by '/': "records.zip/2024/iep.pdf" for a zip in a zip. */
  path: string;
  /** Last path segment, for the document's name. */
  fileName: string;
  bytes: Uint8Array;
  /** Modification time recorded in the archive, ISO, or null. */
  modified: string | null;
}

export interface ZipExtraction {
  members: ZipMember[];
  /** Members refused one by one (unsafe paths, archives nested too deep); the rest of the archive was still read. */
  problems: ImportProblem[];
  /** OS junk and folders skipped silently (__MACOSX, .DS_Store, Thumbs.db, desktop.ini). */
  skipped: string[];
}

const JUNK = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$|\._[^/]*$|\.Spotlight-V100\/|\.Trashes\/)/i;

interface Budget {
  bytes: number;
  entries: number;
}

/**
 * Lists and extracts an archive. Throws ImportProblem zip_bomb (whole archive refused) or corrupt_zip;
 * per-member problems (zip_unsafe_path, zip_too_deep) are returned in `problems`.
 * `source` is the archive's bytes or its path on disk (streamed, never read whole).
 */
export async function extractZip(source: Uint8Array | { path: string }, fileName: string, limits: Partial<ZipLimits> = {}): Promise<ZipExtraction> {
  const all: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const result: ZipExtraction = { members: [], problems: [], skipped: [] };
  await extractInto(source, fileName, '', 0, all, { bytes: 0, entries: 0 }, result);
  return result;
}

async function openZip(source: Uint8Array | { path: string }, fileName: string): Promise<ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false };
  try {
    if (source instanceof Uint8Array) {
      if (source.length === 0) throw problems.emptyFile(fileName);
      return await yauzl.fromBufferPromise(Buffer.from(source.buffer, source.byteOffset, source.byteLength), options);
    }
    return await yauzl.openPromise(source.path, options);
  } catch (error) {
    if (error instanceof ImportProblem) throw error;
    throw problems.corruptZip(fileName, error);
  }
}

async function extractInto(
  source: Uint8Array | { path: string },
  fileName: string,
  prefix: string,
  depth: number,
  limits: ZipLimits,
  budget: Budget,
  result: ZipExtraction,
): Promise<void> {
  const zip = await openZip(source, fileName);
  try {
    // The central directory is read before anything is inflated: refuse what it declares outright.
    if (budget.entries + zip.entryCount > limits.maxEntries) {
      throw problems.zipBomb(fileName, `it holds ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`);
    }
    const entries: Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      declared += entry.uncompressedSize;
    }
    if (budget.bytes + declared > limits.maxTotalBytes) {
      throw problems.zipBomb(fileName, `it would expand to ${formatBytes(budget.bytes + declared)}, more than the ${formatBytes(limits.maxTotalBytes)} allowed`);
    }
    for (const entry of entries) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, false);
      const unsafe = yauzl.validateFileName(name);
      if (unsafe) {
        result.problems.push(problems.zipUnsafePath(fileName, name));
        continue;
      }
      const path = prefix + name;
      if (name.endsWith('/')) continue;
      if (JUNK.test(name)) {
        result.skipped.push(path);
        continue;
      }
      budget.entries++;
      checkEntry(entry, name, fileName, limits);
      const bytes = await readEntry(zip, entry, fileName, limits, budget);
      const modified = safeDate(entry);
      const base = name.split('/').pop() ?? name;
      if (sniff(bytes) === 'zip') {
        if (depth + 1 > limits.maxNestingDepth) {
          result.problems.push(problems.zipTooDeep(path, limits.maxNestingDepth));
          continue;
        }
        await extractInto(bytes, path, `${path}/`, depth + 1, limits, budget, result);
        continue;
      }
      result.members.push({ path, fileName: base, bytes, modified });
    }
  } catch (error) {
    if (error instanceof ImportProblem) throw error;
    throw problems.corruptZip(fileName, error);
  } finally {
    zip.close();
  }
}

function checkEntry(entry: Entry, name: string, fileName: string, limits: ZipLimits): void {
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw problems.zipBomb(fileName, `"${name}" would expand to ${formatBytes(entry.uncompressedSize)}, more than the ${formatBytes(limits.maxEntryBytes)} allowed for one file`);
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
    throw problems.zipBomb(fileName, `"${name}" is compressed ${Math.round(ratio)} to 1, far beyond any real document`);
  }
}

/** Inflates one entry, counting bytes as they arrive so that a lying header cannot overrun the budget. */
async function readEntry(zip: ZipFile, entry: Entry, fileName: string, limits: ZipLimits, budget: Budget): Promise<Uint8Array> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    budget.bytes += chunk.length;
    if (size > limits.maxEntryBytes || budget.bytes > limits.maxTotalBytes) {
      stream.destroy();
      throw problems.zipBomb(fileName, 'it expands to far more data than it declares');
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

function safeDate(entry: Entry): string | null {
  try {
    const d = entry.getLastModDate();
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  } catch {
    return null;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.round(n / 1024)} KB`;
}
