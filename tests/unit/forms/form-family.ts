// A made-up progress-report form the readers do not know, drawn by pdfkit, for the form-learning
// tests and bench (issue 18): unusual labels ("Issued on", "Marking window"), the goal text in a
// narrow side column, a code column without a header, remarks beside, and a legend under the table.
// `family` 'harbor' and 'lakeshore' are two different forms; each document varies its values and
// number of goals from its seed. Every document comes with its truth.
import { pdfkitPdf } from '../../support/form-pages';
import { seededRandom } from '../../../bench/support/random';

export interface FormEntryTruth {
  goalLabel: string;
  code: string;
  comment: string;
}

export interface FormDocTruth {
  fileName: string;
  reportDate: string;
  periodLabel: string;
  entries: FormEntryTruth[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NAMES = ['Avery Stone', 'Jordan Lee', 'Riley Park', 'Casey Moreno', 'Quinn Adams', 'Morgan Diaz', 'Sam Okoro', 'Drew Tanaka'];
const GOALS = [
  'Decode two-syllable words in grade texts',
  'Write a paragraph with a topic sentence',
  'Solve two-step word problems with money',
  'Ask a peer to join a game at recess',
  'Follow a three-step direction in class',
  'Read aloud ninety words a minute',
  'Use a planner to record homework daily',
  'Count coins to five dollars',
];
const REMARKS = ['Steady gains this window', 'Needs adult prompts often', 'Met the benchmark twice', 'Absent for several probes', 'Working toward mastery', 'Data shows a plateau', 'Uses the strategy alone now', 'Regressed after the break'];
const CODES = ['AP', 'SP', 'NP', 'MA'];

const pad = (n: number) => String(n).padStart(2, '0');

/** One document of a family, from its seed: the PDF and what it prints. */
export async function formDocument(family: 'harbor' | 'lakeshore', seed: number): Promise<{ pdf: Buffer; truth: FormDocTruth }> {
  const rand = seededRandom(seed * 7919 + (family === 'harbor' ? 1 : 2));
  const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const year = int(2021, 2025);
  const month = int(1, 12);
  const day = int(1, 28);
  const reportDate = `${year}-${pad(month)}-${pad(day)}`;
  const windowNo = int(1, 4);
  const periodLabel = family === 'harbor' ? `Window ${windowNo} of 4` : `Term ${windowNo}`;
  const student = pick(NAMES);
  const goals = [...GOALS].sort(() => rand() - 0.5).slice(0, int(2, 4));
  const entries = goals.map((goalLabel) => ({ goalLabel, code: pick(CODES), comment: pick(REMARKS) }));
  const fileName = `${family}-${student.split(' ')[1].toLowerCase()}-${reportDate}.pdf`;

  const pdf = await pdfkitPdf((doc) => {
    const t = (s: string, x: number, y: number, size = 10, font = 'Helvetica', width?: number) =>
      doc.font(font).fontSize(size).text(s, x, y, width ? { width, lineBreak: true } : { lineBreak: false });
    if (family === 'harbor') {
      t('HARBOR RIDGE UNIFIED SCHOOLS', 50, 40, 13, 'Helvetica-Bold');
      t('Pupil Advancement Record - Progress Report', 50, 58, 11);
      t('Form HR-117 rev. 3', 470, 40, 8);
      t('Learner', 50, 100, 10, 'Helvetica-Bold');
      t(student, 150, 100);
      t('Issued on', 50, 118, 10, 'Helvetica-Bold');
      t(`${MONTHS[month - 1]} ${day}, ${year}`, 150, 118);
      t('Marking window', 320, 118, 10, 'Helvetica-Bold');
      t(periodLabel, 420, 118);
      // The table: goal text in a narrow side column, a code column with no header, remarks.
      t('Annual goal', 50, 160, 10, 'Helvetica-Bold');
      t('Remarks', 330, 160, 10, 'Helvetica-Bold');
      doc.moveTo(50, 175).lineTo(560, 175).lineWidth(0.5).stroke();
      let y = 184;
      for (const e of entries) {
        doc.font('Helvetica').fontSize(10);
        const h = doc.heightOfString(e.goalLabel, { width: 170 });
        t(e.goalLabel, 50, y, 10, 'Helvetica', 170);
        t(e.code, 260, y, 10, 'Helvetica-Bold');
        t(e.comment, 330, y);
        y += Math.max(h, 14) + 16;
      }
      t('AP = adequate progress   SP = some progress   NP = no progress   MA = mastered', 50, y + 20, 8);
      t('Harbor Ridge Unified Schools - Special Education Office', 50, 750, 8);
    } else {
      t('Lakeshore Cooperative', 60, 36, 16, 'Times-Bold');
      t('Quarterly Goal Review (progress report)', 60, 58, 11, 'Times-Roman');
      t(`Student name: ${student}`, 60, 96, 11, 'Times-Roman');
      t(`Review date - ${pad(month)}.${pad(day)}.${year}`, 330, 96, 11, 'Times-Roman');
      t(`Period: ${periodLabel}`, 60, 114, 11, 'Times-Roman');
      let y = 150;
      for (const e of entries) {
        t('Objective', 60, y, 10, 'Times-Bold');
        t(e.goalLabel, 140, y, 10, 'Times-Roman');
        t('Rating', 60, y + 16, 10, 'Times-Bold');
        t(e.code, 140, y + 16, 10, 'Times-Roman');
        t('Notes', 300, y + 16, 10, 'Times-Bold');
        t(e.comment, 350, y + 16, 10, 'Times-Roman');
        y += 50;
      }
    }
  });
  return { pdf, truth: { fileName, reportDate, periodLabel, entries } };
}
