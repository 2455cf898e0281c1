// Red flags against peers' published norms, for measures that have them (oral reading fluency in
// words correct per minute): a child gaining less in a school year than the 50th percentile of the
// same grade gains between the same seasons, starting at or below it (the gap to peers growing),
// and a fluency goal whose target sits below the grade's 10th percentile at the goal's date, or asks
// for less growth than the 50th percentile makes (the gap growing by design). Each flag cites the
// norm table and the verification tag of every cell it used. A grade that cannot be found, a blank
// norm cell, or a goal measured on lower-grade passages (which grade-level norms cannot judge)
// leaves the goal unjudged.
import { ORF_HASBROUCK_TINDAL_2017 } from '../norms/orf-hasbrouck-tindal-2017';
import { gradeInSchoolYear } from '../norms/grade';
import { type NormSeason, type OrfNormCell, type OrfNormTable, citeCells, measurementSeason, normCell, percentilePlace, seasonCells, targetSeason } from '../norms/orf';
import { formatDisplayDate } from '../text/dates';
import { baselineDate, targetDate } from './chart-data';
import type { FlagContext, RedFlag } from './flag-types';
import { flagKey, fmtNum, goalName, uniq } from './flag-types';
import { materialLevel } from './flags-goals';
import { goalScale, scaledPoints } from './flags-measure';
import { effectiveDirection, goalYearIep } from './lineage';
import type { CaseGoal } from './model';
import { canonicalUnit } from './similarity';
import type { Provenance } from '../domain';

type Cell = OrfNormCell & { wcpm: number };

const SEASON_ORDER: Record<NormSeason, number> = { fall: 0, winter: 1, spring: 2 };

function normTable(ctx: FlagContext): OrfNormTable {
  return ctx.norms ?? ORF_HASBROUCK_TINDAL_2017;
}

/** Goals measured in the table's unit, to increase, on material at grade level or of unknown level. */
function onNormScale(goal: CaseGoal, table: OrfNormTable): boolean {
  return canonicalUnit(goal.unit) === table.unit && effectiveDirection(goal) !== 'decrease';
}

/** Grade-level norms cannot judge a goal read on lower-grade passages. */
function belowGradeMaterial(goals: CaseGoal[], grade: number): boolean {
  return goals.some((g) => {
    const level = materialLevel(g);
    return level != null && level < grade;
  });
}

interface Measured {
  date: string;
  value: number;
  source: Provenance;
  goal: CaseGoal;
  documentId: string;
}

