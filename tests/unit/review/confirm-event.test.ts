// Confirming a document says so to every listener (another window, the CLI's engine): the case's
// change event carries the case, and the review queue read after it counts the document confirmed.
// A real core on a real SQLite database, a real IEP of the dev-rivera fixture through the import.
import { expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { confirmDocument, correct, reviewQueue, undoCorrection } from '../../../main/core/review/service';
import { testCore } from '../../support/core';
import { importAndExtract } from '../../support/import-doc';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';

describeRivera('review: confirm emits the case change event', () => {
  it('a confirm from one caller reaches a listener with its case, and the queue it then reads is up to date', async () => {
    const core = testCore();
    const a = createCase(core, { name: 'Mateo Rivera' });
    const other = createCase(core, { name: 'Someone Else' });
    const file = 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf';
    const documentId = await importAndExtract(core, a.id, RIVERA_DOCS, file);
    const before = reviewQueue(core, a.id).find((i) => i.documentId === documentId)!;
    expect(before.values).toBeGreaterThan(0);
    expect(before.confirmed).toBeLessThan(before.values);

    const seen: { caseId: string; what: string; confirmed: number }[] = [];
    core.on('case.changed', (e) => {
      // What a window refetches on the event: the queue as it stands when the event arrives.
      const item = reviewQueue(core, e.caseId).find((i) => i.documentId === documentId);
      seen.push({ caseId: e.caseId, what: e.what, confirmed: item?.confirmed ?? -1 });
    });
    const dto = confirmDocument(core, documentId);
    expect(dto.confirmedAt).toBe(core.nowIso());
    expect(seen).toEqual([{ caseId: a.id, what: 'review', confirmed: before.values }]);
    expect(seen.some((e) => e.caseId === other.id)).toBe(false);

    // Undoing a correction is a change too: the added goal goes again.
    const corrected = correct(core, { documentId, entity: 'goal', entityKey: 'g-added', field: '*', value: { text: 'Mateo will read 90 words a minute' }, status: 'added' });
    const correction = corrected.corrections.at(-1)!;
    seen.length = 0;
    undoCorrection(core, documentId, correction.id);
    expect(seen.map((e) => [e.caseId, e.what])).toEqual([[a.id, 'extraction']]);

    expect(() => confirmDocument(core, 'no-such-document')).toThrow(/No document with id no-such-document/);
    expect(seen).toHaveLength(1);
    await core.close();
  });
});
