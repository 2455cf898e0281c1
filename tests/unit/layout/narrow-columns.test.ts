// Two justified columns set close together (a narrow gutter, narrower than the gap that separates
// cells) are found from the alignment of the gap down the page and read one after the other; one
// justified paragraph, whose word gaps do not line up, stays whole.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { layoutDocument } from '../../../main/core/layout';
import { pdfkitPdf } from '../../support/form-pages';

const LEFT = 'Present levels: the student reads grade level passages with support and answers literal questions about the text with help, needs prompting to start writing tasks, and benefits from graphic organizers and checklists during independent work in class and at home.';
const RIGHT = 'Annual goal: by June the student will read grade level passages aloud at ninety words per minute with ninety five percent accuracy on three of four weekly probes given by the reading teacher.';

const blocksOf = async (draw: Parameters<typeof pdfkitPdf>[0]) => {
  const { pages } = await readPdfText(new Uint8Array(await pdfkitPdf(draw)));
  return layoutDocument(pages).pages[0].blocks.map((b) => b.text.replace(/\n/g, ' '));
};

describe('narrow gutters', () => {
  it('reads two justified columns 6 pt apart as two blocks, left then right', async () => {
    const blocks = await blocksOf((doc) => {
      doc.font('Helvetica').fontSize(10).text(LEFT, 50, 100, { width: 200, align: 'justify' });
      doc.font('Helvetica').fontSize(10).text(RIGHT, 256, 100, { width: 200, align: 'justify' });
    });
    expect(blocks).toEqual([LEFT, RIGHT]);
  });

  it('leaves one justified paragraph whole', async () => {
    const blocks = await blocksOf((doc) => doc.font('Helvetica').fontSize(10).text(`${LEFT} ${RIGHT}`, 50, 100, { width: 260, align: 'justify' }));
    expect(blocks).toEqual([`${LEFT} ${RIGHT}`]);
  });
});
