// Case info from the records on real stores: a letter and an IEP contact block typeset here and
// imported, the suggestions offered with their source page, accepted into the case (a letter then
// signs with the parent's name) or dismissed for good; and the dev-rivera records end to end.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase, getCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { importOne } from '../../../main/core/documents/import';
import { acceptSuggestion, dismissSuggestion, listSuggestions } from '../../../main/core/contacts/service';
import { caseHistory } from '../../../main/core/history/history';
import { draftCaseLetter } from '../../../main/core/letters/service';
import { migrate } from '../../../main/core/db/migrate';
import { exportCaseArchive, importCaseArchive } from '../../../main/core/backup/archive';
import { tempDir, testCore } from '../../support/core';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';
import { importAndExtract } from '../../support/import-doc';
import { typesetPages } from '../../support/synthetic-scan';

async function importPdf(core: Core, caseId: string, fileName: string, lines: string[], title?: string): Promise<string> {
  const bytes = new Uint8Array(await typesetPages([{ title, lines }]));
  const [r] = await importOne(core, caseId, { fileName, source: fileName, read: () => bytes });
  if (!r?.documentId) throw new Error(`${fileName} not imported`);
  return r.documentId;
}

describe('contact suggestions on a real store', () => {
  it('offers the people the records name with their source, writes an accepted one into the case, and never offers a dismissed one again', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Case Nine', childName: 'Jordan Reyes' });
    const iep = await importPdf(core, c.id, 'iep-2024.pdf', ['Student\tJordan Reyes', 'Parent/Guardian\tTeresa Gomez (Mother), 18 Cedar Ct, Fairview, CA 95999, (555) 013-4482', 'Case Manager\tOmar Haddad, Education Specialist'], 'Individualized Education Program');
    await importPdf(core, c.id, 'district-letter.pdf', ['March 3, 2024', 'Dear Ms. Gomez:', 'The district has reviewed your request.', 'Sincerely,', 'Dr. Grace Okonkwo', 'Director of Special Education', 'cc: Henrik Lindqvist, Principal']);

    const before = listSuggestions(core, c.id);
    expect(before.map((s) => [s.role, s.name]).sort()).toEqual([['case_manager', 'Omar Haddad'], ['parent', 'Teresa Gomez'], ['principal', 'Henrik Lindqvist'], ['sped_director', 'Grace Okonkwo']]);
    const parent = before.find((s) => s.role === 'parent')!;
    expect(parent).toMatchObject({ title: 'Mother', phone: '(555) 013-4482', address: '18 Cedar Ct, Fairview, CA 95999', source: { documentId: iep, fileName: 'iep-2024.pdf', page: 1 } });

    // Before confirmation a letter does not know the parent's name.
    expect(draftCaseLetter(core, c.id, 'records_request').sender[0]).toBe('Parent/Guardian');
    const after = acceptSuggestion(core, c.id, parent.id);
    expect(after.some((s) => s.id === parent.id)).toBe(false);
    expect(getCase(core, c.id).parents).toEqual([{ name: 'Teresa Gomez', relationship: 'Mother', email: null, phone: '(555) 013-4482', address: '18 Cedar Ct, Fairview, CA 95999' }]);
    const letter = draftCaseLetter(core, c.id, 'records_request');
    expect(letter.sender[0]).toBe('Teresa Gomez');
    expect(letter.signature[0]).toBe('Teresa Gomez');
    expect(caseHistory(core, c.id)[0].description).toBe('Confirmed Teresa Gomez as parent or guardian from the records');

    const director = after.find((s) => s.role === 'sped_director')!;
    acceptSuggestion(core, c.id, director.id);
    expect(draftCaseLetter(core, c.id, 'records_request').salutation).toBe('Dear Grace Okonkwo:');
    const principal = listSuggestions(core, c.id).find((s) => s.role === 'principal')!;
    dismissSuggestion(core, c.id, principal.id);
    // Read again (as after another import), the dismissed and the accepted stay out.
    expect(listSuggestions(core, c.id).map((s) => s.name)).toEqual(['Omar Haddad']);
    expect(() => acceptSuggestion(core, 'other-case', principal.id)).toThrow(/not_found|No case|No suggested/);
  });
});

describe('contact suggestions in a case archive', () => {
  it('travel with a case copied beside itself: the pending ones offered on the copy, the dismissed ones not', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Archived', childName: 'Jordan Reyes' });
    await importPdf(core, c.id, 'iep.pdf', ['Parent/Guardian\tTeresa Gomez (Mother)', 'Case Manager\tOmar Haddad, Education Specialist'], 'Individualized Education Program');
    const offered = listSuggestions(core, c.id);
    dismissSuggestion(core, c.id, offered.find((s) => s.role === 'case_manager')!.id);
    const file = path.join(tempDir(), 'case.casefile');
    exportCaseArchive(core, c.id, file, 'contacts archive passphrase');
    const copy = await importCaseArchive(core, file, 'contacts archive passphrase', { copy: true });
    const onCopy = listSuggestions(core, copy.caseId);
    expect(onCopy.map((s) => [s.role, s.name])).toEqual([['parent', 'Teresa Gomez']]);
    expect(onCopy.map((s) => [s.role, s.name])).toEqual(listSuggestions(core, c.id).map((s) => [s.role, s.name]));
    acceptSuggestion(core, copy.caseId, onCopy[0].id);
    expect(getCase(core, copy.caseId).parents[0]?.name).toBe('Teresa Gomez');
    expect(getCase(core, c.id).parents).toEqual([]);
  });
});

describe('migration 0260', () => {
  it('adds contact suggestions, one per case, person and role, removed with their case', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const cols = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('contact_suggestions')").all().map((r) => r.name);
    expect(cols).toEqual(['id', 'case_id', 'person_key', 'role', 'name', 'title', 'email', 'phone', 'address', 'document_id', 'page', 'bbox_json', 'status', 'updated_at']);
    expect(() => db.prepare("INSERT INTO contact_suggestions (id, case_id, person_key, role, name, document_id, page, status, updated_at) VALUES ('s', 'c', 'k', 'parent', 'N', 'd', 1, 'maybe', 'now')").run()).toThrow(/CHECK|FOREIGN/);
    db.close();
  });
});

describeRivera('dev-rivera: the parent named in the records reaches a letter once confirmed', () => {
  it('suggests Lucía Rivera from the IEP with her address and the e-mail her messages carry', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Rivera', childName: 'Mateo Rivera' });
    const iep = await importAndExtract(core, c.id, RIVERA_DOCS, 'Rivera_Mateo_IEP_Annual_2024-10-08.pdf');
    await importAndExtract(core, c.id, RIVERA_DOCS, 'Email_2024-01-22_Rivera_to_Nunez.pdf');
    const parent = listSuggestions(core, c.id).find((s) => s.role === 'parent');
    expect(parent).toBeDefined();
    expect(parent!.source.documentId).toBe(iep);
    expect(parent!.title).toBe('Mother');
    expect(parent!.address).toMatch(/Alder Creek, CA 95999$/);
    expect(parent!.email).toMatch(/@/);
    expect(draftCaseLetter(core, c.id, 'records_request').sender[0]).toBe('Parent/Guardian');
    acceptSuggestion(core, c.id, parent!.id);
    const letter = draftCaseLetter(core, c.id, 'records_request');
    expect(letter.sender[0]).toBe(parent!.name);
    expect(letter.signature[0]).toBe(parent!.name);
  }, 60_000);
});
