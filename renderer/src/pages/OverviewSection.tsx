import type { SectionProps } from './sections';

export function OverviewSection({ caseData }: SectionProps) {
  const c = caseData;
  return (
    <div className="overview">
      <dl className="facts">
        <dt>Child</dt>
        <dd>{c.childName ?? '—'}</dd>
        <dt>Grade</dt>
        <dd>{c.grade ?? '—'}</dd>
        <dt>School</dt>
        <dd>{c.school ?? '—'}</dd>
        <dt>District</dt>
        <dd>{c.district ?? '—'}</dd>
        <dt>Primary disability</dt>
        <dd>{c.primaryDisability ?? '—'}</dd>
        <dt>State</dt>
        <dd>{c.state ?? '—'}</dd>
      </dl>
      <div className="empty drop-hint">Drop the family's documents here, or use Documents → Import.</div>
    </div>
  );
}
