// Events read from letters are stored when a document is extracted, keyed by document, kind and a source key
// from the sentence (not its date): a dismissal (with its reason) and an acceptance survive extracting the letter
// again, and a re-read that reads another date moves the pending suggestion's date and keeps the dismissal.
// Listing (the service and `casefile events`) reads the table and writes nothing.
import { describe, expect, it } from 'vitest';
import type { PageContent } from '../../../shared/domain';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { documentQueries, rowToPageContent } from '../../../main/core/db/queries/documents';
import { importOne } from '../../../main/core/documents/import';
import { storeUnreadLetterEvents } from '../../../main/core/deadlines/letter-events';
import { caseEvents } from '../../../main/core/deadlines/service';
import { acceptSuggestion, caseSuggestions, dismissSuggestion } from '../../../main/core/deadlines/suggestions';
import { caseHistory } from '../../../main/core/history/history';
import { extractAndStore } from '../../../main/core/pipeline';
import { runCasefile } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { pdfkitPdf } from '../../support/form-pages';

const letter = (date: string, body: string[]) =>
  pdfkitPdf((doc) => {
    doc.font('Helvetica').fontSize(11);
    doc.text(date, 72, 72);
    doc.text('Dear team,', 72, 110);
    let y = 136;
    for (const p of body) {
      doc.text(p, 72, y, { width: 468 });
      y = doc.y + 14;
    }
    doc.text('Sincerely,', 72, y + 10);
    doc.text('Jordan Ellison', 72, y + 40);
  });

async function importLetter(core: Core, caseId: string, fileName: string, bytes: Buffer, extract = true): Promise<string> {
  const [r] = await importOne(core, caseId, { fileName, source: fileName, read: () => new Uint8Array(bytes) });
  expect(r.documentId, r.message ?? '').toBeTruthy();
  if (extract) extractAndStore(core, r.documentId!);
  return r.documentId!;
}

/** A second reading of the same pages that reads one date otherwise (what OCR or a new layout can do): its text and its words. */
function rereadWithDate(core: Core, documentId: string, from: string, to: string): void {
  const q = documentQueries(core.db);
  const [fromWords, toWords] = [from.split(' '), to.split(' ')];
  const pages: PageContent[] = q
    .pages(documentId)
    .map(rowToPageContent)
    .map((p) => {
      const words = p.words.map((w) => ({ ...w }));
      for (let i = 0; i + fromWords.length <= words.length; i++) {
        if (fromWords.every((t, k) => words[i + k].text === t)) toWords.forEach((t, k) => (words[i + k].text = t));
      }
      return { ...p, text: p.text.split(from).join(to), words };
    });
  expect(pages.some((p) => p.text.includes(to) && p.words.some((w) => w.text === toWords[1]))).toBe(true);
  core.db.transaction(() => q.putPages(documentId, pages))();
  extractAndStore(core, documentId);
}

const RECORDS = ["Please send me copies of all of my daughter's school records, including her cumulative file and her special education file.", 'I can pick them up at the front office.'];
const MEETING = ["Priya's reading scores dropped again this winter and we are worried.", 'I am requesting an IEP meeting to review her reading goals and the minutes of specialized instruction.'];
const EVALUATION = ['I am writing to request a comprehensive evaluation of my son in all areas of suspected disability, including reading and attention.'];

