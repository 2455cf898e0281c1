// The compensatory-education calculator. The award always sits beside the evidence of lost progress
// (the open red flags: goal data, percentiles, missed services), because a bare hour count is weak
// (Reid v. District of Columbia, 401 F.3d 516 (D.C. Cir. 2005)). Every figure says how it was computed.
import { useEffect, useState } from 'react';
import { Input, Label, TextArea, TextField } from 'react-aria-components';
import { Button } from '../../components/ui/Button';
import { Radio, RadioGroup } from '../../components/ui/Radio';
import type { PeriodChoice } from '../../../../shared/api/services';
import type { FlagDto } from '../../../../shared/api/timeline';
import type { CompEdAward, CompEdMethod } from '../../../../shared/compensatory/types';
import { invoke } from '../../api/client';
import { citation } from '../../components/charts/SourceLink';
import { viewerHref } from '../../components/viewer/links';
import { evidencePages } from '../overview/FlagList';
import { flagLabel } from '../overview/flagLabels';
import { href, navigate } from '../../router';
import { PageCites, withNames } from './PageCites';
import { minutes } from './ReconciliationTable';
import { ErrorText } from '../../components/ErrorText';

type MethodKind = CompEdMethod['kind'];

/** The method as the API wants it, or a message saying what is missing. */
export function methodFrom(kind: MethodKind, percent: string, needsMinutes: string, rationale: string): CompEdMethod | string {
  if (kind === 'hour_for_hour') return { kind };
  if (kind === 'percentage') {
    const p = Number(percent);
    return percent.trim() !== '' && Number.isFinite(p) && p >= 0 && p <= 500 ? { kind, percent: p } : 'Enter a percentage between 0 and 500.';
  }
  const m = Number(needsMinutes);
  if (needsMinutes.trim() === '' || !Number.isFinite(m) || m < 0) return 'Enter the minutes of the award.';
  if (!rationale.trim()) return 'Say what the award is based on (the child’s needs, the skills lost).';
  return { kind, minutes: m, rationale: rationale.trim() };
}

