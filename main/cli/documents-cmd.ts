import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportBatchDto, ImportFileResult } from '../../shared/api/documents';
import type { Core } from '../core/context';
import type { ResumeReport } from '../core/pipeline';
import { formatDisplayDate } from '../../shared/text/dates';
import { CommandFailed, oneLine, printJson, withCore, withReadCore, type GlobalOptions } from './run';

function progressPrinter() {
  const tty = process.stderr.isTTY;
  let last = '';
  return {
    update(fraction: number, message: string) {
      if (tty) {
        const width = 30;
        const filled = Math.round(fraction * width);
        const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(fraction * 100)}% ${message}`.slice(0, (process.stderr.columns ?? 100) - 1);
        process.stderr.write(`\r${line.padEnd(last.length)}`);
        last = line;
      } else if (message !== last) {
        process.stderr.write(`${Math.round(fraction * 100)}% ${message}\n`);
        last = message;
      }
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}

/** What went wrong in one run of import or resume, each told once, by file. */
class Problems {
  readonly lines: string[] = [];
  readonly extraction = new Map<string, string>();
  ocrResumedFailed = 0;
  readonly onExtractionFailed = (documentId: string, message: string) => {
    this.extraction.set(documentId, message);
  };
  readonly onOcrFailed = (_documentId: string, message: string) => {
    this.ocrResumedFailed++;
    this.lines.push(message);
  };
}

function failedLine(message: string): string {
  return `${'FAILED'.padEnd(10)} ${oneLine(message)}\n`;
}

/**
 * Finishes OCR an earlier run left queued (a crash, a quit mid-import) before anything else, so what
 * fails there is counted in this run's summary and exit code.
 */
async function resumeEarlierWork(core: Core, problems: Problems): Promise<ResumeReport | null> {
  const { queuedOcrCount, resumePendingWork } = await import('../core/pipeline');
  const queued = queuedOcrCount(core);
  if (queued) process.stderr.write(`Finishing OCR left from an earlier run (${queued} document(s)) first.\n`);
  const report = await resumePendingWork(core, { onOcrFailed: problems.onOcrFailed, onExtractionFailed: problems.onExtractionFailed });
  return queued ? report : null;
}

function resumedLine(r: ResumeReport): string {
  return `OCR left from an earlier run: ${r.ocrFinished.length} document(s) finished, ${r.ocrFailed.length} failed.\n`;
}

export function registerDocumentCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('import')
    .description('import files, folders (recursively) and zip archives into a case (first finishing OCR an earlier run left)')
    .requiredOption('--case <case>', 'case name or id')
    .option('--password <password>', 'password for an encrypted PDF')
    .option('--json', 'print the per-file results as JSON')
    .argument('<paths...>', 'files or folders')
    .action((paths: string[], o: { case: string; password?: string; json?: boolean }) =>
      withCore(
        globals(),
        async ({ core, resolveCase }) => {
          const c = resolveCase(core, o.case);
          // Importing loads the readers of every format, pdf.js and OCR: only this command does.
          const [{ inputsFromPaths }, { startImportBatch, getBatch }, { afterDocumentHook }] = await Promise.all([
            import('../core/documents/import'),
            import('../core/documents/batches'),
            import('../core/pipeline'),
          ]);
          const inputs = inputsFromPaths(paths);
          const bar = progressPrinter();
          let batchError: string | undefined;
          const off = core.on('job.progress', (e) => {
            bar.update(e.fraction, e.message);
            if (e.error) batchError = e.error;
          });
          const problems = new Problems();
          let resumed: ResumeReport | null;
          let result: ImportBatchDto;
          try {
            resumed = await resumeEarlierWork(core, problems);
            const batch = startImportBatch(core, c.id, inputs, { password: o.password, afterDocument: afterDocumentHook(core, problems.onExtractionFailed) });
            result = await getBatch(core, batch.jobId)!.promise;
          } finally {
            off();
            bar.end();
          }
          // An extraction failure shows on its file's row; one of an earlier run's documents on a line of its own.
          const extractionLines = new Map(problems.extraction);
          for (const f of result.files) {
            if (f.documentId && extractionLines.has(f.documentId)) f.message = extractionLines.get(f.documentId)!;
            if (f.documentId) extractionLines.delete(f.documentId);
          }
          const earlier = [...problems.lines, ...extractionLines.values()];
          // Anything but imported, already there or skipped on purpose (a link not followed) did not make
          // it: failed, or left unfinished by an error. Skipped files alone are no failure.
          // A file left at 'ocr' after the batch is kept with its OCR queued (the engine could not start).
          const waiting = result.cancelled ? 0 : result.files.filter((f) => f.status === 'ocr').length;
          const failed = result.files.filter((f) => f.status !== 'imported' && f.status !== 'duplicate' && f.status !== 'skipped' && (f.status !== 'ocr' || result.cancelled));
          const skipped = result.files.filter((f) => f.status === 'skipped').length;
          if (o.json) {
            printJson(result.files);
            for (const line of earlier) process.stderr.write(failedLine(line));
          } else {
            if (resumed) process.stdout.write(resumedLine(resumed));
            for (const line of earlier) process.stdout.write(failedLine(line));
            for (const f of result.files) process.stdout.write(`${statusWord(f).padEnd(10)} ${f.source}${f.message ? ` — ${oneLine(f.message)}` : ''}\n`);
            const unread = problems.extraction.size ? `, ${problems.extraction.size} not read for goals and services` : '';
            process.stdout.write(
              `${result.files.filter((f) => f.status === 'imported').length} imported, ${result.files.filter((f) => f.status === 'duplicate').length} already in the case${skipped ? `, ${skipped} skipped` : ''}, ${failed.length} failed${waiting ? `, ${waiting} waiting for OCR` : ''}${unread}.\n`,
            );
          }
          const parts = [
            failed.length ? `${failed.length} of ${result.files.length} file(s) failed` : '',
            waiting ? `${waiting} document(s) kept but not read yet: their OCR waits for \`casefile resume\`` : '',
            batchError ? `the import stopped: ${batchError}` : '',
            problems.ocrResumedFailed ? `${problems.ocrResumedFailed} document(s) from an earlier run failed OCR` : '',
            problems.extraction.size ? `${problems.extraction.size} document(s) could not be read for goals and services` : '',
          ].filter(Boolean);
          if (parts.length) throw new CommandFailed(`${parts.join('; ')} (listed above).`);
        },
        { resumesQueuedWork: true },
      ),
    );

  program
    .command('resume')
    .description('finish work an earlier run left: OCR queued before a crash or a quit, and extraction by an older version')
    .action(() =>
      withCore(
        globals(),
        async ({ core }) => {
          const bar = progressPrinter();
          const off = core.on('job.progress', (e) => bar.update(e.fraction, e.message));
          const problems = new Problems();
          const { resumePendingWork } = await import('../core/pipeline');
          let report: ResumeReport;
          try {
            report = await resumePendingWork(core, { onOcrFailed: problems.onOcrFailed, onExtractionFailed: problems.onExtractionFailed });
          } finally {
            off();
            bar.end();
          }
          for (const line of [...problems.lines, ...problems.extraction.values()]) process.stdout.write(failedLine(line));
          process.stdout.write(report.ocrFinished.length + report.ocrFailed.length ? resumedLine(report) : 'No OCR was waiting.\n');
          const failures = problems.ocrResumedFailed + problems.extraction.size;
          if (failures) throw new CommandFailed(`${failures} document(s) failed (listed above).`);
        },
        { resumesQueuedWork: true },
      ),
    );

  program
    .command('search')
    .description('search the text of every page: words, "phrases", prefix*, AND/OR/NOT')
    .option('--case <case>', 'only this case (default: all cases)')
    .option('--type <types>', 'only these document types, comma-separated (iep,progress_report,...)')
    .option('--from <YYYY-MM-DD>', 'documents dated on or after')
    .option('--to <YYYY-MM-DD>', 'documents dated on or before')
    .option('--limit <n>', 'at most this many hits', '20')
    .option('--json', 'print JSON')
    .argument('<query>', 'what to search for')
    .action((query: string, o: { case?: string; type?: string; from?: string; to?: string; limit: string; json?: boolean }) =>
      withReadCore(globals(), async ({ core, resolveCase }) => {
        const { HIT_END, HIT_START, pageBoxes, search } = await import('../core/search/service');
        const caseId = o.case ? resolveCase(core, o.case).id : undefined;
        const { hits, rankedAmong } = search(core, { query, caseId, types: o.type?.split(',') as never, dateFrom: o.from, dateTo: o.to, limit: Number(o.limit) || 20 });
        if (o.json) {
          const marked = (s: string) => s.replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');
          return printJson({ hits: hits.map((h) => ({ ...h, snippet: marked(h.snippet), boxes: pageBoxes(core, h.documentId, h.page, query) })), rankedAmong });
        }
        if (!hits.length) return void process.stdout.write('No matches.\n');
        if (rankedAmong !== null) {
          process.stdout.write(`More than ${rankedAmong} pages match; these are the best of the ${rankedAmong} most recently added (narrow the search to rank them all).\n`);
        }
        for (const h of hits) {
          process.stdout.write(`${h.title} — page ${h.page} (${h.type}, ${formatDisplayDate(h.date)}${caseId ? '' : `, ${h.caseName}`})\n`);
          process.stdout.write(`  ${h.snippet.replaceAll(HIT_START, '[').replaceAll(HIT_END, ']').replace(/\s+/g, ' ')}\n`);
        }
      }),
    );

  program
    .command('export')
    .description('write the case as JSON in the iep-casefile/export@1 format')
    .requiredOption('--case <case>', 'case name or id')
    .requiredOption('--out <file.json>', 'where to write it')
    .action((o: { case: string; out: string }) =>
      withReadCore(globals(), async ({ core, resolveCase }) => {
        const { exportCase } = await import('../core/export');
        // One read transaction: one snapshot of the case, even while the app writes to it.
        const data = core.db.transaction(() => exportCase(core, resolveCase(core, o.case).id))();
        writeFileSync(o.out, JSON.stringify(data, null, 1));
        process.stdout.write(`Wrote ${o.out}: ${data.documents.length} documents, ${data.ieps.length} IEPs, ${data.redFlags.length} red flags.\n`);
      }),
    );
}

function statusWord(f: ImportFileResult): string {
  return { imported: 'imported', duplicate: 'duplicate', skipped: 'skipped', failed: 'FAILED', cancelled: 'cancelled', queued: 'queued', reading: 'reading', ocr: 'WAITING' }[f.status];
}
