// `casefile disclosure`: the disclosure kit before a due-process hearing: the exhibit list (ranges as the
// packet stamps them), the case's witness list and the deadline, written as DOCX and PDF into a folder;
// what changed in the packet since the last disclosure is named.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PACKET_SECTION_IDS } from '../../shared/api/packet-sections';
import { FORUM_IDS, type ForumId } from '../../shared/forums/profiles';
import { formatDisplayDate } from '../../shared/text/dates';
import { parseExhibits } from './packet-cmd';
import { printJson, withCore, UsageError, type GlobalOptions } from './run';

const collect = (v: string, all: string[]) => [...all, v];

export function registerDisclosureCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('disclosure')
    .description('the disclosure kit for a hearing: exhibit list, witness list and deadline (five business days before), as DOCX and PDF')
    .requiredOption('--case <case>', 'case name or id')
    .requiredOption('--hearing <YYYY-MM-DD>', 'the hearing date')
    .requiredOption('--out <dir>', 'folder to write disclosure.docx and disclosure.pdf into')
    .option('--forum <id>', `the hearing office: ${FORUM_IDS.join('|')}`)
    .option('--exhibits <list>', 'comma-separated file names or ids, each optionally :FROM-TO pages (default: every document, by date)')
    .option('--bates-prefix <prefix>', 'Bates prefix, as for the packet', '')
    .option('--bates-start <n>', 'first Bates number', '1')
    .option('--bates-digits <n>', 'digits in the Bates number', '6')
    .option('--witness <name|role|subject|contact>', 'a witness (repeat for each; replaces the stored list)', collect, [] as string[])
    .option('--json', 'print the kit as JSON')
    .action((o: Record<string, string | string[] | boolean | undefined>) => {
      const hearing = String(o.hearing);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(hearing)) throw new UsageError('--hearing must be YYYY-MM-DD');
      if (o.forum && !(FORUM_IDS as readonly string[]).includes(String(o.forum))) throw new UsageError(`--forum must be one of ${FORUM_IDS.join(', ')}`);
      return withCore(globals(), async ({ core, resolveCase }) => {
        const c = resolveCase(core, String(o.case));
        const witnesses = (o.witness as string[]).map((w) => {
          const [name = '', role = '', subject = '', contact = ''] = w.split('|').map((s) => s.trim());
          if (!name) throw new UsageError(`--witness "${w}": give at least a name`);
          return { name, role, subject, contact };
        });
        const [{ buildDisclosureKit, saveWitnesses }, { packetCandidates, packetJob }] = await Promise.all([import('../core/disclosure/service'), import('../core/packet/service')]);
        if (witnesses.length) saveWitnesses(core, c.id, witnesses);
        const kit = await buildDisclosureKit(core, {
          caseId: c.id,
          bates: { prefix: String(o.batesPrefix ?? ''), start: Number(o.batesStart), digits: Number(o.batesDigits), position: 'bottom-right' },
          labelStyle: 'P-1',
          sections: [...PACKET_SECTION_IDS],
          exhibits: parseExhibits(o.exhibits as string | undefined, packetCandidates(core, c.id)),
          forum: o.forum ? { id: o.forum as ForumId } : null,
          hearingDate: hearing,
        });
        const dir = String(o.out);
        mkdirSync(dir, { recursive: true });
        const files = [['disclosure.pdf', kit.pdfJobId], ['disclosure.docx', kit.docxJobId]] as const;
        for (const [name, job] of files) writeFileSync(path.join(dir, name), core.blobs.readFile(packetJob(core, job).file!));
        if (o.json) return printJson(kit);
        const d = kit.deadline;
        process.stdout.write(`Hearing ${formatDisplayDate(d.hearingDate)}: disclose by ${formatDisplayDate(d.deadline)} (${d.businessDays} business days before${d.calendarUsed ? ', on the district calendar' : ''}).\n`);
        for (const r of d.rules) process.stdout.write(`  ${r.citation} [${r.tag === 'P' ? 'verified' : 'not verified'}]\n`);
        process.stdout.write(`${kit.exhibits.length} exhibits (${kit.exhibits[0]?.batesFirst ?? '—'} to ${kit.exhibits.at(-1)?.batesLast ?? '—'}), ${kit.witnesses.length} witnesses.\n`);
        for (const ch of kit.changes) process.stdout.write(`  ${ch.message}\n`);
        process.stdout.write(`Wrote ${files.map(([n]) => path.join(dir, n)).join(' and ')}.\n`);
      });
    });
}
