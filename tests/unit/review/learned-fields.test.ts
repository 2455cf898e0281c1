// The review screen's rows for values a learned anchor filled (issue 18), on what the real engine
// returns: three generated reports of one form whose report date no reader finds, imported into a
// real store; the date corrected on one and applied to the others. The row on another report carries
// its own date, "automatic", where it was learned and the box it was read at; the corrected report's
// row is the user's own. Also the helpers the screen uses to offer and to mark a field on the page.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/context';
import { createCase } from '../../../main/core/cases';
import { applyAnchor, previewApply } from '../../../main/core/forms/service';
import { correct, getReview } from '../../../main/core/review/service';
import { fieldLabel, learnedText, reviewFields } from '../../../renderer/src/pages/review/fields';
import { correctionOf, valueFromWords } from '../../../renderer/src/pages/review/learning';
import { splitRow } from '../../../renderer/src/pages/review/AddFromPage';
import { LEARNING_REPORTS, writeLearningReports } from '../../e2e/support/forms-learning';
import { testCore } from '../../support/core';
import { importAndExtract } from '../../support/import-doc';

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

const REPORT_DATE = 'progress_report:report:reportDate';

describe('learned values in the review rows', () => {
  it('marks the values an applied anchor filled with where it was learned and its box; the corrected report stays the user’s', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'learned-fields-'));
    await writeLearningReports(dir);
    core = testCore();
    const c = createCase(core, { name: 'Harbor Point' });
    const ids = [];
    for (const r of LEARNING_REPORTS) ids.push(await importAndExtract(core, c.id, dir, r.fileName));
    const [a, b, cc] = ids;
    expect(reviewFields(getReview(core, b)).find((f) => f.id === REPORT_DATE)?.value).toBeNull();

    const made = { documentId: a, entity: 'progress_report', entityKey: 'report', field: 'reportDate', status: 'edited' } as const;
    const after = correct(core, { ...made, value: LEARNING_REPORTS[0].mailedIso });
    const correction = correctionOf(after, made);
    expect(correction?.value).toBe(LEARNING_REPORTS[0].mailedIso);
    const preview = previewApply(core, { correctionId: correction!.id });
    expect(preview.items.map((i) => [i.documentId, i.value, i.action])).toEqual([
      [b, LEARNING_REPORTS[1].mailedIso, 'fill'],
      [cc, LEARNING_REPORTS[2].mailedIso, 'fill'],
    ]);
    applyAnchor(core, preview.anchor!.id);

    for (const [i, id] of [[1, b], [2, cc]] as const) {
      const row = reviewFields(getReview(core, id)).find((f) => f.id === REPORT_DATE)!;
      expect(row.value).toBe(LEARNING_REPORTS[i].mailedIso);
      expect(row.status).toBe('automatic');
      expect(row.learnedFrom).toMatchObject({ documentFileName: LEARNING_REPORTS[0].fileName, page: 1 });
      expect(learnedText(row.learnedFrom!)).toBe(`Learned from your correction on ${LEARNING_REPORTS[0].fileName}, p. 1`);
      // The box is where the date is printed: right of its label at x 140, y 120 (PDF points).
      expect(row.source?.page).toBe(1);
      const [x0, y0, x1, y1] = row.source!.bbox!;
      expect(x0).toBeGreaterThanOrEqual(135);
      expect(x0).toBeLessThan(150);
      expect(y0).toBeLessThan(132);
      expect(y1).toBeGreaterThan(118);
      expect(x1).toBeGreaterThan(x0);
      // Only the filled field is marked.
      expect(reviewFields(getReview(core, id)).filter((f) => f.learnedFrom).map((f) => f.id)).toEqual([REPORT_DATE]);
    }
    const own = reviewFields(getReview(core, a)).find((f) => f.id === REPORT_DATE)!;
    expect(own.status).toBe('edited');
    expect(own.learnedFrom).toBeUndefined();
  });

  it('names fields as the screen does and reads a marked field’s value by its kind', () => {
    expect(fieldLabel('progress_report', 'reportDate')).toBe('Progress report · Report date');
    expect(fieldLabel('goal', '*')).toBe('Goal (whole entry)');
    expect(valueFromWords('date', 'Mailed home on: 06/07/2024')).toBe('2024-06-07');
    expect(valueFromWords('date', 'no date here')).toBeNull();
    expect(valueFromWords('number', 'Read 74 wcpm on 3/1/2024')).toBe(74);
    expect(valueFromWords('text', '  Reading Fluency ')).toBe('Reading Fluency');
    expect(valueFromWords('direction', 'reduce outbursts')).toBe('decrease');
    expect(valueFromWords('text', '   ')).toBeNull();
  });

  it('splits a row drawn on the page into its goal, code and comment by the code’s column', () => {
    const w = (text: string, x0: number, y0: number) => ({ text, bbox: [x0, y0, x0 + text.length * 5, y0 + 10] as [number, number, number, number] });
    // The goal wraps onto a second line in its narrow column; read in lines, its end comes after the comment.
    const words = [w('Decode', 50, 184), w('two-syllable', 90, 184), w('AP', 260, 184), w('Working', 330, 184), w('toward', 372, 184), w('mastery', 408, 184), w('words', 50, 198), w('in', 82, 198)];
    expect(splitRow(words, { AP: 'adequate progress' })).toEqual({ goal: 'Decode two-syllable words in', code: 'AP', comment: 'Working toward mastery' });
    expect(splitRow(words, { MA: 'mastered' })).toEqual({ goal: 'Decode two-syllable AP Working toward mastery words in', code: '', comment: '' });
  });
});
