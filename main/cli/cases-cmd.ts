import type { Command } from 'commander';
import { formatDisplayDate } from '../../shared/text/dates';
import type { CaseDto } from '../../shared/api/cases';
import { printJson, printTable, withCore, withReadCore, type GlobalOptions } from './run';

function printCase(c: CaseDto) {
  const rows: [string, string | null][] = [
    ['Id', c.id],
    ['Name', c.name],
    ['Child', c.childName],
    ['Date of birth', c.dob],
    ['Grade', c.grade],
    ['Primary disability', c.primaryDisability],
    ['Secondary disability', c.secondaryDisability],
    ['State', c.state],
    ['District', c.district],
    ['School', c.school],
    ['Archived', c.archivedAt],
  ];
  for (const [k, v] of rows) if (v) process.stdout.write(`${k.padEnd(22)}${v}\n`);
  for (const p of c.parents) process.stdout.write(`${'Parent/guardian'.padEnd(22)}${p.name}${p.phone ? `, ${p.phone}` : ''}${p.email ? `, ${p.email}` : ''}\n`);
  for (const p of c.contacts) process.stdout.write(`${p.role.replace('_', ' ').padEnd(22)}${p.name}${p.email ? `, ${p.email}` : ''}\n`);
}

export function registerCasesCommand(program: Command, globals: () => GlobalOptions): void {
  const cases = program.command('cases').description('create, list, show, rename, archive, delete (to the trash), restore and purge cases');

  cases
    .command('list')
    .description('list cases, most recently opened first')
    .option('--json', 'print JSON')
    .option('--all', 'include archived cases')
    .option('--search <text>', 'only cases whose name, child or school contains the text')
    .action((o: { json?: boolean; all?: boolean; search?: string }) =>
      withReadCore(globals(), async ({ call }) => {
        const list = await call('cases.list', { includeArchived: !!o.all, query: o.search });
        if (o.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('No cases yet. Create one: casefile cases create --name "Child Name"\n');
        printTable(
          ['ID', 'NAME', 'STATE', 'DOCS', 'LAST OPENED', ''],
          list.map((c) => [c.id, c.name, c.state ?? '', String(c.documentCount), c.lastOpenedAt ? formatDisplayDate(c.lastOpenedAt.slice(0, 10)) : '', c.archivedAt ? 'archived' : '']),
        );
      }),
    );

  cases
    .command('create')
    .description('create a case')
    .requiredOption('--name <name>', "the case's name (usually the child's name)")
    .option('--child <name>', "the child's full name (defaults to --name)")
    .option('--state <XX>', 'two-letter state code, e.g. CA')
    .option('--dob <YYYY-MM-DD>', 'date of birth')
    .option('--grade <grade>', 'grade')
    .option('--district <name>', 'school district')
    .option('--school <name>', 'school')
    .option('--disability <text>', 'primary disability')
    .option('--json', 'print JSON')
    .action((o: Record<string, string | boolean | undefined>) =>
      withCore(globals(), async ({ call }) => {
        const created = await call('cases.create', {
          name: o.name,
          childName: o.child,
          state: o.state,
          dob: o.dob,
          grade: o.grade,
          district: o.district,
          school: o.school,
          primaryDisability: o.disability,
        });
        if (o.json) return printJson(created);
        process.stdout.write(`Created case "${created.name}" (${created.id}).\n`);
      }),
    );

  cases
    .command('show')
    .description('show one case')
    .argument('<case>', 'case name or id')
    .option('--json', 'print JSON')
    .action((ref: string, o: { json?: boolean }) =>
      withReadCore(globals(), ({ core, resolveCase }) => {
        const c = resolveCase(core, ref);
        if (o.json) return printJson(c);
        printCase(c);
      }),
    );

  cases
    .command('rename')
    .description('rename a case')
    .argument('<case>', 'case name or id')
    .argument('<new-name>', 'the new name')
    .option('--json', 'print JSON')
    .action((ref: string, name: string, o: { json?: boolean }) =>
      withCore(globals(), async ({ core, call, resolveCase }) => {
        const c = await call('cases.rename', { caseId: resolveCase(core, ref).id, name });
        if (o.json) return printJson(c);
        process.stdout.write(`Renamed to "${c.name}".\n`);
      }),
    );

  for (const [verb, call, done] of [
    ['archive', 'cases.archive', 'Archived'],
    ['unarchive', 'cases.unarchive', 'Restored'],
  ] as const) {
    cases
      .command(verb)
      .description(`${verb} a case`)
      .argument('<case>', 'case name or id')
      .option('--json', 'print JSON')
      .action((ref: string, o: { json?: boolean }) =>
        withCore(globals(), async ({ core, call: invoke, resolveCase }) => {
          const c = await invoke(call, { caseId: resolveCase(core, ref).id });
          if (o.json) return printJson(c);
          process.stdout.write(`${done} "${c.name}".\n`);
        }),
      );
  }

  cases
    .command('delete')
    .description('move a case to the trash (casefile cases restore brings it back)')
    .argument('<case>', 'case name or id')
    .option('--json', 'print JSON')
    .action((ref: string, o: { json?: boolean }) =>
      withCore(globals(), async ({ core, call, resolveCase }) => {
        const c = await call('cases.delete', { caseId: resolveCase(core, ref).id });
        if (o.json) return printJson(c);
        process.stdout.write(`Moved "${c.name}" to the trash. Bring it back with: casefile cases restore "${c.name}"\n`);
      }),
    );

  cases
    .command('trash')
    .description('list the cases in the trash')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withReadCore(globals(), async ({ call }) => {
        const list = await call('cases.trash');
        if (o.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('The trash is empty.\n');
        printTable(
          ['ID', 'NAME', 'DOCS', 'DELETED'],
          list.map((c) => [c.id, c.name, String(c.documentCount), c.deletedAt ? formatDisplayDate(c.deletedAt.slice(0, 10)) : '']),
        );
      }),
    );

  cases
    .command('restore')
    .description('bring a case back from the trash')
    .argument('<case>', 'case name or id, as casefile cases trash lists it')
    .option('--json', 'print JSON')
    .action((ref: string, o: { json?: boolean }) =>
      withCore(globals(), async ({ core, call, resolveTrashedCase }) => {
        const c = await call('cases.restore', { caseId: resolveTrashedCase(core, ref).id });
        if (o.json) return printJson(c);
        process.stdout.write(`Restored "${c.name}".\n`);
      }),
    );

  cases
    .command('purge')
    .description('empty the trash: delete its cases and their records for good (asks for --yes)')
    .argument('[case]', 'only this case in the trash (name or id)')
    .option('--yes', 'really delete')
    .action((ref: string | undefined, o: { yes?: boolean }) =>
      withCore(globals(), async ({ core, call, resolveTrashedCase }) => {
        if (ref) {
          const c = resolveTrashedCase(core, ref);
          if (!o.yes) throw new Error(`Purging "${c.name}" removes its records for good; add --yes to confirm.`);
          await call('cases.purge', { caseId: c.id });
          return void process.stdout.write(`Deleted "${c.name}" for good.\n`);
        }
        const list = await call('cases.trash');
        if (list.length === 0) return void process.stdout.write('The trash is empty.\n');
        if (!o.yes) throw new Error(`Emptying the trash removes ${list.length === 1 ? 'one case' : `${list.length} cases`} and their records for good; add --yes to confirm.`);
        const { purged } = await call('cases.emptyTrash', { confirm: 'empty trash' });
        process.stdout.write(`Deleted ${purged === 1 ? 'one case' : `${purged} cases`} for good.\n`);
      }),
    );
}
