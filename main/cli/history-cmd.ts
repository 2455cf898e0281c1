// `casefile history --case CASE [--json]`: the case's append-only history, newest first.
import type { Command } from 'commander';
import { caseHistory } from '../core/history/history';
import { printJson, printTable, withReadCore, type GlobalOptions } from './run';

export function registerHistoryCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('history')
    .description("a case's history, newest first: what was imported, corrected, exported, built, saved, trashed")
    .requiredOption('--case <case>', 'case name or id')
    .option('--json', 'print JSON')
    .action((o: { case: string; json?: boolean }) =>
      withReadCore(globals(), ({ core, resolveCase }) => {
        const list = caseHistory(core, resolveCase(core, o.case).id);
        if (o.json) return printJson(list);
        if (!list.length) return void process.stdout.write('No history yet.\n');
        printTable(
          ['WHEN', 'WHAT', 'DESCRIPTION'],
          list.map((h) => [h.at.replace('T', ' ').slice(0, 19), h.kind.replace(/_/g, ' '), h.description]),
        );
      }),
    );
}
