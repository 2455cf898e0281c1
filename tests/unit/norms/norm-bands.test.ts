// The goal chart of a fluency goal draws peers' percentile lines from the norm table over the
// years it shows, for the grades the case names: values read from the table, blank cells left out,
// each point citing its source and tag, and the SVG the packet embeds renders them.
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../main/core/timeline/svg';
import { normCell } from '../../../shared/norms/orf';
import { ORF_HASBROUCK_TINDAL_2017 } from '../../../shared/norms/orf-hasbrouck-tindal-2017';
import { goalChartOption } from '../../../shared/timeline/chart';
import { lineageChartData } from '../../../shared/timeline/chart-data';
import { type CaseModel, resolveProgressGoals } from '../../../shared/timeline/model';
import { entry, goal, iep, model, report } from '../timeline/support/build';

function fluencyCase(grade: string | null, unit = 'words correct per minute', material: number | null = null): CaseModel {
  const g = goal('iep1', 'doc-iep1', 1, { area: 'Reading fluency', unit, gradeLevel: material, baselineValue: 40, baselineText: 'On 09/12/2022 Ana read 40 WCPM.', targetValue: 90, targetDate: '2023-06-01', direction: 'increase' });
  const plan = iep('iep1', { meetingDate: '2022-09-05', startDate: '2022-09-05', endDate: '2023-09-04', goals: [g], student: { name: 'Ana', dob: null, grade, school: null, district: null, primaryDisability: null } });
  const points: Array<[string, number]> = [['2022-11-10', 45], ['2023-01-20', 50], ['2023-05-25', 58]];
  return resolveProgressGoals(model({ ieps: [plan], progressReports: [report('pr1', '2023-06-02', [entry(1, null, null, points, 'pr1')])] }));
}

const lineage = { id: 'L1', goalIds: ['iep1#G1'], label: 'Reading fluency' };

describe('norm lines on the fluency chart', () => {
  it('draws each printed percentile at the season anchors of the grade the IEP names', () => {
    const data = lineageChartData(fluencyCase('3'), lineage);
    expect(data.norms?.lines.map((l) => l.percentile)).toEqual([90, 75, 50, 25, 10]);
    const median = data.norms!.lines.find((l) => l.percentile === 50)!;
    expect(median.points.map((p) => [p.date, p.value])).toEqual([
      ['2022-09-01', normCell(ORF_HASBROUCK_TINDAL_2017, 3, 'fall', 50)!.wcpm],
      ['2023-01-15', normCell(ORF_HASBROUCK_TINDAL_2017, 3, 'winter', 50)!.wcpm],
      ['2023-06-01', normCell(ORF_HASBROUCK_TINDAL_2017, 3, 'spring', 50)!.wcpm],
    ]);
    const option = goalChartOption(data);
    const series = (option.series as Array<{ name: string; data: Array<{ name: string } | null> }>).filter((s) => s.name === "Peers' percentiles (Hasbrouck & Tindal 2017)")[2];
    expect(series.data[0]!.name).toMatch(/^Peers' 50th percentile, grade 3 fall: \d+ words correct per minute \(Hasbrouck & Tindal 2017, verified in two sources\)$/);
    const svg = renderChartSvg(option, { width: 640, height: 320 });
    expect(svg).toContain('<svg');
    expect(svg).toContain('50th');
  });

  it('leaves the blank grade 1 fall cells out and draws nothing without a grade or for another unit', () => {
    const first = lineageChartData(fluencyCase('1'), lineage).norms!;
    expect(first.lines.every((l) => l.points.every((p) => p.season !== 'fall'))).toBe(true);
    expect(first.lines[0].points).toHaveLength(2);
    expect(lineageChartData(fluencyCase(null), lineage).norms).toBeNull();
    expect(lineageChartData(fluencyCase('3', 'percent accuracy'), lineage).norms).toBeNull();
    expect((goalChartOption(lineageChartData(fluencyCase(null), lineage)).series as Array<{ name: string }>).some((s) => s.name.startsWith('Peers'))).toBe(false);
  });

  it('draws no grade norms for a year measured on lower-grade passages, and says so', () => {
    const data = lineageChartData(fluencyCase('4', 'words correct per minute', 3), lineage);
    expect(data.norms).toMatchObject({ lines: [], lowerGradeYears: ['2022-23'] });
    const option = goalChartOption(data) as { title: { subtext: string }; series: Array<{ name: string }> };
    expect(option.title.subtext).toContain("Peers' percentiles not drawn for 2022-23: measured on passages below grade level");
    expect(option.series.some((x) => x.name.startsWith('Peers'))).toBe(false);
    expect(lineageChartData(fluencyCase('4', 'words correct per minute', 4), lineage).norms?.lines).toHaveLength(5);
  });
});
