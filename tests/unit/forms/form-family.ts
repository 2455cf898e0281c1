// A made-up progress-report form the readers do not know, drawn by pdfkit, for the form-learning
// tests and bench (issue 18): unusual labels ("Issued on", "Marking window"), the goal text in a
// narrow side column, a code column without a header, remarks beside, and a legend under the table.
// `family` 'harbor' and 'lakeshore' are two different forms; each document varies its values and
// number of goals from its seed. Every document comes with its truth.
import type { BBox } from '../../../shared/domain';
import type { Core } from '../../../main/core/context';
import { documentQueries, rowToPageContent } from '../../../main/core/db/queries/documents';
import { correct, getReview } from '../../../main/core/review/service';
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
  /** The report date as the form prints it. */
  reportDatePrinted: string;
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
  const reportDatePrinted = family === 'harbor' ? `${MONTHS[month - 1]} ${day}, ${year}` : `${pad(month)}.${pad(day)}.${year}`;

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
  return { pdf, truth: { fileName, reportDate, reportDatePrinted, periodLabel, entries } };
}

type PageWord = { text: string; bbox: BBox };

const tokens = (s: string) => s.split(/\s+/).filter(Boolean);
const center = (b: BBox): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
const within = (w: PageWord, b: BBox) => {
  const [x, y] = center(w.bbox);
  return x >= b[0] - 1 && x <= b[2] + 1 && y >= b[1] - 1 && y <= b[3] + 1;
};
/** Every word of `text` is printed inside the box. */
const boxHolds = (words: PageWord[], b: BBox | null | undefined, text: string) => !!b && tokens(text).every((t) => words.some((w) => w.text.replace(/[,.]$/, '') === t.replace(/[,.]$/, '') && within(w, b)));

function pageWords(core: Core, documentId: string): PageWord[] {
  return documentQueries(core.db)
    .pages(documentId)
    .map(rowToPageContent)
    .flatMap((p) => p.words);
}

/**
 * The user's one correction of each field the readers missed, on one document: the report date and
 * the marking window typed in, and the first goal's row added by the box drawn around it.
 */
export function correctEachMissedField(core: Core, documentId: string, truth: FormDocTruth, opts: { rowCode?: boolean } = {}): string[] {
  const withCode = opts.rowCode ?? true;
  const words = pageWords(core, documentId);
  const e = truth.entries[0];
  const rowWords = words.filter((w) => [...tokens(e.goalLabel), e.code, ...tokens(e.comment)].includes(w.text));
  // The first row: the words of its goal, code and remarks nearest the top of the table.
  const top = Math.min(...rowWords.map((w) => w.bbox[1]));
  const row = rowWords.filter((w) => w.bbox[1] < top + 30);
  const bbox: BBox = [Math.min(...row.map((w) => w.bbox[0])) - 2, top - 2, Math.max(...row.map((w) => w.bbox[2])) + 2, Math.max(...row.map((w) => w.bbox[3])) + 2];
  const done = [
    correct(core, { documentId, entity: 'progress_report', entityKey: 'report', field: 'reportDate', value: truth.reportDate, status: 'edited' }),
    correct(core, { documentId, entity: 'progress_report', entityKey: 'report', field: 'periodLabel', value: truth.periodLabel, status: 'edited' }),
    correct(core, {
      documentId,
      entity: 'progress_entry',
      entityKey: 'user-row-1',
      field: '*',
      value: { goalNumber: null, goalLabel: e.goalLabel, code: withCode ? e.code : null, codeText: null, comment: e.comment, hasData: false, dataPoints: [], confidence: 1, source: { documentId, page: 1, bbox } },
      status: 'added',
    }),
  ];
  return done.map((r) => r.corrections.at(-1)!.id);
}

const same = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase().replace(/\W+/g, '') === b.toLowerCase().replace(/\W+/g, '');

/**
 * Fields the review screen shows right on a document, against its truth: the report date and the
 * window (value, and the box it was read at holds the printed words), and each goal row's goal,
 * code and remarks (the row's box holds the goal and the remarks).
 */
export function scoreDocument(core: Core, documentId: string, truth: FormDocTruth): { right: number; total: number; wrong: string[] } {
  const review = getReview(core, documentId);
  const words = pageWords(core, documentId);
  const pr = review.corrected?.progressReport;
  const learnedBox = (field: string) => review.learned?.find((l) => l.entity === 'progress_report' && l.field === field)?.bbox;
  const wrong: string[] = [];
  let right = 0;
  const check = (ok: boolean, what: string) => (ok ? right++ : wrong.push(what));
  check(pr?.reportDate === truth.reportDate && boxHolds(words, learnedBox('reportDate'), truth.reportDatePrinted), 'reportDate');
  check(pr?.periodLabel === truth.periodLabel && boxHolds(words, learnedBox('periodLabel'), truth.periodLabel), 'periodLabel');
  for (const t of truth.entries) {
    const e = pr?.entries.find((x) => same(x.goalLabel, t.goalLabel));
    const b = e?.source.bbox;
    check(!!e && boxHolds(words, b, t.goalLabel), `goal ${t.goalLabel}`);
    check(!!e && e.code === t.code && boxHolds(words, b, t.code), `code of ${t.goalLabel}`);
    check(!!e && same(e.comment, t.comment) && boxHolds(words, b, t.comment), `remarks of ${t.goalLabel}`);
  }
  return { right, total: 2 + 3 * truth.entries.length, wrong };
}
