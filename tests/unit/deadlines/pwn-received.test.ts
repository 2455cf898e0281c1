// A Prior Written Notice read from the file is its own kind of event, pwn_received: a rule can start from
// it, and the limitation periods counted from when the parent learned of the action still start from it.
// Migration 0241 gives events already made from accepted notices the new kind.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { migrate } from '../../../main/core/db/migrate';
import { caseDeadlines } from '../../../main/core/deadlines/service';
import { caseSuggestions } from '../../../main/core/deadlines/suggestions';
import { importOne } from '../../../main/core/documents/import';
import { extractAndStore } from '../../../main/core/pipeline';
import { computeDeadlines } from '../../../shared/deadlines/compute';
import { DEADLINE_RULES, rulesForState } from '../../../shared/deadlines/rules';
import type { DeadlineRule } from '../../../shared/deadlines/types';
import { tempDir, testCore } from '../../support/core';
import { pdfkitPdf } from '../../support/form-pages';

const notice = pdfkitPdf((doc) => {
  doc.font('Helvetica-Bold').fontSize(13).text('PRIOR WRITTEN NOTICE', 72, 60, { width: 468, align: 'center' });
  doc.font('Helvetica').fontSize(11).text('Date: March 12, 2025', 72, 100);
  doc.text('The district refuses your request of February 20, 2025 for an independent educational evaluation in reading.', 72, 140, { width: 468 });
  doc.text('The team found the district evaluation of January 2025 appropriate.', 72, doc.y + 8, { width: 468 });
});

describe('pwn_received', () => {
  it('a notice read from the file is a pwn_received event that starts the limitation periods', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Notice', state: 'CA' });
    const bytes = await notice;
    const [r] = await importOne(core, c.id, { fileName: 'PWN_2025-03-12.pdf', source: 'PWN_2025-03-12.pdf', read: () => new Uint8Array(bytes) });
    expect(r.documentId).toBeTruthy();
    extractAndStore(core, r.documentId!);
    const pwn = caseSuggestions(core, c.id).find((s) => s.kind === 'prior_written_notice')!;
    expect(pwn.eventType).toBe('pwn_received');
    expect(pwn.status).toBe('automatic');
    const limitation = rulesForState('CA', DEADLINE_RULES).filter((rule) => rule.trigger === 'violation_known' && !rule.referenceOnly && rule.unit !== 'none').map((rule) => rule.id).sort();
    expect(limitation.length).toBeGreaterThan(0);
    expect(pwn.deadlines.map((d) => d.ruleId).sort()).toEqual(limitation);
    const started = caseDeadlines(core, c.id).filter((d) => d.triggerEvent.type === 'pwn_received');
    expect(started.map((d) => d.ruleId).sort()).toEqual(limitation);
    // Two years from the notice (34 CFR 300.507(a)(2) or the state's own period).
    const sol = started.find((d) => d.dueDate === '2027-03-12');
    expect(sol, JSON.stringify(started.map((d) => [d.ruleId, d.dueDate]))).toBeTruthy();
  });

  it('a rule can start from pwn_received itself, and a violation_known event does not start it', () => {
    const rule: DeadlineRule = {
      id: 'test.pwn.reply', jurisdiction: 'US', title: 'Reply to the notice', trigger: 'pwn_received', triggerText: 'Notice received',
      amount: 10, unit: 'calendar_days', exclusions: [], requirement: 'reply', consequence: '-', citation: 'test', sourceTag: 'X', owner: 'parent',
    };
    const opts = { state: null, calendar: null, today: '2025-03-01' };
    const fromPwn = computeDeadlines([{ id: 'e', type: 'pwn_received', date: '2025-03-12', label: 'PWN' }], [rule], opts);
    expect(fromPwn.map((d) => [d.ruleId, d.dueDate])).toEqual([['test.pwn.reply', '2025-03-22']]);
    expect(computeDeadlines([{ id: 'e', type: 'violation_known', date: '2025-03-12', label: 'v' }], [rule], opts)).toEqual([]);
  });

  it('migration 0241 gives events made from accepted notices the new kind and leaves other events alone', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, 240);
    // Rows as an older version left them; their other references (blobs, pages) do not matter here.
    db.pragma('foreign_keys = OFF');
    db.exec(`
      INSERT INTO cases (id, name, created_at, updated_at, parents_json) VALUES ('c', 'n', 't', 't', '[]');
      INSERT INTO case_events (id, case_id, type, date, label, created_at) VALUES ('from-pwn', 'c', 'violation_known', '2025-03-12', 'PWN', 't'), ('by-hand', 'c', 'violation_known', '2025-01-01', 'known', 't');
    `);
    // A document row with only its required columns (the suggestion refers to it).
    const docCols = db.prepare<[], { name: string; notnull: number; dflt_value: string | null; type: string }>('PRAGMA table_info(documents)').all().filter((col) => col.notnull && col.dflt_value == null);
    const values = docCols.map((col) => (col.name === 'id' ? "'d'" : col.name === 'case_id' ? "'c'" : col.type === 'INTEGER' || col.type === 'REAL' ? '0' : "'x'"));
    db.exec(`INSERT INTO documents (${docCols.map((col) => col.name).join(', ')}) VALUES (${values.join(', ')})`);
    db.exec(`INSERT INTO event_suggestions (id, case_id, document_id, kind, event_type, date, page, sentence, status, event_id, created_at, updated_at)
      VALUES ('s', 'c', 'd', 'prior_written_notice', 'violation_known', '2025-03-12', 1, 'x', 'accepted', 'from-pwn', 't', 't')`);
    expect(migrate(db, 241)).toEqual([241]);
    expect(db.prepare('SELECT id, type FROM case_events ORDER BY id').all()).toEqual([{ id: 'by-hand', type: 'violation_known' }, { id: 'from-pwn', type: 'pwn_received' }]);
    expect(db.prepare('SELECT event_type FROM event_suggestions').get()).toEqual({ event_type: 'pwn_received' });
    db.close();
  });
});
