// The boundary and SQL gates of eslint.config.js fail on a planted violation of each rule, and pass
// the same kind of file written within the rules (so none of them fires on everything). Each case is
// linted as a file at its path in the tree (ESLint's lintText with a filePath: nothing is written,
// and the imports resolve against the real folders).
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rules lint reports for `code` placed at `file` (relative to the project root). */
async function rulesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const planted: Array<[string, string, string, string]> = [
  // [what, file, code, the rule that must fire]
  ['shared imports a Node module', 'shared/zz-planted.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'no-restricted-imports'],
  ['shared imports sharp', 'shared/zz-planted.ts', "import sharp from 'sharp';\nexport const s = sharp;\n", 'no-restricted-imports'],
  ['shared imports the database driver', 'shared/zz-planted.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const d = Database;\n", 'no-restricted-imports'],
  ['shared touches the DOM', 'shared/zz-planted.ts', 'export const title = () => document.title;\n', 'no-restricted-globals'],
  ['shared imports main/core', 'shared/zz-planted.ts', "import { getCase } from '../main/core/cases';\nexport const g = getCase;\n", 'boundaries/dependencies'],
  ['main/core imports electron', 'main/core/zz-planted.ts', "import { app } from 'electron';\nexport const a = app;\n", 'no-restricted-imports'],
  ['main/core imports the host', 'main/core/zz-planted.ts', "import '../host/server';\n", 'boundaries/dependencies'],
  ['main/core imports the Electron app', 'main/core/zz-planted.ts', "import '../app/menu';\n", 'boundaries/dependencies'],
  ['main/core imports the ipc layer', 'main/core/zz-planted.ts', "import { buildRegistry } from '../ipc';\nexport const b = buildRegistry;\n", 'boundaries/dependencies'],
  ['main/core touches the DOM', 'main/core/zz-planted.ts', 'export const w = () => window.innerWidth;\n', 'no-restricted-globals'],
  ['the renderer imports main/core', 'renderer/src/zz-planted.ts', "import { getCase } from '../../main/core/cases';\nexport const g = getCase;\n", 'boundaries/dependencies'],
  ['the renderer imports a Node module', 'renderer/src/zz-planted.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'no-restricted-imports'],
  ['the ipc layer imports the host', 'main/ipc/zz-planted.ts', "import '../host/server';\n", 'boundaries/dependencies'],
  ['SQL prepared in a feature service', 'main/core/letters/zz-planted.ts', "import type { Db } from '../db/open';\nexport const n = (db: Db) => db.prepare('SELECT 1').get();\n", 'no-restricted-syntax'],
  // Once allow-listed (issue 16): no file outside the query modules is exempt any more.
  ['SQL prepared in the OCR queue runner', 'main/core/documents/ocr-jobs.ts', "import type { Db } from '../db/open';\nexport const n = (db: Db) => db.prepare('SELECT 1').get();\n", 'no-restricted-syntax'],
  ['SQL prepared in the backup', 'main/core/backup/backup.ts', "import type { Db } from '../db/open';\nexport const n = (db: Db) => db.prepare('SELECT 1').get();\n", 'no-restricted-syntax'],
  ['SQL prepared in the data folder', 'main/core/vault/data-folder.ts', "import type { Db } from '../db/open';\nexport const n = (db: Db) => db.prepare('SELECT 1').get();\n", 'no-restricted-syntax'],
  ['SQL prepared in an ipc handler', 'main/ipc/zz-planted.ts', "import type { Db } from '../core/db/open';\nexport const n = (db: Db) => db.prepare('SELECT 1').get();\n", 'no-restricted-syntax'],
];

const allowed: Array<[string, string, string]> = [
  ['shared imports shared and zod', 'shared/zz-planted.ts', "import { z } from 'zod';\nimport { AppError } from './errors';\nexport const e = [z, AppError];\n"],
  ['main/core imports core, shared and Node', 'main/core/zz-planted.ts', "import { readFileSync } from 'node:fs';\nimport { getCase } from './cases';\nimport { AppError } from '../../shared/errors';\nexport const e = [readFileSync, getCase, AppError];\n"],
  ['the renderer imports shared', 'renderer/src/zz-planted.ts', "import { api } from '../../shared/api';\nexport const a = () => [api, document.title];\n"],
  ['the host imports ipc and core', 'main/host/zz-planted.ts', "import { buildRegistry } from '../ipc';\nimport { getCase } from '../core/cases';\nexport const e = [buildRegistry, getCase];\n"],
  ['SQL in a feature query module', 'main/core/letters/queries.ts', "import type { Db } from '../db/open';\nexport const n = (db: Db) => db.prepare('SELECT 1').get();\n"],
  ['SQL in a table query module', 'main/core/db/queries/zz-planted.ts', "import type { Db } from '../open';\nexport const n = (db: Db) => db.prepare('SELECT 1').get();\n"],
];

describe('lint gates', () => {
  it.each(planted)('fail when %s', async (_what, file, code, rule) => {
    expect(await rulesFor(file, code)).toContain(rule);
  });

  it.each(allowed)('pass when %s', async (_what, file, code) => {
    expect(await rulesFor(file, code)).toEqual([]);
  });
});
