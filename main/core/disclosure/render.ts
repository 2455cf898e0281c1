// The disclosure kit as a Word document (docx) and a PDF (the packet's own page writer): the hearing and
// the deadline with the rules it rests on and their tags, the exhibit list, the witness list.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DisclosureDeadlineDto, WitnessDto } from '../../../shared/api/disclosure';
import type { SourceTag } from '../../../shared/deadlines/types';
import type { ExhibitListRow } from '../packet/exhibit-list';
import { CONTENT_WIDTH, defaultFonts, displayDate, FrontMatterWriter } from '../packet/writer';

export interface KitContent {
  caseTitle: string;
  studentName: string;
  preparedBy: string;
  date: string;
  forumName: string | null;
  deadline: DisclosureDeadlineDto;
  exhibits: ExhibitListRow[];
  witnesses: WitnessDto[];
}

const TAG_WORDS: Record<SourceTag, string> = { P: 'verified', S: 'secondary source, not verified', K: 'unverified', X: 'unverified: no source found' };
const range = (r: ExhibitListRow) => (r.batesFirst === r.batesLast ? r.batesFirst : `${r.batesFirst} - ${r.batesLast}`);

function lead(k: KitContent): string[] {
  return [
    `Student: ${k.studentName}.${k.forumName ? ` Forum: ${k.forumName}.` : ''}`,
    `Hearing date: ${displayDate(k.deadline.hearingDate)}. Last day to disclose: ${displayDate(k.deadline.deadline)} (${k.deadline.businessDays} business days before the hearing${k.deadline.calendarUsed ? ', counted on the district calendar' : ''}).`,
    ...k.deadline.rules.map((r) => `${r.citation}: ${r.says} (${TAG_WORDS[r.tag]})`),
    ...k.deadline.notes,
    `Prepared by ${k.preparedBy || '—'}, ${displayDate(k.date)}.`,
  ];
}

const EXHIBIT_HEAD = ['Exhibit', 'Description', 'Date', 'Bates range', 'Pages'];
const WITNESS_HEAD = ['Name', 'Role', 'Subject of testimony', 'Contact'];
const exhibitCells = (r: ExhibitListRow) => [r.exhibit, r.description, r.date ? displayDate(r.date) : '—', range(r), String(r.pages)];
const witnessCells = (w: WitnessDto) => [w.name, w.role || '—', w.subject || '—', w.contact || '—'];

function docxTable(head: string[], rows: string[][], widths: number[]): Table {
  const cell = (text: string, bold: boolean, width: number) => new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, true, widths[i])) }), ...rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, false, widths[i])) }))],
  });
}

export async function kitDocx(k: KitContent): Promise<Buffer> {
  const doc = new Document({
    creator: 'IEP Casefile',
    title: `${k.caseTitle}: Disclosure`,
    sections: [{
      properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${k.caseTitle}: Disclosure before the due-process hearing`)] }),
        ...lead(k).map((t) => new Paragraph({ children: [new TextRun({ text: t, size: 22 })], spacing: { after: 120 } })),
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Exhibit list')] }),
        k.exhibits.length ? docxTable(EXHIBIT_HEAD, k.exhibits.map(exhibitCells), [10, 44, 14, 24, 8]) : new Paragraph('No exhibits.'),
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Witness list')] }),
        k.witnesses.length ? docxTable(WITNESS_HEAD, k.witnesses.map(witnessCells), [22, 20, 38, 20]) : new Paragraph('No witnesses listed.'),
        new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 240 }, children: [new TextRun({ text: 'The Bates ranges are those stamped on the packet built from the same exhibits.', size: 18, italics: true })] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

export async function kitPdf(k: KitContent): Promise<Uint8Array> {
  const w = new FrontMatterWriter(defaultFonts(), `${k.caseTitle}: Disclosure`);
  w.newPage();
  w.heading(`${k.caseTitle}: Disclosure before the due-process hearing`, 15);
  for (const t of lead(k)) w.paragraph(t, { size: 10 });
  w.heading('Exhibit list', 13);
  if (k.exhibits.length) {
    w.table([{ header: 'Exhibit', width: 50 }, { header: 'Description', width: CONTENT_WIDTH - 50 - 72 - 160 - 40 }, { header: 'Date', width: 72 }, { header: 'Bates range', width: 160 }, { header: 'Pages', width: 40, align: 'right' }], k.exhibits.map(exhibitCells), { size: 9 });
  } else w.paragraph('No exhibits.');
  w.heading('Witness list', 13);
  if (k.witnesses.length) {
    w.table([{ header: 'Name', width: 110 }, { header: 'Role', width: 100 }, { header: 'Subject of testimony', width: CONTENT_WIDTH - 110 - 100 - 120 }, { header: 'Contact', width: 120 }], k.witnesses.map(witnessCells), { size: 9 });
  } else w.paragraph('No witnesses listed.');
  const total = w.pageCount;
  return w.finish((n) => `Disclosure - page ${n} of ${total}`);
}
