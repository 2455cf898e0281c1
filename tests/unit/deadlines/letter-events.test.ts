// Events read from letters, emails and notices written here in many wordings (not the fixtures'), as real PDFs
// and .eml files through the real import: each found event is a suggestion with its page; accepted (or automatic
// when the title leaves no doubt) it starts its deadline from the rules table.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { importOne } from '../../../main/core/documents/import';
import { caseDeadlines, caseEvents } from '../../../main/core/deadlines/service';
import { acceptSuggestion, caseSuggestions, dismissSuggestion } from '../../../main/core/deadlines/suggestions';
import { extractAndStore } from '../../../main/core/pipeline';
import { testCore } from '../../support/core';
import { pdfkitPdf } from '../../support/form-pages';

/** A letter as a parent or district types it: date line, addressee, salutation, body paragraphs, closing. */
const letterPdf = (l: { date: string; to?: string; title?: string; body: string[]; pages?: number }) =>
  pdfkitPdf((doc) => {
    doc.font('Helvetica').fontSize(11);
    let y = 72;
    if (l.title) {
      doc.font('Helvetica-Bold').text(l.title.toUpperCase(), 72, y, { width: 468, align: 'center' });
      doc.font('Helvetica');
      y += 30;
    }
    doc.text(l.date, 72, y);
    y += 30;
    if (l.to) {
      doc.text(`To: ${l.to}`, 72, y);
      y += 30;
    }
    doc.text('Dear team,', 72, y);
    y += 26;
    for (const [i, p] of l.body.entries()) {
      if (l.pages && i === Math.floor(l.body.length / 2)) {
        doc.addPage();
        y = 72;
      }
      doc.text(p, 72, y, { width: 468 });
      y = doc.y + 14;
    }
    doc.text('Sincerely,', 72, y + 10);
    doc.text('Jordan Ellison', 72, y + 40);
  });

