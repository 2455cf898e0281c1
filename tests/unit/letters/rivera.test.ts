import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { draftLetter, LETTER_TEMPLATES, renderDocx, renderPdf, type LetterContext, type LetterTemplateId } from '../../../main/core/letters';
import { describeRivera } from '../../support/fixtures';
import { riveraLetterContext } from './rivera-context';

const squash = (s: string) => s.replace(/\s+/g, ' ');
const docxText = (buf: Buffer) => {
  const xml = strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']);
  return squash([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"'));
};
const pdfText = async (buf: Buffer) => squash((await readPdfText(new Uint8Array(buf))).pages.map((p) => p.text).join('\n'));

describeRivera('letters for dev-rivera', () => {
  let ctx: LetterContext;
  beforeAll(async () => {
    ctx = await riveraLetterContext();
  });

  it('takes the addressee from the district reply email', () => {
    expect(ctx.addressee).toEqual({ name: 'Robert Castellanos', role: 'Program Specialist, Special Education' });
    expect(ctx.goals.find((g) => g.area === 'Reading Fluency')).toMatchObject({ target: 90, latest: { value: 69 } });
  });

  /** The figures each letter must carry, from the context (not typed in). */
  const expectedFigures = (id: LetterTemplateId): string[] => {
    const reading = ctx.goals.find((g) => g.area === 'Reading Fluency')!;
    const goalFigures = [`target ${reading.target} ${reading.unit}`, `${reading.latest!.value} ${reading.unit}`];
    switch (id) {
      case 'iep_meeting_request':
      case 'iep_revision_demand':
      case 'iee_request':
        return [...goalFigures, `baseline ${reading.baseline} ${reading.unit}`];
      case 'compensatory_education_request':
        return ctx.compEd.map((c) => `${c.minutesMissedDistrictResponsible.toLocaleString('en-US')} minutes`);
      case 'records_request':
        return ['progress-monitoring data', '5 business days', 'Education Code section 56504'];
      case 'service_logs_request':
        return [`${ctx.services[0].minutesPerWeek} minutes per week`, '5 business days'];
    }
  };

  for (const { id } of LETTER_TEMPLATES) {
    it(`${id}: drafts, renders to DOCX and PDF, and both open back with the name, figures and addressee`, async () => {
      const draft = draftLetter(id, ctx);
      expect(draft.subject).toContain(ctx.child.name);
      expect(draft.paragraphs.length).toBeGreaterThan(3);
      const must = [ctx.child.name, ctx.addressee!.name, ...expectedFigures(id)];

      const docx = await renderDocx(draft);
      const fromDocx = docxText(docx);
      for (const m of must) expect(fromDocx, m).toContain(m);
      expect(squash((await mammoth.extractRawText({ buffer: docx })).value)).toContain(ctx.child.name);

      const pdf = await renderPdf(draft);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const fromPdf = await pdfText(pdf);
      for (const m of must) expect(fromPdf, m).toContain(m);
    });
  }

  it('the revision demand cites Endrew F. and lays out percentiles and unchanged services', () => {
    const text = draftLetter('iep_revision_demand', ctx).paragraphs.join('\n');
    expect(text).toContain('580 U.S. 386 (2017)');
    expect(text).toContain('34 CFR 300.324(b)(1)(ii)(A)');
    expect(text).toMatch(/ELA: 18th percentile \(05\/11\/2023\), 12th percentile \(05\/09\/2024\), 7th percentile \(05\/08\/2025\)/);
    expect(text).toMatch(/the same in the IEPs of 10\/12\/2022, 10\/10\/2023, 10\/08\/2024/);
    expect(text).toMatch(/this target has been in the IEP since 10\/12\/2022/);
    expect(text).not.toMatch(/denied FAPE|violat/i);
  });
});
