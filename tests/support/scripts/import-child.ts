// Child process for the kill -9 tests: imports the given paths into a case, printing progress.
import { openCore } from '../../../main/core/context';
import { createCase } from '../../../main/core/cases';
import { startImportBatch, getBatch } from '../../../main/core/documents/batches';
import { inputsFromPaths } from '../../../main/core/documents/import';

const [dataDir, ...paths] = process.argv.slice(2);
const core = openCore({ dataDir });
const existing = core.db.prepare<[], { id: string }>('SELECT id FROM cases LIMIT 1').get();
const caseId = existing?.id ?? createCase(core, { name: 'Killed' }).id;
const batch = startImportBatch(core, caseId, inputsFromPaths(paths));
core.on('job.progress', (e) => process.stdout.write(`progress ${e.fraction.toFixed(3)} ${e.message}\n`));
await getBatch(core, batch.jobId)!.promise;
process.stdout.write('finished\n');
await core.close();
