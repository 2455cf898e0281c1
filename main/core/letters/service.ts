// Letters: drafted from the case (child, addressee on file, goal data, percentiles, services,
// missed minutes, each with its source), edited by the user, saved as DOCX/PDF and, once sent,
// filed in the case as correspondence that starts the matching deadline.
import type { LetterDraftDto, LetterDto } from '../../../shared/api/letters';
import type { LetterTemplateId } from '../../../shared/deadlines/derive';
import { JURISDICTIONS, type Jurisdiction } from '../../../shared/deadlines/types';
import { AppError } from '../../../shared/errors';
import type { CaseModel } from '../../../shared/timeline/model';
import type { Core } from '../context';
import { getCase } from '../cases';
import { updateDocument } from '../documents/service';
import { draftLetter, renderDocx, renderPdf, type LetterContext, type LetterGoal, type PercentileSeries } from './index';
import { afterDocumentHook } from '../pipeline';
import { flagsOf, judgedModel, lineagesOf } from '../timeline/service';
import { insertLetter, letterById, lettersOfCase, setLetterDocument, setLetterResponseDate, updateLetterAtVersion } from './queries';
import { recordHistory } from '../history/history';

function docLabel(model: CaseModel, id: string): string {
  const d = model.documents.find((x) => x.id === id);
  return d ? d.fileName.replace(/\.[a-z0-9]+$/i, '').replace(/_/g, ' ') : 'case record';
}

export function letterContext(core: Core, caseId: string): LetterContext {
  const c = getCase(core, caseId);
  const model = judgedModel(core, caseId);
  const today = core.nowIso().slice(0, 10);
  const full = [...model.ieps].filter((i) => i.type !== 'amendment' && i.type !== 'revision').sort((a, b) => (a.meetingDate ?? '').localeCompare(b.meetingDate ?? ''));
  const latest = full[full.length - 1];
  const lineages = lineagesOf(core, caseId, model);
  const goals: LetterGoal[] = (latest?.goals ?? []).map((g) => {
    const lineage = lineages.find((l) => l.goalIds.includes(g.id));
    const points = model.progressReports
      .flatMap((r) => r.entries.filter((e) => e.goalId === g.id).flatMap((e) => e.dataPoints))
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const last = points[points.length - 1];
    const first = lineage && lineage.goalIds.length > 1 ? model.ieps.find((i) => i.goals.some((x) => x.id === lineage.goalIds[0])) : undefined;
    return {
      number: g.number,
      area: g.area,
      text: g.text,
      baseline: g.baselineValue,
      target: g.targetValue,
      unit: g.unit,
      latest: last ? { value: last.value, date: last.date } : null,
      dataPoints: points.map((p) => ({ value: p.value, date: p.date })),
      firstWritten: first?.meetingDate ?? null,
      cite: last ? { document: docLabel(model, last.source.documentId), page: last.source.page } : { document: docLabel(model, g.documentId), page: g.source.page },
    };
  });
  const series = new Map<string, PercentileSeries>();
  for (const s of model.testScores.filter((x) => x.percentile !== null && x.date)) {
    const key = `${s.test.replace(/\s*\(?Form [A-Z]\)?/i, '')}|${s.subtest}`;
    if (!series.has(key)) series.set(key, { test: s.test.replace(/\s*\(?Form [A-Z]\)?/i, ''), subtest: s.subtest, points: [], cite: { document: docLabel(model, s.documentId), page: s.source.page } });
    series.get(key)!.points.push({ date: s.date!, percentile: s.percentile! });
  }
  const director = c.contacts.find((p) => p.role === 'sped_director') ?? c.contacts.find((p) => p.role === 'case_manager') ?? null;
  const parent = c.parents[0];
  return {
    today,
    state: c.state && (JURISDICTIONS as readonly string[]).includes(c.state) ? (c.state as Jurisdiction) : null,
    child: { name: c.childName ?? c.name, dob: c.dob, grade: c.grade, school: c.school },
    district: { name: c.district },
    addressee: director ? { name: director.name, role: director.title ?? (director.role === 'sped_director' ? 'Director of Special Education' : 'Case Manager'), address: director.address ? director.address.split(/\n|,\s*(?=\d|[A-Z][a-z]+,)/) : undefined, email: director.email } : null,
    cc: c.contacts.filter((p) => p !== director && p.role !== 'other').map((p) => ({ name: p.name, role: p.title ?? null })),
    parent: parent ? { name: parent.name, email: parent.email, phone: parent.phone, address: parent.address ? [parent.address] : undefined } : { name: 'Parent/Guardian' },
    goals,
    percentiles: [...series.values()].map((s) => ({ ...s, points: s.points.sort((a, b) => a.date.localeCompare(b.date)) })),
    services: (latest?.services ?? []).map((s) => ({
      service: s.service,
      frequencyText: s.frequencyText,
      minutesPerWeek: s.minutesPerWeek,
      location: s.location,
      sameInIeps: full.filter((i) => i.services.some((x) => x.service === s.service && x.minutesPerWeek === s.minutesPerWeek)).map((i) => i.meetingDate!).filter(Boolean),
      cite: { document: docLabel(model, latest!.documentId), page: s.source.page },
    })),
    compEd: model.serviceDelivery.map((s) => ({
      service: s.service,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      minutesRequired: s.minutesRequired,
      minutesDelivered: s.minutesDelivered,
      minutesMissedDistrictResponsible: s.minutesMissedDistrictResponsible,
      minutesMissedStudentAbsence: s.minutesMissedStudentAbsence,
      cite: { document: docLabel(model, s.documentId), page: s.source.page },
    })),
    lastIepDate: latest?.meetingDate ?? null,
    lastEvaluation: (() => {
      const ev = [...model.documents].filter((d) => d.type === 'evaluation' && d.date).sort((a, b) => a.date!.localeCompare(b.date!)).pop();
      return ev ? { date: ev.date!, title: docLabel(model, ev.id) } : null;
    })(),
    recordsFrom: full[0]?.meetingDate ?? null,
  };
}

