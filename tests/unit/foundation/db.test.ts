import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/core/db/open';
import { LATEST_VERSION } from '../../../main/core/db/migrate';
import { tempDir } from '../../support/core';

describe('opening the database', () => {
  it('creates a WAL database with foreign keys on at the latest schema', () => {
    const file = path.join(tempDir(), 'c.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a database from a newer app version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.exec('CREATE TABLE future_thing (x)');
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/newer version/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a corrupt file and never overwrites it', () => {
    const file = path.join(tempDir(), 'corrupt.sqlite');
    const junk = Buffer.from('this is not a database at all, just some text '.repeat(200));
    writeFileSync(file, junk);
    expect(() => openDatabase(file)).toThrow(/not a readable IEP Casefile database|damaged/);
    expect(readFileSync(file).equals(junk)).toBe(true);
  });
});
