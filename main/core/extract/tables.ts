// Tables over a region of lines are read by the layout model (main/core/layout/line-tables.ts,
// header-columns.ts); readers import them from here with the furniture test they share.
export { defaultGutter, findColumns, readTable, splitPhrases, tableBelow, type Column, type TableRow } from '../layout/line-tables';

/**
 * Running headers and footers: lines layout.ts marks as repeated across pages, except table rows
 * (a dated or numbered row near the bottom of several pages reads the same once digits are masked).
 */
export const isPageFurniture = (line: { repeated: boolean; text: string }): boolean => line.repeated && !/^\d/.test(line.text);
