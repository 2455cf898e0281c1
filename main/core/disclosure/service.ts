// The disclosure kit (issue 19): from the packet the options make, the exhibit list with the Bates ranges
// the packet stamps (the packet's own planner), the case's witness list, and the disclosure deadline; both
// files kept in the data folder's packets/ for download. Each kit records what each exhibit was (a hash of
// its document's content, its pages and description), so a later change to the packet is named.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DisclosureDeadlineDto, DisclosureKitDto, ExhibitChangeDto, WitnessDto } from '../../../shared/api/disclosure';
import type { PacketJobDto, PacketOptionsArgs } from '../../../shared/api/packet';
import { JURISDICTIONS, type Jurisdiction } from '../../../shared/deadlines/types';
import { formatDisplayDate } from '../../../shared/text/dates';
import type { Core } from '../context';
import { getCase } from '../cases';
import { documentQueries, readableSha } from '../db/queries/documents';
import { getCalendar } from '../deadlines/service';
import { startJob } from '../jobs';
import { forumFor } from '../packet/forums';
import { packetInput, packetsDir } from '../packet/service';
import { disclosureDeadline } from './deadline';
import { insertDisclosure, latestDisclosure, replaceWitnesses, witnessesOfCase, type DisclosedExhibit, type DisclosureRecord } from './queries';

export function listWitnesses(core: Core, caseId: string): WitnessDto[] {
  getCase(core, caseId);
  return witnessesOfCase(core.db, caseId);
}

export function saveWitnesses(core: Core, caseId: string, witnesses: WitnessDto[]): WitnessDto[] {
  getCase(core, caseId);
  replaceWitnesses(core.db, caseId, witnesses, () => core.newId());
  core.emit('case.changed', { caseId, what: 'witnesses' });
  return witnessesOfCase(core.db, caseId);
}

const jurisdictionOf = (state: string | null): Jurisdiction | null =>
  state && (JURISDICTIONS as readonly string[]).includes(state) ? (state as Jurisdiction) : null;

export function caseDisclosureDeadline(core: Core, caseId: string, hearingDate: string, forum: PacketOptionsArgs['forum']): DisclosureDeadlineDto {
  const c = getCase(core, caseId);
  return disclosureDeadline(hearingDate, getCalendar(core, caseId), jurisdictionOf(c.state), forumFor(forum));
}

/** The packet's exhibits as the kit lists them, each with the hash that names a later change. */
async function currentExhibits(core: Core, args: PacketOptionsArgs) {
  const input = await packetInput(core, { ...args, compEd: null });
  const { exhibitListRows } = await import('../packet/exhibit-list');
  const rows = await exhibitListRows(input);
  const q = documentQueries(core.db);
  const disclosed: DisclosedExhibit[] = rows.map((r, i) => {
    const e = input.exhibits[i];
    const doc = q.get(e.documentId)!;
    const pages = e.pageRange ? `${e.pageRange[0]}-${e.pageRange[1]}` : 'all';
    const contentHash = createHash('sha256').update([e.documentId, readableSha(doc), pages, e.description].join('\n')).digest('hex');
    return { label: r.exhibit, documentId: e.documentId, description: r.description, batesFirst: r.batesFirst, batesLast: r.batesLast, pages: r.pages, contentHash };
  });
  return { input, rows, disclosed };
}

function compare(prev: DisclosureRecord, now: DisclosedExhibit[]): ExhibitChangeDto[] {
  const since = `since the disclosure of ${formatDisplayDate(prev.createdAt.slice(0, 10))}`;
  const range = (e: DisclosedExhibit) => (e.batesFirst === e.batesLast ? e.batesFirst : `${e.batesFirst} - ${e.batesLast}`);
  const out: ExhibitChangeDto[] = [];
  for (const e of now) {
    const before = prev.exhibits.find((p) => p.label === e.label);
    if (!before) { out.push({ label: e.label, kind: 'added', message: `Exhibit ${e.label} was added ${since}.` }); continue; }
    const what = [
      before.contentHash !== e.contentHash ? (before.documentId !== e.documentId ? 'it is another document' : 'its document, pages or description changed') : '',
      range(before) !== range(e) ? `its pages are now ${range(e)} (were ${range(before)})` : '',
    ].filter(Boolean);
    if (what.length) out.push({ label: e.label, kind: 'changed', message: `Exhibit ${e.label} changed ${since}: ${what.join('; ')}.` });
  }
  for (const p of prev.exhibits) if (!now.some((e) => e.label === p.label)) out.push({ label: p.label, kind: 'removed', message: `Exhibit ${p.label} was removed ${since}.` });
  return out;
}

/** What changed in the packet these options make since the case's last disclosure. */
export async function disclosureChanges(core: Core, args: PacketOptionsArgs): Promise<ExhibitChangeDto[]> {
  getCase(core, args.caseId);
  const prev = latestDisclosure(core.db, args.caseId);
  if (!prev) return [];
  return compare(prev, (await currentExhibits(core, args)).disclosed);
}

function keepFile(core: Core, caseId: string, id: string, file: string, bytes: Uint8Array, what: string): string {
  core.blobs.writeFile(file, bytes);
  startJob<PacketJobDto>(core, {
    kind: 'packet', caseId, id, file,
    dto: () => ({ jobId: id, caseId, done: true, cancelled: false, error: null, fraction: 1, message: `${what} ready.`, pageCount: null, fileReady: true, exhibits: [] }),
  });
  return id;
}

export async function buildDisclosureKit(core: Core, args: PacketOptionsArgs & { hearingDate: string }): Promise<DisclosureKitDto> {
  const c = getCase(core, args.caseId);
  const deadline = caseDisclosureDeadline(core, args.caseId, args.hearingDate, args.forum);
  const { input, rows, disclosed } = await currentExhibits(core, args);
  const witnesses = witnessesOfCase(core.db, args.caseId);
  const prev = latestDisclosure(core.db, args.caseId);
  const changes = prev ? compare(prev, disclosed) : [];
  const content = {
    caseTitle: c.name, studentName: input.case.studentName, preparedBy: input.case.preparedBy, date: input.case.date,
    forumName: forumFor(args.forum)?.name ?? null, deadline, exhibits: rows, witnesses,
  };
  const { kitDocx, kitPdf } = await import('./render');
  const [pdf, docx] = await Promise.all([kitPdf(content), kitDocx(content)]);
  const id = core.newId();
  const dir = packetsDir(core);
  const pdfJobId = keepFile(core, args.caseId, `${id}-disclosure-pdf`, path.join(dir, `${id}-disclosure.pdf`), pdf, 'Disclosure (PDF)');
  const docxJobId = keepFile(core, args.caseId, `${id}-disclosure-docx`, path.join(dir, `${id}-disclosure.docx`), new Uint8Array(docx), 'Disclosure (Word)');
  insertDisclosure(core.db, args.caseId, { id, hearingDate: args.hearingDate, deadline: deadline.deadline, forum: args.forum?.id ?? null, createdAt: core.nowIso(), exhibits: disclosed });
  core.emit('case.changed', { caseId: args.caseId, what: 'disclosure' });
  return {
    disclosureId: id,
    deadline,
    exhibits: rows.map((r) => ({ label: r.exhibit, description: r.description, date: r.date, batesFirst: r.batesFirst, batesLast: r.batesLast, pages: r.pages })),
    witnesses,
    pdfJobId,
    docxJobId,
    changes,
  };
}
