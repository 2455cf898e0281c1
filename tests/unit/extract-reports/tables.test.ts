// The generic table reader on real PDFs: columns from gutters and headers, wrapped cells, empty
// columns, and the end of a table.
import { describe, expect, it } from 'vitest';
import { groupLines } from '../../../main/core/documents/pdf-text';
import { findColumns, readTable, tableBelow } from '../../../main/core/layout/line-tables';
import { pdfFromText } from './compose';

const TABLE = `
Service               Minutes     Location              Provider         Comments

Speech-Language       30 x 2      Therapy room          SLP
Therapy (individual)  weekly

Occupational          30 monthly  General education     OT               consult
Therapy                           classroom                              only

Counseling            20 weekly   Counselor's office    School
                                                        counselor


Page 4 of 9
`;

describe('readTable', () => {
  it('finds the columns, merges wrapped lines of padded rows (first cell wrapping too) and stops before the footer', async () => {
    const [page] = await pdfFromText(TABLE);
    const lines = groupLines(page.words);
    const { headerLines, body } = tableBelow(lines, 0);
    const table = readTable(body, { headerLines });
    expect(table.columns.map((c) => c.label)).toEqual(['Service', 'Minutes', 'Location', 'Provider', 'Comments']);
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Speech-Language Therapy (individual)', '30 x 2 weekly', 'Therapy room', 'SLP', ''],
      ['Occupational Therapy', '30 monthly', 'General education classroom', 'OT', 'consult only'],
      ['Counseling', '20 weekly', "Counselor's office", 'School counselor', ''],
    ]);
    expect(body.some((l) => l.some((w) => w.text === 'Page'))).toBe(false);
    const cell = table.rows[1].cells[2];
    expect(cell.bbox![3]).toBeGreaterThan(cell.words[0].bbox[3]);
  });

  it('keeps a header column that has no values under it', async () => {
    const [page] = await pdfFromText(`
Date         Minutes    Initials    Notes
09/05/2024   30
09/07/2024   25
`);
    const lines = groupLines(page.words);
    const columns = findColumns(lines.slice(1), [lines[0]]);
    expect(columns.map((c) => c.label)).toEqual(['Date', 'Minutes', 'Initials', 'Notes']);
    const table = readTable(lines.slice(1), { columns });
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['09/05/2024', '30', '', ''], ['09/07/2024', '25', '', '']]);
  });
});
