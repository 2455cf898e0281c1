// One label naming two fields joined by "/" ("Grade / School", "DOB / Age", "Start / End Date") with
// a value holding both split the same way: each part goes to its own field, whether the value follows
// the label or stands under it (a label printed small above its value). Real PDFs of our own wording,
// read through the text layer; a label naming one thing in two words ("Parent/Guardian") stays whole.
import { describe, expect, it } from 'vitest';
import { extractIep } from '../../../main/core/extract/iep';
import { buildLayout } from '../../../main/core/extract/layout';
import { pairedLabelFields } from '../../../main/core/extract/iep-student';
import { formPages, PageWriter } from './form-pdf';

interface Layout {
  name: string;
  /** Writes one paired field. */
  write(w: PageWriter, label: string, value: string): void;
}

const layouts: Layout[] = [
  { name: 'label: value on one line', write: (w, label, value) => w.text(40, `${label}: ${value}`, { size: 9 }) },
  {
    name: 'label printed small above its value',
    write: (w, label, value) => {
      w.text(40, label.toUpperCase(), { size: 7, bold: true, after: 2 });
      w.text(40, value, { size: 10 });
    },
  },
  {
    name: 'label in a left column, value in the next cell',
    write: (w, label, value) => w.row([[40, [`${label}:`]], [220, [value]]], { size: 9 }),
  },
];

async function form(layout: Layout, fields: Array<[string, string]>) {
  const w = new PageWriter();
  w.text(40, 'INDIVIDUAL EDUCATION PLAN', { size: 13, bold: true, after: 6 });
  w.text(40, 'Learner: Tobias Wren-Achebe', { size: 9 });
  for (const [label, value] of fields) layout.write(w, label, value);
  w.text(40, 'Meeting held on: 10/14/2025', { size: 9 });
  w.text(40, 'Parent/Guardian: Ines Achebe', { size: 9 });
  return formPages(w.finished());
}

describe('a label naming two fields', () => {
  it.each(layouts)('$name', async (layout) => {
    const pages = await form(layout, [
      ['Grade / School', '6 / Harborview Middle School'],
      ['DOB / Age', '03/14/2014 / 11'],
      ['Start / End Date', '10/20/2025 / 10/19/2026'],
    ]);
    const iep = extractIep(pages, 'paired');
    expect(iep.student).toMatchObject({ grade: '6', school: 'Harborview Middle School', dob: '2014-03-14' });
    expect(iep.student.parent?.name).toBe('Ines Achebe');
    expect(iep).toMatchObject({ startDate: '2025-10-20', endDate: '2026-10-19', meetingDate: '2025-10-14' });
  });

  it('splits a bare slash, names the shared last word for both, and keeps order the label gives', async () => {
    const pages = await form(layouts[0], [
      ['School / Grade Level', 'Fernhill Academy/K'],
      ['Begin / End Date', 'September 2, 2025 / June 12, 2026'],
    ]);
    const fields = pairedLabelFields(buildLayout(pages)).map((f) => [f.label, f.value]);
    expect(fields).toEqual([
      ['School', 'Fernhill Academy'],
      ['Grade Level', 'K'],
      ['Begin Date', 'September 2, 2025'],
      ['End Date', 'June 12, 2026'],
    ]);
    const iep = extractIep(pages, 'paired-bare');
    expect(iep.student).toMatchObject({ grade: 'K', school: 'Fernhill Academy' });
    expect(iep).toMatchObject({ startDate: '2025-09-02', endDate: '2026-06-12' });
  });

  it('leaves a value that does not split in two, and a label naming one thing, alone', async () => {
    const pages = await form(layouts[1], [
      ['Grade / School', 'Harborview Middle School'],
      ['Strengths / Needs', 'Tobias reads aloud with expression / asks for help / works with peers'],
    ]);
    expect(pairedLabelFields(buildLayout(pages))).toEqual([]);
    const iep = extractIep(pages, 'paired-none');
    expect(iep.student.grade).toBeNull();
    expect(iep.student.parent?.name).toBe('Ines Achebe');
  });
});
