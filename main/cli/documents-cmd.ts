import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportFileResult } from '../../shared/api/documents';
import { resolveCase } from '../core/cases';
import { startImportBatch, getBatch } from '../core/documents/batches';
import { inputsFromPaths } from '../core/documents/import';
import { afterDocumentHook } from '../core/pipeline';
import { HIT_END, HIT_START, pageBoxes, search } from '../core/search';
import { exportCase } from '../core/export';
import { formatDisplayDate } from '../../shared/text/dates';
import { printJson, withCore, type GlobalOptions } from './run';

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

export function registerDocumentCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('import')
    .description('import files, folders (recursively) and zip archives into a case')
    .requiredOption('--case <case>', 'case name or id')
    .option('--password <password>', 'password for an encrypted PDF')
    .option('--json', 'print the per-file results as JSON')
    .argument('<paths...>', 'files or folders')
    .action((paths: string[], o: { case: string; password?: string; json?: boolean }) =>
      withCore(globals(), async ({ core }) => {
        const c = resolveCase(core, o.case);
        const inputs = inputsFromPaths(paths);
        const bar = progressPrinter();
        const off = core.on('job.progress', (e) => bar.update(e.fraction, e.message));
        const batch = startImportBatch(core, c.id, inputs, { password: o.password, afterDocument: afterDocumentHook(core) });
        const result = await getBatch(core, batch.jobId)!.promise;
        off();
        bar.end();
        if (o.json) return printJson(result.files);
        for (const f of result.files) process.stdout.write(`${statusWord(f).padEnd(10)} ${f.source}${f.message ? ` — ${f.message}` : ''}\n`);
        const failed = result.files.filter((f) => f.status === 'failed').length;
        process.stdout.write(`${result.files.filter((f) => f.status === 'imported').length} imported, ${result.files.filter((f) => f.status === 'duplicate').length} already in the case, ${failed} failed.\n`);
        if (failed && failed === result.files.length) process.exitCode = 1;
      }),
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
      withCore(globals(), ({ core }) => {
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
      withCore(globals(), ({ core }) => {
        const data = exportCase(core, resolveCase(core, o.case).id);
        writeFileSync(o.out, JSON.stringify(data, null, 1));
        process.stdout.write(`Wrote ${o.out}: ${data.documents.length} documents, ${data.ieps.length} IEPs, ${data.redFlags.length} red flags.\n`);
      }),
    );
}

function statusWord(f: ImportFileResult): string {
  return { imported: 'imported', duplicate: 'duplicate', failed: 'FAILED', cancelled: 'cancelled', queued: 'queued', reading: 'reading', ocr: 'ocr' }[f.status];
}
