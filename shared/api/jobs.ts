// jobs.*: the background work of a case (or of all cases) that the user may want to know about:
// what runs now, what a restart interrupted, what the start-up resumed, and what failed for good.
import { z } from 'zod';
import { defineCall } from './define';

export const JOB_KINDS = ['import', 'ocr', 'extract', 'packet'] as const;

/**
 * running: under way (queued: OCR waiting its turn); interrupted: a restart stopped it and it was not
 * resumed yet; done: over (only resumed jobs are listed once over); failed: over with an error, or
 * could not be resumed (never retried).
 */
export type JobListStatus = 'queued' | 'running' | 'interrupted' | 'done' | 'failed';

export interface JobListItem {
  id: string;
  caseId: string;
  kind: (typeof JOB_KINDS)[number];
  status: JobListStatus;
  /** Started again by the start-up after a restart interrupted it. */
  resumed: boolean;
  /** When it (this run of it) started, ISO. */
  startedAt: string;
  /** 0-1, and the last progress message. */
  fraction: number;
  message: string;
  /** Why it failed. */
  error: string | null;
}

export const jobsApi = {
  'jobs.list': defineCall<JobListItem[]>()(() => z.object({ caseId: z.string().min(1).optional() })),
  /** Closes the notice about a job: a failed or interrupted one is forgotten, a resumed one no longer listed. */
  'jobs.dismiss': defineCall<{ dismissed: boolean }>()(() => z.object({ jobId: z.string().min(1) })),
};
