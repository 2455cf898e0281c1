// Tables and fields the other layout tests do not print: a ruled table that runs on over a page
// break without repeating its header, an unruled one with and without its header repeated, an unruled table with a
// two-line header and cells that wrap, and a labelled value that runs on over the next lines until
// the next label. Asserts exact cells, rows and pages.
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { layoutDocument, type TableModel } from '../../../main/core/layout';
import { pdfkitPdf } from '../../support/form-pages';

type Doc = PDFKit.PDFDocument;
const modelOf = async (draw: (doc: Doc) => void) => layoutDocument((await readPdfText(new Uint8Array(await pdfkitPdf(draw)))).pages);
const body = (t: TableModel) => t.rows.filter((r) => r.kind === 'body').map((r) => r.cells.map((c) => c.text));
const header = (t: TableModel) => t.rows.filter((r) => r.kind === 'header').map((r) => r.cells.map((c) => c.text));

const SERVICES = [
  ['Speech-Language Therapy', '30', 'Weekly', 'Therapy room'],
  ['Occupational Therapy', '45', 'Monthly', 'Classroom'],
  ['Counseling', '20', 'Weekly', 'Office'],
  ['Specialized Reading', '60', 'Daily', 'Resource room'],
  ['Adapted PE', '30', 'Weekly', 'Gym'],
];
const HEAD = ['Service', 'Minutes', 'Frequency', 'Location'];

/** A running header and page number on every page, as printed forms carry them. */
const furniture = (doc: Doc, page: number) => {
  doc.font('Helvetica').fontSize(8).text('Student: Avery Stone   Services Page', 50, 30, { lineBreak: false });
  doc.text(`Page ${page} of 2`, 500, 760, { lineBreak: false });
};

/** A paragraph of a service page, as printed around its tables (word spacing is measured on it too). */
/** One row of an unruled four-column table, its cells at fixed x positions. */
const unruledRow = (doc: Doc, cells: string[], y: number, bold = false) => {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
  cells.forEach((c, i) => doc.text(c, [50, 220, 300, 400][i], y, { lineBreak: false }));
};
const prose = (doc: Doc, y: number) => {
  doc.font('Helvetica').fontSize(10);
  ['The services below start on the first day of the IEP and run for its whole year. Each one is',
    'given by the provider named in the plan, in the setting the team agreed, for the minutes and',
    'at the frequency shown. Sessions missed by the school are made up within the same month.'].forEach((l, k) => doc.text(l, 50, y + k * 13, { lineBreak: false }));
};

describe('tables over a page break', () => {
  it('joins a ruled table whose rows run on over the break without its header', async () => {
    const cols = [50, 220, 300, 400, 540];
    const model = await modelOf((doc) => {
      const row = (cells: string[], y: number, bold = false) => {
        doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
        cells.forEach((c, i) => doc.text(c, cols[i] + 4, y + 6, { lineBreak: false }));
        doc.moveTo(cols[0], y + 22).lineTo(cols[4], y + 22).stroke();
        cols.forEach((x) => doc.moveTo(x, y).lineTo(x, y + 22).stroke());
      };
      furniture(doc, 1);
      prose(doc, 80);
      let y = 640;
      doc.moveTo(cols[0], y).lineTo(cols[4], y).stroke();
      row(HEAD, y, true);
      y += 22;
      for (const s of SERVICES.slice(0, 3)) { row(s, y); y += 22; }
      doc.addPage();
      furniture(doc, 2);
      y = 70;
      doc.moveTo(cols[0], y).lineTo(cols[4], y).stroke();
      for (const s of SERVICES.slice(3)) { row(s, y); y += 22; }
    });
    expect(model.tables).toHaveLength(1);
    const [table] = model.tables;
    expect(table.pages).toEqual([1, 2]);
    expect(header(table)).toEqual([HEAD]);
    expect(body(table)).toEqual(SERVICES);
    expect(table.rows.filter((r) => r.kind === 'body').map((r) => r.page)).toEqual([1, 1, 1, 2, 2]);
  });

  it('joins an unruled table that repeats its header on the next page, the repeat dropped', async () => {
    const model = await modelOf((doc) => {
      const row = (cells: string[], y: number, bold = false) => unruledRow(doc, cells, y, bold);
      furniture(doc, 1);
      prose(doc, 80);
      let y = 640;
      row(HEAD, y, true);
      for (const s of SERVICES.slice(0, 3)) { y += 18; row(s, y); }
      doc.addPage();
      furniture(doc, 2);
      y = 70;
      row(HEAD, y, true);
      for (const s of SERVICES.slice(3)) { y += 18; row(s, y); }
      prose(doc, y + 50);
    });
    const tables = model.tables.filter((t) => t.columns.length === 4);
    expect(tables).toHaveLength(1);
    expect(tables[0].pages).toEqual([1, 2]);
    expect(header(tables[0])).toEqual([HEAD]);
    expect(body(tables[0])).toEqual(SERVICES);
  });
});

