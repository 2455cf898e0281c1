// Date recognition shared by every extractor. Returns ISO YYYY-MM-DD strings or null, never a guess.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** Every date pattern we recognise, as [regex source, converter]. US order (M/D/Y) for numeric dates. */
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (m) => isoDate(+m[1], +m[2], +m[3])],
  [/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g, (m) => isoDate(+m[3], +m[1], +m[2])],
  [new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    (m) => isoDate(+m[3], MONTHS[m[1].toLowerCase().replace('.', '')] ?? 0, +m[2])],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`, 'gi'),
    (m) => isoDate(+m[3], MONTHS[m[2].toLowerCase().replace('.', '')] ?? 0, +m[1])],
  // Database-style exports: "14-Sep-2023", "14-SEP-23", "14 Sep 2023" is above.
  [new RegExp(`\\b(\\d{1,2})-${MONTH_NAME}-(\\d{4}|\\d{2})\\b`, 'gi'),
    (m) => isoDate(+m[3], MONTHS[m[2].toLowerCase().replace('.', '')] ?? 0, +m[1])],
];

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
  text: string;
}

/** All full dates (day, month and year) in the text, in order of appearance. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const [re, convert] of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const iso = convert(m);
      if (iso && !found.some((f) => m!.index < f.index + f.length && f.index < m!.index + m![0].length)) {
        found.push({ iso, index: m.index, length: m[0].length, text: m[0] });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first full date in the text, or null. */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  return findDates(text)[0]?.iso ?? null;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

// One formatter for every call: building an Intl formatter per date is slow in long tables. Built at
// the first date shown, not at load (about 15 ms: a command that shows no date does not pay it).
let displayDate: Intl.DateTimeFormat | undefined;

/** "Oct 10, 2023" for the screen; ISO stays in files and exports. */
export function formatDisplayDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  displayDate ??= new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return displayDate.format(d);
}