const eml = (e: { date: string; to: string; subject: string; body: string }) =>
  Buffer.from(
    [`From: Jordan Ellison <jordan.ellison@example.net>`, `To: ${e.to}`, `Subject: ${e.subject}`, `Date: ${e.date}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', e.body, ''].join('\r\n'),
  );

async function importFile(core: Core, caseId: string, fileName: string, bytes: Buffer): Promise<string> {
  const [r] = await importOne(core, caseId, { fileName, source: fileName, read: () => new Uint8Array(bytes) });
  expect(r.documentId, r.message ?? '').toBeTruthy();
  extractAndStore(core, r.documentId!);
  return r.documentId!;
}

interface Case {
  file: string;
  letter?: Parameters<typeof letterPdf>[0];
  email?: Parameters<typeof eml>[0];
  expect: Array<{ kind: string; date: string; page?: number; automatic?: boolean }>;
}

const CASES: Case[] = [
  {
    file: 'to-principal.pdf',
    letter: { date: 'March 3, 2025', to: 'Ms. Harriet Quill, Principal', body: ["Please send me copies of all of my daughter's school records, including her cumulative file and her special education file.", 'I can pick them up at the front office.'] },
    expect: [{ kind: 'records_request', date: '2025-03-03', automatic: false }],
  },
  {
    file: 'ferpa.pdf',
    letter: { date: '04/07/2025', body: ["I am writing to request access to inspect and review my son's education records under FERPA.", 'I would also like copies of any behavior incident reports.'] },
    expect: [{ kind: 'records_request', date: '2025-04-07' }],
  },
  {
    file: 'records.eml',
    email: { date: 'Tue, 8 Apr 2025 08:14:00 -0700', to: 'Omar Velez <ovelez@district.example.org>', subject: 'Request for student records', body: 'Hello Mr. Velez,\r\n\r\nCould you gather everything the school holds on Priya, including the speech therapy notes? I need it before our meeting.\r\n\r\nThanks,\r\nJordan' },
    expect: [{ kind: 'records_request', date: '2025-04-08', automatic: true }],
  },
  {
    file: 'meeting.pdf',
    letter: { date: 'January 9, 2025', body: ["Priya's reading scores dropped again this winter and we are worried.", 'I am requesting an IEP meeting to review her reading goals and the minutes of specialized instruction.'] },
    expect: [{ kind: 'meeting_request', date: '2025-01-09' }],
  },
  {
    file: 'reconvene.pdf',
    letter: { date: 'October 2, 2024', body: ['I request that the IEP team reconvene to discuss the behavior plan, which is not working at home or at school.'] },
    expect: [{ kind: 'meeting_request', date: '2024-10-02' }],
  },
  {
    file: 'schedule.eml',
    email: { date: 'Mon, 2 Dec 2024 19:40:00 -0500', to: 'case.manager@district.example.org', subject: 'Checking in', body: 'Hi,\r\n\r\nPlease schedule a team meeting at your earliest convenience so we can talk about the new aide.\r\n\r\nJordan' },
    expect: [{ kind: 'meeting_request', date: '2024-12-02' }],
  },
  {
    file: 'referral.pdf',
    letter: { date: 'September 16, 2024', to: 'Director of Special Education', body: ['I am writing to request a comprehensive evaluation of my son in all areas of suspected disability, including reading and attention.', 'He has struggled since first grade.'] },
    expect: [{ kind: 'evaluation_request', date: '2024-09-16' }],
  },
  {
    file: 'iee.pdf',
    letter: { date: 'May 20, 2025', body: ["We disagree with the district's psychoeducational evaluation completed in April.", 'We request an independent educational evaluation at public expense.'] },
    expect: [{ kind: 'iee_request', date: '2025-05-20' }],
  },
  {
    file: 'consent.pdf',
    letter: { date: 'February 4, 2025', title: 'Assessment Plan', body: ['The district proposes to assess in the areas of academic achievement and language.', 'I give my consent for the assessments proposed in this plan.'] },
    expect: [{ kind: 'consent_to_evaluate', date: '2025-02-04' }],
  },
  {
    file: 'oah.pdf',
    letter: {
      date: 'May 5, 2025',
      title: 'Notice of Scheduled Dates',
      body: ['On May 1, 2025, the parents filed a due process complaint with the Office of Administrative Hearings.', 'The resolution meeting is scheduled for May 14, 2025 at the district office.', 'The due process hearing is set for June 23, 2025 at 9:30 a.m.'],
      pages: 2,
    },
    expect: [
      { kind: 'due_process_filing', date: '2025-05-01', page: 1 },
      { kind: 'resolution_session', date: '2025-05-14', page: 2 },
      { kind: 'hearing_date', date: '2025-06-23', page: 2 },
    ],
  },
  {
    file: 'pwn.pdf',
    letter: { date: 'March 12, 2025', title: 'Prior Written Notice', body: ['The district refuses the request for a one-to-one aide.', 'The team found that the current supports are enough.'] },
    expect: [{ kind: 'prior_written_notice', date: '2025-03-12', automatic: true }],
  },
  {
    file: 'acknowledgement.pdf',
    letter: { date: 'January 10, 2025', to: 'Mr. and Mrs. Ellison', body: ['We received your request for records on January 6, 2025.', 'The copies will be ready for pickup at the front office.'] },
    expect: [{ kind: 'records_request', date: '2025-01-06' }],
  },
  {
    file: 'consent-form.pdf',
    letter: { date: '3/18/2025', body: ['I consent to the proposed evaluation of my son as described in the assessment plan dated March 10, 2025.'] },
    expect: [{ kind: 'consent_to_evaluate', date: '2025-03-18' }],
  },
  {
    file: 'iee.eml',
    email: { date: 'Thu, 5 Jun 2025 21:02:00 -0400', to: 'Dr. Lena Ortiz <lortiz@district.example.org>', subject: 'Re: evaluation results', body: "Dr. Ortiz,\r\n\r\nSince we disagree with the results of the school's evaluation, we are asking for an IEE at public expense.\r\n\r\nJordan Ellison" },
    expect: [{ kind: 'iee_request', date: '2025-06-05' }],
  },
  {
    file: 'scheduling-order.pdf',
    letter: { date: 'July 1, 2025', title: 'Scheduling Order', body: ['Hearing scheduled to begin on August 4, 2025 and to continue day to day until completed.'] },
    expect: [{ kind: 'hearing_date', date: '2025-08-04' }],
  },
];

/** Letters that explain rights or tell news: none starts a clock. */
const NEAR_MISSES: Case[] = [
  {
    file: 'safeguards.pdf',
    letter: { date: 'August 20, 2024', body: ['You may request an independent educational evaluation at public expense if you disagree with an evaluation.', 'Parents have the right to inspect and review all education records.', 'If you wish to request a meeting, contact the office.', 'The school shall give parents this notice whenever a parent requests a special education evaluation or has filed a due process complaint.'] },
    expect: [],
  },
  {
    file: 'thanks.pdf',
    letter: { date: 'November 1, 2024', body: ['Thank you for meeting with us last week.', 'Sam enjoyed the field trip and talks about it every day.'] },
    expect: [],
  },
  {
    file: 'report-enclosed.pdf',
    letter: { date: 'December 5, 2024', body: ["The district's evaluation report is attached for your review.", 'Records are kept for five years after the student leaves the district.'] },
    expect: [],
  },
];

async function importAll(core: Core, caseId: string, cases: Case[]) {
  for (const c of cases) await importFile(core, caseId, c.file, c.letter ? await letterPdf(c.letter) : eml(c.email!));
}

describe('events read from letters', () => {
  it('finds each event with its date and page, in every wording, and nothing in the near misses', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Ellison', state: 'CA' });
    await importAll(core, c.id, [...CASES, ...NEAR_MISSES]);
    const got = caseSuggestions(core, c.id);
    for (const want of CASES) {
      const mine = got.filter((s) => s.fileName === want.file);
      expect(mine.map((s) => [s.kind, s.date]).sort(), want.file).toEqual(want.expect.map((e) => [e.kind, e.date]).sort());
      for (const e of want.expect) {
        const s = mine.find((x) => x.kind === e.kind)!;
        if (e.page) expect(s.page, `${want.file} ${e.kind}`).toBe(e.page);
        if (e.automatic !== undefined) expect(s.status, `${want.file} ${e.kind}`).toBe(e.automatic ? 'automatic' : 'pending');
        expect(s.label).toContain(`from ${want.file}, p. ${s.page}`);
        expect(s.sentence.length).toBeGreaterThan(5);
      }
    }
    expect(got.filter((s) => NEAR_MISSES.some((n) => n.file === s.fileName))).toEqual([]);
    expect(got.find((s) => s.fileName === 'to-principal.pdf')!.label).toBe('Records request sent Mar 3, 2025 to Ms. Harriet Quill, Principal - from to-principal.pdf, p. 1');
    const pwn = got.find((s) => s.kind === 'prior_written_notice')!;
    expect(pwn.action).toBe('refusal');
    // The short notice states its action and reason only: the other five elements are reported not found.
    expect(pwn.noticeElements!.filter((e) => !e.present).map((e) => e.id)).toEqual(['basis', 'safeguards', 'sources', 'options', 'factors']);
  });

  it('an accepted suggestion becomes an event and starts its deadline with its citation; a dismissed automatic one stops counting', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Accept', state: 'CA' });
    await importAll(core, c.id, CASES.filter((x) => ['meeting.pdf', 'records.eml'].includes(x.file)));
    const meeting = caseSuggestions(core, c.id).find((s) => s.kind === 'meeting_request')!;
    expect(meeting.status).toBe('pending');
    expect(caseDeadlines(core, c.id).some((d) => d.triggerEvent.type === 'meeting_request')).toBe(false);
    // What it would start is shown before it is accepted.
    expect(meeting.deadlines.map((d) => d.ruleId)).toContain('ca.iep.parent_request');

    const eventId = acceptSuggestion(core, c.id, meeting.id);
    const d = caseDeadlines(core, c.id).find((x) => x.triggerEvent.id === eventId && x.ruleId === 'ca.iep.parent_request')!;
    expect(d.citation).toContain('56343.5');
    expect(d.triggerEvent.label).toContain('from meeting.pdf, p. 1');
    expect(caseSuggestions(core, c.id).find((s) => s.id === meeting.id)!.status).toBe('accepted');
    expect(caseEvents(core, c.id).find((e) => e.id === eventId)!.origin).toBe('user');

    // The emailed records request counts at once (its subject leaves no doubt): 5 business days in California.
    const records = caseDeadlines(core, c.id).find((x) => x.ruleId === 'ca.records.access')!;
    expect(records.triggerEvent.date).toBe('2025-04-08');
    expect(records.dueDate).toBe('2025-04-15');
    expect(records.citation).toContain('56504');
    expect(caseEvents(core, c.id).find((e) => e.type === 'records_request')!.origin).toBe('automatic');
    const auto = caseSuggestions(core, c.id).find((s) => s.kind === 'records_request')!;
    dismissSuggestion(core, c.id, auto.id);
    expect(caseDeadlines(core, c.id).some((x) => x.ruleId === 'ca.records.access')).toBe(false);
    dismissSuggestion(core, c.id, auto.id, true);
    expect(caseDeadlines(core, c.id).some((x) => x.ruleId === 'ca.records.access')).toBe(true);
  });
});
