// `casefile forms list [--case CASE] [--json]`, `casefile forms apply --anchor ID [--documents ID...]`,
// `casefile forms undo --anchor ID`: form families, the anchors learned from corrections (issue 18),
// applying one to the family's other documents and taking it back.
import type { Command } from 'commander';
import { printJson, printTable, withCore, withReadCore, type GlobalOptions } from './run';

/** The forms engine, loaded when a forms command runs (issue 21). */
const formsService = () => import('../core/forms/service');

export function registerFormsCommand(program: Command, globals: () => GlobalOptions): void {
  const forms = program.command('forms').description('form families and what one correction taught them');
  forms
    .command('list')
    .description('form families (of one case, or of all cases) with their learned anchors')
    .option('--case <case>', 'case name or id (all cases without it)')
    .option('--json', 'print JSON')
    .action((o: { case?: string; json?: boolean }) =>
      withReadCore(globals(), async ({ core, resolveCase }) => {
        const list = (await formsService()).listFamilies(core, o.case ? resolveCase(core, o.case).id : undefined);
        if (o.json) return printJson(list);
        if (!list.length) return void process.stdout.write('No form families yet.\n');
        printTable(
          ['FAMILY', 'NAME', 'DOCUMENTS', 'CASES', 'ANCHORS'],
          list.map((f) => [f.id, f.name, String(f.documentCount), String(f.caseCount), String(f.anchors.length)]),
        );
        const anchors = list.flatMap((f) => f.anchors);
        if (!anchors.length) return;
        process.stdout.write('\n');
        printTable(
          ['ANCHOR', 'FIELD', 'READS', 'FILLED', 'STATE', 'LEARNED FROM'],
          anchors.map((a) => [a.id, `${a.entity}.${a.field}`, a.description, String(a.documentsFilled), !a.enabled ? 'disabled' : a.applied ? 'applied' : 'proposed', `${a.from.fileName} p. ${a.from.page}`]),
        );
      }),
    );
  forms
    .command('apply')
    .description("fill what an anchor reads on its family's other documents (never over a value you confirmed or edited)")
    .requiredOption('--anchor <id>', 'anchor id (see forms list)')
    .option('--documents <ids...>', 'only these documents')
    .option('--json', 'print JSON')
    .action((o: { anchor: string; documents?: string[]; json?: boolean }) =>
      withCore(globals(), async ({ core }) => {
        const r = (await formsService()).applyAnchor(core, o.anchor, o.documents);
        if (o.json) return printJson(r);
        process.stdout.write(`Filled ${r.valuesFilled} value(s) on ${r.documentsFilled} document(s).\n`);
      }),
    );
  forms
    .command('undo')
    .description('remove an anchor and every value it filled (your own corrections stay)')
    .requiredOption('--anchor <id>', 'anchor id (see forms list)')
    .option('--json', 'print JSON')
    .action((o: { anchor: string; json?: boolean }) =>
      withCore(globals(), async ({ core }) => {
        const r = (await formsService()).undoAnchor(core, o.anchor);
        if (o.json) return printJson(r);
        process.stdout.write(`Removed the anchor and ${r.valuesRemoved} value(s) it filled.\n`);
      }),
    );
}
