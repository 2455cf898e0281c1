// The whole path on the fixture's text documents: import -> extraction -> case model -> flags,
// letters and deadlines, services reconciliation and the packet, through the same core the app uses.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createCase, updateCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { inputsFromPaths } from '../../../main/core/documents/import';
import { afterDocumentHook } from '../../../main/core/pipeline';
import { exportCase } from '../../../main/core/export';
import { caseDeadlines, markDeadlineMet } from '../../../main/core/deadlines/service';
import { draftCaseLetter, saveLetter } from '../../../main/core/letters/service';
import { packetCandidates, packetInput } from '../../../main/core/packet/service';
import { reconcileCase } from '../../../main/core/services/service';
import { buildPacketOffThread } from '../../../main/core/packet/worker-host';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';
import { testCore } from '../../support/core';
import { openPdf } from '../packet/inspect';

let core: Core;
let caseId: string;

describeRivera('the dev-rivera case end to end (text documents)', () => {
  beforeAll(async () => {
    core = testCore({ now: '2025-06-30T12:00:00Z' });
    caseId = createCase(core, { name: 'Mateo Rivera', state: 'CA', dob: '2014-03-14' }).id;
    updateCase(core, caseId, { contacts: [{ role: 'sped_director', name: 'Robert Castellanos', title: 'Director of Special Education' }] });
    const files = readdirSync(RIVERA_DOCS).filter((f) => f.endsWith('.pdf') && !f.startsWith('scan_')).map((f) => path.join(RIVERA_DOCS, f));
    const batch = startImportBatch(core, caseId, inputsFromPaths(files), { afterDocument: afterDocumentHook(core) });
    const done = await getBatch(core, batch.jobId)!.promise;
    expect(done.files.every((f) => f.status === 'imported')).toBe(true);
  });

  it('exports goals, links and red flags computed from the documents', () => {
    const ex = exportCase(core, caseId);
    expect(ex.ieps.map((i) => i.meetingDate).sort()).toEqual(['2022-10-12', '2023-10-10', '2024-10-08']);
    const reading = ex.goalLinks.find((l) => /read/i.test(l.label));
    expect(reading?.goalIds).toHaveLength(3);
    expect(reading?.met).toBe(false);
    const types = new Set(ex.redFlags.map((f) => f.type));
    for (const t of ['goal_carried_forward_unmet', 'declining_percentiles', 'missed_services', 'vague_goal']) expect(types).toContain(t);
    // Comparisons with outside figures (norms, one score type against another) go beside them.
    expect(ex.comparisonFlags.length).toBeGreaterThan(0);
    for (const f of ex.comparisonFlags) expect(['gap_widening', 'goal_not_ambitious', 'score_gap_widening']).toContain(f.type);
    for (const f of ex.redFlags) expect(['gap_widening', 'goal_not_ambitious', 'score_gap_widening']).not.toContain(f.type);
    expect(ex.comparisonFlags.map((f) => f.type)).toContain('score_gap_widening');
  });

  it('reconciles the 2023-24 service log: 2,890 minutes missed, 2,605 district-responsible', () => {
    const rec = reconcileCase(core, caseId, { kind: 'school_year', start: '2023-07-01', end: '2024-06-30' });
    expect(rec.totals.missedMinutes).toBe(2890);
    expect(rec.totals.missedDistrictResponsible).toBe(2605);
  });

  it('a records request saved as sent starts its deadline, and a met deadline is not overdue', async () => {
    const draft = draftCaseLetter(core, caseId, 'records_request');
    expect(draft.recipient.join(' ')).toMatch(/Castellanos/);
    expect(draft.paragraphs.join(' ')).toMatch(/Mateo/);
    await saveLetter(core, caseId, { ...draft, date: '2025-06-02' }, '2025-06-02');
    const started = caseDeadlines(core, caseId).filter((d) => d.triggerEvent.type === 'records_request' && d.triggerEvent.date === '2025-06-02');
    expect(started.length).toBeGreaterThan(0);
    const d = started[0];
    expect(['upcoming', 'due', 'overdue']).toContain(d.status);
    markDeadlineMet(core, caseId, d.triggerEvent.id, d.ruleId, '2025-06-20');
    const after = caseDeadlines(core, caseId).find((x) => x.id === d.id)!;
    expect(after.status).toBe('met');
  });

  it('builds the Bates-numbered packet with the computed figures and every exhibit page stamped in sequence', async () => {
    const exhibits = packetCandidates(core, caseId).filter((c) => /Service_Log|IEP_Annual_2023/.test(c.fileName));
    const input = await packetInput(core, {
      caseId,
      bates: { prefix: 'RIVERA-', start: 1, digits: 6, position: 'bottom-right' },
      labelStyle: 'P-1',
      sections: ['cover', 'toc', 'findings', 'chronology', 'goals', 'scores', 'services', 'index', 'exhibits'],
      exhibits: exhibits.map((e) => ({ documentId: e.documentId })),
      compEd: { period: { kind: 'school_year', start: '2023-07-01', end: '2024-06-30' }, method: { kind: 'hour_for_hour' } },
    });
    const result = await buildPacketOffThread(input);
    const doc = await openPdf(result.pdf);
    expect(doc.numPages).toBe(result.manifest.pageCount);
    const exhibitPages = exhibits.reduce((n, e) => n + e.pageCount, 0);
    expect(result.manifest.pageCount).toBe(result.manifest.frontMatterPages + exhibitPages + exhibits.length);
    const texts: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) texts.push(((await (await doc.getPage(p)).getTextContent()).items as Array<{ str: string }>).map((i) => i.str).join(' '));
    const all = texts.join('\n');
    expect(all).toMatch(/2,890/);
    expect(all).toMatch(/2,605/);
    const stamps = texts.flatMap((t) => t.match(/RIVERA-\d{6}/g) ?? []);
    const numbers = [...new Set(stamps.map((s) => Number(s.slice(7))))].sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: exhibitPages }, (_, i) => i + 1));
  });
});
