// Red flags from the notices in the file: a Prior Written Notice (or Notice of Action) that has no sentence
// for one of the seven elements of 34 CFR 300.503(b) (main/core/extract/pwn.ts reads them). One flag per
// missing element, worded as what the notice does not say, with the notice's page as evidence.
import type { RedFlag } from './flag-types';

/** One notice's check, as the core hands it over. */
export interface CheckedNotice {
  documentId: string;
  fileName: string;
  date: string | null;
  elements: Array<{ id: string; cite: string; label: string; present: boolean; evidence: { page: number; sentence: string } | null; finding: string }>;
}

const DISPLAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const when = (iso: string | null) => (iso ? ` of ${DISPLAY.format(new Date(`${iso}T00:00:00Z`))}` : '');

export function pwnMissingElementFlags(notices: CheckedNotice[]): RedFlag[] {
  return notices.flatMap((n) =>
    n.elements
      .filter((e) => !e.present)
      .map(
        (e): RedFlag => ({
          key: `pwn_missing_element:${n.documentId}:${e.id}`,
          type: 'pwn_missing_element',
          goalIds: [],
          documentIds: [n.documentId],
          description: `Prior Written Notice${when(n.date)} (${n.fileName}): ${e.finding}`,
          evidence: [{ documentId: n.documentId, page: e.evidence?.page ?? 1, bbox: null }],
        }),
      ),
  );
}
