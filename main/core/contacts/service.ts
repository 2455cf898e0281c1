// Case info from the records: the people the case's documents name are offered as suggestions with
// their source page; the user accepts one (it joins the case's details, which letters read) or
// dismisses it (never offered again). Reading is done again at each listing, so a new import adds
// its people and a document removed takes its pending suggestions with it.
import { createHash } from 'node:crypto';
import type { CaseDto, DistrictContact, Person } from '../../../shared/api/cases';
import type { ContactSuggestionDto } from '../../../shared/api/contacts';
import { AppError } from '../../../shared/errors';
import type { Core } from '../context';
import { getCase, updateCase } from '../cases';
import { documentQueries, rowToPageContent } from '../db/queries/documents';
import { recordHistory } from '../history/history';
import { nameKey, readContacts, type FoundContact } from './find';
import { contactQueries, type StoredSuggestion } from './queries';

/** Documents whose pages name the people around a child: IEPs, letters and e-mails, reports, notices. */
const READ_TYPES = new Set(['iep', 'correspondence', 'progress_report', 'evaluation', 'other']);

const suggestionId = (caseId: string, key: string, role: string) => createHash('sha256').update(`${caseId}\n${role}\n${key}`).digest('hex').slice(0, 24);

/** Reads the case's documents again and stores what they name (pending unless decided before). */
function refresh(core: Core, caseId: string): void {
  const docs = documentQueries(core.db).listByCase(caseId, false).filter((d) => READ_TYPES.has(d.type));
  const q = contactQueries(core.db);
  const seen = new Map<string, Omit<StoredSuggestion, 'status'>>();
  const headerOnly: FoundContact[] = [];
  for (const doc of docs) {
    const pages = documentQueries(core.db).pages(doc.id).map(rowToPageContent);
    const read = readContacts(pages);
    headerOnly.push(...read.headerOnly);
    for (const f of read.people) {
      const key = nameKey(f.name);
      const id = suggestionId(caseId, key, f.role);
      const before = seen.get(id);
      if (before) fillMissing(before, f);
      else seen.set(id, { id, caseId, personKey: key, role: f.role, name: f.name, title: f.title, email: f.email, phone: f.phone, address: f.address, documentId: doc.id, page: f.page, bbox: f.bbox });
    }
  }
  // An e-mail's From or Cc line gives the address of someone another document names with a role.
  for (const h of headerOnly) for (const s of seen.values()) if (s.personKey === nameKey(h.name)) fillMissing(s, h);
  const now = core.nowIso();
  core.db.transaction(() => {
    for (const s of seen.values()) q.upsert(s, now);
    // By person and role, not id: a case copied from an archive keeps the ids its rows had.
    q.removePendingExcept(caseId, [...seen.values()].map((s) => [s.role, s.personKey]));
  })();
}

function fillMissing(into: Omit<StoredSuggestion, 'status'>, f: FoundContact): void {
  into.title ??= f.title;
  into.email ??= f.email;
  into.phone ??= f.phone;
  into.address ??= f.address;
}

/** What the case already says of this person (same role, same name), if anything. */
function onFile(c: CaseDto, s: StoredSuggestion): Person | DistrictContact | undefined {
  const same = (p: { name: string }) => nameKey(p.name) === s.personKey;
  return s.role === 'parent' ? c.parents.find(same) : c.contacts.find((p) => same(p) && p.role === s.role);
}

/** A suggestion says nothing new when the case holds the person with every detail it prints. */
function saysNothingNew(c: CaseDto, s: StoredSuggestion): boolean {
  const p = onFile(c, s);
  if (!p) return false;
  return (!s.email || !!p.email) && (!s.phone || !!p.phone) && (!s.address || !!p.address);
}

export function listSuggestions(core: Core, caseId: string): ContactSuggestionDto[] {
  const c = getCase(core, caseId);
  refresh(core, caseId);
  const names = new Map(documentQueries(core.db).listByCase(caseId, false).map((d) => [d.id, d.file_name]));
  return contactQueries(core.db)
    .ofCase(caseId)
    .filter((s) => s.status === 'pending' && names.has(s.documentId) && !saysNothingNew(c, s))
    .map((s) => ({ id: s.id, role: s.role, name: s.name, title: s.title, email: s.email, phone: s.phone, address: s.address, source: { documentId: s.documentId, fileName: names.get(s.documentId)!, page: s.page, bbox: s.bbox } }));
}

function suggestionOfCase(core: Core, caseId: string, suggestionId: string): StoredSuggestion {
  const s = contactQueries(core.db).get(suggestionId);
  if (!s || s.caseId !== caseId) throw new AppError('not_found', `No suggested contact ${suggestionId} in this case.`);
  return s;
}

const ROLE_WORDS: Record<StoredSuggestion['role'], string> = { parent: 'parent or guardian', case_manager: 'case manager', sped_director: 'special-education director', principal: 'principal', other: 'school contact' };

/**
 * Writes the person into the case: a parent joins the parents (or completes the one of the same
 * name); a case manager, director or principal takes that role's place; another school contact is
 * added. Details already on file are kept where the records print none.
 */
export function acceptSuggestion(core: Core, caseId: string, suggestionId: string): ContactSuggestionDto[] {
  const s = suggestionOfCase(core, caseId, suggestionId);
  const c = getCase(core, caseId);
  const same = (p: { name: string }) => nameKey(p.name) === s.personKey;
  if (s.role === 'parent') {
    const had = c.parents.find(same);
    const parent: Person = { name: had?.name ?? s.name, relationship: had?.relationship ?? s.title, email: s.email ?? had?.email ?? null, phone: s.phone ?? had?.phone ?? null, address: s.address ?? had?.address ?? null };
    const parents = had ? c.parents.map((p) => (p === had ? parent : p)) : [...c.parents, parent];
    updateCase(core, caseId, { parents }, c.version);
  } else {
    const had = c.contacts.find((p) => p.role === s.role && (s.role !== 'other' || same(p)));
    const keep = had && same(had) ? had : undefined;
    const contact: DistrictContact = { role: s.role, name: s.name, title: s.title ?? keep?.title ?? null, email: s.email ?? keep?.email ?? null, phone: s.phone ?? keep?.phone ?? null, address: s.address ?? keep?.address ?? null };
    const contacts = had ? c.contacts.map((p) => (p === had ? contact : p)) : [...c.contacts, contact];
    updateCase(core, caseId, { contacts }, c.version);
  }
  contactQueries(core.db).setStatus(s.id, 'confirmed', core.nowIso());
  recordHistory(core, caseId, { kind: 'contact_confirmed', description: `Confirmed ${s.name} as ${ROLE_WORDS[s.role]} from the records`, ids: [s.documentId] });
  core.emit('case.changed', { caseId, what: 'case' });
  return listSuggestions(core, caseId);
}

export function dismissSuggestion(core: Core, caseId: string, suggestionId: string): ContactSuggestionDto[] {
  const s = suggestionOfCase(core, caseId, suggestionId);
  contactQueries(core.db).setStatus(s.id, 'dismissed', core.nowIso());
  core.emit('case.changed', { caseId, what: 'case' });
  return listSuggestions(core, caseId);
}
