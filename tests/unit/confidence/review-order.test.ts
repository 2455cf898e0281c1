// Low confidence first in Review, on a real store: two progress reports typeset here and imported,
// the later one with a code its legend does not hold and an entry without any code; the queue puts
// it first until it is confirmed, and its least sure entry leads its fields, which keep their order.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { importOne } from '../../../main/core/documents/import';
import { extractAndStore } from '../../../main/core/pipeline';
import { confirmDocument, getReview, reviewQueue } from '../../../main/core/review/service';
import { reviewFields } from '../../../renderer/src/pages/review/fields';
import { testCore } from '../../support/core';
import { typesetPages } from '../../support/synthetic-scan';

async function importReport(core: Core, caseId: string, fileName: string, lines: string[]): Promise<string> {
  const bytes = new Uint8Array(await typesetPages([{ title: 'Progress Report on Annual Goals', lines, fontSize: 12 }]));
  const [r] = await importOne(core, caseId, { fileName, source: fileName, read: () => bytes });
  if (!r?.documentId) throw new Error(`${fileName} not imported`);
  extractAndStore(core, r.documentId);
  return r.documentId;
}

const LEGEND = 'Progress Codes: SP = Sufficient Progress; IP = Insufficient Progress';

describe('review order', () => {
  it('puts the least sure document first, and its least sure entry first', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Order' });
    const sure = await importReport(core, c.id, 'progress-fall.pdf', ['Student:\tDana Whitfield', 'Report Date:\t11/15/2024', LEGEND, '', 'Goal 1: Reading Fluency', 'Progress Code:\tSP', 'Comments:\tDana read 52 words correct per minute on 11/10/24.']);
    const doubtful = await importReport(core, c.id, 'progress-winter.pdf', [
      'Student:\tDana Whitfield',
      'Report Date:\t02/15/2025',
      LEGEND,
      '',
      'Goal 1: Reading Fluency',
      'Progress Code:\tSP',
      'Comments:\tDana read 60 words correct per minute on 2/10/25.',
      'Goal 2: Written Expression',
      'Comments:\tDana wrote three sentences with support.',
    ]);
    const queue = reviewQueue(core, c.id);
    expect(queue.map((q) => q.documentId)).toEqual([doubtful, sure]);
    expect(queue[0].lowestConfidence).toBeLessThan(0.75);
    expect(queue[1].lowestConfidence).toBeGreaterThanOrEqual(0.75);

    const fields = reviewFields(getReview(core, doubtful));
    const groups = [...new Set(fields.filter((f) => f.entity === 'progress_entry').map((f) => f.entityKey))];
    expect(groups[0]).toMatch(/^goal-2-/);
    const first = fields.find((f) => f.entityKey === groups[0])!;
    expect(first.reasons).toContain('no progress code found');
    // An entity's fields stay together and in their order.
    const ofFirst = fields.filter((f) => f.entityKey === groups[0]).map((f) => f.label);
    expect(ofFirst.slice(0, 3)).toEqual(['Goal number', 'Goal', 'Progress code']);

    confirmDocument(core, doubtful);
    expect(reviewQueue(core, c.id).map((q) => q.documentId)).toEqual([sure, doubtful]);
  });
});
