// matchBoxesInJson reads only the word objects that can match from a page's stored words_json; it
// must box exactly what matchBoxes boxes on the fully parsed page, whatever the words look like.
import { describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain';
import { matchBoxes, matchBoxesInJson, parseSearchQuery } from '../../../main/core/search/service';

const word = (text: string, i: number): Word => ({ text, bbox: [i * 10, 5, i * 10 + 8, 15], conf: 90 });

const PAGES: string[][] = [
  ['The', 'student', 'met', 'goals', 'in', 'reading,', 'and', 'Goal', '2', 'was', 'revised.'],
  ['Évaluation', 'psychoéducative', 'evaluation', 'EVALUATION:', 'ﬁnal', 'final'],
  ['{goal}', 'goal}', '{"text":', 'a"b', 'back\\slash', 'reading'],
  ['3/4', 'trials', '80%', 'e-mail', 'emailed', 'Reading-Fluency', 'read', 'reader', 'reads'],
  ['s', 'is', 'as', 'services', 'service', 'serviced'],
  ['Evaluation', 'report:', 'evaluations', 'reevaluation', 'Reading'],
];

const QUERIES = ['goal', 'évaluation', 'Reading*', 'goals', 'read*', 'reading fluency', 'evaluation', 'final', '"3/4 trials"', 'e-mail', 'service', 's', 'text', '5', 'student OR goal'];

describe('matchBoxesInJson', () => {
  for (const page of PAGES) {
    const words = page.map(word);
    for (const query of QUERIES) {
      it(`boxes the same words as a full parse for "${query}" on [${page.slice(0, 3).join(' ')}...]`, () => {
        const { terms } = parseSearchQuery(query);
        const expected = matchBoxes(words, terms);
        expect(matchBoxesInJson(JSON.stringify(words), terms)).toEqual(expected);
        // Key order is not something the reader may rely on.
        const reordered = JSON.stringify(words.map((w) => ({ conf: w.conf, bbox: w.bbox, text: w.text })));
        expect(matchBoxesInJson(reordered, terms)).toEqual(expected);
      });
    }
  }

  it('finds the words a search is about', () => {
    const words = PAGES[0].map(word);
    expect(matchBoxesInJson(JSON.stringify(words), parseSearchQuery('goal').terms)).toEqual([words[3].bbox, words[7].bbox]);
    expect(matchBoxesInJson(JSON.stringify(words), parseSearchQuery('absent').terms)).toEqual([]);
  });
});
