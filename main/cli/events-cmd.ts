// `casefile events`: a case's events (derived from its documents, entered, or read from its letters) and the
// suggestions its letters, emails and notices give (stored when each was extracted), each with its page;
// --accept and --dismiss answer one. Listing only reads.
import type { Command } from 'commander';
import { formatDisplayDate } from '../../shared/text/dates';
import { printJson, printTable, withCore, withReadCore, UsageError, type GlobalOptions } from './run';

export function registerEventsCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('events')
    .description("a case's events and the events read from its letters and notices (suggestions), with the deadlines each starts")
    .requiredOption('--case <case>', 'case name or id')
    .option('--accept <suggestion>', 'make a suggestion (its id from --json) an event of the case')
    .option('--dismiss <suggestion>', 'dismiss a suggestion (an automatic one too)')
    .option('--reason <text>', 'with --dismiss: why (kept with the dismissal and in the history)')
    .option('--date <YYYY-MM-DD>', 'with --accept: the date, when the letter gives none or it is wrong')
    .option('--json', 'print JSON: { events, suggestions }')
    .action((o: { case: string; accept?: string; dismiss?: string; reason?: string; date?: string; json?: boolean }) => {
      if (o.accept && o.dismiss) throw new UsageError('give --accept or --dismiss, not both');
      if (o.reason && !o.dismiss) throw new UsageError('--reason goes with --dismiss');
      if (o.date && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new UsageError('--date must be YYYY-MM-DD');
      return (o.accept || o.dismiss ? withCore : withReadCore)(globals(), async ({ core, resolveCase }) => {
        const [{ caseEvents }, { acceptSuggestion, caseSuggestions, dismissSuggestion }] = await Promise.all([
          import('../core/deadlines/service'),
          import('../core/deadlines/suggestions'),
        ]);
        const c = resolveCase(core, o.case);
        if (o.accept) acceptSuggestion(core, c.id, o.accept, o.date);
        if (o.dismiss) dismissSuggestion(core, c.id, o.dismiss, false, o.reason);
        const events = caseEvents(core, c.id);
        const suggestions = caseSuggestions(core, c.id);
        if (o.json) return printJson({ events, suggestions });
        printTable(
          ['DATE', 'EVENT', 'FROM'],
          events.map((e) => [formatDisplayDate(e.date), e.label, e.origin]),
        );
        if (!suggestions.length) return void process.stdout.write('\nNo events found in the letters and notices of this case.\n');
        process.stdout.write('\nRead from letters and notices:\n');
        printTable(
          ['STATUS', 'EVENT', 'STARTS', 'ID'],
          suggestions.map((s) => [s.dismissReason ? `${s.status}: ${s.dismissReason}` : s.status, s.label, s.deadlines.map((d) => `${d.title} ${d.dueDate ? formatDisplayDate(d.dueDate) : '(cannot compute)'} (${d.citation})`).join('; ') || '-', s.id]),
        );
      });
    });
}
