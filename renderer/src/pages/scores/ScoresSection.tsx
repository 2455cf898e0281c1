// Test scores: percentile ranks across years per test and subtest (the gap with peers growing or
// closing), each measure's trend across years and instruments (standing among peers with its
// confidence interval, raw or scale scores apart, levels), and every score read from the documents,
// each value linking to its page, its subtest as printed with the canonical name beside it
// ("Letter-Word Identification (Word Reading)").
import type { TestScore } from '../../../../shared/domain';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { type MeasureTrend, measureChartOption, measureTrends } from '../../../../shared/timeline/chart-scores';
import { invoke } from '../../api/client';
import { EChart } from '../../components/charts/EChart';
import { chartRows } from '../../components/charts/chartData';
import { SourceLink } from '../../components/charts/SourceLink';
import { useCaseQuery } from '../../components/charts/useCaseQuery';
import type { SectionProps } from '../sections';

type ScoreRow = TestScore & { documentId?: string };

/** scores.list carries the case model's scores untyped across the API; keep the ones shaped like scores. */
function asScores(list: unknown[]): ScoreRow[] {
  return list.filter((s): s is ScoreRow => {
    const r = s as Partial<ScoreRow> | null;
    return !!r && typeof r.test === 'string' && typeof r.subtest === 'string' && !!r.source && typeof r.source.page === 'number';
  });
}

function byDateThenTest(a: ScoreRow, b: ScoreRow): number {
  return (a.date ?? '').localeCompare(b.date ?? '') || a.test.localeCompare(b.test) || a.subtest.localeCompare(b.subtest);
}

const SCORE_TYPES: Record<string, string> = { scale_score: 'scale score', standard_score: 'standard score', scaled_score: 'scaled score', raw_score: 'raw score', t_score: 'T score', grade_equivalent: 'grade equivalent', percentile: 'percentile' };

function Value({ caseId, s, children, what }: { caseId: string; s: Pick<ScoreRow, 'test' | 'subtest' | 'source'>; children: string; what: string }) {
  return (
    <SourceLink caseId={caseId} source={s.source} label={`${s.test} ${s.subtest} ${what} ${children}, open its page`}>
      {children}
    </SourceLink>
  );
}

const scoreTypeName = (t: string | null) => (t ? SCORE_TYPES[t] ?? t.replace(/_/g, ' ') : '—');

/** One measure across years: its chart and the table of every administration, values linking to their pages. */
function MeasureTrendCard({ caseId, trend }: { caseId: string; trend: MeasureTrend }) {
  const id = `measure-${trend.key.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <section className="card measure-trend" aria-labelledby={id}>
      <h3 id={id}>{trend.measure}</h3>
      <EChart caseId={caseId} option={measureChartOption(trend)} height={260} label={`${trend.measure} across years`} />
      <table className="data-table scores-table">
        <caption className="sr-only">{trend.measure}: every administration</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Test</th>
            <th scope="col">Score type</th>
            <th scope="col" className="num">Score</th>
            <th scope="col">Confidence interval</th>
            <th scope="col" className="num">Percentile</th>
            <th scope="col">Level</th>
          </tr>
        </thead>
        <tbody>
          {trend.administrations.map((a, i) => (
            <tr key={`${a.date}:${a.test}:${a.scoreType}:${i}`}>
              <td>{formatDisplayDate(a.date)}</td>
              <td>{a.test}{a.subtest.toLowerCase() !== trend.measure.toLowerCase() ? <span className="muted"> ({a.subtest})</span> : null}</td>
              <td>{scoreTypeName(a.scoreType)}{a.kind === 'growth' ? <span className="muted"> (grows with any growth)</span> : null}</td>
              <td className="num">{a.score != null ? <Value caseId={caseId} s={a} what="score">{String(a.score)}</Value> : '—'}</td>
              <td>{a.ciLow != null && a.ciHigh != null ? `${a.ciLow}–${a.ciHigh}` : '—'}</td>
              <td className="num">{a.percentile != null ? <Value caseId={caseId} s={a} what="percentile">{String(a.percentile)}</Value> : '—'}</td>
              <td>{a.level ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ScoresSection({ caseData }: SectionProps) {
  const caseId = caseData.id;
  const q = useCaseQuery(caseId, () => invoke('scores.list', { caseId }));
  if (q.error) return <p role="alert" className="error">Scores could not be loaded: {q.error}</p>;
  if (!q.data) return <p aria-busy="true">Loading scores…</p>;
  const scores = asScores(q.data.scores).sort(byDateThenTest);
  if (!scores.length) return <p className="empty">No test scores yet: import evaluations and state or district score reports, and each score appears here with its page.</p>;
  const charted = chartRows(q.data.chartOption).length;
  // A trend needs the measure given at least twice on different dates.
  const trends = measureTrends(scores).filter((t) => new Set(t.administrations.map((a) => a.date)).size >= 2);
  return (
    <div className="scores">
      <section className="card" aria-labelledby="percentiles-heading">
        <h2 id="percentiles-heading">Percentiles across years</h2>
        {charted ? (
          <EChart caseId={caseId} option={q.data.chartOption} height={380} label="Percentile ranks by test and subtest" />
        ) : (
          <p className="muted">None of the scores reports a percentile with a date, so there is nothing to chart across years.</p>
        )}
      </section>
      {trends.length ? (
        <section aria-labelledby="trends-heading" className="measure-trends">
          <h2 id="trends-heading">Trends by measure ({trends.length})</h2>
          <p className="muted">
            Standing among peers (percentile rank, else standard score with its printed confidence interval) on the left axis; raw or scale scores, which rise with any growth, on the right.
          </p>
          {trends.map((t) => (
            <MeasureTrendCard key={t.key} caseId={caseId} trend={t} />
          ))}
        </section>
      ) : null}
      <section className="card" aria-labelledby="all-scores-heading">
        <h2 id="all-scores-heading">Every score ({scores.length})</h2>
        <table className="data-table scores-table">
          <thead>
            <tr>
              <th scope="col">Test</th>
              <th scope="col">Subtest</th>
              <th scope="col">Date</th>
              <th scope="col">Score type</th>
              <th scope="col" className="num">Score</th>
              <th scope="col" className="num">Percentile</th>
              <th scope="col">Level</th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s, i) => (
              <tr key={`${s.documentId ?? s.source.documentId}:${s.key}:${i}`}>
                <td>{s.test}</td>
                <td>
                  {s.subtest}
                  {s.alias && s.alias.toLowerCase() !== s.subtest.toLowerCase() ? <span className="muted score-alias" title="The same measure's name across tests and years"> ({s.alias})</span> : null}
                </td>
                <td>{formatDisplayDate(s.date)}</td>
                <td>{scoreTypeName(s.scoreType)}</td>
                <td className="num">{s.score != null ? <Value caseId={caseId} s={s} what="score">{String(s.score)}</Value> : '—'}</td>
                <td className="num">{s.percentile != null ? <Value caseId={caseId} s={s} what="percentile">{String(s.percentile)}</Value> : '—'}</td>
                <td>{s.level ? <Value caseId={caseId} s={s} what="level">{s.level}</Value> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
