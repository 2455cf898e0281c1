// The disclosure tables' SQL: the case's witness list (replaced whole, in order) and each disclosure
// with the exhibits as they were disclosed.
import type { WitnessDto } from '../../../shared/api/disclosure';
import type { Db } from '../db/open';

interface WitnessRow { name: string; role: string; subject: string; contact: string }

export function witnessesOfCase(db: Db, caseId: string): WitnessDto[] {
  return db.prepare<[string], WitnessRow>('SELECT name, role, subject, contact FROM witnesses WHERE case_id = ? ORDER BY position').all(caseId);
}

export function replaceWitnesses(db: Db, caseId: string, witnesses: WitnessDto[], newId: () => string): void {
  const del = db.prepare('DELETE FROM witnesses WHERE case_id = ?');
  const ins = db.prepare('INSERT INTO witnesses (id, case_id, position, name, role, subject, contact) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    del.run(caseId);
    witnesses.forEach((w, i) => ins.run(newId(), caseId, i, w.name, w.role, w.subject, w.contact));
  })();
}

export interface DisclosedExhibit {
  label: string;
  documentId: string;
  description: string;
  batesFirst: string;
  batesLast: string;
  pages: number;
  contentHash: string;
}

export interface DisclosureRecord {
  id: string;
  hearingDate: string;
  deadline: string;
  forum: string | null;
  createdAt: string;
  exhibits: DisclosedExhibit[];
}

export function insertDisclosure(db: Db, caseId: string, d: DisclosureRecord): void {
  const head = db.prepare('INSERT INTO disclosures (id, case_id, hearing_date, deadline, forum, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const row = db.prepare('INSERT INTO disclosure_exhibits (disclosure_id, position, label, document_id, description, bates_first, bates_last, pages, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    head.run(d.id, caseId, d.hearingDate, d.deadline, d.forum, d.createdAt);
    d.exhibits.forEach((e, i) => row.run(d.id, i, e.label, e.documentId, e.description, e.batesFirst, e.batesLast, e.pages, e.contentHash));
  })();
}

interface HeadRow { id: string; hearing_date: string; deadline: string; forum: string | null; created_at: string }
interface ExhibitRow { label: string; document_id: string; description: string; bates_first: string; bates_last: string; pages: number; content_hash: string }

/** The case's latest disclosure with its exhibits, or null. */
export function latestDisclosure(db: Db, caseId: string): DisclosureRecord | null {
  const h = db.prepare<[string], HeadRow>('SELECT id, hearing_date, deadline, forum, created_at FROM disclosures WHERE case_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(caseId);
  if (!h) return null;
  const rows = db.prepare<[string], ExhibitRow>('SELECT label, document_id, description, bates_first, bates_last, pages, content_hash FROM disclosure_exhibits WHERE disclosure_id = ? ORDER BY position').all(h.id);
  return {
    id: h.id, hearingDate: h.hearing_date, deadline: h.deadline, forum: h.forum, createdAt: h.created_at,
    exhibits: rows.map((r) => ({ label: r.label, documentId: r.document_id, description: r.description, batesFirst: r.bates_first, batesLast: r.bates_last, pages: r.pages, contentHash: r.content_hash })),
  };
}
