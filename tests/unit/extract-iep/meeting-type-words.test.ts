// One meeting-type vocabulary and one reader of text ticks for the classifier (an IEP's subtype) and
// the IEP reader (its type): the same page gives the same answer to both, in wordings of our own.
import { describe, expect, it } from 'vitest';
import { iepSubtype } from '../../../main/core/documents/parse/classify-subtype';
import { documentLines } from '../../../main/core/documents/parse/doc-lines';
import { checkedOptions, iepTypeOf } from '../../../main/core/extract/iep-type';
import { buildLayout, pagesFromPlainText } from '../../../main/core/extract/layout';

const page = (meetingLine: string, title = 'INDIVIDUALIZED EDUCATION PROGRAM') =>
  pagesFromPlainText([title, 'Student: Rae Okonkwo          Meeting Date: 02/10/2026', meetingLine, '', 'Present levels of performance follow.'].join('\n'));

const both = (meetingLine: string, title?: string) => {
  const pages = page(meetingLine, title);
  return { classifier: iepSubtype(documentLines(pages)).value, reader: iepTypeOf(buildLayout(pages)) };
};

describe('meeting type, read alike by the classifier and the IEP reader', () => {
  it.each([
    ['Meeting Type: [ ] Initial  [X] Annual  [ ] Amendment', 'annual'],
    ['Type of Meeting: ☐ Initial ☒ Transfer ☐ Annual', 'interim'],
    ['Type of Meeting: X Yearly Review', 'annual'],
    ['Meeting Type: [X] 3-year re-eval  [ ] Annual', 'reevaluation'],
    ['Meeting Type: Requested Review', 'amendment'],
    ['Meeting Type: [ ] Annual  (x) Revise goals only', 'revision'],
  ])('%s -> %s', (line, expected) => {
    expect(both(line)).toEqual({ classifier: expected, reader: expected });
  });

  it('a title naming one type gives it to both', () => {
    expect(both('Case manager: J. Ferris', 'IEP ADDENDUM')).toEqual({ classifier: 'amendment', reader: 'amendment' });
    expect(both('Case manager: J. Ferris', 'TRANSFER IEP (COMPARABLE SERVICES)')).toEqual({ classifier: 'interim', reader: 'interim' });
  });

  it('reads ticks printed as text: boxes, then a bare X when the empty boxes were not read', () => {
    expect(checkedOptions('[ ] Initial [X] Annual [ ] Amendment')).toBe(' Annual ');
    expect(checkedOptions('X Annual Initial Amendment')).toBe('Annual Initial');
    expect(checkedOptions('Annual review')).toBe('Annual review');
    expect(checkedOptions('Box 2 x 3 inches')).toBe('Box 2 x 3 inches');
  });
});
