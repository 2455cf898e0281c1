// The extractors' entry point keeps its lines and offers the page model, computed once, with field
// labels from the extraction vocabulary (found without a colon when the vocabulary knows them).
import { describe, expect, it } from 'vitest';
import { buildLayout, pagesFromPlainText } from '../../../main/core/extract/layout';

const FORM = [
  'Student Name Sam Park                    Meeting Date 10/12/2024',
  'School staff will review the plan each month.',
  'Case Manager: Dana Ortiz                 Grade: 4',
].join('\n');

describe('buildLayout().model()', () => {
  it('gives the page model once per document, with vocabulary labels and colon labels', () => {
    const layout = buildLayout(pagesFromPlainText(FORM));
    expect(layout.lines.map((l) => l.cells.length)).toEqual([2, 1, 2]);
    const model = layout.model();
    expect(layout.model()).toBe(model);
    expect(model.pages[0].fields.map((f) => [f.label, f.value])).toEqual([
      ['Student Name', 'Sam Park'],
      ['Meeting Date', '10/12/2024'],
      ['Case Manager', 'Dana Ortiz'],
      ['Grade', '4'],
    ]);
  });
});
