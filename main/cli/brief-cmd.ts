// `casefile brief --case CASE --out FILE`: the IEP meeting brief (per goal: baseline, target,
// latest data with its page, the trend against the aim line and on track or not, the open red
// flags, the services and minutes missed, the questions for the team) as DOCX or PDF, by the
// file's extension. --file also files it in the case, as the app's Save does.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError, withCore, withReadCore, type GlobalOptions } from './run';

export function registerBriefCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('brief')
    .description('the IEP meeting brief: each goal with its data, trend, on-track verdict, red flags and questions; services and minutes missed')
    .requiredOption('--case <case>', 'case name or id')
    .requiredOption('--out <file>', 'where to write it: .docx or .pdf')
    .option('--file', 'also file the brief in the case as a document')
    .action((o: { case: string; out: string; file?: boolean }) => {
      const format = /\.docx$/i.test(o.out) ? 'docx' : /\.pdf$/i.test(o.out) ? 'pdf' : null;
      if (!format) throw new UsageError('--out must end in .docx or .pdf');
      return (o.file ? withCore : withReadCore)(globals(), async ({ core, resolveCase }) => {
        const [{ buildMeetingBrief }, { renderBrief }, { saveMeetingBrief }] = await Promise.all([
          import('../core/brief/build'),
          import('../core/brief/render'),
          import('../core/brief/service'),
        ]);
        const c = resolveCase(core, o.case);
        const brief = buildMeetingBrief(core, c.id);
        writeFileSync(o.out, await renderBrief(brief, format));
        if (o.file) await saveMeetingBrief(core, c.id, format, {}, brief.generalQuestions);
        const onTrack = brief.goals.filter((g) => g.progress.onTrack === true).length;
        const notOnTrack = brief.goals.filter((g) => g.progress.onTrack === false).length;
        process.stdout.write(`Wrote ${o.out}: ${brief.goals.length} goal(s) of the ${brief.iep ?? 'case'} (${onTrack} on track, ${notOnTrack} not, ${brief.goals.length - onTrack - notOnTrack} cannot be computed), ` +
          `${brief.goals.reduce((n, g) => n + g.findings.length, 0) + brief.caseFindings.length} open red flag(s)${o.file ? '; filed in the case' : ''}.\n`);
      });
    });
}
