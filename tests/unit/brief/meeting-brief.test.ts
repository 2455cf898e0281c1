// The meeting brief on a case built from dev-rivera's documents (real import and extraction into a
// real store): per goal of the current IEP, its baseline, target and latest data with their pages,
// on track computed from the goal chart's own segment, its open flags, the services and minutes
// missed and the questions; rendered to DOCX and PDF and read back (unzip, pdf.js) with the figures
// and page references; saved with edited questions and filed in the case without adding goals.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { buildMeetingBrief, citeText, GOAL_QUESTIONS } from '../../../main/core/brief/build';
import { renderBrief } from '../../../main/core/brief/render';
import { saveMeetingBrief } from '../../../main/core/brief/service';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { afterDocumentHook } from '../../../main/core/pipeline';
import { flagsOf, judgedModel, lineagesOf } from '../../../main/core/timeline/service';
import type { MeetingBriefDto } from '../../../shared/api/brief';
import { fmtNum } from '../../../shared/timeline/flag-types';
import { testCore } from '../../support/core';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';

const squash = (s: string) => s.replace(/\s+/g, ' ');
const docxText = (buf: Buffer) => {
  const xml = strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']);
  return squash([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"'));
};
const pdfText = async (buf: Buffer) => squash((await readPdfText(new Uint8Array(buf))).pages.map((p) => p.text).join(' '));

const FILES = [
  'Rivera_Mateo_IEP_Initial_2022-10-12.pdf', 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf', 'Rivera_Mateo_IEP_Annual_2024-10-08.pdf',
  'Rivera_Mateo_Progress_Report_2023-12-08.pdf', 'Rivera_Mateo_Progress_Report_2024-06-05.pdf', 'Rivera_Mateo_Progress_Report_2025-06-04.pdf',
  'SEIS_Service_Log_2023-24_Rivera.pdf',
];

describeRivera('meeting brief on dev-rivera', () => {
  let core: Core;
  let caseId: string;
  let brief: MeetingBriefDto;
  beforeAll(async () => {
    core = testCore();
    caseId = createCase(core, { name: 'Mateo Rivera', childName: 'Mateo Rivera', state: 'CA' }).id;
    const uploads = FILES.map((f) => ({ fileName: f, source: f, read: () => new Uint8Array(readFileSync(path.join(RIVERA_DOCS, f))) }));
    await getBatch(core, startImportBatch(core, caseId, uploads, { afterDocument: afterDocumentHook(core) }).jobId)!.promise;
    brief = buildMeetingBrief(core, caseId);
  }, 300_000);

  it("states each goal of the current IEP with the goal chart's figures and sources, and on track as computed", () => {
    const model = judgedModel(core, caseId);
    const current = model.ieps.find((i) => i.meetingDate === '2024-10-08')!;
    expect(brief.iep).toBe('Annual IEP Oct 8, 2024');
    expect(brief.goals.map((g) => g.goalId)).toEqual(current.goals.map((g) => g.id));
    const lineages = lineagesOf(core, caseId, model);
    for (const g of brief.goals) {
      const goal = current.goals.find((x) => x.id === g.goalId)!;
      const segment = lineages.find((l) => l.goalIds.includes(g.goalId))!.chart.segments.find((s) => s.goalId === g.goalId)!;
      expect(g.target?.value ?? null, g.title).toBe(goal.targetValue);
      expect(g.baseline?.value ?? null, g.title).toBe(goal.baselineValue);
      if (goal.baselineValue != null) expect(g.baseline!.cite.page).toBe(goal.source.page);
      const last = segment.points[segment.points.length - 1];
      if (last) {
        expect(g.latest).toMatchObject({ value: last.value, date: last.date, cite: { documentId: last.source.documentId, page: last.source.page }, fromEarlierGoal: false });
        expect(g.progress.ratePerWeek).toBe(segment.stats.ratePerWeek);
        expect(g.progress.onTrack).not.toBeNull();
      }
      expect(g.questions).toEqual(GOAL_QUESTIONS);
    }
    const fluency = brief.goals.find((g) => /fluency/i.test(g.title))!;
    expect(fluency.latest).not.toBeNull();
    expect(fluency.progress.onTrack).toBe(false);
    expect(fluency.progress.verdict).toMatch(/^Not on track: /);
    const line = lineages.find((l) => l.goalIds.includes(fluency.goalId))!;
    const onLine = flagsOf(core, caseId, false).filter((f) => f.goalIds.some((id) => line.goalIds.includes(id)));
    expect(onLine.length).toBeGreaterThan(0);
    expect(fluency.findings.map((f) => f.key)).toEqual(onLine.map((f) => f.key));
    expect(fluency.findings.map((f) => f.description)).toEqual(onLine.map((f) => f.description));
    const log = brief.services.find((s) => s.minutesRequired != null)!;
    expect(log.minutesMissedSchool).toBeGreaterThan(0);
  });

  it('renders DOCX and PDF that carry every goal, its numbers, page references, flags and questions', async () => {
    for (const format of ['docx', 'pdf'] as const) {
      const bytes = await renderBrief(brief, format);
      const text = format === 'docx' ? docxText(bytes) : await pdfText(bytes);
      for (const g of brief.goals) {
        expect(text, `${format} ${g.title}`).toContain(g.title.toUpperCase());
        if (g.target) expect(text).toContain(`Target: ${fmtNum(g.target.value)}`);
        if (g.baseline) expect(text).toContain(`Baseline: ${fmtNum(g.baseline.value)}`);
        if (g.latest) expect(text).toContain(`Latest data: ${fmtNum(g.latest.value)}`);
        if (g.latest) expect(text).toContain(citeText(g.latest.cite));
        for (const f of g.findings) expect(text).toContain(f.label);
      }
      expect(text).toContain('reasonably calculated to enable appropriate progress under Endrew F.');
      expect(text).toContain('SERVICES AND MINUTES MISSED');
      expect(text).toContain(`${fmtNum(brief.services.find((s) => s.minutesMissedSchool)!.minutesMissedSchool!)} minutes missed`);
    }
  }, 60_000);

  it('saves the edited questions and files the brief in the case without adding goals', async () => {
    const goalsBefore = judgedModel(core, caseId).ieps.flatMap((i) => i.goals).length;
    const first = brief.goals[0];
    const saved = await saveMeetingBrief(core, caseId, 'pdf', { [first.goalId]: ['What data will the team collect weekly from now on?'] }, ['Who provides the make-up sessions?']);
    expect(saved.documentId).toBeTruthy();
    const row = core.db.prepare<[string], { type: string; file_name: string; blob_sha256?: string }>('SELECT type, file_name FROM documents WHERE id = ?').get(saved.documentId!)!;
    expect(row).toMatchObject({ type: 'other', file_name: saved.fileName });
    expect(judgedModel(core, caseId).ieps.flatMap((i) => i.goals).length).toBe(goalsBefore);
    const filed = squash(core.db.prepare<[string], { text: string }>("SELECT group_concat(text, ' ') AS text FROM pages WHERE document_id = ? ORDER BY page_number").get(saved.documentId!)!.text);
    expect(filed).toContain('What data will the team collect weekly from now on?');
    expect(filed).toContain('Who provides the make-up sessions?');
    // The first goal's default questions were replaced; every other goal keeps them.
    expect(filed.split(GOAL_QUESTIONS[0]).length - 1).toBe(brief.goals.length - 1);
    await core.close();
  }, 120_000);
});
