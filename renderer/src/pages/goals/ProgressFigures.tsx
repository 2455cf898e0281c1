// The computed figures of a goal chart, phase by phase: rate of improvement per week against the
// rate the aim line needs, and the date the target would be met at this rate. Each carries a
// "computed" marker listing its inputs and formula.
import type { ChartSegment, GoalChartData } from '../../../../shared/timeline/chart-data';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { ComputedMarker } from '../../components/charts/ComputedMarker';
import { SourceLink } from '../../components/charts/SourceLink';

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 1 ? 2 : 1);
}

const signed = (n: number) => `${n >= 0 ? '+' : ''}${fmt(n)}`;

function formula(segment: ChartSegment, prefix: string): string {
  return segment.stats.formulas.find((f) => f.startsWith(prefix)) ?? prefix;
}

function pointInputs(segment: ChartSegment, u: string): string[] {
  return segment.points.map((p) => `${fmt(p.value)}${u} on ${formatDisplayDate(p.date)} (${p.sourceLabel})`);
}

function aimInputs(segment: ChartSegment, u: string): string[] {
  const { baseline, target } = segment;
  return [
    baseline ? `baseline ${fmt(baseline.value)}${u} on ${formatDisplayDate(baseline.date)}${baseline.estimatedDate ? ' (date estimated)' : ''}` : 'no baseline',
    target ? `target ${fmt(target.value)}${u} by ${formatDisplayDate(target.date)}` : 'no target date',
  ];
}

function Rate({ segment, u }: { segment: ChartSegment; u: string }) {
  const { ratePerWeek } = segment.stats;
  if (ratePerWeek == null) return <span className="muted">needs 3 data points ({segment.points.length} so far)</span>;
  return (
    <>
      {signed(ratePerWeek)}
      {u}/week <ComputedMarker what="the rate of improvement" formula={formula(segment, 'trend')} inputs={pointInputs(segment, u)} />
    </>
  );
}

function Needed({ segment, u }: { segment: ChartSegment; u: string }) {
  const { rateNeededPerWeek } = segment.stats;
  if (rateNeededPerWeek == null) return <span className="muted">—</span>;
  return (
    <>
      {signed(rateNeededPerWeek)}
      {u}/week <ComputedMarker what="the rate needed" formula={formula(segment, 'aim line')} inputs={aimInputs(segment, u)} />
    </>
  );
}

function Projected({ segment, u }: { segment: ChartSegment; u: string }) {
  const { projection, trend } = segment.stats;
  if (!projection) return <span className="muted">—</span>;
  const inputs = [
    ...(trend ? [`trend ${signed(trend.ratePerWeek)}${u}/week through ${fmt(trend.anchorValue)}${u} on ${formatDisplayDate(trend.anchorDate)}`] : []),
    ...aimInputs(segment, u).slice(1),
  ];
  return (
    <>
      <span className={projection.date ? '' : 'status-bad'}>{projection.date ? formatDisplayDate(projection.date) : 'not at this rate'}</span>{' '}
      <ComputedMarker what="the projected date" formula={formula(segment, 'projection')} inputs={inputs} />
    </>
  );
}

export function ProgressFigures({ caseId, chart }: { caseId: string; chart: GoalChartData }) {
  const u = chart.unit ? ` ${chart.unit}` : '';
  if (!chart.segments.length) return <p className="muted">No goal of this lineage has a number to chart.</p>;
  const latest = chart.segments[chart.segments.length - 1];
  return (
    <div className="progress-figures">
      <dl className="key-figures" aria-label="Latest IEP year">
        <div>
          <dt>Rate of improvement</dt>
          <dd>
            <Rate segment={latest} u={u} />
          </dd>
        </div>
        <div>
          <dt>Rate needed</dt>
          <dd>
            <Needed segment={latest} u={u} />
          </dd>
        </div>
        <div>
          <dt>Target met at this rate</dt>
          <dd>
            <Projected segment={latest} u={u} />
          </dd>
        </div>
      </dl>
      <table className="data-table phases">
        <caption className="sr-only">Each IEP year of the goal</caption>
        <thead>
          <tr>
            <th scope="col">IEP year</th>
            <th scope="col" className="num">Baseline</th>
            <th scope="col" className="num">Target</th>
            <th scope="col" className="num">Data points</th>
            <th scope="col">Rate</th>
            <th scope="col">Needed</th>
            <th scope="col">Projected</th>
          </tr>
        </thead>
        <tbody>
          {chart.segments.map((s) => (
            <tr key={s.goalId}>
              <th scope="row">{s.phaseLabel}</th>
              <td className="num">
                {s.baseline ? (
                  <SourceLink caseId={caseId} source={s.baseline.source} label={`Baseline ${fmt(s.baseline.value)}${u}, open its page`}>
                    {fmt(s.baseline.value)}
                  </SourceLink>
                ) : (
                  '—'
                )}
              </td>
              <td className="num">{s.target ? `${fmt(s.target.value)} by ${formatDisplayDate(s.target.date)}` : '—'}</td>
              <td className="num">{s.points.length}</td>
              <td>
                <Rate segment={s} u={u} />
              </td>
              <td>
                <Needed segment={s} u={u} />
              </td>
              <td>
                <Projected segment={s} u={u} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
