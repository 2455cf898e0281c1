import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { DropZone, Link } from 'react-aria-components';
import { formatDisplayDate } from '../../../shared/text/dates';
import { invoke } from '../api/client';
import { invalidateCase, invalidateCases, isReviewed, keys, queryClient, useCall, useReviewQueue } from '../api/queries';
import { href } from '../router';
import { CaseInfoSection } from './CaseInfoSection';
import { caseSections, type SectionProps } from './sections';
import { ExportCaseButton } from './ExportCaseButton';
import { JobsNotice } from '../components/JobsNotice';
import { ImportProgress } from './documents/ImportPanel';
import { droppedOnDisk, filesFromDrop, startImport } from './documents/importStore';

/**
 * The whole case view takes dropped files and folders, whatever section is open, and imports them into
 * the case through the same import as the Documents section (which has its own drop target, so this one
 * stands aside there). The import's progress shows above the section.
 */
function CaseDropZone({ caseId, onDocuments, children }: { caseId: string; onDocuments: boolean; children: ReactNode }) {
  const dropped = useRef<File[]>([]);
  return (
    <div className="doc-drop-outer" onDropCapture={(e) => void (dropped.current = onDocuments ? [] : Array.from(e.dataTransfer?.files ?? []))}>
      <DropZone
        className="case-layout case-dropzone"
        aria-label="Drop files or folders anywhere on the case to import them"
        isDisabled={onDocuments}
        onDrop={async (e) => {
          // The desktop app imports by paths on disk (a folder as a folder); sources without a file-system
          // entry (mail attachments, files made by a page) still have the drop's plain file list.
          let picked = droppedOnDisk(dropped.current) ?? (await filesFromDrop(e.items as Parameters<typeof filesFromDrop>[0]));
          if (!picked.length) picked = dropped.current.map((file) => ({ file, name: file.name, relativePath: '' }));
          dropped.current = [];
          void startImport(caseId, picked);
        }}
      >
        {children}
      </DropZone>
    </div>
  );
}

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
  const onDocuments = current.id === 'documents' && section !== 'info';
  return (
    <CaseDropZone caseId={caseId} onDocuments={onDocuments}>
      <nav className="case-nav" aria-label="Case sections">
        <p className="case-title">{c.name}</p>
        <ul>
          {caseSections.map((s) => (
            <li key={s.id}>
              <Link href={href({ page: 'case', caseId, section: s.id, rest: [] })} aria-current={section !== 'info' && s.id === current.id ? 'page' : undefined}>
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
        <JobsNotice caseId={caseId} />
        {!onDocuments && <ImportProgress caseId={caseId} />}
        <Body key={c.id} {...props} />
      </section>
    </CaseDropZone>
  );
}
