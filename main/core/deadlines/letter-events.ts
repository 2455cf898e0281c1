// What a letter, email or notice states (extract/correspondence.ts detectEvents), stored when the document is
// extracted: the write path, under the lock, never a listing. Each event is a row keyed by document, kind and a
// source key from its page and the words of its sentence without the date, so the user's answer (accepted,
// dismissed with its reason) survives reading the letter again, a changed date included. Kept apart from
// suggestions.ts so that extraction does not load the deadline rules.
import { createHash } from 'node:crypto';
import type { CaseEventType } from '../../../shared/deadlines/types';
import type { Core } from '../context';
import { documentQueries, rowToPageContent } from '../db/queries/documents';
import { detectEvents, type FoundEvent } from '../extract/correspondence';
import type { EventKind } from '../extract/vocab/correspondence';
import {
  correspondenceDocumentIds,
  deleteSuggestion,
  documentOfCase,
  insertSuggestion,
  markSuggestionNotFound,
  pagesStamp,
  setSuggestionReadStamp,
  suggestionReadStamp,
  suggestionsOfDocument,
  updateSuggestionRead,
  type SuggestionRow,
} from './queries';

/** The deadline trigger each kind of letter event is. A Prior Written Notice is its own kind of event; it also starts the
 *  limitation periods counted from when the parent learned of the action (EVENT_ALSO_STARTS). */
export const EVENT_TYPE_OF: Record<EventKind, CaseEventType> = {
  records_request: 'records_request',
  meeting_request: 'meeting_request',
  evaluation_request: 'evaluation_request',
  iee_request: 'iee_request',
  consent_to_evaluate: 'consent_to_evaluate',
  prior_written_notice: 'pwn_received',
  due_process_filing: 'due_process_filing',
  resolution_session: 'resolution_session',
  hearing_date: 'hearing_date',
};

const LETTER_TYPES = new Set(['correspondence', 'other']);
const MONTHS = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b/g;

/** The sentence's words without its dates, weekdays or figures: what stays when a re-read reads the date otherwise. */
export function sentenceKey(sentence: string): string {
  return sentence.toLowerCase().replace(MONTHS, ' ').replace(/[^a-z]+/g, ' ').trim().replace(/\s+/g, ' ');
}

const sourceKeyOf = (e: FoundEvent) => `p${e.page}-${createHash('sha256').update(sentenceKey(e.sentence)).digest('hex').slice(0, 12)}`;

/**
 * Reads the events a document states and stores them (the write path: extraction, under the lock). A row the
 * user answered keeps its answer when the letter is read again: found by its source key, else by the same page,
 * else as the only one of its kind left; its date, page and sentence follow the new read. Pending rows the new
 * read no longer gives go; answered ones stay, marked not found. A document no longer a letter (or gone) keeps its
 * answered rows, unfound.
 */
export function storeLetterEvents(core: Core, documentId: string): void {
  const doc = documentOfCase(core.db, documentId);
  if (!doc) return;
  const isLetter = doc.status === 'ready' && LETTER_TYPES.has(doc.type);
  const pages = isLetter ? documentQueries(core.db).pages(documentId).map(rowToPageContent) : [];
  const found = pages.length ? detectEvents(pages) : [];
  const now = core.nowIso();
  core.db.transaction(() => {
    const left = suggestionsOfDocument(core.db, documentId);
    const take = (pick: (r: SuggestionRow) => boolean): SuggestionRow | undefined => {
      const i = left.findIndex(pick);
      return i < 0 ? undefined : left.splice(i, 1)[0];
    };
    const keyed = found.map((e) => ({ e, key: sourceKeyOf(e) }));
    const matched = new Map<number, SuggestionRow>();
    // By source key first, then a row stored before source keys (same date), then the same page, then the only one of its kind left.
    const passes: Array<(e: FoundEvent, key: string) => (r: SuggestionRow) => boolean> = [
      (e, key) => (r) => r.kind === e.kind && r.source_key === key,
      (e) => (r) => r.kind === e.kind && r.source_key === `legacy|${e.date ?? ''}`,
      (e) => (r) => r.kind === e.kind && r.page === e.page,
    ];
    for (const pass of passes) {
      keyed.forEach(({ e, key }, i) => {
        if (matched.has(i)) return;
        const r = take(pass(e, key));
        if (r) matched.set(i, r);
      });
    }
    keyed.forEach(({ e }, i) => {
      if (matched.has(i)) return;
      const sameKindFound = keyed.filter((k, j) => k.e.kind === e.kind && !matched.has(j)).length;
      const sameKindLeft = left.filter((r) => r.kind === e.kind);
      if (sameKindFound === 1 && sameKindLeft.length === 1) matched.set(i, take((r) => r === sameKindLeft[0])!);
    });
    const taken = new Set<string>();
    keyed.forEach(({ e, key }, i) => {
      const read = { source_key: key, event_type: EVENT_TYPE_OF[e.kind], date: e.date, page: e.page, sentence: e.sentence.slice(0, 2000), recipient: e.recipient, action: e.action ?? null, automatic: e.automatic ? 1 : 0 };
      const before = matched.get(i);
      // Two found events cannot share a key (the same sentence states two dates): the second gets its ordinal.
      let sourceKey = key;
      for (let n = 2; taken.has(`${e.kind}|${sourceKey}`); n++) sourceKey = `${key}-${n}`;
      taken.add(`${e.kind}|${sourceKey}`);
      if (before) updateSuggestionRead(core.db, { id: before.id, ...read, source_key: sourceKey }, now);
      else
        insertSuggestion(
          core.db,
          { id: `${documentId}|${e.kind}|${sourceKey}`, case_id: doc.case_id, document_id: documentId, kind: e.kind, ...read, source_key: sourceKey, found: 1, status: 'pending', dismiss_reason: null, event_id: null },
          now,
        );
    });
    for (const r of left) {
      if (r.status === 'pending') deleteSuggestion(core.db, r.id);
      else if (r.found) markSuggestionNotFound(core.db, r.id, now);
    }
    setSuggestionReadStamp(core.db, documentId, pagesStamp(core.db, documentId), now);
  })();
}

/** Stores the events of every letter whose pages were never read for them (a case from before 0270) or changed since. Returns how many. */
export function storeUnreadLetterEvents(core: Core): number {
  let n = 0;
  for (const id of correspondenceDocumentIds(core.db)) {
    if (suggestionReadStamp(core.db, id) === pagesStamp(core.db, id)) continue;
    storeLetterEvents(core, id);
    n++;
  }
  return n;
}

