// Saves carry the case (and, for case details and letters, the version) they were loaded for; the
// engine refuses a save made for another case or from a stale form, and writes nothing. Through the
// API registry, on a real SQLite database with the real migrations.
import { describe, expect, it } from 'vitest';
import type { ApiName } from '../../../shared/api';
import { importOne } from '../../../main/core/documents/import';
import { buildRegistry } from '../../../main/ipc';
import { testCore } from '../../support/core';

function setup() {
  const core = testCore();
  const reg = buildRegistry();
  const ctx = { core, transport: 'browser' as const };
  const call = <K extends ApiName>(name: K, args: unknown) => reg.call(name, args, ctx);
  const refusal = async (name: ApiName, args: unknown) => {
    const r = await reg.dispatch(name, args, ctx);
    if (r.ok) throw new Error(`${name} was not refused`);
    return r.error;
  };
  return { core, call, refusal };
}

const ANA = { name: 'Ana Torres', dob: '2015-05-02', grade: '3', school: 'Maple Elementary', state: 'MO' };
const BEN = { name: 'Ben Ortiz', childName: 'Benjamin Ortiz', dob: '2012-01-10', grade: '7', school: 'Oak Middle', state: 'CA' };

describe('case details: saved at the version the form was loaded at', () => {
  it('a save moves the version on; versions are never shared between cases', async () => {
    const { call } = setup();
    const a = await call('cases.create', ANA);
    const b = await call('cases.create', BEN);
    expect(a.version).not.toBe(b.version);
    const saved = await call('cases.update', { caseId: a.id, version: a.version, fields: { name: 'Ana T. Torres', grade: '4' } });
    expect(saved).toMatchObject({ name: 'Ana T. Torres', grade: '4', school: 'Maple Elementary' });
    expect(saved.version).toBeGreaterThan(Math.max(a.version, b.version));
    // Opening and archiving are not edits of the details: the form's version stays good.
    await call('cases.open', { caseId: a.id });
    await call('cases.archive', { caseId: a.id });
    expect((await call('cases.get', { caseId: a.id })).version).toBe(saved.version);
    expect((await call('cases.update', { caseId: a.id, version: saved.version, fields: { grade: '5' } })).grade).toBe('5');
  });

  it("refuses a save carrying another case's version (a form loaded for A saved as B), naming both, and writes nothing", async () => {
    const { call, refusal } = setup();
    const a = await call('cases.create', ANA);
    const b = await call('cases.create', BEN);
    const error = await refusal('cases.update', { caseId: b.id, version: a.version, fields: { name: ANA.name, dob: ANA.dob, grade: ANA.grade, school: ANA.school } });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/holds the details of "Ana Torres", not "Ben Ortiz": nothing was saved/);
    expect(error.details).toMatchObject({ reason: 'other_case', loadedFor: a.id, caseId: b.id });
    expect(await call('cases.get', { caseId: b.id })).toMatchObject({ ...BEN, version: b.version });
    expect(await call('cases.get', { caseId: a.id })).toMatchObject({ ...ANA, version: a.version });
  });

  it('refuses a stale save (the case was changed after the form loaded) and keeps the newer details', async () => {
    const { call, refusal } = setup();
    const a = await call('cases.create', ANA);
    const elsewhere = await call('cases.update', { caseId: a.id, version: a.version, fields: { school: 'Cedar Elementary' } });
    const error = await refusal('cases.update', { caseId: a.id, version: a.version, fields: { ...ANA, grade: '9' } });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/changed elsewhere .* after this form was opened: nothing was saved/);
    expect(error.details).toMatchObject({ reason: 'stale', version: elsewhere.version });
    expect(await call('cases.get', { caseId: a.id })).toMatchObject({ school: 'Cedar Elementary', grade: '3', version: elsewhere.version });
    // A rename (the CLI's) is an edit of the details too: a form loaded before it is stale.
    const renamed = await call('cases.rename', { caseId: a.id, name: 'Ana Torres-Lee' });
    expect(renamed.version).toBeGreaterThan(elsewhere.version);
    expect((await refusal('cases.update', { caseId: a.id, version: elsewhere.version, fields: { grade: '4' } })).code).toBe('conflict');
  });

  it('requires the version, and refuses a bad name in the same write as the details', async () => {
    const { call, refusal } = setup();
    const a = await call('cases.create', ANA);
    expect((await refusal('cases.update', { caseId: a.id, fields: { grade: '4' } })).code).toBe('bad_request');
    expect((await refusal('cases.update', { caseId: a.id, version: a.version, fields: { name: '  ', grade: '4' } })).message).toMatch(/must not be empty/);
    expect(await call('cases.get', { caseId: a.id })).toMatchObject({ grade: '3', version: a.version });
  });
});

