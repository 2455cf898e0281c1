// Uploads (the browser host's files.upload route) wait in the data folder's staging folder, sealed
// like every file there, until documents.import reads them; the import removes them when it is
// over, and the start-up removes a previous run's. The transports only hand over the body.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/files';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import type { ImportInput } from './import';

export function stagingDir(dataDir: string): string {
  return path.join(dataDir, 'staging');
}

/** A previous run's uploads are orphans: no import names them any more. */
export function clearStaging(dataDir: string): void {
  rmSync(stagingDir(dataDir), { recursive: true, force: true });
}

const tooLarge = () => new AppError('too_large', `The file is over ${MAX_UPLOAD_BYTES / 1024 ** 3} GB.`);

/** Streams a body to the staging folder, refusing it once past the limit (never held whole in memory). */
export async function stageUpload(core: Core, body: AsyncIterable<Uint8Array> | null, declaredLength: number): Promise<{ uploadId: string; size: number }> {
  if (declaredLength > MAX_UPLOAD_BYTES) throw tooLarge();
  const uploadId = randomUUID();
  const out = core.blobs.fileWriter(path.join(stagingDir(core.dataDir), uploadId));
  let size = 0;
  try {
    if (body) {
      for await (const chunk of body) {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) throw tooLarge();
        out.write(chunk);
      }
    }
    out.close();
    return { uploadId, size };
  } catch (e) {
    out.abort();
    throw e;
  }
}

export interface StagedUpload {
  uploadId: string;
  fileName: string;
  relativePath?: string;
}

/** The import inputs of staged uploads, and their files (to remove once the import is over). */
export function stagedInputs(core: Core, uploads: StagedUpload[]): { inputs: ImportInput[]; files: string[] } {
  const inputs: ImportInput[] = [];
  const files: string[] = [];
  for (const u of uploads) {
    if (!/^[0-9a-f-]{36}$/.test(u.uploadId)) throw new AppError('bad_request', `Not an upload id: ${u.uploadId}`);
    const file = path.join(stagingDir(core.dataDir), u.uploadId);
    if (!existsSync(file)) throw new AppError('not_found', `${u.fileName}: the upload is gone; add the file again.`);
    files.push(file);
    inputs.push({ fileName: u.fileName, source: u.relativePath || u.fileName, read: () => new Uint8Array(core.blobs.readFile(file)) });
  }
  return { inputs, files };
}

export function removeStaged(files: string[]): void {
  for (const f of files) rmSync(f, { force: true });
}