describe('an unruled table over a page break without its header', () => {
  // Three rows or more at the head of the page: an unruled run of fewer lines is not read as a table.
  it('joins the rows at the head of the next page to the table', async () => {
    const model = await modelOf((doc) => {
      const row = (cells: string[], y: number, bold = false) => unruledRow(doc, cells, y, bold);
      furniture(doc, 1);
      prose(doc, 80);
      let y = 640;
      row(HEAD, y, true);
      for (const s of SERVICES.slice(0, 2)) { y += 18; row(s, y); }
      doc.addPage();
      furniture(doc, 2);
      y = 70;
      for (const s of SERVICES.slice(2)) { row(s, y); y += 18; }
      prose(doc, y + 40);
    });
    const tables = model.tables.filter((t) => t.columns.length === 4);
    expect(tables).toHaveLength(1);
    expect(tables[0].pages).toEqual([1, 2]);
    expect(header(tables[0])).toEqual([HEAD]);
    expect(body(tables[0])).toEqual(SERVICES);
  });
});

describe('an unruled table whose last one or two rows run on at the head of the next page', () => {
  /** The table's header and first rows at the foot of page 1; `next` draws the head of page 2 from `y`. */
  const broken = (rowsBefore: number, next: (doc: Doc, y: number) => number) => modelOf((doc) => {
    furniture(doc, 1);
    prose(doc, 80);
    let y = 700 - rowsBefore * 18;
    unruledRow(doc, HEAD, y, true);
    for (const s of SERVICES.slice(0, rowsBefore)) { y += 18; unruledRow(doc, s, y); }
    doc.addPage();
    furniture(doc, 2);
    prose(doc, next(doc, 70) + 40);
  });
  const fourColumns = (m: { tables: TableModel[] }) => m.tables.filter((t) => t.columns.length === 4);

  for (const after of [1, 2]) {
    it(`joins ${after} row${after > 1 ? 's' : ''} at the head of the next page, no header repeated`, async () => {
      const model = await broken(SERVICES.length - after, (doc, y) => {
        for (const s of SERVICES.slice(SERVICES.length - after)) { unruledRow(doc, s, y); y += 18; }
        return y;
      });
      const tables = fourColumns(model);
      expect(tables).toHaveLength(1);
      expect(tables[0].pages).toEqual([1, 2]);
      expect(header(tables[0])).toEqual([HEAD]);
      expect(body(tables[0])).toEqual(SERVICES);
      expect(tables[0].rows.filter((r) => r.kind === 'body').map((r) => r.page)).toEqual(SERVICES.map((_, i) => (i < SERVICES.length - after ? 1 : 2)));
      // The rows are table blocks of page 2, and its prose stays text.
      const cells = SERVICES.slice(SERVICES.length - after).flat();
      const kinds = (pick: (text: string) => boolean) => [...new Set(model.pages[1].blocks.filter((b) => pick(b.text)).map((b) => b.kind))];
      expect(kinds((t) => t.split('\n').some((l) => cells.includes(l)))).toEqual(['table']);
      expect(kinds((t) => t.startsWith('The services below'))).toEqual(['text']);
    });
  }

  it('joins one row under the header repeated at the head of the next page, the repeat dropped', async () => {
    const model = await broken(4, (doc, y) => {
      unruledRow(doc, HEAD, y, true);
      unruledRow(doc, SERVICES[4], y + 18);
      return y + 18;
    });
    const tables = fourColumns(model);
    expect(tables).toHaveLength(1);
    expect(tables[0].pages).toEqual([1, 2]);
    expect(header(tables[0])).toEqual([HEAD]);
    expect(body(tables[0])).toEqual(SERVICES);
  });

  it('joins a continued row whose first cell wraps onto a second line', async () => {
    const model = await broken(4, (doc, y) => {
      unruledRow(doc, ['Adapted Physical', '30', 'Weekly', 'Gym'], y);
      unruledRow(doc, ['Education'], y + 12);
      return y + 12;
    });
    const tables = fourColumns(model);
    expect(tables).toHaveLength(1);
    expect(body(tables[0])).toEqual([...SERVICES.slice(0, 4), ['Adapted Physical Education', '30', 'Weekly', 'Gym']]);
  });

  it('leaves two lines of prose at the head of the next page out of the table', async () => {
    const model = await broken(5, (doc, y) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Transportation is provided from home to school on a regular bus with an aide on board.', 50, y, { lineBreak: false });
      doc.text('The aide rides each way.', 50, y + 13, { lineBreak: false });
      return y + 13;
    });
    const tables = fourColumns(model);
    expect(tables).toHaveLength(1);
    expect(tables[0].pages).toEqual([1]);
    expect(body(tables[0])).toEqual(SERVICES);
  });

  for (const colon of [true, false]) {
    it(`leaves label/value pairs at the head of the next page out of the table (labels ${colon ? 'with' : 'without'} a colon)`, async () => {
      const pairs = [['Case Manager', 'Dana Ortiz'], ['Next Review', '10/11/2025']];
      const model = await broken(5, (doc, y) => {
        // The values start where the table's second column starts.
        pairs.forEach(([label, value], k) => unruledRow(doc, [`${label}${colon ? ':' : ''}`, value], y + k * 16));
        return y + 16;
      });
      const tables = fourColumns(model);
      expect(tables).toHaveLength(1);
      expect(tables[0].pages).toEqual([1]);
      expect(body(tables[0])).toEqual(SERVICES);
      expect(model.pages[1].blocks.some((b) => b.kind === 'table')).toBe(false);
    });
  }

  it('does not join rows to a table that ends above other text on its page', async () => {
    const model = await modelOf((doc) => {
      furniture(doc, 1);
      let y = 560;
      unruledRow(doc, HEAD, y, true);
      for (const s of SERVICES.slice(0, 3)) { y += 18; unruledRow(doc, s, y); }
      prose(doc, y + 40);
      doc.addPage();
      furniture(doc, 2);
      SERVICES.slice(3).forEach((s, k) => unruledRow(doc, s, 70 + k * 18));
      prose(doc, 150);
    });
    const tables = fourColumns(model);
    expect(tables).toHaveLength(1);
    expect(tables[0].pages).toEqual([1]);
  });
});

