// The grade a child was enrolled in during a school year, for comparing with grade norms: the
// student's grades by school year when the case has them, else the grade printed in a full IEP
// that started in that year, else a grade printed in an earlier year's IEP plus the years since
// (promotion assumed, and said so). Unknown when nothing in the case names a grade.
import { type CaseModel, iepStart, isAmendment } from '../timeline/model';
import { parseGrade } from '../timeline/similarity';
import { schoolYearStart } from './orf';

export interface SchoolYearGrade {
  grade: number;
  /** How the grade was found, for the wording: null when printed for that very year. */
  assumedFrom: string | null;
}

const yearLabel = (start: number) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;

function printedGrades(model: Pick<CaseModel, 'student' | 'ieps'>): Map<number, number> {
  const byYear = new Map<number, number>();
  for (const [label, grade] of Object.entries(model.student.grades ?? {})) {
    const g = parseGrade(grade);
    const y = Number(label.slice(0, 4));
    if (g != null && Number.isFinite(y)) byYear.set(y, g);
  }
  for (const iep of model.ieps) {
    const start = iepStart(iep);
    const g = parseGrade(iep.student.grade);
    if (isAmendment(iep) || !start || g == null) continue;
    const y = schoolYearStart(start);
    if (!byYear.has(y)) byYear.set(y, g);
  }
  return byYear;
}

export function gradeInSchoolYear(model: Pick<CaseModel, 'student' | 'ieps'>, startYear: number): SchoolYearGrade | null {
  const byYear = printedGrades(model);
  const printed = byYear.get(startYear);
  if (printed != null) return { grade: printed, assumedFrom: null };
  const earlier = [...byYear.keys()].filter((y) => y < startYear).sort((a, b) => b - a)[0];
  if (earlier == null) return null;
  const grade = byYear.get(earlier)! + (startYear - earlier);
  return { grade, assumedFrom: `grade ${byYear.get(earlier)} in ${yearLabel(earlier)}, promotion assumed` };
}
