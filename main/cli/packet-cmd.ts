import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { PACKET_SECTION_IDS } from '../../shared/api/packet-sections';
import { FORUM_IDS, forumPagePoints, type ForumId, type ForumPage, type PaperSize } from '../../shared/forums/profiles';
import type { CompEdMethod } from '../../shared/compensatory/types';
import { forumFor } from '../core/packet/forums';
import type { packetCandidates } from '../core/packet/service';
import { withReadCore, UsageError, type GlobalOptions } from './run';

export function parseExhibits(spec: string | undefined, candidates: ReturnType<typeof packetCandidates>) {
  if (!spec) return candidates.map((c) => ({ documentId: c.documentId }));
  return spec.split(',').map((item) => {
    const m = /^(.*?)(?::(\d+)-(\d+))?$/.exec(item.trim())!;
    const ref = m[1];
    const found = candidates.find((c) => c.documentId === ref || c.fileName === ref || c.title === ref);
    if (!found) throw new UsageError(`--exhibits: no document "${ref}" in this case (use its file name or id)`);
    const range: [number, number] | null = m[2] ? [Number(m[2]), Number(m[3])] : null;
    if (range && (range[0] > range[1] || range[1] > found.pageCount)) throw new UsageError(`--exhibits: ${ref} has ${found.pageCount} page(s); ${m[2]}-${m[3]} is not a page range of it`);
    return { documentId: found.documentId, pageRange: range };
  });
}

const PAPER_SIZES = ['letter', 'a4', 'legal'] as const satisfies readonly PaperSize[];
/** The margins the packet options accept (shared/api/packet.ts). */
const MARGIN_INCHES = { min: 0.25, max: 2 };
/** A packet built without a forum: slip sheets, numbered front matter, labels by --labels (core/packet/types.ts), 3/4-inch margins. */
const NO_FORUM_LAYOUT = { slipSheets: true, frontMatterPaginated: true, numbering: null };
const DEFAULT_MARGIN_INCHES = 0.75;