/** A lineage's measured values (data points and dated baselines), one per date, oldest first. */
function lineageValues(ctx: FlagContext, goals: CaseGoal[]): Measured[] {
  const byDate = new Map<string, Measured>();
  for (const goal of goals) {
    const scale = goalScale(goal);
    const base = baselineDate(goal, goalYearIep(ctx.model, goal) ?? undefined);
    if (scale.baseline != null && base.date && !base.estimated && !byDate.has(base.date)) {
      byDate.set(base.date, { date: base.date, value: scale.baseline, source: goal.source, goal, documentId: goal.documentId });
    }
    for (const p of scaledPoints(scale, ctx.points.get(goal.id) ?? [])) {
      if (!byDate.has(p.date)) byDate.set(p.date, { date: p.date, value: p.value, source: p.source, goal, documentId: p.reportDocumentId });
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Per school year, the value nearest each season's anchor (values far from every anchor are no season's). */
function seasonalValues(values: Measured[]): Map<number, Map<NormSeason, Measured & { anchor: string }>> {
  const years = new Map<number, Map<NormSeason, Measured & { anchor: string }>>();
  for (const v of values) {
    const s = measurementSeason(v.date);
    if (!s) continue;
    const seasons = years.get(s.schoolYear) ?? new Map();
    const held = seasons.get(s.season);
    const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(s.anchor));
    if (!held || distance(v.date) < distance(held.date)) seasons.set(s.season, { ...v, anchor: s.anchor });
    years.set(s.schoolYear, seasons);
  }
  return years;
}

function gainWords(gain: number): string {
  return gain >= 0 ? `gained ${fmtNum(gain)} WCPM` : `lost ${fmtNum(-gain)} WCPM`;
}

type SeasonValue = Measured & { anchor: string };
interface NormedValue {
  season: NormSeason;
  v: SeasonValue;
  cell: Cell;
  /** "grade 4" (with how the grade was found when assumed). */
  gradeWords: string;
}

/** The flag when the child's gain between two normed values falls short of the 50th percentile's, starting at or below it. */
function gapFlag(ctx: FlagContext, table: OrfNormTable, from: NormedValue, to: NormedValue, span: string, keyPart: string): RedFlag | null {
  const childGain = to.v.value - from.v.value;
  const peerGain = to.cell.wcpm - from.cell.wcpm;
  if (peerGain <= 0 || from.v.value > from.cell.wcpm || peerGain - childGain < ctx.t.gapWideningMinShortfall) return null;
  const goals = uniq([from.v.goal, to.v.goal]);
  return {
    key: flagKey('gap_widening', [...goals.map((g) => g.id), keyPart]),
    type: 'gap_widening',
    goalIds: goals.map((g) => g.id),
    documentIds: uniq([from.v.documentId, to.v.documentId]),
    description:
      `${goalName(to.v.goal)}: ${gainWords(childGain)} ${span} ` +
      `(${fmtNum(from.v.value)} on ${formatDisplayDate(from.v.date)} to ${fmtNum(to.v.value)} on ${formatDisplayDate(to.v.date)}); ` +
      `the 50th percentile gains ${fmtNum(peerGain)} (${fmtNum(from.cell.wcpm)} to ${fmtNum(to.cell.wcpm)}; ${citeCells(table, [from.cell, to.cell])}). ` +
      `The distance below the 50th percentile went from ${fmtNum(from.cell.wcpm - from.v.value)} to ${fmtNum(to.cell.wcpm - to.v.value)} WCPM.`,
    evidence: uniq([from.v.source, to.v.source]),
  };
}

/**
 * Per lineage: within each school year, the first and last measured seasons with a 50th-percentile
 * norm (grade 1 has no fall norm); for a year not flagged so, the same season a grade later
 * (spring of grade 3 to spring of grade 4), when the next year's grade is one higher.
 */
export function gapWideningFlags(ctx: FlagContext): RedFlag[] {
  const table = normTable(ctx);
  const flags: RedFlag[] = [];
  for (const lineage of ctx.links) {
    const goals = lineage.goalIds.map((id) => ctx.goals.get(id)).filter((g): g is CaseGoal => !!g && onNormScale(g, table));
    if (!goals.length) continue;
    const years = new Map<number, { grade: number; normed: NormedValue[]; flagged: boolean }>();
    for (const [year, seasons] of seasonalValues(lineageValues(ctx, goals))) {
      const grade = gradeInSchoolYear(ctx.model, year);
      if (!grade || belowGradeMaterial(uniq([...seasons.values()].map((v) => v.goal)), grade.grade)) continue;
      const gradeWords = `grade ${grade.grade}${grade.assumedFrom ? ` (${grade.assumedFrom})` : ''}`;
      const normed = [...seasons.entries()]
        .map(([season, v]) => ({ season, v, cell: normCell(table, grade.grade, season, 50), gradeWords }))
        .filter((n): n is NormedValue => !!n.cell)
        .sort((a, b) => SEASON_ORDER[a.season] - SEASON_ORDER[b.season]);
      const [from, to] = [normed[0], normed[normed.length - 1]];
      const flag = normed.length >= 2 ? gapFlag(ctx, table, from, to, `from ${from.season} to ${to.season} of ${gradeWords}`, `year:${year}`) : null;
      if (flag) flags.push(flag);
      years.set(year, { grade: grade.grade, normed, flagged: !!flag });
    }
    for (const [year, before] of years) {
      const after = years.get(year + 1);
      if (!after || after.grade !== before.grade + 1 || before.flagged || after.flagged) continue;
      const season = (['spring', 'winter', 'fall'] as NormSeason[]).find((x) => before.normed.some((n) => n.season === x) && after.normed.some((n) => n.season === x));
      if (!season) continue;
      const [from, to] = [before.normed.find((n) => n.season === season)!, after.normed.find((n) => n.season === season)!];
      const flag = gapFlag(ctx, table, from, to, `from ${season} of ${from.gradeWords} to ${season} of ${to.gradeWords}`, `years:${year}-${year + 1}`);
      if (flag) flags.push(flag);
    }
  }
  return flags;
}

/** Why a fluency goal asks too little against the norms, or null when it does not (or cannot be judged). */
function ambitionFindings(ctx: FlagContext, goal: CaseGoal, table: OrfNormTable): { parts: string[]; cells: Cell[] } | null {
  const iep = goalYearIep(ctx.model, goal) ?? undefined;
  const scale = goalScale(goal);
  const due = targetDate(goal, iep);
  if (scale.target == null || !due) return null;
  const season = targetSeason(due);
  const grade = gradeInSchoolYear(ctx.model, season.schoolYear);
  if (!grade || belowGradeMaterial([goal], grade.grade)) return null;
  const cells = seasonCells(table, grade.grade, season.season);
  if (!cells.length) return null;
  const gradeWords = `grade ${grade.grade}${grade.assumedFrom ? ` (${grade.assumedFrom})` : ''}`;
  const parts: string[] = [];
  const used: Cell[] = [];
  const floor = cells.find((c) => c.percentile === ctx.t.ambitionFloorPercentile);
  if (floor && scale.target < floor.wcpm) {
    parts.push(
      `its target of ${fmtNum(scale.target)} WCPM by ${formatDisplayDate(due)} is ${percentilePlace(cells, scale.target)} for ${season.season} of ${gradeWords} ` +
      `(the ${floor.percentile}th percentile reads ${fmtNum(floor.wcpm)})`,
    );
    used.push(floor);
  }
  // The growth the goal asks for against the 50th percentile's over the same seasons of one school year.
  const base = baselineDate(goal, iep);
  const baseSeason = base.date ? measurementSeason(base.date) : null;
  if (scale.baseline != null && baseSeason && baseSeason.schoolYear === season.schoolYear && SEASON_ORDER[baseSeason.season] < SEASON_ORDER[season.season]) {
    const [start, end] = [normCell(table, grade.grade, baseSeason.season, 50), normCell(table, grade.grade, season.season, 50)];
    const asked = scale.target - scale.baseline;
    if (start && end && scale.baseline <= start.wcpm && asked < end.wcpm - start.wcpm) {
      parts.push(
        `it asks for a gain of ${fmtNum(asked)} WCPM (${fmtNum(scale.baseline)} to ${fmtNum(scale.target)}) from ${baseSeason.season} to ${season.season}, ` +
        `while the 50th percentile gains ${fmtNum(end.wcpm - start.wcpm)} (${fmtNum(start.wcpm)} to ${fmtNum(end.wcpm)}): met exactly, it leaves the child further below the 50th percentile`,
      );
      used.push(start, end);
    }
  }
  return parts.length ? { parts, cells: uniq(used) } : null;
}

export function goalNotAmbitiousFlags(ctx: FlagContext): RedFlag[] {
  const table = normTable(ctx);
  const flags: RedFlag[] = [];
  for (const goal of ctx.goals.values()) {
    if (!onNormScale(goal, table)) continue;
    const found = ambitionFindings(ctx, goal, table);
    if (!found) continue;
    flags.push({
      key: flagKey('goal_not_ambitious', [goal.id]),
      type: 'goal_not_ambitious',
      goalIds: [goal.id],
      documentIds: [goal.documentId],
      description: `${goalName(goal)}: ${found.parts.join('; and ')} (${citeCells(table, found.cells)}).`,
      evidence: [goal.source],
    });
  }
  return flags;
}
