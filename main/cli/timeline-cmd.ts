import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { GoalCheck } from '../../shared/goals/check';
import { LETTER_TEMPLATE_IDS, type LetterTemplateId } from '../../shared/deadlines/derive';
import { formatDisplayDate } from '../../shared/text/dates';
import { printJson, printTable, withCore, withReadCore, UsageError, type GlobalOptions } from './run';

function goalCheckJson(c: GoalCheck) {
  return {
    components: c.components,
    measurable: c.measurable,
    targetValue: c.targetValue,
    unit: c.unit,
    direction: c.direction,
    baselineValue: c.baselineValue,
    targetDate: c.targetDate,
    area: c.area,
    reasons: c.reasons,
  };
}

function printGoalCheck(text: string, c: GoalCheck) {
  const yes = (b: boolean) => (b ? 'yes' : 'MISSING');
  process.stdout.write(`Goal: ${text}\n`);
  process.stdout.write(`  condition ${yes(c.components.condition)} · behavior ${yes(c.components.behavior)} · criterion ${yes(c.components.criterion)} · timeframe ${yes(c.components.timeframe)}\n`);
  process.stdout.write(`  measurable: ${c.measurable ? 'yes' : 'no'}; target ${c.targetValue ?? '—'} ${c.unit ?? ''}; direction ${c.direction ?? '—'}; baseline ${c.baselineValue ?? 'not stated'}; area ${c.area ?? '—'}\n`);
  for (const r of c.reasons) process.stdout.write(`  - ${r}\n`);
}

export function registerCaseToolCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('goal-check')
    .description('check a goal for condition, behavior, criterion and timeframe (measurability)')
    .argument('[text]', 'the goal sentence')
    .option('--stdin', 'read one goal per line from standard input; one JSON object per line out')
    .option('--json', 'print JSON')
    .action(async (text: string | undefined, o: { stdin?: boolean; json?: boolean }) => {
      const { checkGoal } = await import('../../shared/goals/check');
      if (o.stdin) {
        const input = readFileSync(0, 'utf8');
        for (const line of input.split(/\r?\n/)) {
          if (!line.trim()) continue;
          process.stdout.write(JSON.stringify(goalCheckJson(checkGoal(line.trim()))) + '\n');
        }
        return;
      }
      if (!text?.trim()) throw new UsageError('give the goal text, or use --stdin');
      const result = checkGoal(text.trim());
      if (o.json) return printJson(goalCheckJson(result));
      printGoalCheck(text.trim(), result);
    });

  program
    .command('deadlines')
    .description("the district's deadlines for a case (or every case), with rule and citation")
    .option('--case <case>', 'case name or id (default: all cases)')
    .option('--json', 'print JSON')
    .action((o: { case?: string; json?: boolean }) =>
      withReadCore(globals(), async ({ core, resolveCase }) => {
        const { caseDeadlines, allDeadlines } = await import('../core/deadlines/service');
        const list = o.case ? caseDeadlines(core, resolveCase(core, o.case).id) : allDeadlines(core);
        if (o.json) return printJson(list);
        if (!list.length) return void process.stdout.write('No deadlines: add IEPs, letters or events to the case.\n');
        printTable(
          ['DUE', 'STATUS', 'DEADLINE', 'STARTED BY', 'RULE', 'CONFIDENCE'],
          list.map((d) => [d.dueDate ? formatDisplayDate(d.dueDate) : 'cannot compute', d.status, d.title, `${d.triggerEvent.label}`, d.citation, d.confidence === 'verified' ? 'verified' : `UNVERIFIED (${d.confidence})`]),
        );
      }),
    );

  program
    .command('letter')
    .description(`draft a letter from the case: ${LETTER_TEMPLATE_IDS.join(', ')}`)
    .requiredOption('--case <case>', 'case name or id')
    .requiredOption('--template <name>', 'which letter')
    .requiredOption('--out <file>', 'where to write it: .docx or .pdf')
    .option('--sent <YYYY-MM-DD>', 'the date it was sent: files it in the case and starts its deadline')
    .action((o: { case: string; template: string; out: string; sent?: string }) =>
      // Filing it as sent writes to the case; drafting only reads.
      (o.sent ? withCore : withReadCore)(globals(), async ({ core, resolveCase }) => {
        if (!(LETTER_TEMPLATE_IDS as readonly string[]).includes(o.template)) throw new UsageError(`--template must be one of ${LETTER_TEMPLATE_IDS.join(', ')}`);
        const ext = path.extname(o.out).toLowerCase();
        if (ext !== '.docx' && ext !== '.pdf') throw new UsageError('--out must end in .docx or .pdf');
        const c = resolveCase(core, o.case);
        const [{ draftCaseLetter, saveLetter }, { renderDocx, renderPdf }] = await Promise.all([import('../core/letters/service'), import('../core/letters')]);
        const draft = draftCaseLetter(core, c.id, o.template as LetterTemplateId);
        if (o.sent) await saveLetter(core, c.id, { ...draft, date: o.sent }, o.sent);
        writeFileSync(o.out, ext === '.docx' ? await renderDocx(draft) : await renderPdf(draft));
        process.stdout.write(`Wrote ${o.out}: "${draft.subject}".${o.sent ? ' Filed in the case as sent.' : ''}\n`);
      }),
    );
}
