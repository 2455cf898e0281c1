// "Draft letter" from a red flag: the letters API drafts the flag's letter with a paragraph stating the flag's
// finding as evidence, with its source documents and pages, right after the introduction; never a legal conclusion.
// Real stores: a Prior Written Notice written here (one element left out) imported through the real import, and
// dev-rivera's IEPs and progress report (skipped without the fixture), flags read back from the database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import type { Core } from '../../../main/core/context';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { importOne } from '../../../main/core/documents/import';
import { renderPdf } from '../../../main/core/letters';
import { draftCaseLetter } from '../../../main/core/letters/service';
import { afterDocumentHook } from '../../../main/core/pipeline';
import { flagsOf } from '../../../main/core/timeline/service';
import { testCore } from '../../support/core';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';
import { pdfkitPdf } from '../../support/form-pages';

const NO_CONCLUSION = /violat|illegal|unlawful|denied FAPE|denial of FAPE|fails? to comply|out of compliance/i;

/** A notice with six of the seven elements of 34 CFR 300.503(b): the other options considered are left out. */
const noticeWithoutOptions = () =>
  pdfkitPdf((doc) => {
    doc.font('Helvetica-Bold').fontSize(13).text('PRIOR WRITTEN NOTICE', 72, 60, { width: 468, align: 'center' });
    doc.font('Helvetica').fontSize(11).text('Date: April 2, 2025', 72, 100);
    let y = 140;
    for (const [heading, text] of [
      ['1. Action', 'The district refuses your request to add a reading intervention block of 45 minutes per day for Lena.'],
      ['2. Reasons', 'The team explained that Lena is making progress in the general reading program with the current supports.'],
      ['3. Records used', 'The team reviewed the following: the benchmark assessments of fall and winter and the teacher reports.'],
      ['4. Your rights', 'You have protection under the procedural safeguards of the IDEA. A copy of the safeguards notice is enclosed with this letter.'],
      ['5. Help', 'For help understanding this notice, contact the Valley Parent Training and Information Center at 555-014-2200.'],
      ['6. Other factors', "Other factors: Lena's attendance this year was considered by the team."],
    ]) {
      doc.font('Helvetica-Bold').text(heading, 72, y);
      doc.font('Helvetica').text(text, 72, doc.y + 2, { width: 468 });
      y = doc.y + 16;
    }
  });

async function importBytes(core: Core, caseId: string, fileName: string, bytes: Uint8Array) {
  const [r] = await importOne(core, caseId, { fileName, source: fileName, read: () => bytes });
  expect(r.documentId, r.message ?? '').toBeTruthy();
  return r.documentId!;
}

/** The paragraph a flag adds: the letter's paragraphs with the flag, less those without it. */
function addedParagraphs(core: Core, caseId: string, template: Parameters<typeof draftCaseLetter>[2], key: string) {
  const plain = draftCaseLetter(core, caseId, template);
  const withFlag = draftCaseLetter(core, caseId, template, key);
  expect(withFlag.paragraphs[0]).toBe(plain.paragraphs[0]);
  expect(withFlag.paragraphs.slice(2)).toEqual(plain.paragraphs.slice(1));
  return { added: withFlag.paragraphs[1], draft: withFlag };
}

describe('letter drafted from a red flag', () => {
  it("states the notice's missing element with the notice and its page, after the introduction; the PDF carries it", async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Lena Park', childName: 'Lena Park' });
    const docId = await importBytes(core, c.id, 'PWN_2025-04-02.pdf', await noticeWithoutOptions());
    const flag = flagsOf(core, c.id).find((f) => f.type === 'pwn_missing_element');
    expect(flag, 'the notice without its options raises a flag').toBeTruthy();
    expect(flag!.evidence.map((e) => [e.documentId, e.page])).toEqual([[docId, 1]]);

    const { added, draft } = addedParagraphs(core, c.id, 'iep_meeting_request', flag!.key);
    const finding = flag!.description.replace(/[.\s]+$/, '');
    expect(added).toBe(`Lena's records show the following, which I ask the team to address: ${finding} (PWN 2025-04-02, p. 1).`);
    expect(added).not.toMatch(NO_CONCLUSION);

    const text = (await readPdfText(new Uint8Array(await renderPdf(draft)))).pages.map((p) => p.text).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('other options considered');
    expect(text).toContain('(PWN 2025-04-02, p. 1)');
  }, 60_000);

  it('a key that is no flag of the case is refused, and nothing is drafted from it', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'No flags' });
    expect(() => draftCaseLetter(core, c.id, 'iep_revision_demand', 'vague_goal:nothing')).toThrow(/no longer in this case/);
    expect(draftCaseLetter(core, c.id, 'iep_revision_demand').paragraphs.join(' ')).not.toMatch(/records show the following/);
  });
});

describeRivera('letters drafted from dev-rivera red flags', () => {
  it('every open flag: its finding and each of its source pages, cited by document', async () => {
    const core = testCore();
    const c = createCase(core, { name: 'Mateo Rivera', childName: 'Mateo Rivera', state: 'CA' });
    const files = ['Rivera_Mateo_IEP_Initial_2022-10-12.pdf', 'Rivera_Mateo_IEP_Annual_2023-10-10.pdf', 'Rivera_Mateo_Progress_Report_2023-06-02.pdf'];
    const uploads = files.map((f) => ({ fileName: f, source: f, read: () => new Uint8Array(readFileSync(path.join(RIVERA_DOCS, f))) }));
    await getBatch(core, startImportBatch(core, c.id, uploads, { afterDocument: afterDocumentHook(core) }).jobId)!.promise;
    const flags = flagsOf(core, c.id, false);
    expect(flags.length).toBeGreaterThan(0);
    const names = new Map(files.map((f) => [f, f.replace(/\.pdf$/, '').replace(/_/g, ' ')]));
    for (const flag of flags) {
      const { added } = addedParagraphs(core, c.id, 'iep_revision_demand', flag.key);
      expect(added, flag.key).toContain(flag.description.replace(/[.\s]+$/, ''));
      expect(added, flag.key).toMatch(/^Mateo's records show the following/);
      for (const e of flag.evidence) {
        const fileName = core.db.prepare<[string], { file_name: string }>('SELECT file_name FROM documents WHERE id = ?').get(e.documentId)!.file_name;
        expect(added, flag.key).toContain(`${names.get(fileName)}, p. ${e.page}`);
      }
    }
    await core.close();
  }, 120_000);
});
