import { describe, expect, it } from 'vitest';
import type { PageContent, Word } from '../../../shared/domain';
import { buildLayout, findLabeledValue, findSections, pagesFromPlainText, provenanceOf, runOf } from '../../../main/core/extract/layout';
import { goalFields } from '../../../main/core/extract/goal-fields';

/** A page from rows of [x, text] cells, words spaced like a text layer (5 pt per char, 3 pt spaces). */
function pageOf(rows: Array<Array<[number, string]>>, pageNumber = 1): PageContent {
  const words: Word[] = [];
  rows.forEach((cells, r) => {
    for (const [x, text] of cells) {
      let cx = x;
      for (const w of text.split(' ')) {
        words.push({ text: w, bbox: [cx, 40 + r * 12, cx + w.length * 5, 49 + r * 12], conf: 100 });
        cx += w.length * 5 + 3;
      }
    }
  });
  return { pageNumber, width: 612, height: 792, text: '', words, source: 'text_layer', meanConfidence: null };
}

describe('layout', () => {
  it('maps a character range back to the union box of its words', () => {
    const layout = buildLayout([pageOf([[[50, 'Meeting Date 10/12/2022']], [[50, 'IEP Period 10/12/2022 to 10/11/2023']]])]);
    const run = runOf(layout.lines[1].words);
    const start = run.text.indexOf('10/11/2023');
    const prov = provenanceOf('doc', run, start, start + 10);
    const word = layout.lines[1].words.find((w) => w.text === '10/11/2023')!;
    expect(prov).toEqual({ documentId: 'doc', page: 1, bbox: word.bbox });
  });

  it('finds label/value pairs in a left-column form and in "Label: value" strips', () => {
    const layout = buildLayout([pageOf([
      [[50, 'Student: Doe, Jane'], [200, 'DOB: 01/02/2015'], [330, 'Grade: 4']],
      [[50, 'Date of Meeting'], [180, 'March 3, 2024']],
    ])]);
    expect(findLabeledValue(layout, [/date\s+of\s+meeting/i])?.value).toBe('March 3, 2024');
    expect(findLabeledValue(layout, [/dob/i])?.value).toBe('01/02/2015');
    expect(findLabeledValue(layout, [/student/i])?.value).toBe('Doe, Jane');
  });

  it('reads a value printed under its label', () => {
    const layout = buildLayout([pageOf([[[50, 'Projected Annual Review'], [250, 'Triennial Due']], [[50, '05/01/2025'], [250, '09/09/2026']]])]);
    expect(findLabeledValue(layout, [/triennial\s+due/i])?.value).toBe('09/09/2026');
  });

  it('keeps a wrapped label out of the value it sits beside', () => {
    const layout = buildLayout([pageOf([
      [[50, 'Short-Term Objectives /'], [200, '1. By 01/01/2025, Jo will read 40 WCPM.']],
      [[50, 'Benchmarks'], [200, '2. By 03/01/2025, Jo will read 50 WCPM.']],
      [[50, 'Evaluation Method:'], [200, 'running records and']],
      [[200, 'probes']],
    ])]);
    const fields = goalFields(layout.lines);
    expect(fields.map((f) => f.kind)).toEqual(['objectives', 'measuredBy']);
    expect(runOf(fields[0].words).text).toBe('1. By 01/01/2025, Jo will read 40 WCPM. 2. By 03/01/2025, Jo will read 50 WCPM.');
    expect(runOf(fields[1].words).text).toBe('running records and probes');
  });

  it('drops running headers and footers and finds sections across pages', () => {
    const header: Array<[number, string]> = [[50, 'SPRINGFIELD SCHOOL DISTRICT IEP']];
    const footer = (n: number): Array<[number, string]> => [[50, `Page ${n} of 2`]];
    const rows1 = [header, [[50, 'MEASURABLE ANNUAL GOALS']], [[50, 'Goal 1: By 05/01/2025, Jo will read 60 WCPM.']]] as Array<Array<[number, string]>>;
    const rows2 = [header, [[50, 'Goal 2: By 05/01/2025, Jo will write 5 sentences.']], [[50, 'SERVICES']], [[50, 'Speech, 30 min weekly']]] as Array<Array<[number, string]>>;
    const p1 = pageOf([...rows1, ...Array.from({ length: 58 }, () => [] as Array<[number, string]>), footer(1)], 1);
    const p2 = pageOf([...rows2, ...Array.from({ length: 57 }, () => [] as Array<[number, string]>), footer(2)], 2);
    const layout = buildLayout([p1, p2]);
    expect(layout.lines.filter((l) => l.repeated).map((l) => l.text)).toEqual(['SPRINGFIELD SCHOOL DISTRICT IEP', 'Page 1 of 2', 'SPRINGFIELD SCHOOL DISTRICT IEP', 'Page 2 of 2']);
    const goals = findSections(layout, /GOALS/);
    expect(goals).toHaveLength(1);
    expect(goals[0].lines.map((l) => l.text)).toEqual(['Goal 1: By 05/01/2025, Jo will read 60 WCPM.', 'Goal 2: By 05/01/2025, Jo will write 5 sentences.']);
  });

  it('turns plain text into pages with notional boxes that keep its columns', () => {
    const [page] = pagesFromPlainText('Meeting Type        Annual\nMeeting Date        01/02/2024\n');
    const layout = buildLayout([page]);
    expect(layout.lines[0].cells.map((c) => c.text)).toEqual(['Meeting Type', 'Annual']);
  });
});
