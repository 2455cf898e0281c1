// The evidence packet, fed from the case model (service reconciliation and comp-ed: ../services).
// The packet is built in a worker thread with progress and cancel; the PDF is kept in the data
// folder's packets/ until downloaded.
import path from 'node:path';
import type { PacketCandidateDto, PacketJobDto, PacketOptionsArgs } from '../../../shared/api/packet';
import type { FlagDto } from '../../../shared/api/timeline';
import type { PageCite } from '../../../shared/compensatory/types';
import { AppError } from '../../../shared/errors';
import { lineageChartData } from '../../../shared/timeline/chart-data';
import { goalChartOption, percentileChartOption } from '../../../shared/timeline/chart';
import { untitledOption } from '../../../shared/timeline/untitled';
import { formatDisplayDate } from '../../../shared/text/dates';
import { DOC_TYPE_LABELS } from '../../../shared/doc-types';
import type { Core } from '../context';
import { getCase } from '../cases';
import { documentQueries, rowToPageContent } from '../db/queries/documents';
import { packetCompEd } from './compensatory-section';
import { applyForum, forumFor } from './forums';
import type { PacketChart, PacketInput } from './types';
import { reconcileCase } from '../services/service';
import { caseLineages, flagsOf, judgedModel } from '../timeline/service';
import { getSettings } from '../settings';
// The screen's date, as the writer prints it, without loading the writer (pdfkit) with the service:
// the engine and every command that only lists or plans a packet load this module (issue 21).
import { formatDisplayDate as displayDate } from '../../../shared/text/dates';
import { liveJob, startJob, type JobContext, type LiveJob } from '../jobs';
import { recordHistory } from '../history/history';

/** The caption under a goal chart: one sentence per IEP year with a projection, in screen dates. */
function projectionCaption(segments: ReturnType<typeof lineageChartData>['segments']): string {
  return segments
    .filter((s) => s.stats.projection)
    .map((s) => {
      const p = s.stats.projection!;
      const when = !p.date
        ? 'at the rate the data show, the target is not met'
        : p.label.startsWith('target reached')
          ? `the data reached the target by ${formatDisplayDate(p.date)}`
          : `at the rate the data show, the target would be met about ${formatDisplayDate(p.date)}`;
      return `${s.phaseLabel}: ${when}.`;
    })
    .join(' ');
}

export function packetCandidates(core: Core, caseId: string): PacketCandidateDto[] {
  getCase(core, caseId);
  return documentQueries(core.db)
    .listByCase(caseId, false)
    .map((d) => ({ documentId: d.id, title: d.title ?? d.file_name, fileName: d.file_name, type: d.type, date: d.date, pageCount: d.page_count }));
}

const TYPE_LABEL: Record<string, string> = { ...DOC_TYPE_LABELS, other: 'Document' };

/** The flags the findings section states: those chosen by key (a flag's "Add to packet"), in the order chosen,
 *  dismissed or not; without a choice, every open flag. A key no longer in the case is refused by name. */
function findingFlags(core: Core, args: PacketOptionsArgs, open: FlagDto[]): FlagDto[] {
  if (!args.findingKeys) return open;
  const all = flagsOf(core, args.caseId, true);
  return args.findingKeys.map((key) => {
    const f = all.find((x) => x.key === key);
    if (!f) throw new AppError('not_found', `A finding chosen for the packet is no longer a red flag of this case (its records have changed): ${key}. Choose the findings again.`);
    return f;
  });
}

