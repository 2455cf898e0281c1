import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, LATEST_VERSION } from '../../main/core/db/migrate';
import { caseTag, searchTags, typeTag } from '../../main/core/db/queries/search-index';
import { tempDir } from '../support/core';

function freshDb() {
  const db = new Database(path.join(tempDir(), 'm.sqlite'));
  db.pragma('foreign_keys = ON');
  return db;
}
const tables = (db: Database.Database) =>
  db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all().map((r) => r.name);

describe('migrations', () => {
  it('are listed in ascending order with distinct versions', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('0010 creates STRICT cases and settings tables', () => {
    const db = freshDb();
    expect(migrate(db, 10)).toEqual([10]);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(tables(db)).toEqual(expect.arrayContaining(['cases', 'settings']));
    expect(() => db.prepare("INSERT INTO cases (id, name, created_at, updated_at, parents_json) VALUES ('a', 'n', x'0102', 'x', '[]')").run()).toThrow(/cannot store BLOB/);
  });

  it('0020 adds documents, pages and an FTS index, keeping existing cases', () => {
    const db = freshDb();
    migrate(db, 10);
    db.prepare("INSERT INTO cases (id, name, created_at, updated_at) VALUES ('c1', 'Kept', 't', 't')").run();
    expect(migrate(db, 20)).toEqual([20]);
    expect(tables(db)).toEqual(expect.arrayContaining(['documents', 'pages', 'pages_fts', 'blobs', 'jobs']));
    expect(db.prepare('SELECT name FROM cases').get()).toEqual({ name: 'Kept' });
    db.prepare("INSERT INTO pages_fts (text, document_id, page_number, case_id) VALUES ('reading fluency goal', 'd', 1, 'c1')").run();
    expect(db.prepare("SELECT document_id FROM pages_fts WHERE pages_fts MATCH 'fluency'").get()).toEqual({ document_id: 'd' });
    // A document must belong to an existing case.
    expect(() =>
      db.prepare("INSERT INTO documents (id, case_id, sha256, file_name, format, created_at, updated_at) VALUES ('d', 'nope', 'x', 'f', 'pdf', 't', 't')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('applies all pending migrations in one go and is idempotent', () => {
    const db = freshDb();
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual([]);
  });

  it('rolls back every pending migration when one fails', () => {
    const db = freshDb();
    db.exec('CREATE TABLE documents (x TEXT)'); // makes 0020 fail after 0010 succeeded
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).not.toContain('cases');
  });
});

describe('later migrations', () => {
  function upTo(version: number) {
    const db = freshDb();
    migrate(db, version);
    db.prepare("INSERT INTO cases (id, name, created_at, updated_at) VALUES ('c1', 'Case', 't', 't')").run();
    db.prepare("INSERT INTO blobs (sha256, size, created_at) VALUES ('s', 1, 't')").run();
    db.prepare("INSERT INTO documents (id, case_id, sha256, file_name, format, created_at, updated_at) VALUES ('d1', 'c1', 's', 'f.pdf', 'pdf', 't', 't')").run();
    return db;
  }

  it('0030 keeps corrections apart from extraction results, one per field, removed with their document', () => {
    const db = upTo(30);
    db.prepare("INSERT INTO extractions (document_id, extractor_version, result_json, updated_at) VALUES ('d1', 1, '{}', 't')").run();
    const ins = db.prepare("INSERT INTO corrections (id, document_id, entity, entity_key, field, value_json, status, created_at, updated_at) VALUES (?, 'd1', 'goal', 'g1', 'baselineValue', '50', ?, 't', 't')");
    ins.run('x1', 'edited');
    expect(() => ins.run('x2', 'edited')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO corrections (id, document_id, entity, entity_key, field, status, created_at, updated_at) VALUES ('x3', 'd1', 'goal', 'g2', 'f', 'guessed', 't', 't')").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM documents WHERE id = 'd1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM extractions').get()).toEqual({ n: 0 });
  });

  it('0040 stores link overrides and flag dismissals per case', () => {
    const db = upTo(40);
    db.prepare("INSERT INTO goal_link_overrides (case_id, goal_id, lineage_key, updated_at) VALUES ('c1', 'g1', NULL, 't')").run();
    db.prepare("INSERT INTO flag_dismissals (case_id, flag_key, reason, dismissed_at) VALUES ('c1', 'k', 'addressed at the May meeting', 't')").run();
    db.prepare("DELETE FROM cases WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM flag_dismissals').get()).toEqual({ n: 0 });
  });

  it('0050 adds events, calendars, deadline adjustments and letters', () => {
    const db = upTo(50);
    db.prepare("INSERT INTO case_events (id, case_id, type, date, label, created_at) VALUES ('e1', 'c1', 'records_request', '2025-01-15', 'Records request', 't')").run();
    db.prepare("INSERT INTO letters (id, case_id, template, subject, draft_json, sent_date, document_id, created_at, updated_at) VALUES ('l1', 'c1', 'records_request', 'S', '{}', '2025-01-15', 'd1', 't', 't')").run();
    db.prepare("DELETE FROM documents WHERE id = 'd1'").run();
    expect(db.prepare("SELECT document_id FROM letters WHERE id = 'l1'").get()).toEqual({ document_id: null });
    expect(db.pragma('user_version', { simple: true })).toBe(50);
  });

  it('0060 moves the search index to rows keyed by page, with case and type tags, leaving trashed documents out', () => {
    const db = upTo(50);
    db.prepare("INSERT INTO blobs (sha256, size, created_at) VALUES ('s2', 1, 't')").run();
    db.prepare("INSERT INTO documents (id, case_id, sha256, file_name, format, type, created_at, updated_at, deleted_at) VALUES ('d2', 'c1', 's2', 'g.pdf', 'pdf', 'iep', 't', 't', 't')").run();
    db.prepare("UPDATE documents SET type = 'progress_report' WHERE id = 'd1'").run();
    const page = db.prepare("INSERT INTO pages (document_id, page_number, width, height, text, words_json, source) VALUES (?, ?, 612, 792, ?, '[]', 'text_layer')");
    const oldRow = db.prepare('INSERT INTO pages_fts (text, document_id, page_number, case_id) VALUES (?, ?, ?, ?)');
    for (const [doc, n, text] of [['d1', 1, 'reading fluency goal'], ['d1', 2, '   '], ['d1', 3, 'speech minutes'], ['d2', 1, 'trashed fluency']] as const) {
      page.run(doc, n, text);
      if (doc === 'd1' && text.trim()) oldRow.run(text, doc, n, 'c1');
    }
    expect(migrate(db, 60)).toEqual([60]);
    expect(tables(db)).not.toContain('pages_fts');
    const indexed = db
      .prepare<[], { document_id: string; page_number: number; text: string; tags: string }>(
        'SELECT p.document_id, p.page_number, s.text, s.tags FROM pages p JOIN search_index s ON s.rowid = p.search_rowid ORDER BY p.document_id, p.page_number',
      )
      .all();
    expect(indexed.map((r) => [r.document_id, r.page_number, r.text])).toEqual([['d1', 1, 'reading fluency goal'], ['d1', 3, 'speech minutes']]);
    expect(indexed[0].tags).toBe(searchTags('c1', 'progress_report'));
    expect(db.prepare('SELECT count(*) AS n FROM search_index').get()).toEqual({ n: 2 });
    const find = (m: string) => db.prepare<[string], { rowid: number }>('SELECT rowid FROM search_index WHERE search_index MATCH ?').all(m).length;
    expect(find(`text : fluency AND tags : "${caseTag('c1')}" AND tags : "${typeTag('progress_report')}"`)).toBe(1);
    expect(find(`text : fluency AND tags : "${typeTag('iep')}"`)).toBe(0);
    // Two pages can never share an index row.
    expect(() => db.prepare("UPDATE pages SET search_rowid = (SELECT search_rowid FROM pages WHERE page_number = 1 AND document_id = 'd1') WHERE document_id = 'd1' AND page_number = 3").run()).toThrow(/UNIQUE/);
  });
  it('0070 gives cases versions unique across cases and letters a version of their own', () => {
    const db = upTo(60);
    db.prepare("INSERT INTO cases (id, name, created_at, updated_at) VALUES ('c2', 'Other', 't', 't')").run();
    db.prepare("INSERT INTO letters (id, case_id, template, subject, draft_json, created_at, updated_at) VALUES ('l1', 'c1', 'records_request', 'S', '{}', 't', 't')").run();
    expect(migrate(db, 70)).toEqual([70]);
    const versions = db.prepare<[], { id: string; version: number }>('SELECT id, version FROM cases ORDER BY id').all();
    expect(versions.map((v) => v.id)).toEqual(['c1', 'c2']);
    expect(versions.every((v) => v.version > 0)).toBe(true);
    expect(new Set(versions.map((v) => v.version)).size).toBe(2);
    // No two cases can ever share a version, so a version names one case.
    expect(() => db.prepare("UPDATE cases SET version = (SELECT version FROM cases WHERE id = 'c1') WHERE id = 'c2'").run()).toThrow(/UNIQUE/);
    expect(db.prepare("SELECT version FROM letters WHERE id = 'l1'").get()).toEqual({ version: 1 });
    expect(db.prepare('SELECT name FROM cases WHERE id = ?').get('c1')).toEqual({ name: 'Case' });
  });

  it('0080 lets a document name its decrypted working copy, a stored blob, and leaves existing documents without one', () => {
    const db = upTo(70);
    expect(migrate(db, 80)).toEqual([80]);
    expect(db.prepare("SELECT working_sha256 FROM documents WHERE id = 'd1'").get()).toEqual({ working_sha256: null });
    expect(() => db.prepare("UPDATE documents SET working_sha256 = 'not-stored' WHERE id = 'd1'").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO blobs (sha256, size, created_at) VALUES ('w', 1, 't')").run();
    db.prepare("UPDATE documents SET working_sha256 = 'w' WHERE id = 'd1'").run();
    expect(db.prepare("SELECT sha256, working_sha256 FROM documents WHERE id = 'd1'").get()).toEqual({ sha256: 's', working_sha256: 'w' });
    // A stored working copy cannot be dropped while a document reads from it.
    expect(() => db.prepare("DELETE FROM blobs WHERE sha256 = 'w'").run()).toThrow(/FOREIGN KEY/);
  });

  it('0090 records page graphics and the layout version that read each page; stored pages were read by version 1', () => {
    const db = upTo(80);
    db.prepare("INSERT INTO pages (document_id, page_number, width, height, text, words_json, source) VALUES ('d1', 1, 612, 792, 'Goal', '[]', 'text_layer')").run();
    expect(migrate(db, 90)).toEqual([90]);
    expect(db.prepare("SELECT graphics_json, layout_version FROM pages WHERE document_id = 'd1' AND page_number = 1").get()).toEqual({ graphics_json: null, layout_version: 1 });
    db.prepare(`UPDATE pages SET graphics_json = '{"rules":[],"boxes":[]}', layout_version = 2 WHERE document_id = 'd1' AND page_number = 1`).run();
    expect(db.prepare("SELECT layout_version FROM pages WHERE document_id = 'd1' AND page_number = 1").get()).toEqual({ layout_version: 2 });
    expect(() => db.prepare("UPDATE pages SET layout_version = 'two' WHERE document_id = 'd1'").run()).toThrow(/cannot store TEXT/);
  });

  it('0140 records the classifier version that classified each document; stored documents were classified by version 1', () => {
    const db = upTo(90);
    expect(migrate(db, 140)).toEqual([140]);
    expect(db.prepare("SELECT classifier_version FROM documents WHERE id = 'd1'").get()).toEqual({ classifier_version: 1 });
    db.prepare("UPDATE documents SET classifier_version = 3 WHERE id = 'd1'").run();
    expect(db.prepare("SELECT classifier_version FROM documents WHERE id = 'd1'").get()).toEqual({ classifier_version: 3 });
    expect(() => db.prepare("UPDATE documents SET classifier_version = 'two' WHERE id = 'd1'").run()).toThrow(/cannot store TEXT/);
  });
});
