// A case deleted for good leaves nothing of itself in the database file, even unencrypted: its
// words are merged out of the search index's segments and the freed pages vacuumed away. Shown on
// a plain folder (as an earlier version left it), where the bytes can be searched.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase, deleteCase } from '../../../main/core/cases';
import { openCore } from '../../../main/core/context';
import { migrate } from '../../../main/core/db/migrate';
import { importOne } from '../../../main/core/documents/import';
import { makePdf, textLines } from '../documents/make-files';
import { tempDir } from '../../support/core';

describe('deleting a case for good', () => {
  it('leaves none of its words in the database file or its WAL', async () => {
    const dir = tempDir();
    const core = openCore({ dataDir: dir, migrate: false });
    migrate(core.db);
    expect(core.keys).toBeNull();
    const word = `purgeword${randomBytes(4).toString('hex')}`;
    const keep = createCase(core, { name: 'Kept case' });
    const gone = createCase(core, { name: `Gone ${word}`, childName: `Child ${word}` });
    for (const [c, text] of [[keep, 'Kept document about reading fluency'], [gone, `Deleted document ${word} with reading goals ${word}`]] as const) {
      const pdf = await makePdf([textLines(text), textLines(`Second page ${c === gone ? word : 'kept'}`)]);
      await importOne(core, c.id, { fileName: `${c.name}.pdf`, source: 'x.pdf', read: () => pdf });
    }
    const bytes = () => Buffer.concat(['casefile.sqlite', 'casefile.sqlite-wal'].map((f) => path.join(dir, f)).filter(existsSync).map((f) => readFileSync(f)));
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(bytes().includes(word)).toBe(true);
    deleteCase(core, gone.id);
    expect(bytes().includes(word)).toBe(false);
    expect(core.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
    await core.close();
  }, 120_000);
});
