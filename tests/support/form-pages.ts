// A generator of varied form pages with their truth, for testing the layout model over many pages
// rather than a few chosen ones: fonts, label styles (inline, beside, above, a label wrapped over two
// lines), drawn, glyph and radio checkboxes, ruled and unruled tables with wrapped cells, two text
// columns side by side, and running headers and footers. Everything is made up here from a seed.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { seededRandom } from '../../bench/support/random';

export const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const hasDejaVu = existsSync(DEJAVU);

export type BoxStyle = 'cross' | 'tick' | 'glyph' | 'radio';
export type LabelStyle = 'inline' | 'beside' | 'above';

export interface FormTruth {
  page: number;
  font: string;
  labelStyle: LabelStyle;
  fields: Array<{ label: string; value: string }>;
  checkboxes: Array<{ group: string; label: string; checked: boolean; style: BoxStyle; bbox: [number, number, number, number] }>;
  tables: Array<{ ruled: boolean; header: string[]; rows: string[][] }>;
  /** Two paragraphs set side by side: the left one is read first, each as one block. */
  columns: { left: string; right: string } | null;
  header: string;
  footer: string;
}

export interface GeneratedForms {
  pdf: Buffer;
  pages: FormTruth[];
}

const FONTS = ['Helvetica', 'Times-Roman', 'Courier', ...(hasDejaVu ? ['DejaVu'] : [])];
const LABELS = ['Student Name', 'Date of Birth', 'Grade', 'School', 'Meeting Date', 'Case Manager', 'Primary Disability', 'District', 'Home Language', 'Parent Name'];
const WORDS = 'student will read grade level passages with fluency and accuracy when given visual supports teacher data weekly probes across settings reduce errors complete tasks independently using strategies in math and writing during class'.split(' ');
const NAMES = ['Avery Stone', 'Jordan Lee', 'Riley Park', 'Casey Moreno', 'Quinn Adams', 'Morgan Diaz'];
const OPTIONS = [['Initial', 'Annual', 'Triennial', 'Amendment'], ['Yes', 'No'], ['Resource', 'General Ed', 'Self-Contained']];
const GROUPS = ['Meeting Type:', 'Parent Attended:', 'Setting:'];
const TABLE_HEADS = [['Service', 'Minutes', 'Frequency', 'Location'], ['Goal Area', 'Baseline', 'Target'], ['Date', 'Score', 'Percentile', 'Level']];

/** A PDF drawn by `draw` on a pdfkit document (Letter, no margins unless given), as bytes. */
export function pdfkitPdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = { size: 'LETTER', margin: 0 }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    if (hasDejaVu) doc.registerFont('DejaVu', DEJAVU);
    draw(doc);
    doc.end();
  });
}