function LostProgress({ caseId, flags, names }: { caseId: string; flags: FlagDto[] | null; names: Map<string, string> }) {
  return (
    <section className="card evidence-card" aria-labelledby="lost-progress-heading">
      <h3 id="lost-progress-heading">Evidence of lost progress</h3>
      {!flags && <p aria-busy="true">Loading…</p>}
      {flags && flags.length === 0 && <p className="muted small">No open red flag. Goal data and scores that show lost progress make a request stronger: see Goals &amp; timeline.</p>}
      {flags && flags.length > 0 && (
        <ul className="flag-list">
          {flags.map((f) => (
            <li key={f.key} className="flag">
              <h4 className="flag-title">{flagLabel(f.type)}</h4>
              <p className="small">{f.description}</p>
              <ul className="evidence" aria-label="Evidence">
                {evidencePages(f.evidence).map((e) => (
                  <li key={`${e.documentId}#${e.page}`}>
                    <a href={viewerHref(caseId, e.documentId, e.page, e.boxes)}>{citation({ documentId: e.documentId, page: e.page, bbox: null }, names)}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <a className="small" href={href({ page: 'case', caseId, section: 'goals', rest: [] })}>
        Goal charts and data
      </a>
    </section>
  );
}

export function CompEdCalculator({ caseId, period, names }: { caseId: string; period: PeriodChoice; names: Map<string, string> }) {
  const [kind, setKind] = useState<MethodKind>('hour_for_hour');
  const [percent, setPercent] = useState('50');
  const [needsMinutes, setNeedsMinutes] = useState('');
  const [rationale, setRationale] = useState('');
  const [award, setAward] = useState<CompEdAward | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [flags, setFlags] = useState<FlagDto[] | null>(null);

  useEffect(() => {
    invoke('flags.list', { caseId })
      .then((f) => setFlags(f.filter((x) => !x.dismissed)))
      .catch(() => setFlags([]));
  }, [caseId]);

  const method = methodFrom(kind, percent, needsMinutes, rationale);
  const anyLogged = !!award?.rows.some((r) => r.status !== 'no_record');
  const methodKey = JSON.stringify(method);
  useEffect(() => {
    if (typeof method === 'string') {
      setAward(null);
      return;
    }
    let live = true;
    invoke('services.compEd', { caseId, period, method })
      .then((a) => live && (setAward(a), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
    // methodKey stands for method: the object is rebuilt every render.
  }, [caseId, period.start, period.end, period.kind, methodKey]);

  return (
    <section className="card" aria-labelledby="comped-heading">
      <h2 id="comped-heading">Compensatory education</h2>
      <div className="comped-grid">
        <div>
          <RadioGroup label="Method" value={kind} onChange={(v) => setKind(v as MethodKind)} className="method-picker">
            <Radio value="hour_for_hour">Hour for hour: the district-responsible minutes missed</Radio>
            <Radio value="percentage">A percentage of the district-responsible minutes</Radio>
            <Radio value="needs_based">Needs-based: an award set by hand, with its reason</Radio>
          </RadioGroup>
          {kind === 'percentage' && (
            <TextField value={percent} onChange={setPercent} inputMode="decimal" className="narrow">
              <Label>Percent of missed time</Label>
              <Input />
            </TextField>
          )}
          {kind === 'needs_based' && (
            <>
              <TextField value={needsMinutes} onChange={setNeedsMinutes} inputMode="numeric" className="narrow">
                <Label>Award (minutes)</Label>
                <Input />
              </TextField>
              <TextField value={rationale} onChange={setRationale}>
                <Label>What the award is based on</Label>
                <TextArea rows={3} placeholder="e.g. the reading skills lost over the year, per the progress data and the evaluator's recommendation" />
              </TextField>
            </>
          )}
          {typeof method === 'string' && <p className="warn-text small">{method}</p>}
          <ErrorText message={error} />
          {award && (
            <>
              <table className="data-table award-table">
                <caption className="sr-only">Compensatory education award by service, {period.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Service</th>
                    <th scope="col" className="num">Missed</th>
                    <th scope="col" className="num">District-responsible</th>
                    <th scope="col" className="num">Award</th>
                    <th scope="col">Log pages</th>
                  </tr>
                </thead>
                <tbody>
                  {award.rows.map((r, i) => (
                    <tr key={`${r.serviceKey}:${i}`}>
                      <th scope="row">
                        {r.service}
                        {r.status === 'no_record' && <div className="small warn-text">No record of delivery</div>}
                      </th>
                      <td className="num">{r.status === 'no_record' ? '—' : minutes(r.missedMinutes)}</td>
                      <td className="num">{r.status === 'no_record' ? '—' : minutes(r.missedDistrictResponsible)}</td>
                      <td className="num">{r.awardMinutes === null ? '—' : minutes(r.awardMinutes)}</td>
                      <td>
                        <PageCites caseId={caseId} cites={r.cites} names={names} what={`${r.service} log`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="totals">
                    <th scope="row">Total</th>
                    <td className="num">{anyLogged ? minutes(award.totals.missedMinutes) : '—'}</td>
                    <td className="num">{anyLogged ? minutes(award.totals.missedDistrictResponsible) : '—'}</td>
                    <td className="num">
                      {anyLogged || award.method.kind === 'needs_based' ? (
                        <>
                          <strong>{minutes(award.totals.awardMinutes)}</strong> <span className="muted">({award.totals.awardHours.toLocaleString('en-US')} h)</span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td />
                  </tr>
                </tfoot>
              </table>
              <details className="computation" open>
                <summary>How this was computed</summary>
                <p className="computation-text">{withNames(award.computation, names)}</p>
              </details>
            </>
          )}
          <Button variant="primary" onPress={() => navigate({ page: 'case', caseId, section: 'letters', rest: ['new', 'compensatory_education_request'] })}>
            Draft compensatory-education request
          </Button>
        </div>
        <LostProgress caseId={caseId} flags={flags} names={names} />
      </div>
    </section>
  );
}
