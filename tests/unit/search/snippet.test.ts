// Search snippets are built from the page text: the best cluster of matching words, the matches
// marked (neighbours in one mark), cut with "…", the same words matched as the viewer boxes.
import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, makeSnippet, parseSearchQuery } from '../../../main/core/search/service';

const show = (s: string) => s.replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');
const snip = (text: string, query: string, tokens?: number) => show(makeSnippet(text, parseSearchQuery(query).terms, tokens));

const LONG = [
  'The student attended every session this quarter.',
  'Her teacher reports steady work in class and at home with the family.',
  'Reading fluency: she read 62 words correct per minute on a grade 3 passage, up from 48.',
  'Math calculation is unchanged and the team will meet again in the spring to review it.',
].join(' ');

describe('makeSnippet', () => {
  it('shows the richest stretch, marks a phrase as one hit, and cuts with an ellipsis', () => {
    expect(snip(LONG, '"words correct per minute"')).toBe('…she read 62 [words correct per minute] on a grade 3 passage, up from 48. Math…');
    expect(snip(LONG, 'student')).toBe('The [student] attended every session this quarter. Her teacher reports steady work in class and at…');
  });

  it('prefers a window with more different terms over a single repeated one', () => {
    const text = 'goal goal goal ' + 'filler '.repeat(30) + 'reading goal here ' + 'more '.repeat(30);
    expect(snip(text, 'reading goal')).toMatch(/^….*\[reading goal\] here/);
  });

  it('matches stems and prefixes as the boxes do, and folds accents', () => {
    expect(snip('Goals were revised; the goal is reading.', 'goal')).toBe('[Goals] were revised; the [goal] is reading.');
    expect(snip('Accommodations and accommodated tests', 'accommod*')).toBe('[Accommodations] and [accommodated] tests');
    expect(snip('Évaluation psychoéducative du élève', 'evaluation')).toBe('[Évaluation] psychoéducative du élève');
  });

  it('still shows the page start when no word can be marked (the match came from the stemmer alone)', () => {
    expect(snip('Evaluate the data twice.', 'evaluation')).toBe('Evaluate the data twice.');
    expect(snip('', 'goal')).toBe('');
  });

  it('keeps within its token budget', () => {
    const text = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ') + ' target ' + Array.from({ length: 100 }, (_, i) => `v${i}`).join(' ');
    const out = snip(text, 'target', 8);
    expect(out.startsWith('…') && out.endsWith('…')).toBe(true);
    expect(out.replace(/…/g, '').trim().split(/\s+/)).toHaveLength(8);
    expect(out).toContain('[target]');
  });
});
