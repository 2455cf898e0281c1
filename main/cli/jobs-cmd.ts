// `casefile jobs`: the background work of a case (or of every case): what runs, what a restart
// interrupted, what the start-up resumed and what failed for good, with why.
import type { Command } from 'commander';
import { listJobs } from '../core/jobs/list';
import { printJson, printTable, withReadCore, type GlobalOptions } from './run';

export function registerJobsCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('jobs')
    .description('background jobs (imports, OCR, packet builds): running, interrupted by a restart, resumed, or failed')
    .option('--case <case>', 'only this case (name or id)')
    .option('--json', 'print JSON: a list of { id, caseId, kind, status, resumed, startedAt, fraction, message, error }')
    .action((o: { case?: string; json?: boolean }) =>
      withReadCore(globals(), ({ core, resolveCase }) => {
        const caseId = o.case === undefined ? undefined : resolveCase(core, o.case).id;
        const jobs = listJobs(core, caseId);
        if (o.json) return printJson(jobs);
        if (!jobs.length) return void process.stdout.write('No jobs.\n');
        printTable(
          ['STARTED', 'KIND', 'STATUS', 'PROGRESS', 'ID', 'NOTE'],
          jobs.map((j) => [
            j.startedAt.slice(0, 16).replace('T', ' '),
            j.kind,
            j.resumed ? `${j.status} (resumed)` : j.status,
            `${Math.round(j.fraction * 100)}%`,
            j.id,
            j.error ?? j.message ?? '',
          ]),
        );
      }),
    );
}
