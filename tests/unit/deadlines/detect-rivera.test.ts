// The dev case's records request (an email printed to PDF) through the real import: the events it starts, and
// its California due date in the service and in `casefile deadlines --json` / `casefile events --json`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { importOne } from '../../../main/core/documents/import';
import { caseDeadlines } from '../../../main/core/deadlines/service';
import { caseSuggestions } from '../../../main/core/deadlines/suggestions';
import { extractAndStore } from '../../../main/core/pipeline';
import { runCasefile } from '../../support/cli';
import { tempDir, testCore } from '../../support/core';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';

describeRivera('dev-rivera records request', () => {
  it('starts the California records deadline (5 business days, Ed Code 56504) at once, and suggests the meeting it asks for', async () => {
    const dataDir = tempDir();
    const core = testCore({ dataDir });
    const c = createCase(core, { name: 'Rivera', state: 'CA' });
    const file = 'Records_Request_2025-01-15.pdf';
    const [r] = await importOne(core, c.id, { fileName: file, source: file, read: () => new Uint8Array(readFileSync(path.join(RIVERA_DOCS, file))) });
    extractAndStore(core, r.documentId!);

    const suggestions = caseSuggestions(core, c.id);
    const records = suggestions.find((s) => s.kind === 'records_request')!;
    expect(records).toMatchObject({ date: '2025-01-15', page: 1, status: 'automatic' });
    expect(records.label).toBe('Records request sent Jan 15, 2025 to Kevin Tran - from Records_Request_2025-01-15.pdf, p. 1');
    expect(records.sentence).toMatch(/requesting copies of .* records/);
    expect(suggestions.find((s) => s.kind === 'meeting_request')).toMatchObject({ date: '2025-01-15', status: 'pending' });

    const due = caseDeadlines(core, c.id).find((d) => d.ruleId === 'ca.records.access')!;
    // Jan 15, 2025 is a Wednesday; Jan 20 (Martin Luther King Jr. Day) is not a business day.
    expect(due).toMatchObject({ dueDate: '2025-01-23', citation: expect.stringContaining('56504') });
    expect(due.triggerEvent.sourceDocumentId).toBe(r.documentId);
    await core.close();

    const deadlines = runCasefile(['deadlines', '--case', 'Rivera', '--json'], { dataDir });
    expect(deadlines.code, deadlines.stderr).toBe(0);
    const list = JSON.parse(deadlines.stdout) as Array<{ ruleId: string; dueDate: string; triggerEvent: { label: string } }>;
    expect(list.find((d) => d.ruleId === 'ca.records.access')).toMatchObject({ dueDate: '2025-01-23', triggerEvent: { label: expect.stringContaining('from Records_Request_2025-01-15.pdf, p. 1') } });

    const events = runCasefile(['events', '--case', 'Rivera', '--json'], { dataDir });
    expect(events.code, events.stderr).toBe(0);
    const out = JSON.parse(events.stdout) as { events: Array<{ type: string; origin: string }>; suggestions: Array<{ id: string; kind: string; status: string }> };
    expect(out.events.find((e) => e.type === 'records_request')?.origin).toBe('automatic');
    const meeting = out.suggestions.find((s) => s.kind === 'meeting_request')!;
    const accepted = runCasefile(['events', '--case', 'Rivera', '--accept', meeting.id, '--json'], { dataDir });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect((JSON.parse(accepted.stdout) as typeof out).suggestions.find((s) => s.id === meeting.id)!.status).toBe('accepted');
    const after = JSON.parse(runCasefile(['deadlines', '--case', 'Rivera', '--json'], { dataDir }).stdout) as Array<{ ruleId: string; dueDate: string }>;
    expect(after.find((d) => d.ruleId === 'ca.iep.parent_request')).toBeTruthy();
  }, 240_000);
});