/** Everything the packet builder needs, read from the case. Originals are read, never changed. */
export async function packetInput(core: Core, args: PacketOptionsArgs): Promise<PacketInput> {
  const c = getCase(core, args.caseId);
  const model = judgedModel(core, args.caseId);
  const q = documentQueries(core.db);
  // The packet's libraries (pdf-lib, sharp, echarts) load when a packet is first asked for, not with the service.
  const [{ pdfFromDocument }, { renderChartSvg }] = await Promise.all([import('./exhibits'), import('../timeline/svg')]);
  const exhibits = [];
  for (const e of args.exhibits) {
    const d = q.get(e.documentId);
    if (!d || d.case_id !== args.caseId) throw new AppError('not_found', `Exhibit ${e.documentId} is not a document of this case.`);
    const pages = q.pages(d.id).map(rowToPageContent);
    const pdfBytes = await pdfFromDocument(core, d, pages);
    exhibits.push({
      label: e.label ?? null,
      description: e.description ?? `${TYPE_LABEL[d.type] ?? 'Document'}${d.date ? ` dated ${formatDisplayDate(d.date)}` : ''}: ${d.title ?? d.file_name}`,
      date: d.date,
      documentId: d.id,
      fileName: d.file_name,
      pdfBytes,
      pageRange: e.pageRange ?? null,
      ocrWords: d.text_source === 'text_layer' ? null : pages.map((p) => (p.source === 'ocr' ? p.words : null)),
    });
  }
  const lineages = caseLineages(core, args.caseId, model);
  const flags = flagsOf(core, args.caseId, false, model, lineages);
  const goalCharts: PacketChart[] = lineages
    .map((l) => lineageChartData(model, l))
    .filter((ch) => ch.segments.some((s) => s.points.length || s.baseline))
    .map((ch) => ({
      title: ch.title,
      svg: renderChartSvg(untitledOption(goalChartOption(ch)), { width: 640, height: 320 }),
      table: {
        columns: ['Date', 'Value', 'Source'],
        rows: ch.segments.flatMap((s) => [
          ...(s.baseline ? [[displayDate(s.baseline.date), s.baseline.value, `Baseline, ${s.phaseLabel}`]] : []),
          ...s.points.map((p) => [displayDate(p.date), p.value, p.sourceLabel]),
        ]),
      },
      note: projectionCaption(ch.segments),
      cites: ch.segments.flatMap((s) => s.points.map((p) => ({ documentId: p.source.documentId, page: p.source.page }))),
    }));
  const scoreTrends: PacketChart[] = model.testScores.some((s) => s.percentile !== null)
    ? [
        {
          title: 'Percentile ranks across years',
          svg: renderChartSvg(untitledOption(percentileChartOption(model.testScores)), { width: 640, height: 320 }),
          table: {
            columns: ['Date', 'Test', 'Subtest', 'Score', 'Percentile', 'Level'],
            rows: model.testScores.map((s) => [displayDate(s.date), s.test, s.subtest, s.score, s.percentile, s.level]),
          },
          cites: model.testScores.map((s) => ({ documentId: s.documentId, page: s.source.page })),
        },
      ]
    : [];
  let compEd = null;
  if (args.compEd) {
    const rec = reconcileCase(core, args.caseId, args.compEd.period);
    const evidence = flags.filter((f) => f.goalIds.length).map((f) => ({ text: f.description, cites: f.evidence.map((e) => ({ documentId: e.documentId, page: e.page })) as PageCite[] }));
    compEd = packetCompEd(rec, args.compEd.method, evidence);
  }
  const today = core.nowIso().slice(0, 10);
  const input: PacketInput = {
    case: { title: c.name, studentName: c.childName ?? c.name, dob: c.dob, school: c.school, district: c.district, preparedBy: args.preparedBy ?? getSettings(core).preparedBy ?? '', date: today },
    bates: args.bates,
    labelStyle: args.labelStyle,
    sections: args.sections,
    exhibits,
    findings: findingFlags(core, args, flags).map((f) => ({ title: f.type.replace(/_/g, ' '), description: f.description, evidence: f.evidence.map((e) => ({ documentId: e.documentId, page: e.page })) })),
    chronology: model.documents
      .filter((d) => d.date)
      .map((d) => ({ date: d.date!, event: `${TYPE_LABEL[d.type] ?? 'Document'}: ${d.fileName}`, documentId: d.id, page: 1 })),
    goalCharts,
    scoreTrends,
    compEd,
  };
  const forum = forumFor(args.forum);
  return forum ? applyForum(input, forum) : input;
}

/** A packet build or an exhibit list: a job of core/jobs, its file set once written. */
export type PacketJob = LiveJob<PacketJobDto>;

export function packetsDir(core: Core): string {
  return path.join(core.dataDir, 'packets');
}

/** Starts a packet build in a worker thread; `jobId` resumes one a restart interrupted under its id. */
export function startPacketBuild(core: Core, args: PacketOptionsArgs, jobId?: string): PacketJobDto {
  getCase(core, args.caseId);
  return startJob<PacketJobDto>(core, {
    kind: 'packet',
    caseId: args.caseId,
    id: jobId,
    dto: (id) => ({ jobId: id, caseId: args.caseId, done: false, cancelled: false, error: null, fraction: 0, message: 'Reading exhibits…', pageCount: null, fileReady: false, exhibits: [] }),
    resumable: args,
    run: (ctx) => runPacketBuild(core, args, ctx),
  }).dto;
}