export async function generateForms(seed: number, pageCount: number): Promise<GeneratedForms> {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const date = () => `${int(1, 12)}/${int(1, 28)}/20${int(20, 25)}`;
  const pages: FormTruth[] = [];
  const pdf = await pdfkitPdf((doc) => {
    const student = pick(NAMES);
    for (let p = 1; p <= pageCount; p++) {
      doc.addPage();
      const font = pick(FONTS);
      const size = int(9, 11);
      const lead = size * 1.5;
      const truth: FormTruth = { page: p, font, labelStyle: pick(['inline', 'beside', 'above'] as const), fields: [], checkboxes: [], tables: [], columns: null, header: `Student: ${student}   IEP Form 7B`, footer: `Page ${p} of ${pageCount}` };
      doc.font(font).fontSize(8).text(truth.header, 50, 28, { lineBreak: false });
      doc.text(truth.footer, 480, 760, { lineBreak: false });
      let y = 110;
      const text = (s: string, x: number, yy: number, opts: PDFKit.Mixins.TextOptions = { lineBreak: false }) => doc.font(font).fontSize(size).text(s, x, yy, opts);

      // Labelled fields.
      const labels = [...LABELS].sort(() => rand() - 0.5).slice(0, int(3, 5));
      for (const label of labels) {
        const value = label.includes('Date') ? date() : label.includes('Name') || label === 'Case Manager' ? pick(NAMES) : phrase(int(1, 3));
        truth.fields.push({ label, value });
        if (truth.labelStyle === 'inline') { text(`${label}: ${value}`, 50, y); y += lead; }
        else if (truth.labelStyle === 'beside') { text(`${label}:`, 50, y); text(value, 220, y); y += lead; }
        else { text(`${label}:`, 50, y); text(value, 50, y + lead); y += lead * 2.4; }
      }
      if (truth.labelStyle === 'beside' && rand() < 0.5) {
        // A label wrapped over two lines of a narrow label column, its value beside the first line.
        const value = date();
        text('Projected Date of', 50, y);
        text('Annual Review:', 50, y + size * 1.15);
        text(value, 220, y);
        truth.fields.push({ label: 'Projected Date of Annual Review', value });
        y += lead * 2.2;
      }
      y += lead;

      // A checkbox line: a group label and its options.
      const k = int(0, OPTIONS.length - 1);
      const style: BoxStyle = pick(hasDejaVu ? ['cross', 'tick', 'glyph', 'radio'] as const : ['cross', 'tick', 'radio'] as const);
      const checked = int(-1, OPTIONS[k].length - 1);
      text(GROUPS[k], 50, y);
      let x = 50 + doc.widthOfString(GROUPS[k]) + 12;
      OPTIONS[k].forEach((label, i) => {
        const side = size * 0.9;
        const by = y + size * 0.05;
        if (style === 'glyph') {
          doc.font('DejaVu').fontSize(size).text(i === checked ? '☒' : '☐', x, y, { lineBreak: false });
        } else if (style === 'radio') {
          doc.lineWidth(0.7).circle(x + side / 2, by + side / 2, side / 2).stroke();
          if (i === checked) doc.circle(x + side / 2, by + side / 2, side / 4).fill('black');
        } else {
          doc.lineWidth(0.7).rect(x, by, side, side).stroke();
          if (i === checked && style === 'cross') doc.moveTo(x + 2, by + 2).lineTo(x + side - 2, by + side - 2).moveTo(x + side - 2, by + 2).lineTo(x + 2, by + side - 2).stroke();
          if (i === checked && style === 'tick') doc.moveTo(x + 2, by + side / 2).lineTo(x + side / 2.5, by + side - 2).lineTo(x + side - 1.5, by + 2).stroke();
        }
        truth.checkboxes.push({ group: GROUPS[k].replace(/:$/, ''), label, checked: i === checked, style, bbox: [x, by, x + side, by + side] });
        text(label, x + side + 4, y);
        x += side + 4 + doc.font(font).fontSize(size).widthOfString(label) + 22;
      });
      y += lead * 2;

      // Two paragraphs side by side.
      if (rand() < 0.7) {
        const left = `Baseline: ${phrase(int(12, 22))}.`;
        const right = `Goal: ${phrase(int(16, 30))}.`;
        text(left, 50, y, { width: 230 });
        const hl = doc.heightOfString(left, { width: 230 });
        text(right, 320, y, { width: 240 });
        const hr = doc.heightOfString(right, { width: 240 });
        truth.columns = { left, right };
        y += Math.max(hl, hr) + lead * 1.5;
      }

      // A table, ruled or aligned by gaps.
      const ruled = rand() < 0.5;
      // An unruled table's header may run over two lines ("Score" over "(SS)").
      const twoLine = !ruled && rand() < 0.5;
      const head = pick(TABLE_HEADS);
      const colW = (510 / head.length);
      const rows = Array.from({ length: int(3, 5) }, () => head.map((h, c) => (c === 0 ? phrase(ruled ? int(1, 5) : 1) : /Date/.test(h) ? date() : String(int(1, 300)))));
      truth.tables.push({ ruled, header: head.map((h, c) => (twoLine && c > 0 ? `${h} (${'abcd'[c - 1]})` : h)), rows });
      const pad = 3;
      const rowHeight = (cells: string[]) => Math.max(...cells.map((c) => doc.font(font).fontSize(size).heightOfString(c, { width: colW - 2 * pad - 4 }))) + 2 * pad;
      const heights = [rowHeight(head), ...rows.map(rowHeight)];
      const top = y;
      if (twoLine) {
        head.forEach((h, c) => text(h, 50 + c * colW + pad, y + pad));
        y += size * 1.2;
        head.forEach((_, c) => { if (c > 0) text(`(${'abcd'[c - 1]})`, 50 + c * colW + pad, y + pad); });
        y += lead;
      }
      (twoLine ? rows : [head, ...rows]).forEach((cells, r) => {
        cells.forEach((c, i) => text(c, 50 + i * colW + pad, y + pad, ruled ? { width: colW - 2 * pad - 4 } : { lineBreak: false }));
        y += ruled ? heights[r] : lead;
      });
      if (ruled) {
        doc.lineWidth(0.6);
        let ry = top;
        for (const h of [0, ...heights]) { ry += h; doc.moveTo(50, ry).lineTo(560, ry).stroke(); }
        for (let i = 0; i <= head.length; i++) doc.moveTo(50 + i * colW, top).lineTo(50 + i * colW, ry).stroke();
      }
      pages.push(truth);
    }
  }, { size: 'LETTER', margin: 0, autoFirstPage: false });
  return { pdf, pages };
}
