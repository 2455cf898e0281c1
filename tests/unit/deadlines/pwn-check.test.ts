// The Prior Written Notice check on notices written here (two layouts: a form with numbered headings and a
// plain letter), as real PDFs through the real import: all seven elements of 34 CFR 300.503(b) found with
// their page, and each one removed in turn is reported missing while the other six stay present.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { documentQueries, rowToPageContent } from '../../../main/core/db/queries/documents';
import { importOne } from '../../../main/core/documents/import';
import { checkPwn } from '../../../main/core/extract/pwn';
import { PWN_ELEMENT_PHRASES, type PwnElementId } from '../../../main/core/extract/vocab/correspondence';
import { flagsOf } from '../../../main/core/timeline/service';
import { detectEvents } from '../../../main/core/extract/correspondence';
import { testCore } from '../../support/core';
import { describeRivera } from '../../support/fixtures';
import { riveraPages } from '../extract-reports/compose';
import { pdfkitPdf } from '../../support/form-pages';

type Parts = Record<PwnElementId, { heading: string; text: string }>;

const FORM: Parts = {
  action: { heading: '1. Description of the action', text: 'The district proposes to reduce speech and language therapy from 60 to 30 minutes per week beginning April 1, 2025.' },
  why: { heading: '2. Explanation', text: 'Nia has met both articulation goals and her therapist reports that the sounds carry over into classroom speech.' },
  basis: { heading: '3. Records used', text: 'The team reviewed the following: the speech-language progress report of February 28, 2025, classroom observations, and teacher input.' },
  safeguards: { heading: '4. Your rights', text: 'You have protection under the procedural safeguards of the IDEA. A copy of the safeguards notice is enclosed with this letter.' },
  sources: { heading: '5. Help', text: 'For help understanding this notice, contact the Coastal Parent Training and Information Center at 555-013-4400.' },
  options: { heading: '6. Other options', text: 'Keeping the current 60 minutes was considered but rejected since the goals have been met.' },
  factors: { heading: '7. Other factors', text: "Other factors: Nia's attendance has been strong all year and she asked to miss fewer class activities." },
};

const LETTER: Parts = {
  action: { heading: '', text: 'After the meeting of March 3, 2025, the school district refuses your request for a one-to-one aide for Omar.' },
  why: { heading: '', text: 'The team determined that Omar meets his behavior goals with the classroom supports already in place.' },
  basis: { heading: '', text: 'This decision was based on the functional behavior assessment of January 2025 and the behavior data collected since October.' },
  safeguards: { heading: '', text: 'As the parent of a child with a disability you have rights under the procedural safeguards. You may request another copy from the school office at any time.' },
  sources: { heading: '', text: 'If you have questions about these rights, you can call Disability Rights of the state at (555) 017-2200 or e-mail the district ombudsperson.' },
  options: { heading: '', text: 'The team also discussed a shared aide for two classrooms and did not adopt it, because the data do not show a need for adult support.' },
  factors: { heading: '', text: 'The district also took into account that Omar will move to a smaller class next month.' },
};

const notice = (title: string, parts: Parts, without: PwnElementId | null, twoPages: boolean) =>
  pdfkitPdf((doc) => {
    doc.font('Helvetica-Bold').fontSize(13).text(title, 72, 60, { width: 468, align: 'center' });
    doc.font('Helvetica').fontSize(11);
    doc.text('Date: March 12, 2025', 72, 100);
    doc.text('To: Parents of the student', 72, 116);
    let y = 150;
    const ids = Object.keys(parts) as PwnElementId[];
    ids.forEach((id, i) => {
      if (twoPages && i === 4) {
        doc.addPage();
        y = 72;
      }
      if (id === without) return;
      const p = parts[id];
      if (p.heading) {
        doc.font('Helvetica-Bold').text(p.heading, 72, y);
        doc.font('Helvetica');
        y = doc.y + 2;
      }
      doc.text(p.text, 72, y, { width: 468 });
      y = doc.y + 16;
    });
    doc.text('Sincerely,', 72, y + 8);
    doc.text('Director of Special Education', 72, y + 36);
  });

async function pagesOf(core: Core, caseId: string, fileName: string, bytes: Buffer) {
  const [r] = await importOne(core, caseId, { fileName, source: fileName, read: () => new Uint8Array(bytes) });
  expect(r.documentId, r.message ?? '').toBeTruthy();
  return documentQueries(core.db).pages(r.documentId!).map(rowToPageContent);
}

const ALL: PwnElementId[] = ['action', 'why', 'basis', 'safeguards', 'sources', 'options', 'factors'];

