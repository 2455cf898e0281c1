// The later CLI commands on a real case: import, search, export, goal-check, deadlines, letter, packet.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCasefile } from '../../support/cli';
import { tempDir } from '../../support/core';

async function iepPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = [
    'INDIVIDUALIZED EDUCATION PROGRAM - Annual',
    'Student: Lia Chen   DOB: 01/09/2016   Grade: 3   School: Oak Elementary',
    'Meeting Date: 10/02/2024',
    'IEP Period: 10/02/2024 to 10/01/2025',
    'Goal #1 Area of Need: Reading Fluency',
    'Baseline: In September 2024 Lia read 41 words correct per minute on grade 3 passages.',
    'Measurable Annual Goal: By 10/01/2025, given a grade 3 passage, Lia will read 85 words correct',
    'per minute with 95% accuracy in 3 of 4 trials, as measured by curriculum-based measurement probes.',
  ];
  const page = doc.addPage([612, 792]);
  lines.forEach((l, i) => page.drawText(l, { x: 50, y: 740 - i * 16, size: 10, font }));
  return doc.save();
}

describe('casefile case tools', () => {
  const dataDir = tempDir();
  const work = tempDir();
  beforeAll(async () => {
    writeFileSync(path.join(work, 'iep.pdf'), await iepPdf());
    expect(runCasefile(['cases', 'create', '--name', 'Lia Chen', '--state', 'MO'], { dataDir }).code).toBe(0);
    const imp = runCasefile(['import', '--case', 'Lia Chen', '--json', work], { dataDir });
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.stdout)[0]).toMatchObject({ status: 'imported' });
  });

  it('searches with --json and highlights the hit', () => {
    const r = runCasefile(['search', '--case', 'Lia Chen', '--json', '"words correct"'], { dataDir });
    expect(r.code).toBe(0);
    const { hits, rankedAmong } = JSON.parse(r.stdout);
    expect(rankedAmong).toBeNull();
    expect(hits[0]).toMatchObject({ fileName: 'iep.pdf', page: 1, type: 'iep' });
    expect(hits[0].snippet).toMatch(/\[words correct\]/i);
    expect(hits[0].boxes.length).toBeGreaterThan(0);
  });

  it('exports the case in iep-casefile/export@1 with the goal and its source', () => {
    const out = path.join(work, 'case.json');
    expect(runCasefile(['export', '--case', 'Lia Chen', '--out', out], { dataDir }).code).toBe(0);
    const ex = JSON.parse(readFileSync(out, 'utf8'));
    expect(ex.format).toBe('iep-casefile/export@1');
    expect(ex.documents[0]).toMatchObject({ fileName: 'iep.pdf', type: 'iep', date: '2024-10-02', textSource: 'text_layer' });
    const goal = ex.ieps[0].goals[0];
    expect(goal).toMatchObject({ targetValue: 85, baselineValue: 41, targetDate: '2025-10-01', direction: 'increase' });
    expect(goal.source.page).toBe(1);
  });

  it('checks goals from standard input, one JSON object per line', () => {
    const r = runCasefile(['goal-check', '--stdin'], {
      dataDir,
      input: 'Lia will improve her reading.\nBy 05/30/2025, given 10 addition problems, Lia will solve them with 80% accuracy in 4 of 5 trials.\n',
    });
    expect(r.code).toBe(0);
    const [vague, good] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(vague.measurable).toBe(false);
    expect(vague.components.criterion).toBe(false);
    expect(good).toMatchObject({ measurable: true, targetValue: 80, direction: 'increase' });
    expect(runCasefile(['goal-check'], { dataDir }).code).toBe(2);
  });

  it('lists deadlines with rule and citation, and drafts a letter as DOCX and PDF', async () => {
    const d = runCasefile(['deadlines', '--case', 'Lia Chen', '--json'], { dataDir });
    expect(d.code).toBe(0);
    const annual = JSON.parse(d.stdout).find((x: { triggerEvent: { type: string } }) => x.triggerEvent.type === 'iep_meeting');
    expect(annual.dueDate).toBe('2025-10-02');
    expect(annual.citation).toMatch(/300\.324/);
    const docx = path.join(work, 'request.docx');
    expect(runCasefile(['letter', '--case', 'Lia Chen', '--template', 'iep_meeting_request', '--out', docx], { dataDir }).code).toBe(0);
    expect((await mammoth.extractRawText({ path: docx })).value).toMatch(/Lia Chen/);
    const pdf = path.join(work, 'records.pdf');
    expect(runCasefile(['letter', '--case', 'Lia Chen', '--template', 'records_request', '--out', pdf, '--sent', '2025-01-06'], { dataDir }).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const after = JSON.parse(runCasefile(['deadlines', '--case', 'Lia Chen', '--json'], { dataDir }).stdout);
    expect(after.some((x: { triggerEvent: { type: string; date: string } }) => x.triggerEvent.type === 'records_request' && x.triggerEvent.date === '2025-01-06')).toBe(true);
    expect(runCasefile(['letter', '--case', 'Lia Chen', '--template', 'nonsense', '--out', pdf], { dataDir }).code).toBe(2);
  });

  it('builds a Bates-numbered packet from the command line', async () => {
    const out = path.join(work, 'packet.pdf');
    const r = runCasefile(['packet', '--case', 'Lia Chen', '--out', out, '--bates-prefix', 'CHEN-', '--exhibits', 'iep.pdf:1-1'], { dataDir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CHEN-000001/);
    const doc = await PDFDocument.load(readFileSync(out));
    expect(doc.getPageCount()).toBeGreaterThan(3);
    expect(runCasefile(['packet', '--case', 'Lia Chen', '--out', out, '--exhibits', 'missing.pdf'], { dataDir }).code).toBe(2);
  });
});
