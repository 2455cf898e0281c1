// A packet built leaves its line in the case history once the build has written its file (a real
// import of a generated PDF, a real build off the main thread), naming the build's job; a build that
// fails leaves none.
import { expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { importOne } from '../../../main/core/documents/import';
import { caseHistory } from '../../../main/core/history/history';
import { packetJob, startPacketBuild } from '../../../main/core/packet/service';
import { makePdf, textLines } from '../documents/make-files';
import { testCore } from '../../support/core';

it('a packet built is in the history with its page count; a failed build is not', async () => {
  const core = testCore();
  try {
    const c = createCase(core, { name: 'Packet history' });
    const pdf = await makePdf([textLines('Prior Written Notice\nDate: April 2, 2024\nThe district refuses the evaluation.')]);
    const [doc] = await importOne(core, c.id, { fileName: 'notice.pdf', source: 'notice.pdf', read: () => pdf });
    const base = { caseId: c.id, bates: { prefix: 'H', start: 1, digits: 4, position: 'bottom-right' as const }, labelStyle: 'P-1' as const, sections: ['cover' as const, 'exhibits' as const] };
    const built = await packetJob(core, startPacketBuild(core, { ...base, exhibits: [{ documentId: doc!.documentId! }] }).jobId).promise;
    expect(built).toMatchObject({ done: true, fileReady: true, error: null });
    const failed = await packetJob(core, startPacketBuild(core, { ...base, exhibits: [{ documentId: 'no-such-document' }] }).jobId).promise;
    expect(failed.error).toBeTruthy();
    const lines = caseHistory(core, c.id);
    expect(lines.map((h) => [h.kind, h.ids])).toEqual([['packet_built', [built.jobId]], ['imported', [doc!.documentId]]]);
    expect(lines[0]!.description).toBe(`Built a packet of ${built.pageCount} pages`);
  } finally {
    await core.close();
  }
});
