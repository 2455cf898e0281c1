// The data tables under the packet's goal charts and score trends print dates as the rest of the
// packet does (Jan 15, 2024), not as stored (2024-01-15). dev-rivera's IEPs, progress reports and
// assessment profiles imported into a real case, the packet built from the store and read back with pdf.js.
import { expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { createCase } from '../../../main/core/cases';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { packetInput } from '../../../main/core/packet/service';
import { displayDate } from '../../../main/core/packet/writer';
import { caseLineages, judgedModel } from '../../../main/core/timeline/service';
import { lineageChartData } from '../../../shared/timeline/chart-data';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';
import { testCore } from '../../support/core';
import { importAndExtract } from '../../support/import-doc';

const FILES = [
  'Rivera_Mateo_IEP_Annual_2023-10-10.pdf',
  'Rivera_Mateo_Progress_Report_2023-12-08.pdf',
  'Rivera_Mateo_Progress_Report_2024-03-15.pdf',
  'Student_Assessment_Profile_2022-23.pdf',
  'Student_Assessment_Profile_2023-24.pdf',
];

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const SCREEN_DATE = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/g;

describeRivera('packet chart tables', () => {
  it('print screen dates, the same dates the case holds', { timeout: 300_000 }, async () => {
    const core = testCore();
    try {
      const c = createCase(core, { name: 'Rivera' });
      for (const f of FILES) await importAndExtract(core, c.id, RIVERA_DOCS, f);
      const input = await packetInput(core, {
        caseId: c.id,
        bates: { prefix: 'RIVERA-', start: 1, digits: 6, position: 'bottom-right' },
        labelStyle: 'P-1',
        sections: ['goals', 'scores'],
        exhibits: [],
      });
      const charts = [...input.goalCharts, ...input.scoreTrends];
      expect(input.goalCharts.length).toBeGreaterThan(0);
      expect(input.scoreTrends.length).toBeGreaterThan(0);
      const rows = charts.flatMap((ch) => ch.table.rows);
      expect(rows.length).toBeGreaterThan(3);

      const { pages } = await readPdfText((await buildPacketDetailed(input)).pdf);
      const text = pages.map((p) => p.text).join('\n');
      // Every table row's date is printed as a screen date: the stored date, formatted.
      const printed = new Set(text.match(SCREEN_DATE) ?? []);
      for (const row of rows) {
        const cell = String(row[0]);
        expect(cell, `row ${JSON.stringify(row)}`).toMatch(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$|^—$/);
        if (cell !== '—') expect(printed.has(cell), cell).toBe(true);
      }
      // The stored dates, formatted the packet's way, are what the tables print; none is left ISO.
      const model = judgedModel(core, c.id);
      const stored = new Set([...model.testScores.map((s) => s.date), ...caseLineages(core, c.id, model).flatMap((l) => lineageChartData(model, l).segments.flatMap((s) => s.points.map((p) => p.date)))]);
      expect(stored.size).toBeGreaterThan(3);
      for (const d of stored) if (d) expect(printed.has(displayDate(d)), d).toBe(true);
      expect(text).not.toMatch(ISO_DATE);
    } finally {
      await core.close();
    }
  });
});