/** Drafts a letter from the case; with a flag's key, the letter states that flag's finding with its source pages. */
export function draftCaseLetter(core: Core, caseId: string, template: LetterTemplateId, flagKey?: string): LetterDraftDto {
  const ctx = letterContext(core, caseId);
  if (flagKey) {
    const model = judgedModel(core, caseId);
    const flag = flagsOf(core, caseId, true, model).find((f) => f.key === flagKey);
    if (!flag) throw new AppError('not_found', 'That red flag is no longer in this case (the records it was read from have changed): the letter was not drafted from it.', { reason: 'flag_gone' });
    const cites = flag.evidence.map((e) => ({ document: docLabel(model, e.documentId), page: e.page }));
    const docsOnly = flag.documentIds.filter((id) => !flag.evidence.some((e) => e.documentId === id)).map((id) => ({ document: docLabel(model, id) }));
    ctx.finding = { text: flag.description, cites: [...cites, ...docsOnly] };
  }
  return draftLetter(template, ctx);
}

export function listLetters(core: Core, caseId: string): LetterDto[] {
  return lettersOfCase(core.db, caseId);
}

export function getLetter(core: Core, letterId: string): LetterDto {
  const letter = letterById(core.db, letterId);
  if (!letter) throw new AppError('not_found', `No letter ${letterId}.`);
  return letter;
}

/** The letter, if it is one of this case's; a letter of another case is refused, naming both. */
function letterOfCase(core: Core, caseId: string, letterId: string): LetterDto {
  const letter = getLetter(core, letterId);
  if (letter.caseId !== caseId) {
    throw new AppError('conflict', `The letter "${letter.subject}" belongs to the case "${getCase(core, letter.caseId).name}", not "${getCase(core, caseId).name}": nothing was saved.`, {
      reason: 'other_case',
      caseId,
    });
  }
  return letter;
}

/**
 * Saves a draft: a new letter, or a saved one again at the version its editor opened (a letter of
 * another case, or one saved elsewhere since, is refused and nothing is written). With a sent date,
 * the letter's PDF is filed in the case as correspondence dated that day, which starts the deadline
 * the template's request triggers.
 */
export async function saveLetter(core: Core, caseId: string, draft: LetterDraftDto, sentDate: string | null, saved?: { letterId: string; version?: number }): Promise<LetterDto> {
  getCase(core, caseId);
  const now = core.nowIso();
  const id = saved?.letterId ?? core.newId();
  const existing = saved ? letterOfCase(core, caseId, saved.letterId) : null;
  const row = { id, caseId, template: draft.template, subject: draft.subject, draft: JSON.stringify(draft), sent: sentDate, now, version: saved?.version ?? existing?.version };
  if (!existing) {
    insertLetter(core.db, row);
  } else {
    if (!updateLetterAtVersion(core.db, row)) {
      throw new AppError('conflict', `The letter "${existing.subject}" was saved elsewhere (another window) after this editor opened it: nothing was saved. Close the editor and open the letter again.`, {
        reason: 'stale',
        version: existing.version,
      });
    }
  }
  if (sentDate && !existing?.documentId) {
    const pdf = await renderPdf({ ...draft, date: sentDate });
    const fileName = `Letter_${sentDate}_${draft.template}.pdf`;
    // Filing the letter imports it as a document: the import's readers load here, not with the service.
    const { importOne } = await import('../documents/import');
    const [result] = await importOne(core, caseId, { fileName, source: `letter ${id}`, read: () => new Uint8Array(pdf) });
    if (result.documentId) {
      updateDocument(core, result.documentId, { type: 'correspondence', date: sentDate, title: draft.subject });
      afterDocumentHook(core)(result.documentId);
      setLetterDocument(core.db, id, result.documentId);
    }
  }
  recordHistory(core, caseId, { kind: 'letter_saved', description: `Saved the letter "${draft.subject}"${sentDate ? `, sent ${sentDate}` : ''}`, ids: [id] });
  core.emit('case.changed', { caseId, what: 'letters' });
  return getLetter(core, id);
}

export function setLetterResponse(core: Core, caseId: string, letterId: string, responseDate: string | null): LetterDto {
  const l = letterOfCase(core, caseId, letterId);
  setLetterResponseDate(core.db, letterId, responseDate, core.nowIso());
  core.emit('case.changed', { caseId: l.caseId, what: 'letters' });
  return getLetter(core, letterId);
}

export async function renderLetterFile(core: Core, letterId: string, format: 'docx' | 'pdf'): Promise<{ bytes: Buffer; fileName: string }> {
  const l = getLetter(core, letterId);
  const base = `${l.draft.subject.replace(/[^\w-]+/g, '_').slice(0, 60)}_${l.sentDate ?? l.draft.date}`;
  return format === 'docx' ? { bytes: await renderDocx(l.draft), fileName: `${base}.docx` } : { bytes: await renderPdf(l.draft), fileName: `${base}.pdf` };
}
