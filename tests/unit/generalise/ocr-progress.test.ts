// Progress reports read from our own OCR output (tests/fixtures/ocr-pages: the PageContent the app's
// tesseract pipeline produced for dev-rivera's skewed scan and phone photo), plus the general rules
// added for other form systems: skewed lines, checkbox lists, "to N" after "increase", synonyms.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageContent, Word } from '../../../shared/domain';
import { parseGoalSentence } from '../../../shared/goals/parse';
import { baselineValueIn } from '../../../main/core/extract/goals';
import { checkedOptions, typeFromText } from '../../../main/core/extract/iep';
import { buildLayout } from '../../../main/core/extract/layout';
import { extractProgressReport } from '../../../main/core/extract/progress';
import { REPO_ROOT } from '../../support/fixtures';

const pagesOf = (name: string): PageContent[] => JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests/fixtures/ocr-pages', `${name}.pages.json`), 'utf8')) as PageContent[];

describe('progress reports from OCR pages', () => {
  it('reads every goal of a skewed scan, including a data point whose line the skew cut in three', () => {
    const report = extractProgressReport(pagesOf('scan_20230314_1702'), 'scan');
    expect(report.entries.map((e) => e.goalNumber)).toEqual([1, 2, 3, 4]);
    expect(report.entries.every((e) => e.code === 'SP')).toBe(true);
    const writing = report.entries[1];
    expect(writing.dataPoints.map((d) => [d.date, d.value])).toEqual([['2023-02-24', 3]]);
    expect(report.entries[3].hasData).toBe(false);
    expect(report.legend.SP).toMatch(/sufficient progress/i);
  });

  it('keeps a goal whose header the photo lost, as the goal before the first header read', () => {
    const report = extractProgressReport(pagesOf('IMG_4471'), 'photo');
    expect(report.reportDate).toBe('2024-12-06');
    const byNumber = new Map(report.entries.map((e) => [e.goalNumber, e]));
    expect(byNumber.get(3)?.code).toBe('SP');
    expect(byNumber.get(3)?.hasData).toBe(false);
    expect(byNumber.get(4)?.code).toBe('SP');
  });

  it('groups the words of a tilted page into the printed lines', () => {
    const slope = 0.03;
    const words: Word[] = [];
    ['Comments / Data Mateo is now writing an average of 3 complete sentences per prompt today.', 'Next line of text sits one line below the first one here.'].forEach((line, row) => {
      let x = 50;
      for (const text of line.split(' ')) {
        const w = text.length * 5;
        const y = 100 + row * 14 + slope * (x + w / 2);
        words.push({ text, bbox: [x, y, x + w, y + 9], conf: 90 });
        x += w + 4;
      }
    });
    const page: PageContent = { pageNumber: 1, width: 612, height: 792, text: '', words, source: 'ocr', meanConfidence: 90 };
    const lines = buildLayout([page]).lines.map((l) => l.text);
    expect(lines).toEqual(['Comments / Data Mateo is now writing an average of 3 complete sentences per prompt today.', 'Next line of text sits one line below the first one here.']);
  });
});

describe('rules for other form systems', () => {
  it('reads only the ticked option of a checkbox list', () => {
    expect(typeFromText(checkedOptions('[ ] Initial [X] Annual [ ] Amendment'))).toBe('annual');
    expect(typeFromText(checkedOptions('☐ Initial ☐ Annual ☒ Amendment'))).toBe('amendment');
    expect(checkedOptions('Annual review')).toBe('Annual review');
  });

  it('"increase ... to N" raises to N; "reduce ... to N" lowers to N', () => {
    const up = parseGoalSentence('By 06/01/2025, in structured conversation, Sam will increase his mean length of utterance (MLU) to 4.5 morphemes across 3 sessions.');
    expect([up.targetValue, up.direction]).toEqual([4.5, 'increase']);
    const down = parseGoalSentence('Within one year, during recess, Sam will reduce physical aggression to 1 incident per week, as measured by incident logs.');
    expect([down.targetValue, down.direction, down.targetDate]).toEqual([1, 'decrease', null]);
  });

  it('finds a baseline counted per the same period in other words', () => {
    expect(baselineValueIn('Logs from May show an average of 4 verbal outbursts per week.', 'incidents per week')).toBe(4);
    expect(baselineValueIn('Logs from May show 4 outbursts per day.', 'incidents per week')).toBeNull();
  });
});
