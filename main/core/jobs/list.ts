// What jobs.list shows: the jobs of this process (running, or resumed at start and over since) and
// the rows of the jobs table no job of this process stands for (OCR waiting, interrupted, failed, or
// running in another process such as the CLI).
import type { JobListItem } from '../../../shared/api/jobs';
import type { Core } from '../context';
import { jobQueries } from '../db/queries/jobs';
import { liveJob, liveJobs } from './index';

export function listJobs(core: Core, caseId?: string): JobListItem[] {
  const items: JobListItem[] = [];
  const live = new Set<string>();
  for (const j of liveJobs(core)) {
    live.add(j.id);
    if (caseId !== undefined && j.caseId !== caseId) continue;
    if (j.done && (j.dismissed || !j.resumed)) continue;
    items.push({
      id: j.id,
      caseId: j.caseId,
      kind: j.kind,
      status: !j.done ? 'running' : j.error ? 'failed' : 'done',
      resumed: j.resumed && !j.dismissed, // a dismissed one still running is listed as any running job
      startedAt: j.startedAt,
      fraction: j.progress.fraction,
      message: j.progress.message,
      error: j.error,
    });
  }
  for (const r of jobQueries(core.db).all(caseId)) {
    if (live.has(r.id)) continue;
    items.push({
      id: r.id,
      caseId: r.caseId,
      kind: r.kind,
      status: r.status,
      resumed: false,
      startedAt: r.createdAt,
      fraction: 0,
      message: '',
      error: r.error,
    });
  }
  return items.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** Closes the notice about a job: a failed or interrupted row is deleted; a job of this process is no longer shown as resumed, and no longer listed once over. */
export function dismissJob(core: Core, jobId: string): { dismissed: boolean } {
  const j = liveJob(core, jobId);
  if (j) {
    j.dismissed = true;
    return { dismissed: true };
  }
  const q = jobQueries(core.db);
  const r = q.get(jobId);
  if (r && !j && (r.status === 'failed' || r.status === 'interrupted')) {
    q.remove(jobId);
    return { dismissed: true };
  }
  return { dismissed: false };
}
