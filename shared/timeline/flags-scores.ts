// A measure whose raw or scale scores rise across years while its standing among peers (percentile
// rank, else standard score) falls: the child grew, but less than peers did, so the gap widened
// while the numbers a report quotes went up. Judged on administrations where both were printed,
// at least a school year apart; the fall must be beyond test error (every administration lower
// than the one before across three or more, or a drop of percentileSingleDrop percentile points /
// standardScoreDrop standard-score points).
import { formatDisplayDate } from '../text/dates';
import { type MeasureTrend, growthSeries, measureTrends, standingSeries } from './chart-scores';
import type { FlagContext, RedFlag } from './flag-types';
import { flagKey, fmtNum, uniq } from './flag-types';

/** Administrations this far apart or more span a school year. */
const MIN_SPAN_DAYS = 300;

function paired(trend: MeasureTrend) {
  const growth = new Map(growthSeries(trend).points.map((p) => [p.date, p] as const));
  const standing = standingSeries(trend);
  const both = standing.points.filter((p) => growth.has(p.date)).map((p) => ({ date: p.date, standing: p, growth: growth.get(p.date)! }));
  return { what: standing.what, scoreType: growthSeries(trend).scoreType, both };
}

export function scoreGapFlags(ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  const docs = new Map(ctx.model.testScores.map((s) => [s.source, s.documentId] as const));
  for (const trend of measureTrends(ctx.model.testScores)) {
    const { what, scoreType, both } = paired(trend);
    if (both.length < 2) continue;
    const [first, last] = [both[0], both[both.length - 1]];
    if (Date.parse(last.date) - Date.parse(first.date) < MIN_SPAN_DAYS * 86_400_000) continue;
    const rose = last.growth.value > first.growth.value;
    const stepsFell = both.every((b, i) => i === 0 || b.standing.value < both[i - 1].standing.value);
    const drop = first.standing.value - last.standing.value;
    const minDrop = what === 'percentile rank' ? ctx.t.percentileSingleDrop : ctx.t.standardScoreDrop;
    if (!rose || drop <= 0 || !((stepsFell && both.length >= 3) || drop >= minDrop)) continue;
    const years = `${formatDisplayDate(first.date)} to ${formatDisplayDate(last.date)}`;
    const type = (scoreType ?? 'score').replace(/_/g, ' ');
    const instruments = trend.instruments.join(', ');
    flags.push({
      key: flagKey('score_gap_widening', [trend.key]),
      type: 'score_gap_widening',
      goalIds: [],
      documentIds: uniq(both.flatMap((b) => [docs.get(b.standing.source) ?? b.standing.source.documentId, docs.get(b.growth.source) ?? b.growth.source.documentId])),
      description:
        `${instruments} ${trend.measure}, ${years}: the ${type} rose ${both.map((b) => fmtNum(b.growth.value)).join(' → ')} ` +
        `while the ${what} fell ${both.map((b) => fmtNum(b.standing.value)).join(' → ')}. The scores went up less than same-grade peers' did: the gap with peers grew.`,
      evidence: uniq(both.flatMap((b) => [b.growth.source, b.standing.source])),
    });
  }
  return flags;
}