describe('an unruled table with a two-line header and wrapped cells', () => {
  for (const font of ['Helvetica', 'Times-Roman']) {
    it(`reads the header over two lines as one label per column and each wrapped cell whole (${font})`, async () => {
      const cols = [50, 200, 330, 450];
      const model = await modelOf((doc) => {
        doc.font(font).fontSize(10);
        doc.text('Each service is given with its minutes and where it is delivered.', 50, 80, { lineBreak: false });
        const line = (cells: Array<string | null>, y: number, bold = false) => {
          doc.font(bold ? `${font === 'Helvetica' ? 'Helvetica' : 'Times'}-Bold` : font).fontSize(10);
          cells.forEach((c, i) => { if (c) doc.text(c, cols[i], y, { lineBreak: false }); });
        };
        line(['Service', 'Minutes', 'Start', 'Location of'], 120, true);
        line([null, 'per Session', 'Date', 'Service'], 132, true);
        line(['Speech-Language', '30', '9/3/2024', 'Therapy room'], 154);
        line(['Therapy', null, null, null], 166);
        line(['Counseling', '20', '9/10/2024', 'Counselor'], 190);
        line([null, null, null, 'office'], 202);
        line(['Occupational Therapy', '45', '9/17/2024', 'Classroom'], 226);
      });
      const table = model.tables.find((t) => t.columns.length === 4);
      expect(table?.columns.map((c) => c.label)).toEqual(['Service', 'Minutes per Session', 'Start Date', 'Location of Service']);
      expect(body(table!)).toEqual([
        ['Speech-Language Therapy', '30', '9/3/2024', 'Therapy room'],
        ['Counseling', '20', '9/10/2024', 'Counselor office'],
        ['Occupational Therapy', '45', '9/17/2024', 'Classroom'],
      ]);
    });
  }
});

describe('a labelled value that runs on', () => {
  it('takes the lines under a "Label: value" line until the next label', async () => {
    const model = await modelOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('Parent Concerns: Avery finds reading aloud hard and avoids homework', 50, 100, { lineBreak: false });
      doc.text('that needs a lot of reading; the family wants more practice at home.', 50, 113, { lineBreak: false });
      doc.text('Strengths: Avery is curious and kind.', 50, 126, { lineBreak: false });
    });
    const fields = Object.fromEntries(model.pages[0].fields.map((f) => [f.label, f.value]));
    expect(fields['Parent Concerns']).toBe('Avery finds reading aloud hard and avoids homework that needs a lot of reading; the family wants more practice at home.');
    expect(fields.Strengths).toBe('Avery is curious and kind.');
  });
});
