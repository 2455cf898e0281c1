// Per service: what the IEP required, what the logs show delivered and missed, why, and who is
// responsible. A stretch no log covers reads "no record of delivery", never zero missed.
import type { Reconciliation, ServiceReconciliation } from '../../../../shared/compensatory/types';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { ComputedMarker } from '../../components/charts/ComputedMarker';
import { citeText, PageCites } from './PageCites';

export const minutes = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('en-US')} min`);

const BASIS: Record<NonNullable<ServiceReconciliation['basis']>, string> = {
  log_scheduled: "the sessions the log schedules, summed",
  iep_frequency: "the IEP's minutes per week × the weeks in session",
  log_summary: "the log's own summary of required minutes",
};

function Figure({ value, what, formula, inputs }: { value: number | null; what: string; formula: string; inputs: string[] }) {
  return (
    <span className="figure">
      <span className="num">{minutes(value)}</span>
      {value !== null && <ComputedMarker what={what} formula={formula} inputs={inputs} />}
    </span>
  );
}

function dateRange(r: { start: string; end: string }) {
  return `${formatDisplayDate(r.start)} – ${formatDisplayDate(r.end)}`;
}

function ServiceRow({ caseId, s, names }: { caseId: string; s: ServiceReconciliation; names: Map<string, string> }) {
  const logPages = citeText(s.cites, names);
  const iepPages = citeText(s.requirementCites, names);
  const logged = s.loggedRanges.map(dateRange).join('; ');
  if (s.status === 'no_record') {
    return (
      <tr className="no-record">
        <th scope="row">
          {s.service}
          <div className="small muted">{s.minutesPerWeek ? `${s.minutesPerWeek} min/week` : s.minutesPerMonth ? `${s.minutesPerMonth} min/month` : ''}</div>
        </th>
        <td colSpan={5}>
          <strong>No record of delivery</strong> for this period: no service log covers it, so nothing is counted as missed.
          {s.noRecord.some((n) => n.requiredMinutes !== null) && <> The IEP required {minutes(s.noRecord.reduce((a, n) => a + (n.requiredMinutes ?? 0), 0))} over the weeks in session.</>} Ask the district for the logs.
        </td>
        <td>
          <PageCites caseId={caseId} cites={s.requirementCites} names={names} what={`${s.service} requirement`} />
        </td>
      </tr>
    );
  }
  const sessionText = `${s.sessionsScheduled} sessions scheduled: ${s.sessionsFullyDelivered} delivered in full, ${s.sessionsPartial} partly, ${s.sessionsMissed} not provided`;
  return (
    <>
      <tr>
        <th scope="row">
          {s.service}
          <div className="small muted">{s.minutesPerWeek ? `${s.minutesPerWeek} min/week in the IEP` : s.minutesPerMonth ? `${s.minutesPerMonth} min/month in the IEP` : ''}</div>
          <div className="small muted">Logged {logged}</div>
        </th>
        <td className="num">
          <Figure value={s.requiredMinutes} what={`minutes required for ${s.service}`} formula={`Required = ${s.basis ? BASIS[s.basis] : 'from the IEP'}`} inputs={[`Log: ${logPages}`, `IEP: ${iepPages}`, sessionText]} />
        </td>
        <td className="num">
          <Figure value={s.deliveredMinutes} what={`minutes delivered for ${s.service}`} formula="Delivered = the minutes the log records as provided, session by session" inputs={[sessionText, `Log: ${logPages}`]} />
        </td>
        <td className="num">
          <Figure value={s.missedMinutes} what={`minutes missed for ${s.service}`} formula="Missed = scheduled − delivered for each session (a partial session counts its shortfall)" inputs={[`${minutes(s.requiredMinutes)} required − ${minutes(s.deliveredMinutes)} delivered`, `Log: ${logPages}`]} />
        </td>
        <td className="num">
          <Figure value={s.missedDistrictResponsible} what={`district-responsible minutes for ${s.service}`} formula="District-responsible = missed − missed for student absence" inputs={[`${minutes(s.missedMinutes)} missed − ${minutes(s.missedStudentAbsence)} student absence`]} />
        </td>
        <td className="num">
          <Figure value={s.missedStudentAbsence} what={`minutes missed for student absence in ${s.service}`} formula="Student absence = the missed sessions the log gives the student's absence as the reason" inputs={s.missedByReason.filter((r) => r.responsibility === 'student_absence').map((r) => `${r.reason}: ${minutes(r.minutes)} (${r.sessions} sessions)`)} />
        </td>
        <td>
          <PageCites caseId={caseId} cites={s.cites} names={names} what={`${s.service} log`} />
        </td>
      </tr>
      {(s.missedByReason.length > 0 || s.noRecord.length > 0) && (
        <tr className="detail-row">
          <td colSpan={7}>
            {s.missedByReason.length > 0 && (
              <ul className="reason-list" aria-label={`${s.service}: missed by reason`}>
                {s.missedByReason.map((r) => (
                  <li key={r.reason}>
                    {r.reason}: <strong>{minutes(r.minutes)}</strong> <span className="muted">({r.sessions} sessions, {r.responsibility === 'district' ? 'district' : 'student absence'})</span>
                  </li>
                ))}
              </ul>
            )}
            {s.noRecord.map((n) => (
              <p key={n.start} className="small warn-text">
                No record of delivery {dateRange(n)}: no log covers it{n.requiredMinutes !== null ? ` (the IEP required ${minutes(n.requiredMinutes)})` : ''}; not counted as missed.
              </p>
            ))}
          </td>
        </tr>
      )}
    </>
  );
}

export function ReconciliationTable({ caseId, data, names }: { caseId: string; data: Reconciliation; names: Map<string, string> }) {
  const t = data.totals;
  // With no log at all there is nothing to add up: a total of 0 would read as "nothing missed".
  const anyLogged = data.services.some((s) => s.status !== 'no_record');
  const total = (n: number) => (anyLogged ? n : null);
  return (
    <table className="data-table reconciliation">
      <caption className="sr-only">Required, delivered and missed minutes per service, {data.period.label}</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col" className="num">Required</th>
          <th scope="col" className="num">Delivered</th>
          <th scope="col" className="num">Missed</th>
          <th scope="col" className="num">District-responsible</th>
          <th scope="col" className="num">Student absence</th>
          <th scope="col">Log pages</th>
        </tr>
      </thead>
      <tbody>
        {data.services.map((s) => (
          <ServiceRow key={s.serviceKey} caseId={caseId} s={s} names={names} />
        ))}
      </tbody>
      <tfoot>
        <tr className="totals">
          <th scope="row">All logged services</th>
          <td className="num">{minutes(total(t.requiredMinutes))}</td>
          <td className="num">{minutes(total(t.deliveredMinutes))}</td>
          <td className="num">
            <Figure value={total(t.missedMinutes)} what="total minutes missed" formula="Sum of the missed minutes of each logged service line" inputs={data.services.filter((s) => s.missedMinutes !== null).map((s) => `${s.service}: ${minutes(s.missedMinutes)}`)} />
          </td>
          <td className="num">
            <Figure value={total(t.missedDistrictResponsible)} what="total district-responsible minutes" formula="Sum of each line's district-responsible minutes" inputs={data.services.filter((s) => s.missedDistrictResponsible !== null).map((s) => `${s.service}: ${minutes(s.missedDistrictResponsible)}`)} />
          </td>
          <td className="num">{minutes(total(t.missedStudentAbsence))}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
