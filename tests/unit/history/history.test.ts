// The append-only history of a case, on a real core and a real SQLite database: every action writes
// its line from core where it happens (a real IEP of dev-rivera imported, corrected, confirmed,
// exported; a letter saved; an event added and removed; a flag dismissed; the case trashed and
// restored), newest first; the table refuses an UPDATE and a DELETE, and goes only with the case.
import { expect, it } from 'vitest';
import { createCase, deleteCase, restoreCase, trashCase } from '../../../main/core/cases';
import { addEvent, removeEvent } from '../../../main/core/deadlines/service';
import { exportCase } from '../../../main/core/export';
import { caseHistory } from '../../../main/core/history/history';
import { draftCaseLetter, saveLetter } from '../../../main/core/letters/service';
import { confirmDocument, correct } from '../../../main/core/review/service';
import { dismissFlag } from '../../../main/core/timeline/store';
import { testCore } from '../../support/core';
import { importAndExtract } from '../../support/import-doc';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';

describeRivera('case history', () => {
  it('each action leaves its line, newest first, and the lines cannot be changed or deleted but with the case', async () => {
    const core = testCore();
    const a = createCase(core, { name: 'Mateo Rivera' });
    const other = createCase(core, { name: 'Someone Else' });
    const file = 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf';
    const documentId = await importAndExtract(core, a.id, RIVERA_DOCS, file);
    expect(caseHistory(core, a.id).map((h) => [h.kind, h.ids])).toEqual([['imported', [documentId]]]);
    expect(caseHistory(core, a.id)[0]!.description).toContain(file);

    exportCase(core, a.id);
    const draft = draftCaseLetter(core, a.id, 'records_request');
    const letter = await saveLetter(core, a.id, draft, null);
    const eventId = addEvent(core, a.id, { type: 'iep_meeting', date: '2024-01-15', label: 'IEP meeting' });
    removeEvent(core, a.id, eventId);
    correct(core, { documentId, entity: 'goal', entityKey: 'g-added', field: '*', value: { text: 'Mateo will read 90 words a minute' }, status: 'added' });
    confirmDocument(core, documentId);
    dismissFlag(core, a.id, 'some-flag-key', 'discussed at the meeting');
    trashCase(core, a.id);
    restoreCase(core, a.id);

    const lines = caseHistory(core, a.id);
    expect(lines.map((h) => h.kind)).toEqual(['restored', 'trashed', 'flag_dismissed', 'confirmed', 'corrected', 'event_removed', 'event_added', 'letter_saved', 'exported', 'imported']);
    expect(lines.find((h) => h.kind === 'letter_saved')!.ids).toEqual([letter.id]);
    expect(lines.find((h) => h.kind === 'event_removed')!.description).toContain('IEP meeting');
    expect(lines.find((h) => h.kind === 'event_added')!.ids).toEqual([eventId]);
    expect(lines.every((h) => h.caseId === a.id && h.at === core.nowIso())).toBe(true);
    expect(caseHistory(core, other.id)).toEqual([]);

    // Append-only: the database itself refuses a change or a delete while the case exists.
    expect(() => core.db.prepare("UPDATE case_history SET description = 'rewritten' WHERE case_id = ?").run(a.id)).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM case_history WHERE case_id = ?').run(a.id)).toThrow(/append-only/);
    expect(caseHistory(core, a.id)).toEqual(lines);

    // Purged for good, the case takes its history with it.
    deleteCase(core, a.id);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM case_history WHERE case_id = ?').get(a.id)).toEqual({ n: 0 });
    await core.close();
  });
});
