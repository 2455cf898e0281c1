// Adding what extraction missed: the user drags a rectangle over the page, the words inside prefill
// a new goal or data point, and saving stores it as an 'added' correction with its source box.
import { useEffect, useState } from 'react';
import { Button, Input, Label, TextArea, TextField } from 'react-aria-components';
import type { PageDto } from '../../../../shared/api/documents';
import type { BBox, DataPoint, ExtractedGoal, ProgressEntry } from '../../../../shared/domain';
import { findDates } from '../../../../shared/text/dates';
import { unionBox, wordsInside } from '../../components/viewer/PageView';
import { ISO_DATE } from './fields';
import { ErrorText } from '../../components/ErrorText';

export type AddKind = 'goal' | 'datapoint' | 'entry';

/** A progress report's row the reader missed (issue 18: the form learns its rows from it). */
export type NewEntry = Omit<ProgressEntry, 'key'>;

/**
 * A row's words (in reading order) split into columns at its progress code, a key of the report's
 * legend: the goal is the words left of the code, the comment those right of it. No code found: all
 * of it is the goal.
 */
export function splitRow(words: Array<{ text: string; bbox: BBox }>, legend: Record<string, string>): { goal: string; code: string; comment: string } {
  const bare = (t: string) => t.replace(/[.,;:]$/, '');
  const code = words.find((w) => Object.prototype.hasOwnProperty.call(legend, bare(w.text)));
  const join = (ws: typeof words) => ws.map((w) => w.text).join(' ');
  if (!code) return { goal: join(words), code: '', comment: '' };
  return { goal: join(words.filter((w) => w.bbox[2] <= code.bbox[0])), code: bare(code.text), comment: join(words.filter((w) => w.bbox[0] >= code.bbox[2])) };
}

export interface Picked {
  page: PageDto;
  rect: BBox;
}

export function newGoal(documentId: string, page: number, bbox: BBox, text: string): Omit<ExtractedGoal, 'key'> {
  return {
    number: null,
    area: null,
    text,
    baselineText: null,
    baselineValue: null,
    targetValue: null,
    unit: null,
    direction: null,
    targetDate: findDates(text).at(-1)?.iso ?? null,
    measuredBy: null,
    objectives: [],
    components: { condition: false, behavior: false, criterion: false, timeframe: false },
    measurable: false,
    gradeLevel: null,
    source: { documentId, page, bbox },
    confidence: 1,
  };
}

/** The first number in the text that is not part of a date, and the word after it as its unit. */
export function firstValue(text: string): { value: number | null; unit: string | null } {
  let rest = text;
  for (const d of findDates(text)) rest = rest.replace(d.text, ' ');
  const m = /(-?\d+(?:\.\d+)?)\s*(%|[A-Za-z]+)?/.exec(rest.replace(/,(?=\d{3})/g, ''));
  return m ? { value: Number(m[1]), unit: m[2] ?? null } : { value: null, unit: null };
}

export function AddFromPage({
  kind,
  picked,
  documentId,
  legend = {},
  onSave,
  onCancel,
}: {
  kind: AddKind;
  picked: Picked | null;
  documentId: string;
  /** The progress report's legend, to find a row's code. */
  legend?: Record<string, string>;
  onSave(value: Omit<ExtractedGoal, 'key'> | DataPoint | NewEntry): void;
  onCancel(): void;
}) {
  const words = picked ? wordsInside(picked.page, picked.rect) : [];
  const text = words.map((w) => w.text).join(' ');
  const bbox = unionBox(words) ?? picked?.rect ?? null;
  const [draft, setDraft] = useState('');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState('');
  const [date, setDate] = useState('');
  const [code, setCode] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(text);
    if (kind === 'entry') {
      const row = splitRow(words, legend);
      setDraft(row.goal);
      setCode(row.code);
      setComment(row.comment);
    }
    const v = firstValue(text);
    setValue(v.value === null ? '' : String(v.value));
    setUnit(v.unit ?? '');
    setDate(findDates(text)[0]?.iso ?? '');
    // Only new words (or another kind) refill the fields, not a new legend object from a refetch.
  }, [text, kind]);

  return (
    <section className="add-panel" aria-label={kind === 'goal' ? 'Add a missed goal' : kind === 'entry' ? 'Add a missed row' : 'Add a missed data point'}>
      <p className="muted">
        {picked ? (words.length ? `${words.length} words selected on page ${picked.page.pageNumber}.` : 'No words inside that rectangle; type the value instead.') : 'Drag a rectangle over the text on the page.'}
      </p>
      {kind === 'entry' ? (
        <div className="field-row wrap">
          <TextField value={draft} onChange={setDraft} className="grow">
            <Label>Goal</Label>
            <Input />
          </TextField>
          <TextField value={code} onChange={setCode} className="narrow">
            <Label>Progress code</Label>
            <Input />
          </TextField>
          <TextField value={comment} onChange={setComment} className="grow">
            <Label>Comment</Label>
            <TextArea rows={2} />
          </TextField>
        </div>
      ) : kind === 'goal' ? (
        <TextField value={draft} onChange={setDraft}>
          <Label>Goal text</Label>
          <TextArea rows={4} />
        </TextField>
      ) : (
        <div className="field-row">
          <TextField value={value} onChange={setValue}>
            <Label>Value</Label>
            <Input inputMode="decimal" />
          </TextField>
          <TextField value={unit} onChange={setUnit}>
            <Label>Unit</Label>
            <Input />
          </TextField>
          <TextField value={date} onChange={setDate}>
            <Label>Date (YYYY-MM-DD)</Label>
            <Input />
          </TextField>
        </div>
      )}
      <ErrorText message={error} />
      <div className="actions">
        <Button onPress={onCancel}>Cancel</Button>
        <Button
          className="primary"
          isDisabled={!picked}
          onPress={() => {
            if (!picked || !bbox) return;
            if (kind === 'entry') {
              if (!draft.trim() && !code.trim()) return setError('A row needs its goal or its code.');
              const c = code.trim() || null;
              return onSave({ goalNumber: null, goalLabel: draft.trim() || null, code: c, codeText: c ? legend[c] ?? null : null, comment: comment.trim() || null, hasData: false, dataPoints: [], source: { documentId, page: picked.page.pageNumber, bbox }, confidence: 1 });
            }
            if (kind === 'goal') {
              if (!draft.trim()) return setError('A goal needs its text.');
              return onSave(newGoal(documentId, picked.page.pageNumber, bbox, draft.trim()));
            }
            const n = Number(value);
            if (!value.trim() || !Number.isFinite(n)) return setError('A data point needs a number.');
            if (date && !ISO_DATE.test(date)) return setError('Use a date like 2024-03-15.');
            onSave({ date: date || null, value: n, unit: unit.trim() || null, source: { documentId, page: picked.page.pageNumber, bbox } });
          }}
        >
          {kind === 'goal' ? 'Add goal' : kind === 'entry' ? 'Add row' : 'Add data point'}
        </Button>
      </div>
    </section>
  );
}
