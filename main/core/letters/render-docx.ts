// A drafted letter as a Word document (docx package): block letter, list items as bullets.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { longDate } from './evidence';
import type { LetterDraft } from './types';

const BULLET = /^[•\-*]\s+/;
const FONT = 'Times New Roman';
const SIZE = 24; // half-points: 12 pt

const lines = (texts: string[], after = 0) =>
  texts.map((t, i) => new Paragraph({ children: [new TextRun({ text: t, font: FONT, size: SIZE })], spacing: { after: i === texts.length - 1 ? after : 0 } }));

export async function renderDocx(letter: LetterDraft): Promise<Buffer> {
  const body: Paragraph[] = [
    ...lines(letter.sender, 240),
    ...lines([longDate(letter.date)], 240),
    ...lines(letter.recipient, 240),
    new Paragraph({ children: [new TextRun({ text: `Re: ${letter.subject}`, bold: true, font: FONT, size: SIZE })], spacing: { after: 240 } }),
    ...lines([letter.salutation], 240),
    ...letter.paragraphs.map((p) =>
      BULLET.test(p)
        ? new Paragraph({ children: [new TextRun({ text: p.replace(BULLET, ''), font: FONT, size: SIZE })], bullet: { level: 0 }, spacing: { after: 80 } })
        : new Paragraph({ children: [new TextRun({ text: p, font: FONT, size: SIZE })], alignment: AlignmentType.LEFT, spacing: { after: 200 } })),
    ...lines([letter.closing], 600),
    ...lines(letter.signature, 240),
    ...(letter.cc.length ? lines([`cc: ${letter.cc.join('; ')}`]) : []),
  ];
  const doc = new Document({
    creator: 'IEP Casefile',
    title: letter.subject,
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } }, children: body }],
  });
  return Packer.toBuffer(doc);
}
