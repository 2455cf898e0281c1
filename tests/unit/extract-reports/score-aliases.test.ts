// A canonical name beside each printed measure name (vocab/scores.ts MEASURE_ALIASES): one table,
// read by the table and prose readers alike, carried by the export; measures it does not know keep none.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases';
import { getBatch, startImportBatch } from '../../../main/core/documents/batches';
import { inputsFromPaths } from '../../../main/core/documents/import';
import { exportCase } from '../../../main/core/export';
import { extractTestScores } from '../../../main/core/extract/scores';
import { measureAlias } from '../../../main/core/extract/scores-prose';
import { afterDocumentHook } from '../../../main/core/pipeline';
import { generateStyleCase, STYLES } from '../../fixtures/styles/generate';
import { tempDir, testCore } from '../../support/core';
import { pdfFromText } from './compose';

describe('score aliases', () => {
  it.each([
    ['Letter-Word Identification', 'Word Reading'],
    ['Letter & Word Recognition', 'Word Reading'],
    ['Word Attack', 'Pseudoword Decoding'],
    ['Passage Comprehension', 'Reading Comprehension'],
    ['Math Concepts & Applications', 'Math Problem Solving'],
    ['Numerical Operations', 'Math Computation'],
    ['Full Scale IQ (FSIQ)', 'Full Scale IQ'],
    ['Working Memory Index (WMI)', 'Working Memory'],
    ['Core Language Score', 'Core Language'],
    ['Grade 5 Science', 'Science'],
    ['Grade 3 English Language Arts', 'ELA'],
    ['ORF Words Correct', 'Oral Reading Fluency'],
  ])('%s -> %s', (printed, alias) => {
    expect(measureAlias(printed)).toBe(alias);
  });

  it('gives none to a measure it does not know, or to a name that only contains a known one', () => {
    expect(measureAlias('Rapid Automatic Naming')).toBeNull();
    expect(measureAlias('Spelling of Sounds')).toBeNull();
    expect(measureAlias('Reading Comprehension Fluency')).toBeNull();
  });

  it('a score table and a sentence of our own carry the alias beside the printed name', async () => {
    const pages = await pdfFromText(
      [
        'PSYCHOEDUCATIONAL SUMMARY          Date of Testing: 03/04/2025',
        '',
        'Achievement Battery Results',
        'Measure                        Standard Score   Percentile',
        'Letter-Word Identification     84               14',
        'Passage Comprehension          79               8',
        'Rapid Naming                   92               30',
      ].join('\n'),
    );
    const got = extractTestScores(pages, 'd1').map((s) => [s.subtest, s.score, s.alias]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['Letter-Word Identification', 84, 'Word Reading'],
        ['Passage Comprehension', 79, 'Reading Comprehension'],
        ['Rapid Naming', 92, null],
      ]),
    );
    const prose = await pdfFromText(['EVALUATION REPORT', '', 'On the Word Attack subtest of the WJ IV, the student earned a standard score of 97 (42nd percentile).'].join('\n'));
    expect(extractTestScores(prose, 'd2').map((s) => [s.subtest, s.score, s.alias])).toEqual([['Word Attack', 97, 'Pseudoword Decoding']]);
  });

  it('the export lists each score with its alias', async () => {
    const dir = tempDir('aliases-');
    await generateStyleCase(dir, STYLES[3], 12);
    const file = readdirSync(path.join(dir, 'documents')).find((f) => /Achievement_Testing/.test(f))!;
    const core = testCore();
    try {
      const caseId = createCase(core, { name: 'Alias Case', state: 'CA' }).id;
      const batch = startImportBatch(core, caseId, inputsFromPaths([path.join(dir, 'documents', file)]), { afterDocument: afterDocumentHook(core) });
      await getBatch(core, batch.jobId)!.promise;
      const scores = exportCase(core, caseId).testScores as Array<{ subtest: string; alias: string | null }>;
      expect(scores.length).toBeGreaterThan(2);
      for (const s of scores) expect(s.alias, s.subtest).toBe(measureAlias(s.subtest));
      expect(scores.filter((s) => s.alias).length).toBeGreaterThanOrEqual(3);
    } finally {
      await core.close();
    }
  });
});