describe('stored event suggestions', () => {
  it('keep a dismissal and an acceptance through re-extraction and a re-read that changes the date', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Stored', state: 'CA' });
    const recordsDoc = await importLetter(core, c.id, 'records.pdf', await letter('March 3, 2025', RECORDS));
    const meetingDoc = await importLetter(core, c.id, 'meeting.pdf', await letter('January 9, 2025', MEETING));
    const evalDoc = await importLetter(core, c.id, 'evaluation.pdf', await letter('September 16, 2024', EVALUATION));

    const first = caseSuggestions(core, c.id);
    const records = first.find((s) => s.documentId === recordsDoc && s.kind === 'records_request')!;
    const meeting = first.find((s) => s.documentId === meetingDoc && s.kind === 'meeting_request')!;
    const evaluation = first.find((s) => s.documentId === evalDoc && s.kind === 'evaluation_request')!;
    expect([records.status, records.date, meeting.status, evaluation.status, evaluation.date]).toEqual(['pending', '2025-03-03', 'pending', 'pending', '2024-09-16']);

    dismissSuggestion(core, c.id, records.id, false, 'Sent by the other parent, not this one');
    const eventId = acceptSuggestion(core, c.id, meeting.id);

    // Extracted again as they are: the answers stay, under the same ids.
    for (const d of [recordsDoc, meetingDoc, evalDoc]) extractAndStore(core, d);
    const again = caseSuggestions(core, c.id);
    expect(again.map((s) => s.id).sort()).toEqual(first.map((s) => s.id).sort());
    expect(again.find((s) => s.id === records.id)).toMatchObject({ status: 'dismissed', dismissReason: 'Sent by the other parent, not this one' });
    expect(again.find((s) => s.id === meeting.id)).toMatchObject({ status: 'accepted', eventId });
    expect(caseEvents(core, c.id).filter((e) => e.id === eventId)).toHaveLength(1);

    // Read again with another date: the dismissed one stays dismissed (with the new date), the pending one moves.
    rereadWithDate(core, recordsDoc, 'March 3, 2025', 'March 5, 2025');
    rereadWithDate(core, evalDoc, 'September 16, 2024', 'September 18, 2024');
    const reread = caseSuggestions(core, c.id);
    expect(reread.find((s) => s.id === records.id)).toMatchObject({ status: 'dismissed', date: '2025-03-05', dismissReason: 'Sent by the other parent, not this one' });
    const moved = reread.find((s) => s.id === evaluation.id)!;
    expect(moved).toMatchObject({ status: 'pending', date: '2024-09-18' });
    expect(moved.label).toContain('Sep 18, 2024');
    expect(reread.filter((s) => s.documentId === evalDoc)).toHaveLength(1);
    // Its deadlines start from the new date.
    expect(moved.deadlines.length).toBeGreaterThan(0);
    expect(moved.deadlines).toEqual(evaluation.deadlines.map((d) => expect.objectContaining({ ruleId: d.ruleId })));
    expect(moved.deadlines.map((d) => d.dueDate)).not.toEqual(evaluation.deadlines.map((d) => d.dueDate));

    // The dismissal is in the case's history with its reason; bringing it back too.
    dismissSuggestion(core, c.id, records.id, true);
    expect(caseSuggestions(core, c.id).find((s) => s.id === records.id)).toMatchObject({ status: 'pending', dismissReason: null });
    const lines = caseHistory(core, c.id).filter((h) => h.ids.includes(records.id));
    expect(lines.map((h) => h.kind)).toEqual(['suggestion_restored', 'suggestion_dismissed']);
    expect(lines[1].description).toContain('Sent by the other parent, not this one');
    expect(caseHistory(core, c.id).find((h) => h.ids.includes(eventId))?.kind).toBe('event_added');
    await core.close();
  }, 120_000);

  it('an answer stored before source keys (by date) is taken over by the next read of that date', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Legacy', state: 'CA' });
    const doc = await importLetter(core, c.id, 'records.pdf', await letter('March 3, 2025', RECORDS));
    const s = caseSuggestions(core, c.id)[0];
    dismissSuggestion(core, c.id, s.id);
    // What migration 0270 makes of a row of 0190: its key from the date, not found until read again.
    core.db.exec(`UPDATE event_suggestions SET source_key = 'legacy|2025-03-03', found = 0, id = 'old-id'`);
    expect(caseSuggestions(core, c.id)).toEqual([]);
    extractAndStore(core, doc);
    const after = caseSuggestions(core, c.id);
    expect(after.map((x) => [x.id, x.status, x.date])).toEqual([['old-id', 'dismissed', '2025-03-03']]);
    await core.close();
  }, 60_000);

  it('listing never reads letters: one never extracted is stored by the start-up, and `casefile events` lists from the table', async () => {
    const dataDir = tempDir();
    const core = testCore({ dataDir });
    const c = createCase(core, { name: 'Listing', state: 'CA' });
    const doc = await importLetter(core, c.id, 'meeting.pdf', await letter('January 9, 2025', MEETING), false);
    expect(caseSuggestions(core, c.id)).toEqual([]);
    expect(storeUnreadLetterEvents(core)).toBe(1);
    expect(storeUnreadLetterEvents(core)).toBe(0);
    const [meeting] = caseSuggestions(core, c.id);
    expect(meeting).toMatchObject({ documentId: doc, kind: 'meeting_request', status: 'pending' });
    // A row the table holds is what the CLI shows, whatever the pages say: change its stored date only.
    core.db.exec(`UPDATE event_suggestions SET date = '2025-01-10'`);
    await core.close();

    const listed = runCasefile(['events', '--case', 'Listing', '--json'], { dataDir });
    expect(listed.code, listed.stderr).toBe(0);
    const out = JSON.parse(listed.stdout) as { suggestions: Array<{ id: string; date: string; status: string; dismissReason?: string | null }> };
    expect(out.suggestions.map((s) => [s.id, s.date, s.status])).toEqual([[meeting.id, '2025-01-10', 'pending']]);

    const dismissed = runCasefile(['events', '--case', 'Listing', '--dismiss', meeting.id, '--reason', 'Already held', '--json'], { dataDir });
    expect(dismissed.code, dismissed.stderr).toBe(0);
    expect((JSON.parse(dismissed.stdout) as typeof out).suggestions[0]).toMatchObject({ status: 'dismissed', dismissReason: 'Already held' });
    const table = runCasefile(['events', '--case', 'Listing'], { dataDir });
    expect(table.stdout).toContain('dismissed: Already held');
  }, 180_000);
});
