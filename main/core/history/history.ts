// The append-only history of a case: one line per thing done to it (imported, corrected, confirmed,
// exported, a packet built, a letter saved, an event added or removed, moved to the trash or back, a
// flag dismissed), written by core at the point it happens. The table's triggers refuse any change
// and any delete but the case's own purge.
import type { HistoryEntryDto, HistoryKind } from '../../../shared/api/cases';
import type { Core } from '../context';
import { historyOfCase, insertHistory, type HistoryRow } from './queries';

export interface HistoryEntry {
  kind: HistoryKind;
  description: string;
  ids?: Array<string | null | undefined>;
}

/** One line as it will be stored, not yet written (a case archive carries the line of its own export). */
export function historyLine(core: Core, caseId: string, entry: HistoryEntry): HistoryRow {
  const ids = (entry.ids ?? []).filter((x): x is string => typeof x === 'string' && x.length > 0);
  return { id: core.newId(), case_id: caseId, at: core.nowIso(), kind: entry.kind, description: entry.description.slice(0, 500), ids: JSON.stringify(ids) };
}

/** Appends one line to the case's history. */
export function recordHistory(core: Core, caseId: string, entry: HistoryEntry | HistoryRow): void {
  insertHistory(core.db, 'case_id' in entry ? entry : historyLine(core, caseId, entry));
}

/** The case's history, newest first. */
export function caseHistory(core: Core, caseId: string): HistoryEntryDto[] {
  return historyOfCase(core.db, caseId).map((r) => ({ id: r.id, caseId: r.case_id, at: r.at, kind: r.kind as HistoryKind, description: r.description, ids: JSON.parse(r.ids) as string[] }));
}
