// Services: the minutes each IEP requires against what the logs show, for a chosen period, and the
// compensatory-education calculator built on those figures.
import { useEffect, useState } from 'react';
import { Form, Input, Label, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import type { PeriodChoice } from '../../../../shared/api/services';
import { invoke } from '../../api/client';
import { useCaseQuery, useDocumentNames } from '../../components/charts/useCaseQuery';
import { ChoiceSelect } from '../documents/ChoiceSelect';
import type { SectionProps } from '../sections';
import { CompEdCalculator } from './CompEdCalculator';
import { ReconciliationTable } from './ReconciliationTable';

const CUSTOM = 'custom';

/** The latest school year: usually the one an advocate asks about. */
function defaultPeriod(periods: PeriodChoice[]): number {
  const years = periods.map((p, i) => ({ p, i })).filter(({ p }) => p.kind === 'school_year');
  return years.length ? years[years.length - 1].i : 0;
}

/** The latest school year with a service log, so the page opens on figures rather than "no record"; else the latest year. */
export async function firstLoggedYear(caseId: string, periods: PeriodChoice[]): Promise<number> {
  const years = periods.map((p, i) => ({ p, i })).filter(({ p }) => p.kind === 'school_year').reverse();
  for (const { p, i } of years) {
    const r = await invoke('services.reconcile', { caseId, period: p }).catch(() => null);
    if (r?.services.some((s) => s.status !== 'no_record')) return i;
  }
  return defaultPeriod(periods);
}

function PeriodPicker({ periods, value, onChange }: { periods: PeriodChoice[]; value: PeriodChoice | null; onChange(p: PeriodChoice): void }) {
  const [choice, setChoice] = useState<string>(() => String(value ? periods.findIndex((p) => p.start === value.start && p.end === value.end) : defaultPeriod(periods)));
  const [start, setStart] = useState(value?.start ?? '');
  const [end, setEnd] = useState(value?.end ?? '');
  const choices = [...periods.map((p, i) => ({ id: String(i), label: p.label })), { id: CUSTOM, label: 'Custom range…' }];
  return (
    <div className="toolbar period-picker">
      <ChoiceSelect
        label="Period"
        value={choice}
        choices={choices}
        onChange={(id) => {
          setChoice(id);
          if (id !== CUSTOM) onChange(periods[Number(id)]);
        }}
      />
      {choice === CUSTOM && (
        <Form
          className="inline-form"
          aria-label="Custom period"
          onSubmit={(e) => {
            e.preventDefault();
            if (start && end && start <= end) onChange({ kind: 'custom', start, end, label: `${start} to ${end}` });
          }}
        >
          <TextField type="date" value={start} onChange={setStart} isRequired className="date-field">
            <Label>From</Label>
            <Input />
          </TextField>
          <TextField type="date" value={end} onChange={setEnd} isRequired className="date-field">
            <Label>To</Label>
            <Input />
          </TextField>
          <Button type="submit" isDisabled={!start || !end || start > end}>
            Show
          </Button>
        </Form>
      )}
    </div>
  );
}

export function ServicesSection({ caseData }: SectionProps) {
  const caseId = caseData.id;
  const names = useDocumentNames(caseId);
  const periods = useCaseQuery(caseId, () => invoke('services.periods', { caseId }));
  const [period, setPeriod] = useState<PeriodChoice | null>(null);
  useEffect(() => {
    if (period || !periods.data?.length) return;
    const list = periods.data;
    let live = true;
    void firstLoggedYear(caseId, list).then((i) => live && setPeriod((p) => p ?? list[i]));
    return () => {
      live = false;
    };
  }, [caseId, period, periods.data]);
  const periodKey = period ? `${period.kind}:${period.start}:${period.end}` : '';
  const reconcile = useCaseQuery(caseId, () => (period ? invoke('services.reconcile', { caseId, period }) : Promise.resolve(null)));
  const reloadReconciliation = reconcile.reload;
  useEffect(reloadReconciliation, [periodKey, reloadReconciliation]);

  if (periods.error)
    return (
      <p role="alert" className="error">
        {periods.error}
      </p>
    );
  if (!periods.data) return <p aria-busy="true">Loading…</p>;
  if (periods.data.length === 0)
    return <p className="empty">No services yet. Import the IEPs (for what is required) and the service logs (for what was delivered), and the minutes appear here.</p>;
  return (
    <div className="services">
      {period ? <PeriodPicker periods={periods.data} value={period} onChange={setPeriod} /> : <p aria-busy="true">Finding the service logs…</p>}
      {reconcile.error && (
        <p role="alert" className="error">
          {reconcile.error}
        </p>
      )}
      {period && reconcile.data && (
        <section className="card" aria-labelledby="recon-heading">
          <h2 id="recon-heading">Required, delivered and missed: {period.label}</h2>
          {reconcile.data.services.length === 0 ? (
            <p className="muted">No IEP in this period requires a service the case knows about.</p>
          ) : (
            <ReconciliationTable caseId={caseId} data={reconcile.data} names={names} />
          )}
          {reconcile.data.unmatchedSessions > 0 && <p className="small warn-text">{reconcile.data.unmatchedSessions} log entries matched no service in the IEP and are left out.</p>}
        </section>
      )}
      {period && <CompEdCalculator caseId={caseId} period={period} names={names} />}
    </div>
  );
}
