// Oral reading fluency norms as data: Hasbrouck & Tindal (2017), WCPM on unpracticed grade-level
// passages, grades 1-6, the 90th/75th/50th/25th/10th percentiles in fall, winter and spring.
// Copied cell by cell from ../shared/norms/orf-norms.md (section 1) with each cell's verification
// tag as that file gives it; a cell it leaves blank is null here. The printed AWI column is left
// out on purpose: the file finds two of its cells inconsistent with the WCPM cells (G5 10th, G6 50th),
// so growth is computed from the WCPM cells. The primary PDF (ERIC ED594994, Table 4) was not read
// when the table was compiled: every cell should be checked against it before the app ships.
import type { OrfNormTable } from './orf';

/** fall, winter, spring WCPM for one grade and percentile; null where the table has no norm. */
type Row = [grade: number, percentile: number, fall: number | null, winter: number | null, spring: number | null];

const ROWS: Row[] = [
  [1, 90, null, 97, 116], [1, 75, null, 59, 91], [1, 50, null, 29, 60], [1, 25, null, 16, 34], [1, 10, null, 9, 18],
  [2, 90, 111, 131, 148], [2, 75, 84, 109, 124], [2, 50, 50, 84, 100], [2, 25, 36, 59, 72], [2, 10, 23, 35, 43],
  [3, 90, 134, 161, 166], [3, 75, 104, 137, 139], [3, 50, 83, 97, 112], [3, 25, 59, 79, 91], [3, 10, 40, 62, 63],
  [4, 90, 153, 168, 184], [4, 75, 125, 143, 160], [4, 50, 94, 120, 133], [4, 25, 75, 95, 105], [4, 10, 60, 71, 83],
  [5, 90, 179, 183, 195], [5, 75, 153, 160, 169], [5, 50, 121, 133, 146], [5, 25, 87, 109, 119], [5, 10, 64, 84, 102],
  [6, 90, 185, 195, 204], [6, 75, 159, 166, 173], [6, 50, 132, 145, 146], [6, 25, 112, 116, 122], [6, 10, 89, 91, 91],
];

/**
 * The file's tags: fall cells of grades 2-5 were seen in two sources that are not copies of each
 * other; every other cell only on Read Naturally's pages (a secondary publisher, counted as one source).
 */
function fallSeenTwice(grade: number): boolean {
  return grade >= 2 && grade <= 5;
}

export const ORF_HASBROUCK_TINDAL_2017: OrfNormTable = {
  id: 'hasbrouck-tindal-2017',
  shortCitation: 'Hasbrouck & Tindal 2017',
  citation:
    'Hasbrouck, J., & Tindal, G. (2017). An update to compiled ORF norms (Technical Report No. 1702). Eugene, OR: Behavioral Research and Teaching, University of Oregon. ERIC ED594994.',
  measure: 'Oral reading fluency, words correct per minute on unpracticed grade-level passages',
  unit: 'wcpm',
  cells: ROWS.flatMap(([grade, percentile, fall, winter, spring]) => [
    { grade, percentile, season: 'fall' as const, wcpm: fall, verification: fallSeenTwice(grade) ? ('two_sources' as const) : ('publisher_only' as const) },
    { grade, percentile, season: 'winter' as const, wcpm: winter, verification: 'publisher_only' as const },
    { grade, percentile, season: 'spring' as const, wcpm: spring, verification: 'publisher_only' as const },
  ]),
};
