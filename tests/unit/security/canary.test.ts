// The canary: documents holding a unique string, the child's name and date of birth are imported
// (one through a staged upload, as the browser sends it), a letter is saved and rendered and a
// packet built, the case is deleted for good; then every byte of every file under the data folder
// and under the temp folder this process writes to is searched for each: none is found.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootEngine, type Engine } from '../../../main/engine/boot';
import { handleFileRequest } from '../../../main/ipc/files';
import type { CallContext } from '../../../main/ipc/registry';
import { makePdf, textLines } from '../documents/make-files';

const CANARY = `Zq${randomBytes(5).toString('hex')}canary`;
const CHILD = `Ottoline ${randomBytes(3).toString('hex').toUpperCase()}xy Brandywell`;
const DOB_ISO = '2013-07-29';
const NEEDLES = [CANARY, CHILD, CHILD.split(' ')[1], DOB_ISO, '07/29/2013', 'July 29, 2013'];

const tmpRoot = path.join(os.tmpdir(), `casefile-canary-${process.pid}-${Date.now()}`);
let engine: Engine;
let ctx: CallContext;
let dataDir: string;
const previousTmp = process.env.TMPDIR;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

const call = <T>(name: string, args?: unknown) => engine.registry.call(name as never, args as never, ctx) as Promise<T>;

async function waitFor<T extends { done: boolean }>(first: T, next: (t: T) => Promise<T>): Promise<T> {
  let s = first;
  while (!s.done) {
    await new Promise((r) => setTimeout(r, 100));
    s = await next(s);
  }
  return s;
}

beforeAll(() => {
  mkdirSync(tmpRoot, { recursive: true });
  // Everything this process puts in "the temp folder" goes under tmpRoot, the data folder too.
  process.env.TMPDIR = tmpRoot;
  dataDir = path.join(tmpRoot, 'data');
  engine = bootEngine({ dataDir, purpose: 'test' });
  ctx = { core: engine.core, transport: 'browser' };
});

afterAll(async () => {
  await engine?.stop();
  process.env.TMPDIR = previousTmp;
});

describe('the canary', () => {
  it('leaves no trace of a deleted case on disk', async () => {
    const c = await call<{ id: string }>('cases.create', { name: `Case of ${CHILD}`, childName: CHILD, dob: DOB_ISO });
    const text = `Individualized Education Program\nStudent: ${CHILD}\nDate of birth: 07/29/2013 (July 29, 2013)\nReference ${CANARY}\nMeeting date: March 11, 2024\nGoal 1: ${CHILD} will read 90 words per minute.`;
    const pdfA = await makePdf([textLines(text), textLines(`Progress report ${CANARY}\n${CHILD}`)]);
    const pdfB = await makePdf([textLines(`Prior Written Notice ${CANARY}\nStudent: ${CHILD}\nDate: April 2, 2024`)]);
    // One file staged as the browser uploads it, one read from memory as the desktop app's paths are.
    const up = await handleFileRequest(new Request('app://casefile/api/upload', { method: 'POST', body: pdfA as BodyInit }), ctx);
    const { value } = (await up!.json()) as { value: { uploadId: string } };
    const batch = await call<{ jobId: string; done: boolean }>('documents.import', { caseId: c.id, uploads: [{ uploadId: value.uploadId, fileName: `${CHILD} IEP.pdf` }] });
    await waitFor(batch, (b) => call('documents.importStatus', { jobId: b.jobId }));
    const { importOne } = await import('../../../main/core/documents/import');
    await importOne(engine.core, c.id, { fileName: `${CANARY}-notice.pdf`, source: `${CANARY}-notice.pdf`, read: () => pdfB });
    const docs = await call<Array<{ id: string }>>('documents.list', { caseId: c.id });
    expect(docs).toHaveLength(2);
    const found = await call<{ hits: unknown[] }>('search.query', { caseId: c.id, query: CANARY });
    expect(found.hits.length).toBeGreaterThan(0);

    const draft = await call<object>('letters.draft', { caseId: c.id, template: 'records_request' });
    const letter = await call<{ id: string }>('letters.save', { caseId: c.id, draft });
    const letterFile = await handleFileRequest(new Request(`app://casefile/api/letter-file?letter=${letter.id}&format=pdf`), ctx);
    expect(letterFile?.status).toBe(200);
    const job = await call<{ jobId: string; done: boolean }>('packet.build', { caseId: c.id, bates: { prefix: 'CF-', start: 1, digits: 4, position: 'bottom-right' }, labelStyle: 'P-1', sections: ['exhibits'], exhibits: docs.map((d) => ({ documentId: d.id })) });
    const built = await waitFor(job, (j) => call('packet.status', { jobId: j.jobId }));
    expect((built as unknown as { error: string | null }).error).toBeNull();
    const packet = await handleFileRequest(new Request(`app://casefile/api/packet-file?job=${built.jobId}`), ctx);
    expect(packet?.status).toBe(200);
    expect(Buffer.from(await packet!.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    // While the case exists its bytes are on disk, only encrypted.
    const during = allFiles(tmpRoot);
    expect(during.length).toBeGreaterThan(3);
    for (const f of during) for (const n of NEEDLES) expect(readFileSync(f).includes(n), `${n} in ${f} while the case exists`).toBe(false);

    await call('cases.delete', { caseId: c.id });
    await call('cases.purge', { caseId: c.id });
    engine.core.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of allFiles(tmpRoot)) {
      const bytes = readFileSync(f);
      for (const n of NEEDLES) {
        expect(bytes.includes(n), `${n} in ${f}`).toBe(false);
        expect(bytes.includes(Buffer.from(n, 'utf16le')), `${n} (UTF-16) in ${f}`).toBe(false);
      }
    }
  }, 240_000);
});
