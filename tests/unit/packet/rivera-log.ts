// Builds the dev-rivera 2023-24 log input from truth.json's sessions, each given the page of the log PDF
// its date row is printed on (found by reading the PDF back), so figures and cites can be checked end to end.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readPdfText } from '../../../main/core/documents/pdf-text';
import type { ServiceSession } from '../../../shared/domain';
import type { RequiredService, ServiceLogInput } from '../../../shared/compensatory/types';
import { RIVERA_DIR, RIVERA_DOCS } from '../../support/fixtures';

export const LOG_FILE = 'SEIS_Service_Log_2023-24_Rivera.pdf';
export const LOG_DOC_ID = 'doc-seis-log';

interface TruthSession {
  date: string;
  service_key: string;
  scheduled_minutes: number;
  delivered_minutes: number;
  status: string | null;
  responsibility: 'district' | 'student' | null;
}

export function riveraTruth() {
  return JSON.parse(readFileSync(path.join(RIVERA_DIR, 'truth.json'), 'utf8'));
}

export async function riveraLog(): Promise<{ log: ServiceLogInput; required: RequiredService[]; pdfBytes: Uint8Array }> {
  const truth = riveraTruth();
  const pdfBytes = new Uint8Array(readFileSync(path.join(RIVERA_DOCS, LOG_FILE)));
  const { pages } = await readPdfText(pdfBytes);
  const pageOf = (s: TruthSession): number => {
    const [y, m, d] = s.date.split('-');
    const row = new RegExp(`^${m}/${d}/${y}\\s+\\w+\\s+${s.scheduled_minutes}\\b`, 'm');
    const page = pages.find((p) => row.test(p.text));
    if (!page) throw new Error(`row for ${s.date} not found in the log`);
    return page.pageNumber;
  };
  const sessions: ServiceSession[] = (truth.service_delivery.sessions as TruthSession[]).map((s) => ({
    date: s.date,
    service: s.service_key,
    scheduledMinutes: s.scheduled_minutes,
    deliveredMinutes: s.delivered_minutes,
    status: s.status,
    responsibility: s.responsibility === 'student' ? 'student_absence' : s.responsibility === 'district' ? 'district' : 'delivered',
    source: { documentId: LOG_DOC_ID, page: pageOf(s), bbox: null },
  }));
  const required: RequiredService[] = (truth.services_required as Array<Record<string, string | number>>).map((r) => ({
    serviceKey: String(r.service_key),
    service: `${r.service} ${r.location}`,
    minutesPerWeek: Number(r.minutes_per_week),
    minutesPerSession: Number(r.minutes_per_session),
    startDate: String(r.start_date),
    endDate: String(r.end_date),
  }));
  return {
    log: { documentId: LOG_DOC_ID, sessions, coverage: { start: truth.service_delivery.period_start, end: truth.service_delivery.period_end } },
    required,
    pdfBytes,
  };
}
