// Check a goal before the IEP meeting: paste the district's draft, see what it lacks.
import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import type { GoalCheck } from '../../../../shared/goals/check';
import { invoke } from '../../api/client';
import { QualityView } from './QualityView';
import { ErrorText } from '../../components/ErrorText';

export function GoalChecker() {
  const [result, setResult] = useState<GoalCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="card goal-checker" aria-labelledby="checker-heading">
      <h2 id="checker-heading">Check a proposed goal</h2>
      <p className="muted">Paste a goal from a draft IEP to see whether it names a condition, a behavior, a criterion and a timeframe.</p>
      <Form
        onSubmit={async (e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const text = String(form.get('goal') ?? '').trim();
          const baselineText = String(form.get('baseline') ?? '').trim();
          const baselineValue = baselineText ? Number(baselineText) : null;
          if (baselineValue != null && !Number.isFinite(baselineValue)) {
            setError('The baseline must be a number, for example 48.');
            return;
          }
          setBusy(true);
          try {
            setResult(await invoke('goals.check', { text, baselineValue, baselineDate: baselineValue != null ? new Date().toISOString().slice(0, 10) : null }));
            setError(null);
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <TextField name="goal" isRequired maxLength={5000}>
          <Label>Proposed goal</Label>
          <TextArea rows={4} placeholder="By May 2026, given a grade-level passage, Sam will read 90 words correct per minute in 3 of 4 trials." />
          <FieldError />
        </TextField>
        <div className="field-row checker-row">
          <TextField name="baseline" inputMode="decimal" className="baseline-field">
            <Label>Current level, if known (same unit)</Label>
            <Input />
          </TextField>
          <Button type="submit" className="primary" isDisabled={busy}>
            Check goal
          </Button>
        </div>
      </Form>
      <ErrorText message={error} />
      <div aria-live="polite">{result && <QualityView check={result} />}</div>
    </section>
  );
}
