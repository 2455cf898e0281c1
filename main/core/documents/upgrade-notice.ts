// What the start-up re-read of stored pages changed (relayout.ts), kept until the user dismisses it so
// the app can say so however long after start the window opens: the documents read again, the
// extracted values that came out different, and the user's corrections, which re-extraction keeps.
import type { UpgradeNoticeDto } from '../../../shared/api/app';
import type { Core } from '../context';
import { upgradeNoticeQueries } from '../db/queries/upgrade-notice';
import { LAYOUT_VERSION } from '../layout/types';

/** Keys of an extraction result that say where a value was read, not what it is. */
const WHERE = new Set(['source', 'provenance', 'bbox', 'page', 'documentId', 'words', 'boxes']);

/** How many values (leaves, where they were read from left aside) differ between two extraction results. */
export function changedValues(before: unknown, after: unknown): number {
  if (before === after) return 0;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (Array.isArray(before) || Array.isArray(after)) {
    const a = Array.isArray(before) ? before : [];
    const b = Array.isArray(after) ? after : [];
    let n = 0;
    for (let i = 0; i < Math.max(a.length, b.length); i++) n += changedValues(a[i], b[i]);
    return n;
  }
  if (isObject(before) || isObject(after)) {
    const a = isObject(before) ? before : {};
    const b = isObject(after) ? after : {};
    let n = 0;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (!WHERE.has(k)) n += changedValues(a[k], b[k]);
    return n;
  }
  return 1;
}

/** A document's stored extraction result, or null before its first extraction. */
export function extractionOf(core: Core, documentId: string): unknown {
  const json = upgradeNoticeQueries(core.db).extractionJson(documentId);
  return json ? (JSON.parse(json) as unknown) : null;
}

export interface ReadAgain {
  documentId: string;
  before: unknown;
  after: unknown;
}

/** Adds a start-up's re-read documents to the notice (an earlier one not yet dismissed included). */
export function recordUpgradeNotice(core: Core, readAgain: ReadAgain[]): void {
  if (!readAgain.length) return;
  const q = upgradeNoticeQueries(core.db);
  const earlier = upgradeNotice(core);
  const known = new Set(earlier?.documents.map((d) => d.id));
  const notice: UpgradeNoticeDto = {
    layoutVersion: LAYOUT_VERSION,
    at: core.clock.now().toISOString(),
    documents: [...(earlier?.documents ?? [])],
    valuesChanged: earlier?.valuesChanged ?? 0,
    correctionsKept: earlier?.correctionsKept ?? 0,
  };
  for (const r of readAgain) {
    const d = q.document(r.documentId);
    if (!d) continue;
    if (!known.has(r.documentId)) {
      notice.documents.push({ id: r.documentId, caseId: d.case_id, fileName: d.file_name });
      notice.correctionsKept += q.corrections(r.documentId);
    }
    notice.valuesChanged += changedValues(r.before, r.after);
  }
  q.put(JSON.stringify(notice));
}

/** The notice not yet dismissed, or null. */
export function upgradeNotice(core: Core): UpgradeNoticeDto | null {
  const json = upgradeNoticeQueries(core.db).get();
  return json ? (JSON.parse(json) as UpgradeNoticeDto) : null;
}

export function dismissUpgradeNotice(core: Core): null {
  upgradeNoticeQueries(core.db).remove();
  return null;
}