async function runPacketBuild(core: Core, args: PacketOptionsArgs, ctx: JobContext<PacketJobDto>): Promise<PacketJobDto> {
  const { job, signal } = ctx;
  const dto = job.dto;
  const emit = () => ctx.progress(dto.fraction, dto.message, { done: dto.done, error: dto.error ?? undefined });
  try {
    const input = await packetInput(core, args);
    const { buildPacketOffThread } = await import('./worker-host');
    const result = await buildPacketOffThread(input, {
      signal,
      onProgress: (p) => {
        dto.fraction = p.total ? Math.min(0.99, p.done / p.total) : dto.fraction;
        dto.message = `${p.phase}: ${p.done} of ${p.total}`;
        emit();
      },
    });
    const file = path.join(packetsDir(core), `${job.id}.pdf`);
    core.blobs.writeFile(file, result.pdf); // sealed, like every case file
    job.file = file;
    const efiling = forumFor(args.forum)?.efiling;
    if (efiling && (efiling.maxBytes != null || efiling.maxPages != null)) {
      dto.message = 'Splitting into volumes…';
      emit();
      const { splitIntoVolumes } = await import('./volumes');
      const volumes = await splitIntoVolumes(result, input.case.title, input.bates, efiling, undefined, input.layout?.page ?? null, input.layout?.frontMatterPaginated ?? true);
      if (volumes.length > 1) dto.volumes = volumes.map((v) => ({ number: v.number, jobId: volumeFile(core, args.caseId, job.id, v.number, v.pdf), pageCount: v.pageCount, exhibits: v.exhibits, batesFirst: v.batesFirst, batesLast: v.batesLast }));
    }
    recordHistory(core, args.caseId, { kind: 'packet_built', description: `Built a packet of ${result.manifest.pageCount} pages`, ids: [job.id] });
    Object.assign(dto, {
      done: true,
      fraction: 1,
      message: `Packet ready: ${result.manifest.pageCount} pages.`,
      pageCount: result.manifest.pageCount,
      fileReady: true,
      exhibits: result.manifest.exhibits.map((e) => ({ label: e.label, description: e.description, date: e.date, batesFirst: e.batesFirst, batesLast: e.batesLast })),
    });
  } catch (e) {
    dto.done = true;
    if ((e as Error).name === 'AbortError' || signal.aborted) {
      dto.cancelled = true;
      dto.message = 'Cancelled.';
    } else {
      dto.error = (e as Error).message;
      dto.message = `The packet could not be built: ${(e as Error).message}`;
    }
  }
  emit();
  return dto;
}

/** One volume of a split packet, kept as its own finished job so files.packet serves it by id. */
function volumeFile(core: Core, caseId: string, buildId: string, number: number, pdf: Uint8Array): string {
  const id = `${buildId}-vol${number}`;
  const file = path.join(packetsDir(core), `${id}.pdf`);
  core.blobs.writeFile(file, pdf);
  startJob<PacketJobDto>(core, {
    kind: 'packet',
    caseId,
    id,
    file,
    dto: () => ({ jobId: id, caseId, done: true, cancelled: false, error: null, fraction: 1, message: `Volume ${number} ready.`, pageCount: null, fileReady: true, exhibits: [] }),
  });
  return id;
}

export function packetJob(core: Core, jobId: string): PacketJob {
  const j = liveJob<PacketJobDto>(core, jobId, 'packet');
  if (!j) throw new AppError('not_found', `No packet job ${jobId}.`);
  return j;
}

export async function exhibitListFile(core: Core, args: PacketOptionsArgs): Promise<{ csv: string; jobId: string }> {
  const input = await packetInput(core, { ...args, compEd: null });
  const { exportExhibitList } = await import('./exhibit-list');
  const { pdf, csv } = await exportExhibitList(input);
  const id = core.newId();
  const file = path.join(packetsDir(core), `${id}-exhibits.pdf`);
  core.blobs.writeFile(file, pdf);
  startJob<PacketJobDto>(core, {
    kind: 'packet',
    caseId: args.caseId,
    id,
    file,
    dto: () => ({ jobId: id, caseId: args.caseId, done: true, cancelled: false, error: null, fraction: 1, message: 'Exhibit list ready.', pageCount: null, fileReady: true, exhibits: [] }),
  });
  return { csv, jobId: id };
}

