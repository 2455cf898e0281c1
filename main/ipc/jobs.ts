import { dismissJob, listJobs } from '../core/jobs/list';
import type { Registry } from './registry';

export function registerJobs(reg: Registry): void {
  reg.register('jobs.list', ({ caseId }, { core }) => listJobs(core, caseId));
  reg.register('jobs.dismiss', ({ jobId }, { core }) => dismissJob(core, jobId));
}
