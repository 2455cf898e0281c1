import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { draftLetter, LETTER_TEMPLATES, renderDocx, renderPdf, type LetterContext } from '../../../main/core/letters';

/** A case unlike the fixture: Missouri, no contact on file, sparse data, a decreasing goal. */
const missouri = (extra: Partial<LetterContext> = {}): LetterContext => ({
  today: '2025-03-03',
  state: 'MO',
  child: { name: 'Jordan Ellis', dob: '2015-11-02', grade: 'fourth', school: null },
  district: { name: 'Lakeview R-VII School District', address: ['PO Box 12', 'Lakeview, MO 65000'] },
  addressee: null,
  parent: { name: 'Sam Ellis', address: ['4 Oak St', 'Lakeview, MO 65000'], phone: '(555) 010-0000' },
  goals: [
    { number: 2, area: 'Behavior', baseline: 12, target: 3, unit: 'office referrals per quarter', latest: { value: 9, date: '2025-01-17' }, cite: { document: 'Progress Report Q2', page: 2 } },
    { number: null, area: 'Math', baseline: null, target: 80, unit: 'percent', latest: null },
  ],
  percentiles: [],
  services: [{ service: 'Behavior intervention', frequencyText: '30 min weekly', minutesPerWeek: 30 }],
  compEd: [],
  ...extra,
});

describe('letter templates on a different state and a sparse case', () => {
  it('addresses the director by title when no contact is on file', () => {
    const d = draftLetter('records_request', missouri());
    expect(d.salutation).toBe('Dear Director of Special Education:');
    expect(d.recipient).toEqual(['Director of Special Education', 'Lakeview R-VII School District', 'PO Box 12', 'Lakeview, MO 65000']);
    expect(d.signature).toEqual(['Sam Ellis', 'Parent of Jordan Ellis']);
  });

  it('cites the federal 45-day rule in Missouri, with the date counted from the letter', () => {
    const text = draftLetter('records_request', missouri()).paragraphs.join('\n');
    expect(text).toContain('34 CFR 300.613(a)');
    expect(text).toContain('no case more than 45 days');
    expect(text).toContain('April 17, 2025');
    expect(text).not.toMatch(/Education Code/);
  });

  it('claims no number of days where the law sets none (meeting request outside California)', () => {
    const text = draftLetter('iep_meeting_request', missouri()).paragraphs.join('\n');
    expect(text).toContain('mutually agreed time and place (34 CFR 300.322(a))');
    expect(text).not.toMatch(/within \d+ days/);
  });

  it('reads a decreasing goal the right way round and says when there is no data', () => {
    const text = draftLetter('iep_meeting_request', missouri()).paragraphs.join('\n');
    expect(text).toContain('Goal 2, Behavior: baseline 12 office referrals per quarter; target 3 office referrals per quarter; most recent reported data 9 office referrals per quarter on 01/17/2025; 33% of the distance');
    expect(text).toContain('(Progress Report Q2, p. 2)');
    expect(text).toContain('a fourth grade student');
    const demand = draftLetter('iep_revision_demand', missouri()).paragraphs.join('\n');
    expect(demand).toContain('Goal, Math: baseline not stated; target 80 percent; no data reported');
  });

  it('asks for the logs when the comp-ed figures are missing, rather than printing zero', () => {
    const text = draftLetter('compensatory_education_request', missouri()).paragraphs.join('\n');
    expect(text).not.toMatch(/\b0 minutes/);
    expect(text).toMatch(/please send them/);
  });

  it('the IEE request cites 300.502 and the evaluation disagreed with', () => {
    const text = draftLetter('iee_request', missouri({ lastEvaluation: { date: '2024-11-20', title: 'reevaluation report' } })).paragraphs.join('\n');
    expect(text).toContain('reevaluation report completed on November 20, 2024');
    expect(text).toContain('34 CFR 300.502(b)(2)');
    expect(text).toContain('in all areas assessed');
  });

  it('every template renders to DOCX and PDF that open back', async () => {
    for (const { id } of LETTER_TEMPLATES) {
      const draft = draftLetter(id, missouri());
      const xml = strFromU8(unzipSync(new Uint8Array(await renderDocx(draft)))['word/document.xml']);
      expect(xml).toContain('Jordan Ellis');
      const pdf = await readPdfText(new Uint8Array(await renderPdf(draft)));
      expect(pdf.pages.map((p) => p.text).join(' ').replace(/\s+/g, ' ')).toContain('Director of Special Education');
    }
  });

  it('falls back to the built-in Times font when no TrueType font is found', async () => {
    const draft = draftLetter('records_request', missouri());
    const pdf = await renderPdf(draft, { regular: ['/nonexistent.ttf'], bold: ['/nonexistent-bold.ttf'] });
    const text = (await readPdfText(new Uint8Array(pdf))).pages.map((p) => p.text).join(' ');
    expect(text).toContain('Jordan Ellis');
  });
});
