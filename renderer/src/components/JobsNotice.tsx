// Says what became of the case's imports and packet builds that the app was closed (or stopped)
// under: resumed at start (and how far), or failed for good and why. The list follows the engine
// (jobs.list under the case's key, refreshed by its change events) and stays until dismissed.
import { Button } from './ui/Button';
import type { JobListItem } from '../../../shared/api/jobs';
import { formatDisplayDate } from '../../../shared/text/dates';
import { invoke } from '../api/client';
import { invalidateCase, keys, useCall } from '../api/queries';

const WHAT: Record<JobListItem['kind'], string> = { import: 'An import of files', packet: 'A packet build', ocr: 'Text recognition', extract: 'Reading values' };

function sentence(j: JobListItem): string {
  const what = `${WHAT[j.kind]} started ${formatDisplayDate(j.startedAt.slice(0, 10))}`;
  if (j.resumed && j.status === 'running') return `${what} was stopped when the app closed and is being resumed (${Math.round(j.fraction * 100)}%).`;
  if (j.resumed && j.status === 'done') return `${what} was stopped when the app closed, and has been resumed and finished.`;
  if (j.resumed && j.status === 'failed') return `${what} was resumed after the app closed, but failed: ${j.error ?? 'no reason given'}`;
  if (j.status === 'interrupted') return `${what} was stopped when the app closed; it is resumed at the next start.`;
  return `${what} was stopped when the app closed and could not be resumed: ${j.error ?? 'no reason given'}`;
}

/** Jobs the notice is about: resumed ones, and those a restart stopped that are not running. */
const shown = (j: JobListItem) => (j.kind === 'import' || j.kind === 'packet') && (j.resumed || j.status === 'interrupted' || j.status === 'failed');

export function JobsNotice({ caseId }: { caseId: string }) {
  const jobs = (useCall(keys.case(caseId, 'jobs'), 'jobs.list', { caseId }).data ?? []).filter(shown);
  if (!jobs.length) return null;
  const dismiss = async () => {
    await Promise.all(jobs.map((j) => invoke('jobs.dismiss', { jobId: j.id }).catch(() => undefined)));
    invalidateCase(caseId);
  };
  return (
    <section className="notice jobs-notice" role="status" aria-label="Work stopped when the app closed">
      {jobs.map((j) => (
        <p key={j.id}>{sentence(j)}</p>
      ))}
      <Button onPress={() => void dismiss()}>Dismiss</Button>
    </section>
  );
}
