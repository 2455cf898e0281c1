// Wording tests the table readers of IEP forms share (goal tables, service tables). Where the
// columns, header lines, bands and rows are on the page is the layout model's
// (main/core/layout/form-columns.ts), which the readers import directly.
import type { PlacedWord } from './layout';

export const endsSentence = (words: PlacedWord[]): boolean => /[.!?]["')\]]?$/.test(words[words.length - 1]?.text ?? '');

/** "SPEECH/LANGUAGE" -> "Speech/Language". */
export const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s/&-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
