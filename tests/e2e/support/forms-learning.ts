// Progress reports of one made-up district form whose report date the extractors do not read: it is
// printed beside a label no vocabulary knows ("Mailed home on"), and the report names no reporting
// period a date could be taken from. Each report differs in student, date and numbers; the layout
// (title, district header, labels and their places) is the same, so they are one form family.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pdfkitPdf } from '../../support/form-pages';

interface LearningReport {
  fileName: string;
  student: string;
  /** The date beside "Mailed home on", as printed (MM/DD/YYYY) and as ISO. */
  mailed: string;
  mailedIso: string;
  wcpm: number;
}

export const LEARNING_REPORTS: LearningReport[] = [
  { fileName: 'Harbor_Progress_A.pdf', student: 'Avery Quill', mailed: '03/14/2024', mailedIso: '2024-03-14', wcpm: 61 },
  { fileName: 'Harbor_Progress_B.pdf', student: 'Bryn Talbot', mailed: '06/07/2024', mailedIso: '2024-06-07', wcpm: 74 },
  { fileName: 'Harbor_Progress_C.pdf', student: 'Cody Marsh', mailed: '11/22/2024', mailedIso: '2024-11-22', wcpm: 88 },
];

function reportPdf(r: LearningReport): Promise<Buffer> {
  return pdfkitPdf((doc) => {
    doc.font('Helvetica').fontSize(8).text('Harbor Point School District  ·  Student Services  ·  Form HP-212', 50, 30, { lineBreak: false });
    doc.font('Helvetica-Bold').fontSize(15).text('IEP Goal Progress Report', 50, 60, { lineBreak: false });
    doc.font('Helvetica').fontSize(10);
    doc.text(`Student: ${r.student}`, 50, 100, { lineBreak: false });
    doc.text('Grade: 4', 330, 100, { lineBreak: false });
    doc.text('Mailed home on:', 50, 120, { lineBreak: false });
    doc.text(r.mailed, 140, 120, { lineBreak: false });
    doc.text('Progress codes: AP = adequate progress; IP = insufficient progress; GM = goal met', 50, 150, { lineBreak: false });
    doc.font('Helvetica-Bold').text('Goal 1: Reading Fluency', 50, 190, { lineBreak: false });
    doc.font('Helvetica').text('By the annual review, the student will read a grade-level passage at 90 words correct per minute.', 50, 208, { width: 500 });
    doc.text('Progress: AP', 50, 240, { lineBreak: false });
    doc.text(`Comment: Read ${r.wcpm} wcpm on the latest probe.`, 50, 258, { lineBreak: false });
    doc.fontSize(8).text('Harbor Point School District  ·  Form HP-212  ·  Page 1 of 1', 50, 760, { lineBreak: false });
  });
}

/** Writes the reports into a folder; returns their paths. */
export async function writeLearningReports(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const r of LEARNING_REPORTS) {
    const file = path.join(dir, r.fileName);
    writeFileSync(file, await reportPdf(r));
    out.push(file);
  }
  return out;
}