describe('letters: saved in their own case, at the version the editor opened', () => {
  it("refuses saving or answering a letter of another case, and a stale draft; a current save moves the version on", async () => {
    const { call, refusal } = setup();
    const a = await call('cases.create', ANA);
    const b = await call('cases.create', BEN);
    const draft = await call('letters.draft', { caseId: a.id, template: 'records_request' });
    const letter = await call('letters.save', { caseId: a.id, draft, sentDate: null });
    expect(letter).toMatchObject({ caseId: a.id, version: 1 });

    const other = await refusal('letters.save', { caseId: b.id, letterId: letter.id, version: letter.version, draft: { ...draft, subject: 'Moved' }, sentDate: '2025-01-15' });
    expect(other.code).toBe('conflict');
    expect(other.message).toMatch(/belongs to the case "Ana Torres", not "Ben Ortiz": nothing was saved/);
    expect((await refusal('letters.setResponse', { caseId: b.id, letterId: letter.id, responseDate: '2025-02-01' })).code).toBe('conflict');
    expect(await call('letters.list', { caseId: b.id })).toEqual([]);
    expect(await call('documents.list', { caseId: b.id })).toEqual([]);

    const edited = await call('letters.save', { caseId: a.id, letterId: letter.id, version: 1, draft: { ...draft, subject: 'Edited once' }, sentDate: null });
    expect(edited).toMatchObject({ subject: 'Edited once', version: 2 });
    const stale = await refusal('letters.save', { caseId: a.id, letterId: letter.id, version: 1, draft: { ...draft, subject: 'From an old editor' }, sentDate: null });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/was saved elsewhere .* nothing was saved/);
    expect((await call('letters.list', { caseId: a.id }))[0]).toMatchObject({ subject: 'Edited once', version: 2 });
    // Saving a letter opened again needs the version it was opened at.
    expect((await refusal('letters.save', { caseId: a.id, letterId: letter.id, draft, sentDate: null })).code).toBe('bad_request');
  });
});

describe('deadline events: changed only in their own case', () => {
  it("refuses editing or removing another case's event, and marking a deadline the case does not have", async () => {
    const { call, refusal } = setup();
    const a = await call('cases.create', ANA);
    const b = await call('cases.create', BEN);
    const added = await call('events.add', { caseId: a.id, type: 'records_request', date: '2025-01-15', label: 'Records request by email' });
    const event = added.find((e) => e.origin === 'user')!;
    const edit = await refusal('events.update', { caseId: b.id, eventId: event.id, label: 'Moved' });
    expect(edit.code).toBe('conflict');
    expect(edit.message).toMatch(/"Records request by email" belongs to the case "Ana Torres", not "Ben Ortiz"/);
    expect((await refusal('events.remove', { caseId: b.id, eventId: event.id })).code).toBe('conflict');
    expect((await call('events.list', { caseId: a.id })).find((e) => e.id === event.id)?.label).toBe('Records request by email');

    const [deadline] = (await call('deadlines.list', { caseId: a.id })).filter((d) => d.triggerEvent.id === event.id);
    expect(deadline).toBeDefined();
    const mark = await refusal('deadlines.markMet', { caseId: b.id, eventId: event.id, ruleId: deadline.ruleId, metDate: '2025-01-20' });
    expect(mark.code).toBe('not_found');
    expect(mark.message).toMatch(/"Ben Ortiz" has no deadline/);
    const marked = await call('deadlines.markMet', { caseId: a.id, eventId: event.id, ruleId: deadline.ruleId, metDate: '2025-01-20' });
    expect(marked.find((d) => d.triggerEvent.id === event.id && d.ruleId === deadline.ruleId)?.status).toBe('met');
  });
});

describe('review: corrections only from the screen of the document’s own case', () => {
  it("refuses reading, correcting or confirming a document of another case, naming both", async () => {
    const { core, call, refusal } = setup();
    const a = await call('cases.create', ANA);
    const b = await call('cases.create', BEN);
    const [imported] = await importOne(core, a.id, { fileName: 'note.txt', source: 'test', read: () => new TextEncoder().encode('Dear Ms. Lee,\nPlease send the records.\nJanuary 15, 2025\n') });
    const documentId = imported.documentId!;
    expect(documentId).toBeTruthy();

    const read = await refusal('review.get', { caseId: b.id, documentId });
    expect(read.code).toBe('conflict');
    expect(read.message).toMatch(/"note.txt" belongs to the case "Ana Torres", not "Ben Ortiz"/);
    const correction = { entity: 'goal', entityKey: 'g-added', field: '*', value: { text: 'Ana will read 90 WCPM' }, status: 'added' };
    expect((await refusal('review.correct', { caseId: b.id, documentId, ...correction })).code).toBe('conflict');
    expect((await refusal('review.confirmDocument', { caseId: b.id, documentId })).code).toBe('conflict');
    expect((await refusal('review.rerun', { caseId: b.id, documentId })).code).toBe('conflict');
    const review = await call('review.get', { caseId: a.id, documentId });
    expect(review.corrections).toEqual([]);
    expect(review.confirmedAt).toBeNull();

    expect((await call('review.confirmDocument', { caseId: a.id, documentId })).confirmedAt).not.toBeNull();
  });
});
