// The people a case's records name, read from PDFs typeset here in many wordings (IEP contact
// blocks in three styles, letters with signature blocks and cc lines, e-mails with headers), with
// names drawn from a list so no wording or name is special; then what must not be taken for a person.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { findContacts, type FoundContact } from '../../../main/core/contacts/find';
import { typesetPages, type SyntheticPageSpec } from '../../support/synthetic-scan';

const FIRST = ['Teresa', 'Marcus', 'Aiyana', 'Dmitri', 'Lucía', 'Grace', 'Omar', 'Henrik'];
const LAST = ['Gomez', 'Bell', 'Whitehorse', 'Volkov', 'Ibáñez', 'Okonkwo', 'Haddad', 'Lindqvist'];
const person = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[(i * 3 + 1) % LAST.length]}`;

interface Wording {
  name: string;
  page(p: { parent: string; manager: string; director: string; principal: string }): SyntheticPageSpec;
  expect: Array<Partial<FoundContact> & { role: FoundContact['role']; who: 'parent' | 'manager' | 'director' | 'principal' }>;
}

const WORDINGS: Wording[] = [
  {
    name: 'IEP contact block, label column and value column',
    page: (p) => ({
      title: 'Individualized Education Program',
      lines: ['Student\tJordan Reyes', `Parent/Guardian\t${p.parent} (Mother), 18 Cedar Ct, Fairview, CA 95999, (555) 013-4482`, `Case Manager\t${p.manager}, Education Specialist (RSP)`],
    }),
    expect: [
      { who: 'parent', role: 'parent', title: 'Mother', phone: '(555) 013-4482', address: '18 Cedar Ct, Fairview, CA 95999' },
      { who: 'manager', role: 'case_manager', title: 'Education Specialist (RSP)' },
    ],
  },
  {
    name: 'IEP contact block, labels with colons and e-mails',
    page: (p) => ({
      title: 'IEP Team Contacts',
      lines: [`Parent Name: ${p.parent}, 400 Oak Avenue, Springfield, MO 65801, family.one@example.org`, `IEP Case Manager: ${p.manager} - 555-234-1111`, `Special Education Director: ${p.director}, 100 Main Street, Springfield, MO 65802`],
    }),
    expect: [
      { who: 'parent', role: 'parent', email: 'family.one@example.org', address: '400 Oak Avenue, Springfield, MO 65801' },
      { who: 'manager', role: 'case_manager', phone: '555-234-1111' },
      { who: 'director', role: 'sped_director', address: '100 Main Street, Springfield, MO 65802' },
    ],
  },
  {
    name: 'IEP contact block, one role per line with details after',
    page: (p) => ({
      lines: [`Guardian: ${p.parent}   Phone: 555.777.1234   Email: guardian.two@example.net`, `Case Carrier: ${p.manager}`, `Principal: ${p.principal}`],
    }),
    expect: [
      { who: 'parent', role: 'parent', phone: '555.777.1234', email: 'guardian.two@example.net' },
      { who: 'manager', role: 'case_manager' },
      { who: 'principal', role: 'principal' },
    ],
  },
  {
    name: 'district letter: signature block and cc list',
    page: (p) => ({
      lines: [
        'March 3, 2024',
        `To: ${p.parent}, 22 Birch Lane, Alder Creek, CA 95998`,
        'Dear Parent:',
        'The district has reviewed your request for an independent educational evaluation.',
        'Sincerely,',
        `Dr. ${p.director}`,
        'Director of Special Education',
        'Alder Creek Unified School District, (555) 010-3000',
        `cc: ${p.principal}, Principal; ${p.manager}, Case Manager`,
      ],
    }),
    expect: [
      { who: 'director', role: 'sped_director', title: 'Director of Special Education', phone: '(555) 010-3000' },
      { who: 'principal', role: 'principal' },
      { who: 'manager', role: 'case_manager' },
    ],
  },
  {
    name: 'e-mail: a header whose sender signs as the parent',
    page: (p) => ({
      lines: [`From: ${p.parent} <parent.three@example.com>`, `To: ${p.manager} <staff@district.example.org>`, 'Subject: Reading progress', '', 'I would like to meet about the reading goal.', 'Thank you,', p.parent, 'Parent of Jordan Reyes'],
    }),
    expect: [{ who: 'parent', role: 'parent', email: 'parent.three@example.com' }],
  },
  {
    name: 'signature table: name cell, role cell, date column',
    page: (p) => ({
      lines: ['Team members present', `${p.parent}\tParent/Guardian Date 09/12/2026`, `${p.principal}\tPrincipal (Administrator)`],
    }),
    expect: [
      { who: 'parent', role: 'parent', title: 'Parent/Guardian' },
      { who: 'principal', role: 'principal' },
    ],
  },
  {
    name: 'prior written notice: a name with its title on one line',
    page: (p) => ({
      lines: ['Prior Written Notice', `Prepared by ${p.manager}, Case Manager, on 02/02/2024.`, `${p.director}, Director of Student Services`],
    }),
    expect: [{ who: 'director', role: 'sped_director', title: 'Director of Student Services' }],
  },
];

async function read(spec: SyntheticPageSpec): Promise<FoundContact[]> {
  return findContacts((await readPdfText(await typesetPages([spec]))).pages);
}

describe('people named in the records, many wordings', () => {
  for (const [w, wording] of WORDINGS.entries()) {
    for (const seed of [0, 5]) {
      const people = { parent: person(w + seed), manager: person(w + seed + 2), director: person(w + seed + 4), principal: person(w + seed + 6) };
      it(`${wording.name} (${people.parent})`, async () => {
        const found = await read(wording.page(people));
        for (const e of wording.expect) {
          const { who, ...want } = e;
          const hit = found.find((f) => f.name.endsWith(people[who]));
          expect(hit, `${who} ${people[who]} in ${JSON.stringify(found)}`).toMatchObject(want);
          expect(hit!.page).toBe(1);
          expect(hit!.bbox).not.toBeNull();
        }
        // Nobody without a role, and never the student.
        expect(found.some((f) => /Jordan Reyes/.test(f.name))).toBe(false);
      });
    }
  }

  it('takes no one from prose, blank labels or the student line', async () => {
    const found = await read({
      lines: [
        'Student: Jordan Reyes',
        'Parent/Guardian: ____________',
        'Case Manager:',
        'The parent requested a meeting with the case manager.',
        'Principal: To be assigned',
        'From: Alex Morgan <alex@example.com>',
        'Committee Members\tParent: see attached',
        'Psychologist Other\tSpecialist Other',
      ],
    });
    expect(found).toEqual([]);
  });
});
