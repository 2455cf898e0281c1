// Migration 0220 (issue 18): form families, fingerprints, learned anchors and the values they filled.
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, it } from 'vitest';
import { migrate } from '../../main/core/db/migrate';
import { tempDir } from '../support/core';

it('0220 keeps each document in one family, an anchor per family, and its values gone with the anchor or the document', () => {
  const db = new Database(path.join(tempDir(), 'm.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 220);
  db.prepare("INSERT INTO cases (id, name, created_at, updated_at) VALUES ('c1', 'Case', 't', 't')").run();
  for (const id of ['d1', 'd2']) {
    db.prepare("INSERT INTO blobs (sha256, size, created_at) VALUES (?, 1, 't')").run(`s-${id}`);
    db.prepare("INSERT INTO documents (id, case_id, sha256, file_name, format, created_at, updated_at) VALUES (?, 'c1', ?, 'f.pdf', 'pdf', 't', 't')").run(id, `s-${id}`);
  }
  db.prepare("INSERT INTO form_families (id, name, created_at) VALUES ('f1', 'Form', 't')").run();
  for (const id of ['d1', 'd2']) db.prepare("INSERT INTO form_fingerprints (document_id, family_id, tokens_json, updated_at) VALUES (?, 'f1', '[]', 't')").run(id);
  expect(() => db.prepare("INSERT INTO form_fingerprints (document_id, family_id, tokens_json, updated_at) VALUES ('d1', 'f1', '[]', 't')").run()).toThrow(/UNIQUE|PRIMARY/);
  expect(() => db.prepare("INSERT INTO form_fingerprints (document_id, family_id, tokens_json, updated_at) VALUES ('d9', 'f1', '[]', 't')").run()).toThrow(/FOREIGN KEY/);
  const anchor = db.prepare(
    "INSERT INTO form_anchors (id, family_id, entity, field, shape, description, spec_json, enabled, source_document_id, source_file_name, source_page, created_at) VALUES (?, 'f1', 'progress_report', 'reportDate', 'date', 'd', '{}', ?, 'd1', 'f.pdf', 1, 't')",
  );
  anchor.run('a1', 1);
  expect(() => anchor.run('a2', 'yes')).toThrow(/cannot store TEXT value in INTEGER column/);
  const value = db.prepare("INSERT INTO form_values (id, anchor_id, document_id, entity, entity_key, field, value_json, page, created_at) VALUES (?, 'a1', ?, 'progress_report', 'report', 'reportDate', '\"2024-01-01\"', 1, 't')");
  value.run('v1', 'd2');
  value.run('v2', 'd1');
  expect(() => value.run('v3', 'd2')).toThrow(/UNIQUE/);
  db.prepare("DELETE FROM documents WHERE id = 'd2'").run();
  expect(db.prepare('SELECT document_id FROM form_values').all()).toEqual([{ document_id: 'd1' }]);
  expect(db.prepare('SELECT document_id FROM form_fingerprints').all()).toEqual([{ document_id: 'd1' }]);
  db.prepare("DELETE FROM form_anchors WHERE id = 'a1'").run();
  expect(db.prepare('SELECT count(*) AS n FROM form_values').get()).toEqual({ n: 0 });
  db.close();
});
