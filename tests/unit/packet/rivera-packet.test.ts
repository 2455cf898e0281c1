// The dev-rivera packet: the SEIS log as an exhibit, section 7 from the reconciliation, and every log
// cite checked against the page that actually carries that Bates number.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import { buildPacketDetailed } from '../../../main/core/packet/build';
import { packetCompEd } from '../../../main/core/packet/compensatory-section';
import { exportExhibitList } from '../../../main/core/packet/exhibit-list';
import { PACKET_SECTIONS, type PacketInput, type PacketResult } from '../../../main/core/packet/types';
import { schoolYearPeriod } from '../../../shared/compensatory/calendar';
import { reconcile } from '../../../shared/compensatory/reconcile';
import type { PageContent } from '../../../shared/domain';
import { describeRivera, RIVERA_DOCS } from '../../support/fixtures';
import { BATES_RE } from './inspect';
import { LOG_DOC_ID, riveraLog, riveraTruth } from './rivera-log';

describeRivera('dev-rivera evidence packet', () => {
  let input: PacketInput;
  let result: PacketResult;
  let pages: PageContent[];
  const read = (file: string) => new Uint8Array(readFileSync(path.join(RIVERA_DOCS, file)));

  beforeAll(async () => {
    const truth = riveraTruth();
    const { log, required, pdfBytes } = await riveraLog();
    const calendar = { years: [{ firstDay: truth.service_delivery.period_start, lastDay: truth.service_delivery.period_end }] };
    const rec = reconcile(required, [log], schoolYearPeriod('2023-24'), calendar);
    input = {
      case: { title: 'Rivera - Alder Creek USD', studentName: truth.student.name, dob: truth.student.dob, school: truth.student.school, district: truth.student.district, preparedBy: 'Advocate', date: '2025-07-01' },
      bates: { prefix: 'RIVERA-', start: 1, digits: 6, position: 'bottom-right' },
      labelStyle: 'P-1',
      sections: [...PACKET_SECTIONS],
      exhibits: [
        { description: 'Annual IEP', date: '2023-10-10', documentId: 'iep-2023', pdfBytes: read('Rivera_Mateo_IEP_Annual_2023-10-10.pdf') },
        { description: 'SEIS service log 2023-24', date: '2024-06-07', documentId: LOG_DOC_ID, pdfBytes },
        { description: 'Scanned progress report', date: '2024-03-11', documentId: 'scan', pdfBytes: read('scan_20240311_0845.pdf') },
      ],
      findings: [{ title: 'Services not delivered', description: 'Provider on leave with no substitute for six weeks.', evidence: [{ documentId: LOG_DOC_ID, page: 6 }] }],
      chronology: [{ date: '2024-01-09', event: 'Push-in math not provided: provider on leave', documentId: LOG_DOC_ID, page: 6 }],
      goalCharts: [], scoreTrends: [],
      compEd: packetCompEd(rec, { kind: 'hour_for_hour' }, [{ text: 'Reading fluency 48 to 69 WCPM in 2.5 years against a 90 WCPM goal.', cites: [{ documentId: 'iep-2023', page: 2 }] }]),
    };
    result = await buildPacketDetailed(input);
    pages = (await readPdfText(result.pdf)).pages;
  });

  it('prints the reconciled 2023-24 figures in section 7', () => {
    const start = result.manifest.sections.find((s) => s.id === 'services')!.page;
    const end = result.manifest.sections.find((s) => s.id === 'index')!.page;
    const text = pages.slice(start - 1, end - 1).map((p) => p.text).join('\n');
    expect(text).toMatch(/^Total \(minutes\) 8,730 5,840 2,890 2,605 285 2,605\b/m);
    expect(text).toContain('missed 2,890 min');
    expect(text).toContain('2,605 min district-responsible');
    expect(text).toContain('Reading fluency 48 to 69 WCPM');
  });

  it('cites log pages by the Bates numbers stamped on those very pages', () => {
    const log = result.manifest.exhibits.find((e) => e.documentId === LOG_DOC_ID)!;
    // Map every stamped Bates number to the log page printed on it ("Page N of 8").
    const logPageOfBates = new Map<string, number>();
    for (let p = log.firstPage; p <= log.lastPage; p++) {
      const n = Number(/Page (\d+) of 8/.exec(pages[p - 1].text)?.[1]);
      logPageOfBates.set(pages[p - 1].text.match(BATES_RE)![0], n);
    }
    expect([...logPageOfBates.values()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const start = result.manifest.sections.find((s) => s.id === 'services')!.page;
    const servicesText = `${pages[start - 1].text}\n${pages[start].text}`.replace(/\s+/g, ' ');
    // Each line's computation cites its log pages: pull-out sessions sit on log pages 1-5, push-in on 6-8.
    for (const [line, pagesOfLine] of [['pull-out, ELA', [1, 5]], ['push-in, math', [6, 8]]] as const) {
      const range = new RegExp(`${line.replace(/[()]/g, '\\$&')}\\), logged[^(]*\\(P-2 (RIVERA-\\d{6}) - (RIVERA-\\d{6})\\)`).exec(servicesText)!;
      expect([logPageOfBates.get(range[1]), logPageOfBates.get(range[2])]).toEqual(pagesOfLine);
    }
    const findings = pages[result.manifest.sections.find((s) => s.id === 'findings')!.page - 1].text;
    const cited = /Exhibit P-2, (RIVERA-\d{6})/.exec(findings)![1];
    expect(logPageOfBates.get(cited)).toBe(6);
  });

  it('keeps the page count and Bates sequence across fixture exhibits', () => {
    const originals = input.exhibits.map((e) => e.pdfBytes);
    const counts = [5, 8, 1];
    expect(result.manifest.exhibits.map((e) => e.originalPages.length)).toEqual(counts);
    expect(pages.length).toBe(result.manifest.frontMatterPages + counts.reduce((a, n) => a + n + 1, 0));
    const stamped = result.manifest.exhibits.flatMap((e) => pages.slice(e.firstPage - 1, e.lastPage).map((p) => p.text.match(BATES_RE)!.at(-1)));
    expect(stamped).toEqual(Array.from({ length: 14 }, (_, i) => `RIVERA-${String(i + 1).padStart(6, '0')}`));
    expect(originals[1]).toBe(input.exhibits[1].pdfBytes);
  });

  it('exports the exhibit list alone for the five-day disclosure', async () => {
    const { pdf, csv, rows } = await exportExhibitList(input);
    expect(rows.map((r) => [r.exhibit, r.batesFirst, r.batesLast])).toEqual(
      result.manifest.exhibits.map((e) => [e.label, e.batesFirst, e.batesLast]));
    expect(csv.split('\r\n')[2]).toBe('P-2,SEIS service log 2023-24,2024-06-07,RIVERA-000006,RIVERA-000013,8');
    const text = (await readPdfText(pdf)).pages.map((p) => p.text).join('\n');
    expect(text).toContain('34 CFR 300.512(a)(3)');
    expect(text).toMatch(/P-2 SEIS service log 2023-24 Jun 7, 2024 RIVERA-000006 - RIVERA-000013 8/);
  });
});