describe('Prior Written Notice check', () => {
  for (const [name, title, parts] of [
    ['form', 'PRIOR WRITTEN NOTICE', FORM],
    ['letter', 'Notice of Action', LETTER],
  ] as const) {
    it(`${name}: every element present with its page, and each removed in turn is the one missing`, async () => {
      const core = testCore();
      const c = createCase(core, { name: `PWN ${name}` });
      const full = checkPwn(await pagesOf(core, c.id, `${name}-full.pdf`, await notice(title, parts, null, true)));
      expect(full.isNotice).toBe(true);
      expect(full.missing).toEqual([]);
      for (const e of full.elements) {
        expect(e.evidence, e.id).not.toBeNull();
        // The sentence quoted is the one written for the element, on its page.
        expect(e.evidence!.sentence, e.id).toContain(parts[e.id].text.slice(0, 40));
        expect(e.evidence!.page, e.id).toBe(ALL.indexOf(e.id) < 4 ? 1 : 2);
        expect(e.finding).toMatch(/^The notice describes/);
      }
      for (const id of ALL) {
        const check = checkPwn(await pagesOf(core, c.id, `${name}-no-${id}.pdf`, await notice(title, parts, id, false)));
        expect(check.missing, `without ${id}`).toEqual([id]);
        const el = check.elements.find((e) => e.id === id)!;
        expect(el.finding).toMatch(/^No sentence of this notice describes .* \(34 CFR 300\.503\(b\)\(\d\)\)\.$/);
        // Evidence, never a legal conclusion.
        expect(el.finding).not.toMatch(/violat|illegal|unlawful|insufficient|fails? to comply/i);
      }
    }, 60_000);
  }

  it('safeguards named without how to get a copy are reported as such', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'PWN safeguards' });
    const parts = { ...FORM, safeguards: { heading: '4. Your rights', text: 'You have protection under the procedural safeguards of the IDEA.' } };
    const check = checkPwn(await pagesOf(core, c.id, 'no-copy.pdf', await notice('PRIOR WRITTEN NOTICE', parts, null, false)));
    expect(check.missing).toEqual(['safeguards']);
    expect(check.elements.find((e) => e.id === 'safeguards')!.finding).toMatch(/mentions procedural safeguards .* but no sentence says how to get a copy/);
  });

  it('a letter that is not a notice is not taken for one', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Not PWN' });
    const check = checkPwn(await pagesOf(core, c.id, 'letter.pdf', await notice('Thank you for the meeting', { ...FORM }, null, false)));
    expect(check.isNotice).toBe(false);
  });
});

describe('pwn_missing_element red flags', () => {
  it('a notice without one element raises one flag for it, with the notice and its page as evidence', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'PWN flags' });
    const bytes = await notice('PRIOR WRITTEN NOTICE', FORM, 'options', false);
    const [r] = await importOne(core, c.id, { fileName: 'pwn-no-options.pdf', source: 'pwn-no-options.pdf', read: () => new Uint8Array(bytes) });
    const flags = flagsOf(core, c.id).filter((f) => f.type === 'pwn_missing_element');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ documentIds: [r.documentId], evidence: [{ documentId: r.documentId, page: 1 }] });
    expect(flags[0].description).toBe('Prior Written Notice of Mar 12, 2025 (pwn-no-options.pdf): No sentence of this notice describes other options considered and why they were rejected (34 CFR 300.503(b)(6)).');
    // A complete notice raises none.
    const full = createCase(core, { name: 'PWN complete' });
    const complete = await notice('PRIOR WRITTEN NOTICE', FORM, null, false);
    await importOne(core, full.id, { fileName: 'pwn.pdf', source: 'pwn.pdf', read: () => new Uint8Array(complete) });
    expect(flagsOf(core, full.id).filter((f) => f.type === 'pwn_missing_element')).toEqual([]);
  });
});

describeRivera('dev-rivera Prior Written Notice (a scan; its reference text)', () => {
  it('has all seven elements, and is read as a refusal dated Mar 8, 2024', async () => {
    const pages = await riveraPages('scan_20240311_0845.pdf');
    const check = checkPwn(pages);
    expect(check.isNotice).toBe(true);
    expect(check.missing).toEqual([]);
    expect(detectEvents(pages).find((e) => e.kind === 'prior_written_notice')).toMatchObject({ date: '2024-03-08', action: 'refusal', automatic: true });
  });
});

describe('sources the parents can contact, as sentences', () => {
  // Wordings of our own. A phone number after a space ("at (555) ...") and a named engagement or
  // information centre count; a sentence that names no one to contact does not.
  const yes = [
    'For help in understanding these rights, contact the Special Education office at (555) 014-2200.',
    'Questions about this notice may be directed to the Lakeview Family Engagement Center.',
    'If you need support, the Northern Parent Information Center can help you.',
    'You can e-mail questions to help@district.example.',
  ];
  const no = ['Please contact us if you have questions.', 'The team reviewed the progress reports of 11/2024.'];
  it.each(yes)('counts: %s', (s) => expect(PWN_ELEMENT_PHRASES.sources.re.test(s)).toBe(true));
  it.each(no)('does not count: %s', (s) => expect(PWN_ELEMENT_PHRASES.sources.re.test(s)).toBe(false));
});
