import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-aria-components';
import { formatDisplayDate } from '../../../shared/text/dates';
import { invoke } from '../api/client';
import { invalidateCase, invalidateCases, isReviewed, keys, queryClient, useCall, useReviewQueue } from '../api/queries';
import { href } from '../router';
import { CaseInfoSection } from './CaseInfoSection';
import { caseSections, type SectionProps } from './sections';
import { ExportCaseButton } from './ExportCaseButton';

export function CasePage({ caseId, section, rest }: { caseId: string; section: string; rest: string[] }) {
  // Opening records the visit (the home page sorts by it); the details then come from the data layer.
  const [opened, setOpened] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  useEffect(() => {
    invoke('cases.open', { caseId })
      .then((c) => {
        queryClient.setQueryData(keys.case(caseId, 'details'), c);
        setOpened(true);
        invalidateCases();
      })
      .catch((e: Error) => setOpenError(e.message));
  }, [caseId]);
  const details = useCall(keys.case(caseId, 'details'), 'cases.get', { caseId }, { enabled: opened });
  // Nothing cached from an earlier visit is shown before this visit's details: a form filled from
  // them would save at an old version.
  const c = opened ? (details.data ?? null) : null;
  const error = openError ?? (details.error ? details.error.message : null);
  const reload = useCallback(() => invalidateCase(caseId), [caseId]);
  const queue = useReviewQueue(caseId);
  const toReview = (queue.data ?? []).filter((i) => !isReviewed(i)).length;

  if (error) return <p role="alert" className="error">{error}</p>;
  // Never a section of one case under another's route, even for the moment before the new case loads.
  if (!c || c.id !== caseId) return <p aria-busy="true">Loading…</p>;
  const props: SectionProps = { caseData: c, rest, reload };
  const current = caseSections.find((s) => s.id === section) ?? caseSections[0];
  const Body = section === 'info' ? CaseInfoSection : current.component;
  return (
    <div className="case-layout">
      <nav className="case-nav" aria-label="Case sections">
        <p className="case-title">{c.name}</p>
        <ul>
          {caseSections.map((s) => (
            <li key={s.id}>
              <Link href={href({ page: 'case', caseId, section: s.id, rest: [] })} aria-current={s.id === current.id ? 'page' : undefined}>
                {s.label}
                {s.id === 'review' && toReview > 0 && (
                  <span className="count" aria-label={`${toReview} documents to review`}>
                    {toReview}
                  </span>
                )}
              </Link>
            </li>
          ))}
          <li>
            <Link href={href({ page: 'case', caseId, section: 'info', rest: [] })} aria-current={section === 'info' ? 'page' : undefined}>
              Case info
            </Link>
          </li>
        </ul>
        <ExportCaseButton caseId={caseId} caseName={c.name} />
      </nav>
      <section className="case-body" aria-labelledby="case-heading">
        <header className="child-header">
          <h1 id="case-heading">{section === 'info' ? 'Case info' : current.label}</h1>
          <p className="muted">
            {[c.childName, c.dob && `born ${formatDisplayDate(c.dob)}`, c.grade && `grade ${c.grade}`, c.school, c.state]
              .filter(Boolean)
              .join(' · ')}
            {c.archivedAt && <span className="tag">Archived</span>}
          </p>
        </header>
        <Body key={c.id} {...props} />
      </section>
    </div>
  );
}
