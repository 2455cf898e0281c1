// The landing section of a case: is this IEP working? The child's header, the open red flags with
// their evidence, a small chart per goal lineage, missed service minutes, documents to review and
// the latest documents. An empty case teaches the first step instead.
import { Link } from 'react-aria-components';
import type { CaseDto } from '../../../../shared/api/cases';
import type { OverviewDto } from '../../../../shared/api/timeline';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { invoke } from '../../api/client';
import { EChart } from '../../components/charts/EChart';
import { useCaseQuery, useDocumentNames } from '../../components/charts/useCaseQuery';
import { viewerHref } from '../../components/viewer/links';
import { href } from '../../router';
import type { SectionProps } from '../sections';
import { FlagList } from './FlagList';
import { TYPE_LABELS } from '../documents/labels';

const sectionHref = (caseId: string, section: string, rest: string[] = []) => href({ page: 'case', caseId, section, rest });

function period(start: string | null, end: string | null): string {
  return start || end ? `${formatDisplayDate(start)} – ${formatDisplayDate(end)}` : '—';
}

function ChildHeader({ c, o }: { c: CaseDto; o: OverviewDto }) {
  const iep = o.currentIep;
  return (
    <dl className="facts overview-facts">
      <dt>Grade</dt>
      <dd>{c.grade ?? '—'}</dd>
      <dt>School</dt>
      <dd>{c.school ?? '—'}</dd>
      <dt>Current IEP</dt>
      <dd>
        {iep ? (
          <>
            {iep.type ? `${iep.type[0].toUpperCase()}${iep.type.slice(1)} · ` : ''}
            {period(iep.startDate ?? iep.meetingDate, iep.endDate)}
          </>
        ) : (
          'no IEP imported yet'
        )}
      </dd>
      <dt>Next annual review</dt>
      <dd>{formatDisplayDate(o.nextAnnualReview)}</dd>
      <dt>Reevaluation due</dt>
      <dd>
        {formatDisplayDate(o.nextReevaluation)}
        <span className="muted small fact-note">{o.reevaluationNote}</span>
      </dd>
      <dt>Records through</dt>
      <dd>{formatDisplayDate(o.recordsThrough)}</dd>
    </dl>
  );
}

function EmptyCase({ caseId }: { caseId: string }) {
  return (
    <div className="empty drop-hint">
      <p>
        <strong>Drop the family's documents here</strong> — IEPs, progress reports, evaluations, score reports, service logs, letters and emails.
      </p>
      <p>
        Open <Link href={sectionHref(caseId, 'documents')}>Documents</Link> to import a folder or a zip; the overview fills in as they are read.
      </p>
    </div>
  );
}

function GoalCharts({ caseId, lineages }: { caseId: string; lineages: OverviewDto['lineages'] }) {
  return (
    <section className="card" aria-labelledby="goal-charts-heading">
      <h2 id="goal-charts-heading">Goals</h2>
      {lineages.length === 0 ? (
        <p className="muted">No goals read from the IEPs yet.</p>
      ) : (
        <ul className="small-multiples">
          {lineages.map((l) => (
            <li key={l.id} className="small-chart">
              <Link href={sectionHref(caseId, 'goals', [l.id])} className="small-chart-title">
                {l.label} <span className={l.met === false ? 'status-bad' : l.met ? 'status-ok' : 'muted'}>{l.met == null ? 'not judged' : l.met ? 'met' : 'not met'}</span>
              </Link>
              <EChart caseId={caseId} option={l.chartOption} height={190} compact label={`${l.label} goal data`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MissedMinutes({ caseId, rows }: { caseId: string; rows: OverviewDto['missedMinutes'] }) {
  if (!rows.length) return null;
  return (
    <section className="card" aria-labelledby="missed-heading">
      <h2 id="missed-heading">Missed service minutes</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Period</th>
            <th scope="col" className="num">Missed</th>
            <th scope="col" className="num">District-responsible</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const page = viewerHref(caseId, r.documentId, r.page);
            return (
              <tr key={i}>
                <td>{r.service}</td>
                <td>{period(r.periodStart, r.periodEnd)}</td>
                <td className="num">
                  <a href={page} aria-label={`${r.missed} minutes missed, open the log page ${r.page}`}>{r.missed.toLocaleString('en-US')}</a>
                </td>
                <td className="num">
                  <a href={page} aria-label={`${r.districtResponsible} district-responsible minutes, open the log page ${r.page}`}>{r.districtResponsible.toLocaleString('en-US')}</a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function RecentDocuments({ caseId, o }: { caseId: string; o: OverviewDto }) {
  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent documents</h2>
      {o.documentsToReview > 0 && (
        <p>
          <Link href={sectionHref(caseId, 'review')} className="review-link">
            {o.documentsToReview} document{o.documentsToReview === 1 ? '' : 's'} need{o.documentsToReview === 1 ? 's' : ''} review
          </Link>
        </p>
      )}
      <ul className="recent-docs">
        {o.recentDocuments.map((d) => (
          <li key={d.id}>
            <a href={viewerHref(caseId, d.id, 1)}>{d.title}</a>
            <span className="muted">
              {' '}
              · {TYPE_LABELS[d.type as keyof typeof TYPE_LABELS] ?? d.type.replace(/_/g, ' ')} · {formatDisplayDate(d.date)}
            </span>
          </li>
        ))}
      </ul>
      <Link href={sectionHref(caseId, 'documents')}>All {o.documentCount} documents</Link>
    </section>
  );
}

export function OverviewSection({ caseData }: SectionProps) {
  const caseId = caseData.id;
  const overview = useCaseQuery(caseId, () => invoke('case.overview', { caseId }));
  const flags = useCaseQuery(caseId, () => invoke('flags.list', { caseId, includeDismissed: true }));
  const names = useDocumentNames(caseId);
  if (overview.error) return <p role="alert" className="error">The overview could not be built: {overview.error}</p>;
  const o = overview.data;
  if (!o) return <p aria-busy="true">Loading the overview…</p>;
  if (o.documentCount === 0) {
    return (
      <div className="overview">
        <ChildHeader c={caseData} o={o} />
        <EmptyCase caseId={caseId} />
      </div>
    );
  }
  return (
    <div className="overview">
      <ChildHeader c={caseData} o={o} />
      <div className="overview-grid">
        <div className="overview-main">
          {flags.error && <p role="alert" className="error">Red flags could not be loaded: {flags.error}</p>}
          {flags.data && <FlagList caseId={caseId} flags={flags.data} names={names} onChange={flags.set} />}
          <GoalCharts caseId={caseId} lineages={o.lineages} />
          <MissedMinutes caseId={caseId} rows={o.missedMinutes} />
        </div>
        <div className="overview-side">
          <RecentDocuments caseId={caseId} o={o} />
        </div>
      </div>
    </div>
  );
}
