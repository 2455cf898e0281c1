// A value the user adds in Review without pointing at it on a page still has a source (its document,
// page 1, no box), so everything that cites values (the JSON export, letters) works with it there;
// one added with its page and box keeps them, and never another document's id.
import { expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { exportCase } from '../../../main/core/export';
import { draftCaseLetter } from '../../../main/core/letters/service';
import { correct } from '../../../main/core/review/service';
import { testCore } from '../../support/core';
import { importAndExtract } from '../../support/import-doc';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';

describeRivera('values added in Review', () => {
  it('a goal added with no page is cited from its document; one added with a page and box keeps them', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Mateo Rivera' });
    const file = 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf';
    const documentId = await importAndExtract(core, c.id, RIVERA_DOCS, file);
    correct(core, { documentId, entity: 'goal', entityKey: 'g-added', field: '*', value: { text: 'Mateo will read 90 words a minute by June 2024.' }, status: 'added' });
    correct(core, { documentId, entity: 'goal', entityKey: 'g-pointed', field: '*', value: { text: 'Mateo will write a 5-sentence paragraph.', source: { documentId: 'another-document', page: 3, bbox: [10, 20, 30, 40] } }, status: 'added' });

    const exported = exportCase(core, c.id) as { ieps: Array<{ goals: Array<{ text: string; source: unknown; targetValue: number | null; targetDate: string | null }> }> };
    const goals = exported.ieps.flatMap((i) => i.goals);
    const read = goals.find((g) => g.text.startsWith('Mateo will read 90'))!;
    expect(read.source).toEqual({ documentId, page: 1, bbox: null });
    // Its fields are read from its text as an extracted goal's are.
    expect([read.targetValue, read.targetDate]).toEqual([90, '2024-06-30']);
    expect(goals.find((g) => g.text.startsWith('Mateo will write'))!.source).toEqual({ documentId, page: 3, bbox: [10, 20, 30, 40] });
    expect(() => draftCaseLetter(core, c.id, 'iep_revision_demand')).not.toThrow();
    await core.close();
  }, 120_000);
});
