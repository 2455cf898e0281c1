// Moving from one case to another never carries a form's values along: Case info reached from
// another case's Case info (address bar), by back and forward, or straight from another case's
// Documents shows and saves only its own case's details; a stale Case info save is refused. The
// other forms and editors (letters, deadline events, review fields, packet settings, comp-ed
// inputs) start afresh in the new case too.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDto } from '../../shared/api/cases';
import { REPO_ROOT } from '../support/fixtures';
import { importCaseWithCli, LettersPage, PacketPage } from './support/act-pages';
import { launchBrowser } from './support/browser';
import { CaseHeader, CaseInfoForm, callApi, goToRoute } from './support/case-switch';
import { freshDataDir, startHostProcess, type HostProcess } from './support/host';

const ANA = { name: 'Ana Torres', childName: 'Ana Torres', dob: '2015-05-02', grade: '3', school: 'Maple Elementary', state: 'MO' };
const BEN = { name: 'Ben Ortiz', childName: 'Benjamin Ortiz', dob: '2012-01-10', grade: '7', school: 'Oak Middle', state: 'CA' };
const stored = (c: CaseDto) => ({ name: c.name, childName: c.childName, dob: c.dob, grade: c.grade, school: c.school, state: c.state });

describe('Case info: a form belongs to the case it was loaded for', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let a: CaseDto;
  let b: CaseDto;
  const header = () => new CaseHeader(browser.page);
  const info = () => new CaseInfoForm(browser.page);

  /** Saves the Case info form as it stands and checks that neither case took the other's details. */
  async function saveAndCheck(shown: typeof ANA) {
    await info().save();
    await info().saved().waitFor();
    expect(stored(await callApi(host, 'cases.get', { caseId: a.id }))).toEqual(ANA);
    expect(stored(await callApi(host, 'cases.get', { caseId: b.id }))).toEqual(BEN);
    expect(await info().values()).toEqual({ name: shown.name, childName: shown.childName, dob: shown.dob, grade: shown.grade, school: shown.school });
  }

  beforeAll(async () => {
    host = await startHostProcess();
    a = await callApi(host, 'cases.create', ANA);
    b = await callApi(host, 'cases.create', BEN);
    browser = await launchBrowser();
    await browser.page.goto(host.url);
    await browser.page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
  });
  // Each test starts from the two cases as created, whatever the one before did to them.
  beforeEach(async () => {
    for (const [c, details] of [[a, ANA], [b, BEN]] as const) {
      const now = await callApi(host, 'cases.get', { caseId: c.id });
      await callApi(host, 'cases.update', { caseId: c.id, version: now.version, fields: details });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it("from A's Case info to B's Case info by the address bar", async () => {
    await goToRoute(browser.page, host, `case/${a.id}/info`);
    await header().waitForCase(ANA.name, ANA.childName);
    await goToRoute(browser.page, host, `case/${b.id}/info`);
    await header().waitForCase(BEN.name, BEN.childName);
    await saveAndCheck(BEN);
  });

  it('by back and forward between the two Case info pages', async () => {
    await goToRoute(browser.page, host, `case/${a.id}/info`);
    await header().waitForCase(ANA.name, ANA.childName);
    await browser.page.goBack();
    await header().waitForCase(BEN.name, BEN.childName);
    await saveAndCheck(BEN);
    await browser.page.goForward();
    await header().waitForCase(ANA.name, ANA.childName);
    await saveAndCheck(ANA);
  });

  it("from A's Documents straight to B's Case info", async () => {
    await goToRoute(browser.page, host, `case/${a.id}/documents`);
    await header().waitForCase(ANA.name, ANA.childName);
    await browser.page.getByRole('heading', { name: 'Documents', exact: true }).waitFor();
    await goToRoute(browser.page, host, `case/${b.id}/info`);
    await header().waitForCase(BEN.name, BEN.childName);
    await saveAndCheck(BEN);
  });

  it('refuses a save from a form opened before the case was changed elsewhere, and offers the current details', async () => {
    await goToRoute(browser.page, host, `case/${a.id}/info`);
    await header().waitForCase(ANA.name, ANA.childName);
    await info().field('Grade').fill('9');
    // Another window saves the case meanwhile; this form says so as soon as it hears of it.
    const now = await callApi(host, 'cases.get', { caseId: a.id });
    await callApi(host, 'cases.update', { caseId: a.id, version: now.version, fields: { school: 'Cedar Elementary' } });
    await info().form().getByRole('status').filter({ hasText: 'changed elsewhere' }).waitFor();
    await info().save();
    await info().alert().filter({ hasText: /changed elsewhere .* nothing was saved/ }).waitFor();
    expect(await callApi(host, 'cases.get', { caseId: a.id })).toMatchObject({ grade: ANA.grade, school: 'Cedar Elementary' });
    await info().alert().getByRole('button', { name: 'Load the current details' }).click();
    await expect.poll(() => info().field('School').inputValue()).toBe('Cedar Elementary');
    expect(await info().field('Grade').inputValue()).toBe(ANA.grade);
    await info().field('Grade').fill('4');
    await info().save();
    await info().saved().waitFor();
    expect(await callApi(host, 'cases.get', { caseId: a.id })).toMatchObject({ grade: '4', school: 'Cedar Elementary' });
  });
});

describe('letters and deadline events: nothing typed for one case follows into another', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let a: CaseDto;
  let b: CaseDto;
  const header = () => new CaseHeader(browser.page);

  beforeAll(async () => {
    host = await startHostProcess();
    a = await callApi(host, 'cases.create', ANA);
    b = await callApi(host, 'cases.create', BEN);
    browser = await launchBrowser();
    await browser.page.goto(host.url);
    await browser.page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it("a letter being drafted for A is not open, nor saved, in B's Letters", async () => {
    const letters = new LettersPage(browser.page);
    await goToRoute(browser.page, host, `case/${a.id}/letters`);
    await header().waitForCase(ANA.name, ANA.childName);
    await letters.draft('Records request');
    await letters.subject().fill('Records request for Ana, typed in the e2e test');
    await goToRoute(browser.page, host, `case/${b.id}/letters`);
    await header().waitForCase(BEN.name, BEN.childName);
    await browser.page.getByRole('heading', { name: 'Draft a letter' }).waitFor();
    expect(await letters.editor().count()).toBe(0);
    await browser.page.getByText('No letters saved yet.', { exact: false }).waitFor();
    expect(await callApi(host, 'letters.list', { caseId: b.id })).toEqual([]);
    expect(await callApi(host, 'letters.list', { caseId: a.id })).toEqual([]);
  });

  it('a saved draft opened again saves at the version it opened; saved elsewhere meanwhile, the save is refused', async () => {
    const letters = new LettersPage(browser.page);
    const draft = await callApi(host, 'letters.draft', { caseId: a.id, template: 'iee_request' });
    const saved = await callApi(host, 'letters.save', { caseId: a.id, draft: { ...draft, subject: 'IEE request, first draft' }, sentDate: null });
    await goToRoute(browser.page, host, `case/${a.id}/letters`);
    await header().waitForCase(ANA.name, ANA.childName);
    await letters.savedRow('IEE request, first draft').getByRole('button', { name: 'Edit IEE request, first draft' }).click();
    await letters.subject().fill('IEE request, second draft');
    await letters.editor().getByRole('button', { name: 'Save draft' }).click();
    await browser.page.getByRole('status').filter({ hasText: 'Draft saved: “IEE request, second draft”' }).waitFor();
    expect((await callApi(host, 'letters.list', { caseId: a.id })).find((l) => l.id === saved.id)).toMatchObject({ subject: 'IEE request, second draft', version: 2 });

    await letters.savedRow('IEE request, second draft').getByRole('button', { name: 'Edit IEE request, second draft' }).click();
    await letters.subject().fill('IEE request, from this window');
    await callApi(host, 'letters.save', { caseId: a.id, letterId: saved.id, version: 2, draft: { ...draft, subject: 'IEE request, from another window' }, sentDate: null });
    await letters.editor().getByRole('button', { name: 'Save draft' }).click();
    await letters.editor().getByRole('alert').filter({ hasText: /saved elsewhere .* nothing was saved/ }).waitFor();
    expect((await callApi(host, 'letters.list', { caseId: a.id })).find((l) => l.id === saved.id)?.subject).toBe('IEE request, from another window');
  });

  it("an event description or a calendar term typed in A's Deadlines is not in B's, and A's event edit form is gone", async () => {
    await callApi(host, 'events.add', { caseId: a.id, type: 'records_request', date: '2025-01-15', label: 'Called the case manager' });
    await goToRoute(browser.page, host, `case/${a.id}/deadlines`);
    await header().waitForCase(ANA.name, ANA.childName);
    const addEvent = () => browser.page.getByRole('form', { name: 'Add an event' });
    const addTerm = () => browser.page.getByRole('form', { name: 'Add a school year term' });
    await addEvent().getByRole('textbox', { name: 'Description (optional)' }).fill('Typed for Ana');
    await addTerm().getByRole('textbox', { name: 'Label' }).fill('Ana 2024-25');
    await browser.page.getByRole('button', { name: 'Edit Called the case manager' }).click();
    await browser.page.getByRole('form', { name: 'Edit Called the case manager' }).waitFor();
    await goToRoute(browser.page, host, `case/${b.id}/deadlines`);
    await header().waitForCase(BEN.name, BEN.childName);
    await browser.page.getByRole('heading', { name: 'Events that start deadlines' }).waitFor();
    expect(await addEvent().getByRole('textbox', { name: 'Description (optional)' }).inputValue()).toBe('');
    expect(await addTerm().getByRole('textbox', { name: 'Label' }).inputValue()).toBe('');
    expect(await browser.page.getByRole('form', { name: 'Edit Called the case manager' }).count()).toBe(0);
    await addEvent().getByRole('button', { name: 'Add event' }).click();
    await expect.poll(async () => (await callApi(host, 'events.list', { caseId: b.id })).filter((e) => e.origin === 'user').map((e) => e.label)).toEqual(['Records request']);
  });
});

const CASE_B_DOCS = path.join(REPO_ROOT, 'tests/fixtures/case-b/documents');

// Two cases with imported documents (the repository's case-b fixture, text PDFs: no OCR).
describe('review fields, packet settings and comp-ed inputs belong to their own case', () => {
  let host: HostProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let a: CaseDto;
  let b: CaseDto;
  const header = () => new CaseHeader(browser.page);
  const A = { name: 'Jordan Mitchell' };
  const B = { name: 'Casey Brooks' };

  beforeAll(async () => {
    const dataDir = freshDataDir();
    importCaseWithCli(dataDir, A.name, 'CA', ['Mitchell_J_IEP_2023-09-14.pdf', 'Frontline_Service_Log_Fall_2023.pdf'].map((f) => path.join(CASE_B_DOCS, f)));
    importCaseWithCli(dataDir, B.name, 'CA', ['Mitchell_J_IEP_2024-09-10.pdf', 'Mitchell_J_Progress_Q1_2024-10-25.pdf'].map((f) => path.join(CASE_B_DOCS, f)));
    host = await startHostProcess(dataDir);
    const cases = await callApi(host, 'cases.list', {});
    a = await callApi(host, 'cases.get', { caseId: cases.find((c) => c.name === A.name)!.id });
    b = await callApi(host, 'cases.get', { caseId: cases.find((c) => c.name === B.name)!.id });
    browser = await launchBrowser();
    await browser.page.goto(host.url);
    await browser.page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it("A's document under B's review route is refused, not shown as B's", async () => {
    const iep = (await callApi(host, 'documents.list', { caseId: a.id })).find((d) => d.fileName.startsWith('Mitchell_J_IEP'))!;
    await goToRoute(browser.page, host, `case/${a.id}/review/${iep.id}`);
    await header().waitForCase(A.name, A.name);
    await browser.page.getByRole('button', { name: 'Confirm document' }).waitFor();
    await goToRoute(browser.page, host, `case/${b.id}/review/${iep.id}`);
    await header().waitForCase(B.name, B.name);
    await browser.page.getByRole('alert').filter({ hasText: `belongs to the case "${A.name}", not "${B.name}"` }).waitFor();
    expect(await browser.page.getByRole('button', { name: 'Confirm document' }).count()).toBe(0);
  });

  it("exhibits and Bates prefix chosen in A's Packet are not B's", async () => {
    const packet = new PacketPage(browser.page);
    await goToRoute(browser.page, host, `case/${a.id}/packet`);
    await header().waitForCase(A.name, A.name);
    const first = (await packet.candidates().getByRole('row').first().locator('.candidate-title').textContent())!;
    await packet.choose(first);
    await browser.page.getByRole('textbox', { name: 'Bates prefix' }).fill('ANA-');
    await goToRoute(browser.page, host, `case/${b.id}/packet`);
    await header().waitForCase(B.name, B.name);
    await packet.candidates().waitFor();
    expect(await browser.page.getByRole('textbox', { name: 'Bates prefix' }).inputValue()).toBe('BROOKS-');
    expect(await packet.order().count()).toBe(0);
    await browser.page.getByText('No exhibit chosen yet.', { exact: false }).waitFor();
  });

  it("the period, comp-ed method and percentage set in A's Services are not B's", async () => {
    await goToRoute(browser.page, host, `case/${a.id}/services`);
    await header().waitForCase(A.name, A.name);
    await browser.page.getByRole('heading', { name: 'Required, delivered and missed: School year 2023-24' }).waitFor();
    await browser.page.getByRole('radio', { name: /A percentage of the district-responsible minutes/ }).check({ force: true });
    await browser.page.getByRole('textbox', { name: 'Percent of missed time' }).fill('37');
    await goToRoute(browser.page, host, `case/${b.id}/services`);
    await header().waitForCase(B.name, B.name);
    await browser.page.getByRole('heading', { name: 'Compensatory education' }).waitFor();
    // B's own period (its latest school year), not the one A was showing.
    await browser.page.getByRole('heading', { name: 'Required, delivered and missed: School year 2024-25' }).waitFor();
    expect(await browser.page.getByRole('radio', { name: /Hour for hour/ }).isChecked()).toBe(true);
    expect(await browser.page.getByRole('textbox', { name: 'Percent of missed time' }).count()).toBe(0);
  });
});