/** --paper and --margin as a profile's page override, or null when neither is given. */
function parsePage(paper: string | undefined, margin: string | undefined): Partial<ForumPage> | null {
  const page: Partial<ForumPage> = {};
  if (paper != null) {
    const size = paper.trim().toLowerCase();
    if (!(PAPER_SIZES as readonly string[]).includes(size)) throw new UsageError(`--paper must be ${PAPER_SIZES.join(', ')} (got "${paper}")`);
    page.size = size as PaperSize;
  }
  if (margin != null) {
    const inches = Number(margin.trim().replace(/(in|inch|inches|")$/i, ''));
    if (!Number.isFinite(inches) || inches < MARGIN_INCHES.min || inches > MARGIN_INCHES.max) {
      throw new UsageError(`--margin takes inches from ${MARGIN_INCHES.min} to ${MARGIN_INCHES.max}, e.g. 1 or 0.75 (got "${margin}")`);
    }
    page.marginInches = inches;
  }
  return Object.keys(page).length ? page : null;
}

function parseMethod(v: string | undefined): CompEdMethod {
  if (!v || v === 'hour') return { kind: 'hour_for_hour' };
  const pct = /^pct:(\d+(?:\.\d+)?)$/.exec(v);
  if (pct) return { kind: 'percentage', percent: Number(pct[1]) };
  throw new UsageError('--comp-ed takes "hour" or "pct:N" (needs-based awards are entered in the app)');
}

export function registerPacketCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command('packet')
    .description('build the Bates-numbered evidence packet (one PDF) for a case')
    .requiredOption('--case <case>', 'case name or id')
    .requiredOption('--out <file.pdf>', 'where to write the packet')
    .option('--bates-prefix <prefix>', 'Bates prefix, e.g. RIVERA', '')
    .option('--bates-start <n>', 'first Bates number', '1')
    .option('--bates-digits <n>', 'digits in the Bates number', '6')
    .option('--stamp <position>', 'bottom-right, bottom-left, bottom-center or top-right', 'bottom-right')
    .option('--labels <style>', 'exhibit labels: P-1 or A', 'P-1')
    .option('--exhibits <list>', 'comma-separated file names or ids, each optionally :FROM-TO pages (default: every document, by date)')
    .option('--sections <list>', `sections to include (default all): ${PACKET_SECTION_IDS.join(',')}`)
    .option('--comp-ed <method>', 'compensatory-education method: hour or pct:N', 'hour')
    .option('--exhibit-list <file.pdf>', 'also write the exhibit list alone (five-business-day disclosure)')
    .option('--forum <id>', `a hearing office's binder rules: ${FORUM_IDS.join('|')} (numbering, stamp, slip sheets, tab index, e-filing limits)`)
    .option('--max-pages <n>', 'e-filing page limit per file: split into volumes (overrides the forum\'s)')
    .option('--max-mb <n>', 'e-filing size limit per file in MB: split into volumes (overrides the forum\'s)')
    .option('--paper <size>', `the front matter's paper: ${PAPER_SIZES.join('|')} (overrides the forum's; exhibits keep their own pages)`)
    .option('--margin <inches>', `the front matter's margin on every side, in inches, ${MARGIN_INCHES.min} to ${MARGIN_INCHES.max} (overrides the forum's)`)
    .action((o: Record<string, string | undefined>) =>
      withReadCore(globals(), async ({ core, resolveCase }) => {
        const c = resolveCase(core, o.case!);
        const sections = (o.sections?.split(',') ?? [...PACKET_SECTION_IDS]) as (typeof PACKET_SECTION_IDS)[number][];
        for (const s of sections) if (!(PACKET_SECTION_IDS as readonly string[]).includes(s)) throw new UsageError(`--sections: unknown section "${s}"`);
        const position = o.stamp as 'bottom-right';
        if (!['bottom-right', 'bottom-left', 'bottom-center', 'top-right'].includes(position)) throw new UsageError('--stamp must be bottom-right, bottom-left, bottom-center or top-right');
        if (o.forum && !(FORUM_IDS as readonly string[]).includes(o.forum)) throw new UsageError(`--forum must be one of ${FORUM_IDS.join(', ')}`);
        const limit = (v: string | undefined, name: string, scale: number) => {
          if (v == null) return undefined;
          const n = Number(v);
          if (!(n > 0)) throw new UsageError(`${name} takes a positive number`);
          return Math.round(n * scale);
        };
        const efiling = { maxPages: limit(o.maxPages, '--max-pages', 1), maxBytes: limit(o.maxMb, '--max-mb', 1_000_000) };
        const page = parsePage(o.paper, o.margin);
        const forum = o.forum || efiling.maxPages || efiling.maxBytes
          ? { id: (o.forum ?? 'custom') as ForumId, overrides: { efiling: Object.fromEntries(Object.entries(efiling).filter(([, v]) => v != null)), ...(page ? { page } : {}) } }
          : null;
        const [{ packetCandidates, packetInput }, { periodChoices }] = await Promise.all([import('../core/packet/service'), import('../core/services/service')]);
        const year = periodChoices(core, c.id).filter((p) => p.kind === 'school_year');
        const period = year.length ? { kind: 'custom' as const, start: year[0].start, end: year[year.length - 1].end, label: 'All school years on record' } : null;
        const input = await packetInput(core, {
          caseId: c.id,
          bates: { prefix: o.batesPrefix ?? '', start: Number(o.batesStart), digits: Number(o.batesDigits), position },
          labelStyle: o.labels === 'A' ? 'A' : 'P-1',
          sections,
          exhibits: parseExhibits(o.exhibits, packetCandidates(core, c.id)),
          compEd: period ? { period, method: parseMethod(o.compEd) } : null,
          forum,
        });
        // Paper or margins alone change only the front matter's page: the packet is otherwise built as
        // without a forum (its --stamp and --labels kept), on the default page's other measure.
        if (page && !forum) input.layout = { ...NO_FORUM_LAYOUT, page: forumPagePoints({ size: page.size ?? 'letter', marginInches: page.marginInches ?? DEFAULT_MARGIN_INCHES }) };
        // pdf-lib and the worker's host load only when a packet is built.
        const [{ exportExhibitList }, { buildPacketOffThread }] = await Promise.all([import('../core/packet/exhibit-list'), import('../core/packet/worker-host')]);
        if (o.exhibitList) writeFileSync(o.exhibitList, (await exportExhibitList(input)).pdf);
        const tty = process.stderr.isTTY;
        const result = await buildPacketOffThread(input, {
          onProgress: (p) => {
            if (tty) process.stderr.write(`\r${p.phase} ${p.done}/${p.total}   `);
          },
        });
        if (tty) process.stderr.write('\n');
        writeFileSync(o.out!, result.pdf);
        process.stdout.write(`Wrote ${o.out}: ${result.manifest.pageCount} pages, ${result.manifest.exhibits.length} exhibits (${result.manifest.exhibits[0]?.batesFirst ?? '—'} to ${result.manifest.exhibits.at(-1)?.batesLast ?? '—'}), pagination checked.\n`);
        const profile = forumFor(forum);
        if (profile) {
          process.stdout.write(`Forum: ${profile.name} (rules ${profile.confidence === 'P' ? 'verified' : 'not all verified: see its sources'}).\n`);
          if (profile.efiling.maxBytes != null || profile.efiling.maxPages != null) {
            const { splitIntoVolumes } = await import('../core/packet/volumes');
            const volumes = await splitIntoVolumes(result, input.case.title, input.bates, profile.efiling, undefined, input.layout?.page ?? null, input.layout?.frontMatterPaginated ?? true);
            if (volumes.length > 1) {
              const base = o.out!.replace(/\.pdf$/i, '');
              for (const v of volumes) {
                const file = `${base}-vol${v.number}.pdf`;
                writeFileSync(file, v.pdf);
                process.stdout.write(`Wrote ${file}: volume ${v.number} of ${volumes.length}, ${v.pageCount} pages, ${(v.pdf.length / 1_000_000).toFixed(1)} MB, exhibits ${v.exhibits[0] ?? '—'} to ${v.exhibits.at(-1) ?? '—'} (${v.batesFirst ?? '—'} to ${v.batesLast ?? '—'}).\n`);
              }
            }
          }
        }
      }),
    );
}
