// One fixture document into a real case: imported through the import path and extracted as the
// pipeline does; returns its document id.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../../main/core/context';
import { importOne } from '../../main/core/documents/import';
import { extractAndStore } from '../../main/core/pipeline';

export async function importAndExtract(core: Core, caseId: string, dir: string, fileName: string): Promise<string> {
  const bytes = readFileSync(path.join(dir, fileName));
  const [imported] = await importOne(core, caseId, { fileName, source: fileName, read: () => new Uint8Array(bytes) });
  if (!imported?.documentId) throw new Error(`${fileName} was not imported: ${imported?.message ?? 'no result'}`);
  extractAndStore(core, imported.documentId);
  return imported.documentId;
}
