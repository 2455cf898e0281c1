// Files the user saves are named for the person they are about, family name first, with the date
// they were made: Rivera_Mateo_evidence-packet_2026-12-04.pdf, Rivera_Mateo_records-request_2026-12-04.docx.
import { keys, useCall } from '../api/queries';
import { localToday } from '../pages/deadlines/labels';

/** "Mateo Rivera" → "Rivera_Mateo"; "Mary Ann Smith-Jones" → "Smith-Jones_Mary_Ann". */
export function personPart(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/\s+/)
    .map((w) => w.replace(/[^A-Za-z0-9-]+/g, ''))
    .filter(Boolean);
  if (words.length === 0) return 'Case';
  return [words[words.length - 1], ...words.slice(0, -1)].join('_');
}

/** The whole name: person, what the file is (words joined by hyphens), ISO date, extension. */
export function personFileName(name: string, what: string, ext: string, date = localToday()): string {
  const kind = what
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${personPart(name)}_${kind}_${date}.${ext}`;
}

/** Names files for this case's child (the case's name when no child name is entered). */
export function usePersonFileName(caseId: string): (what: string, ext: string) => string {
  const c = useCall(keys.case(caseId, 'details'), 'cases.get', { caseId });
  const name = c.data?.childName || c.data?.name || 'Case';
  return (what, ext) => personFileName(name, what, ext);
}
