// Peers' norm lines for a chart's span: for each school year the chart covers and whose grade the
// case names, each percentile's value at the season anchors (fall, winter, spring), cell by cell
// with its verification tag. Blank cells are left out, so a line simply has no point there.
import type { CaseModel } from '../timeline/model';
import { gradeInSchoolYear } from './grade';
import { NORM_SEASONS, type NormSeason, type NormVerification, type OrfNormTable, normCell, schoolYearStart, seasonAnchor } from './orf';

export interface NormBandPoint {
  date: string;
  value: number;
  grade: number;
  season: NormSeason;
  verification: NormVerification;
  /** The grade is assumed from an earlier year's (said so in the chart's labels). */
  gradeAssumed: boolean;
}

export interface NormBands {
  tableId: string;
  shortCitation: string;
  /** One line per printed percentile, highest first. */
  lines: Array<{ percentile: number; points: NormBandPoint[] }>;
  /** School years ("2023-24") left out because the child was measured on lower-grade passages, which grade norms cannot judge. */
  lowerGradeYears: string[];
}

/** The bands between two dates, or null when no year in the span has a known grade (or the table no cell). */
export function normBands(
  model: Pick<CaseModel, 'student' | 'ieps'>,
  table: OrfNormTable,
  from: string,
  to: string,
  /** The grade level of the material measured in a school year, when known: a year below grade is left out. */
  materialInYear: (startYear: number) => number | null = () => null,
): NormBands | null {
  const percentiles = [...new Set(table.cells.map((c) => c.percentile))].sort((a, b) => b - a);
  const lines = percentiles.map((percentile) => ({ percentile, points: [] as NormBandPoint[] }));
  const lowerGradeYears: string[] = [];
  // A season's anchor may fall a little before the first data point: the year's fall is still drawn.
  for (let year = schoolYearStart(from); year <= schoolYearStart(to); year++) {
    const grade = gradeInSchoolYear(model, year);
    if (!grade) continue;
    const material = materialInYear(year);
    if (material != null && material < grade.grade) {
      lowerGradeYears.push(`${year}-${String((year + 1) % 100).padStart(2, '0')}`);
      continue;
    }
    for (const season of NORM_SEASONS) {
      const date = seasonAnchor(year, season);
      for (const line of lines) {
        const cell = normCell(table, grade.grade, season, line.percentile);
        if (cell) line.points.push({ date, value: cell.wcpm, grade: grade.grade, season, verification: cell.verification, gradeAssumed: grade.assumedFrom != null });
      }
    }
  }
  const kept = lines.filter((l) => l.points.length);
  return kept.length || lowerGradeYears.length ? { tableId: table.id, shortCitation: table.shortCitation, lines: kept, lowerGradeYears } : null;
}
