// The student profile an IEP prints, in label styles of our own: a header strip of "Label: value"
// pairs, values over small labels, a list of those present with roles in parentheses; values that are
// label text or narrative refused. Then through the real pipeline into an empty case (Case info).
import { describe, expect, it } from 'vitest';
import { createCase, getCase } from '../../../main/core/cases';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { extractIep } from '../../../main/core/extract/iep';
import { afterDocumentHook } from '../../../main/core/pipeline';
import type { ExtractedIep } from '../../../shared/domain';
import { testCore } from '../../support/core';
import { line, sizedPage, type SizedRow } from '../../support/sized-page';
import { formPdfBytes, PageWriter } from './form-pdf';
import { exportCase } from '../../../main/core/export';

type Student = ExtractedIep['student'];
const studentOf = (pages: SizedRow[][]) => extractIep(pages.map((rows, i) => sizedPage(rows, i + 1)), 'profile').student;

const cases: Array<{ name: string; pages: SizedRow[][]; want: Partial<Student> }> = [
  {
    name: 'a header strip of label: value pairs',
    pages: [[
      line('INDIVIDUALIZED EDUCATION PROGRAM', { bold: true, size: 12 }),
      { cells: [[40, 'Student Legal Name: Okonkwo, Ada Grace'], [300, 'Date of Birth: 4/2/2014'], [450, 'IEP Date: 3/3/2025']] },
      { cells: [[40, 'Grade: 5'], [300, 'School of Attendance: Lakeview Elementary']] },
      { cells: [[40, 'Primary: Autism (AUT)'], [300, 'Secondary: Speech or Language Impairment (SLI)']] },
      { cells: [[40, 'Parent/Guardian: Maria Okonkwo'], [300, 'Home Phone: (555) 201-3344']] },
      { cells: [[40, 'Email: maria.okonkwo@example.org']] },
      { cells: [[40, 'Case Manager: Devon Price'], [300, 'Phone: 555-201-9000']] },
      line('Describe how the student took part: Present At Meeting'),
      line('School Psychologist shared the results of the assessment. This is her second evaluation and it was reviewed.'),
    ]],
    want: {
      name: 'Ada Grace Okonkwo', dob: '2014-04-02', grade: '5', school: 'Lakeview Elementary',
      primaryDisability: 'Autism (AUT)', secondaryDisability: 'Speech or Language Impairment (SLI)',
      parent: { name: 'Maria Okonkwo', phone: '(555) 201-3344', email: 'maria.okonkwo@example.org' },
      caseManager: { name: 'Devon Price', phone: '555-201-9000', email: null },
    },
  },
  {
    name: 'values over small labels, the contact named in a sentence, a signer named later',
    pages: [
      [
        { cells: [[60, 'Ada Grace Okonkwo'], [210, '55123'], [370, 'Lakeview Middle School'], [510, '04/02/2014']] },
        { cells: [[70, 'NAME OF STUDENT'], [215, 'ID#'], [400, 'CAMPUS'], [505, 'DATE OF BIRTH']], size: 6 },
        line('Disability Category: Other Health Impairment'),
        line('For questions about carrying out this plan, please contact Devon Price.'),
      ],
      [line('The committee reviewed the services.')],
      [line('ASSURANCES'), { cells: [[40, 'Signed by:'], [200, 'Name: Jordan Fisk']] }],
    ],
    want: { name: 'Ada Grace Okonkwo', dob: '2014-04-02', school: 'Lakeview Middle School', primaryDisability: 'Other Health Impairment', caseManager: { name: 'Devon Price', phone: null, email: null } },
  },
  {
    name: 'those present listed with their roles',
    pages: [[
      line('Pupil: Ada Okonkwo'),
      line('Primary Disability Category: Specific Learning Disability'),
      line('Members present: Devon Price (Case Manager), Maria Okonkwo (Parent), Sam Reyes (General Education Teacher).'),
    ]],
    want: { name: 'Ada Okonkwo', primaryDisability: 'Specific Learning Disability', parent: { name: 'Maria Okonkwo', phone: null, email: null }, caseManager: { name: 'Devon Price', phone: null, email: null } },
  },
  {
    name: 'label text and placeholders where the values would be',
    pages: [[
      { cells: [[40, 'Student Legal Name: Last Name , Legal Suffix:'], [300, 'Date of Birth: 4/2/2014']] },
      { cells: [[40, 'Parent/Guardian: Parent'], [300, 'Home Phone:']] },
      line('School/Location: School Year 2024-25'),
      line('Primary: English   Secondary: Not Eligible for Special Education'),
    ]],
    want: { name: null, school: null, primaryDisability: null, secondaryDisability: null, parent: null, caseManager: null },
  },
];

describe('student profile', () => {
  it.each(cases)('$name', ({ pages, want }) => {
    expect(studentOf(pages)).toMatchObject(want);
  });
});

describe('the profile reaches Case info', () => {
  it('fills what an empty case lacks, a parent and a case manager among its contacts, and overwrites nothing', async () => {
    const w = new PageWriter();
    w.text(40, 'INDIVIDUALIZED EDUCATION PROGRAM', { size: 12, bold: true, after: 6 });
    w.row([[40, ['Student Name: Ada Okonkwo']], [300, ['Date of Birth: 04/02/2014']]]);
    w.row([[40, ['Meeting Date: 03/03/2025']], [300, ['Next Annual IEP: 03/02/2026']]]);
    w.row([[40, ['Primary Disability: Autism']], [300, ['Secondary Disability: Speech or Language Impairment']]]);
    w.row([[40, ['Parent/Guardian: Maria Okonkwo']], [300, ['Cell Phone: 555-201-3344']]]);
    w.row([[40, ['Case Manager: Devon Price']], [300, ['Email: d.price@example.org']]]);
    const bytes = await formPdfBytes(w.finished());
    const core = testCore();
    const c = createCase(core, { name: 'Ada', school: 'Typed By The User School', contacts: [{ name: 'Lee Park', role: 'principal', title: null, email: null, phone: null, relationship: null, address: null }] });
    const batch = startImportBatch(core, c.id, [{ fileName: 'iep.pdf', source: 'iep.pdf', read: () => bytes }], { afterDocument: afterDocumentHook(core) });
    await getBatch(core, batch.jobId)!.promise;
    const after = getCase(core, c.id);
    expect(after).toMatchObject({ dob: '2014-04-02', school: 'Typed By The User School', primaryDisability: 'Autism', secondaryDisability: 'Speech or Language Impairment' });
    expect(after.parents).toEqual([expect.objectContaining({ name: 'Maria Okonkwo', phone: '555-201-3344' })]);
    expect(after.contacts.map((p) => [p.name, p.role, p.email])).toEqual([['Lee Park', 'principal', null], ['Devon Price', 'case_manager', 'd.price@example.org']]);
    // The export carries the same profile.
    const exported = exportCase(core, c.id).student;
    expect(exported).toMatchObject({ secondaryDisability: 'Speech or Language Impairment', parents: [expect.objectContaining({ name: 'Maria Okonkwo' })], caseManager: expect.objectContaining({ name: 'Devon Price', role: 'case_manager' }) });
    await core.close();
  });
});
