// Lineage, flags, timeline and charts on a model built from the dev-rivera truth: realistic input,
// scored the way ../shared/eval/score.py scores goal links and red flags.
import { beforeAll, expect, it } from 'vitest';
import { renderChartSvg } from '../../../main/core/timeline/svg';
import { lineageChartData } from '../../../shared/timeline/chart-data';
import { goalChartOption, percentileChartOption } from '../../../shared/timeline/chart';
import { RED_FLAG_TYPES, computeRedFlags } from '../../../shared/timeline/flags';
import { type GoalLineage, linkGoals } from '../../../shared/timeline/lineage';
import { type CaseModel, resolveProgressGoals } from '../../../shared/timeline/model';
import { buildTimeline } from '../../../shared/timeline/timeline';
import { describeRivera } from '../../support/fixtures';
import { scoreFlags } from './support/flag-score';
import { loadRiveraTruth, pairF1, riveraModel } from './support/rivera-model';

/* eslint-disable @typescript-eslint/no-explicit-any -- truth.json is untyped JSON */

describeRivera('timeline on dev-rivera', () => {
  let truth: any;
  let model: CaseModel;
  let links: GoalLineage[];
  beforeAll(() => {
    truth = loadRiveraTruth();
    model = resolveProgressGoals(riveraModel(truth));
    links = linkGoals(model);
  });

  it('assigns every progress entry to its goal and every report to its IEP', () => {
    let total = 0;
    let right = 0;
    truth.progress_reports.forEach((r: any, k: number) => {
      expect(model.progressReports[k].iepId).toBe(r.iep_id);
      r.entries.forEach((e: any, n: number) => {
        total++;
        if (model.progressReports[k].entries[n].goalId === e.goal_id) right++;
      });
    });
    expect(right).toBe(total);
  });

  it('links goals across IEPs with pairwise F1 >= 0.9 and leaves the new goals alone', () => {
    const f = pairF1(links.map((l) => l.goalIds), truth.goal_links.map((l: any) => l.goal_ids));
    console.log(`[rivera] goal_links precision ${f.precision.toFixed(3)} recall ${f.recall.toFixed(3)} F1 ${f.f1.toFixed(3)}`);
    expect(f.f1).toBeGreaterThanOrEqual(0.9);
    for (const id of truth.unlinked_goals) expect(links.find((l) => l.goalIds.includes(id))!.goalIds).toEqual([id]);
    for (const gold of truth.goal_links) {
      const mine = links.find((l) => l.goalIds.includes(gold.goal_ids[0]))!;
      expect(mine.met).toBe(gold.met);
    }
  });

  it('finds the red flags with F1 >= 0.9 and every type in the truth', () => {
    const all = computeRedFlags(model, links);
    // Types the truth predates (peers' norms, score trends) are asserted in flags-truth.test.ts, not scored here.
    const flags = all.filter((f) => !['gap_widening', 'goal_not_ambitious', 'score_gap_widening'].includes(f.type));
    const s = scoreFlags(truth, flags);
    console.log(`[rivera] red_flags precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`, Object.fromEntries(s.byType));
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    for (const [type, [hit, all]] of s.byType) expect(`${type} ${hit}/${all}`).toBe(`${type} ${all}/${all}`);
    for (const f of all) {
      expect(RED_FLAG_TYPES).toContain(f.type);
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.description).not.toMatch(/violat|illegal|denied FAPE|failed to comply/i);
    }
    expect(new Set(all.map((f) => f.key)).size).toBe(all.length);
    const carried = flags.find((f) => f.type === 'goal_carried_forward_unmet')!;
    // Restated unchanged from 2022 to 2023; the 2024 goal moved to grade 4 passages (a revision, still in the lineage).
    expect(carried.goalIds).toEqual(['IEP-2022-10-12#G1', 'IEP-2023-10-10#G1']);
    expect(carried.description).toContain('48 → 63 WCPM');
    expect(carried.description).toContain('target of 90');
    expect(carried.description).toContain('48 → 69 WCPM from the first baseline to the latest data (May 21, 2025)');
  });

  it('keeps flag keys stable when computed again', () => {
    const again = computeRedFlags(resolveProgressGoals(riveraModel(truth)), linkGoals(model));
    expect(again.map((f) => f.key)).toEqual(computeRedFlags(model, links).map((f) => f.key));
  });

  it('builds the timeline: a band per IEP, a row per lineage, every item sourced', () => {
    const timeline = buildTimeline(model, links);
    expect(timeline.bands.map((b) => b.kind)).toEqual(['initial', 'annual', 'amendment', 'annual']);
    expect(timeline.rows.filter((r) => r.kind === 'lineage')).toHaveLength(links.length);
    const reading = timeline.rows.find((r) => r.lineageId === links.find((l) => l.goalIds.includes('IEP-2022-10-12#G1'))!.id)!;
    expect(reading.items.filter((i) => i.kind === 'data_point').map((i) => i.value)).toEqual(
      truth.progress_data_points.filter((p: any) => p.goal_id.endsWith('#G1')).map((p: any) => p.value),
    );
    for (const kind of ['progress_reports', 'test_scores', 'correspondence', 'services']) expect(timeline.rows.some((r) => r.kind === kind)).toBe(true);
    const gaps = timeline.rows.find((r) => r.kind === 'services')!.items.filter((i) => i.kind === 'service_gap');
    // The provider's leave (Jan 8 - Feb 23, 2024) is the longest run of sessions not provided.
    const longest = gaps.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
    expect(longest.date >= '2024-01-08' && longest.endDate! <= '2024-02-23').toBe(true);
    for (const row of timeline.rows) for (const item of row.items) expect(item.source?.documentId).toBeTruthy();
    expect(timeline.start! <= '2022-09-21' && timeline.end! >= '2025-06-04').toBe(true);
  });

  it('charts the reading lineage with aim lines, phases and a carried target, and renders it to vector SVG', () => {
    const lineage = links.find((l) => l.goalIds.includes('IEP-2022-10-12#G1'))!;
    const data = lineageChartData(model, lineage);
    expect(data.segments).toHaveLength(3);
    expect(data.segments[0].baseline).toMatchObject({ value: 48, date: '2022-09-15', estimatedDate: false });
    const option = goalChartOption(data);
    const series = option.series as Array<{ name: string; data: Array<{ source: unknown }> }>;
    expect(series.filter((s) => s.name === 'Aim line')).toHaveLength(3);
    expect(series.filter((s) => s.name === 'Target carried forward')).toHaveLength(2);
    expect(series.filter((s) => s.name === 'Trend (Theil-Sen)').length).toBeGreaterThan(0);
    const points = series.filter((s) => s.name === 'Progress data').flatMap((s) => s.data);
    expect(points.every((p) => p.source)).toBe(true);
    const svg = renderChartSvg(option, { width: 720, height: 360 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<path[^>]+d="M/);
    expect(svg).not.toContain('<image');
    expect(svg).toContain('Reading Fluency');
  });

  it('charts percentiles per test and subtest across years', () => {
    const option = percentileChartOption(model.testScores);
    const names = (option.series as Array<{ name: string }>).map((s) => s.name);
    // Forms A and B of the KTEA-3 are one test: 2 CAASPP + 6 KTEA-3 subtests.
    expect(names).toHaveLength(8);
    expect(names).toContain('KTEA-3 Comprehensive — Reading Comprehension');
    const svg = renderChartSvg(option, { width: 720, height: 420 });
    expect(svg).toMatch(/<path/);
    expect(svg).not.toContain('<image');
  });
});

describeRivera('lineage on dev-rivera without the help of areas and units', () => {
  it('still links with F1 >= 0.9 when extraction found no area and no unit', () => {
    const truth = loadRiveraTruth();
    const m = riveraModel(truth);
    const bare = { ...m, ieps: m.ieps.map((i) => ({ ...i, goals: i.goals.map((g) => ({ ...g, area: null, unit: null })) })) };
    const f = pairF1(linkGoals(bare).map((l) => l.goalIds), truth.goal_links.map((l: any) => l.goal_ids));
    console.log(`[rivera] goal_links without areas/units F1 ${f.f1.toFixed(3)}`);
    expect(f.f1).toBeGreaterThanOrEqual(0.9);
  });
});
