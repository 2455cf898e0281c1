// Compensatory-education award from a reconciliation, by the method the user chose. Every figure is
// written out with how it was computed and the log pages it rests on: courts reject bare hour counts
// (Reid v. District of Columbia, 401 F.3d 516 (D.C. Cir. 2005)), so the text is part of the result.
import { formatDisplayDate } from '../text/dates';
import { describeCitesPlain, normalizeCites, type CiteDescriber } from './cites';
import type { CompEdAward, CompEdMethod, CompEdRow, Reconciliation, ServiceReconciliation } from './types';

export const formatMinutes = (n: number) => Math.round(n).toLocaleString('en-US');
export const minutesToHours = (n: number) => Math.round((n / 60) * 10) / 10;
const hours = (n: number) => `${minutesToHours(n).toLocaleString('en-US')} h`;

export interface CompEdOptions {
  /** How cites are written: plain "doc pp. 1-4" by default; citeToken for the packet's Bates numbers. */
  describeCite?: CiteDescriber;
}

function periodLabel(rec: Reconciliation): string {
  const p = rec.period;
  const kind = p.kind === 'school_year' ? 'school year' : p.kind === 'iep_period' ? 'IEP period' : 'period';
  return `${p.label ? `${p.label} ` : ''}${kind} ${formatDisplayDate(p.start)} to ${formatDisplayDate(p.end)}`;
}

function validate(method: CompEdMethod): void {
  // Above 100% is allowed: some awards add time for the catch-up the missed sessions now require.
  if (method.kind === 'percentage' && !(Number.isFinite(method.percent) && method.percent >= 0)) {
    throw new RangeError(`Percentage must be zero or more, got ${method.percent}`);
  }
  if (method.kind === 'needs_based') {
    if (!(method.minutes >= 0)) throw new RangeError('A needs-based award needs a number of minutes');
    if (!method.rationale.trim()) throw new RangeError('A needs-based award needs its rationale');
  }
}

function rowAward(s: ServiceReconciliation, method: CompEdMethod): number | null {
  if (s.status === 'no_record' || s.missedDistrictResponsible == null) return null;
  if (method.kind === 'hour_for_hour') return s.missedDistrictResponsible;
  if (method.kind === 'percentage') return Math.round((s.missedDistrictResponsible * method.percent) / 100);
  return null;
}

function describeNoRecord(s: ServiceReconciliation): string[] {
  return s.noRecord.map((r) => {
    const need = r.requiredMinutes == null
      ? 'the required minutes cannot be counted without a school calendar'
      : `the IEP required about ${formatMinutes(r.requiredMinutes)} min (${frequencyText(s)} over ${r.weeksInSession} weeks in session)`;
    return `No record of delivery from ${formatDisplayDate(r.start)} to ${formatDisplayDate(r.end)}: ${need}; no log shows what was delivered, so nothing is counted as missed or awarded for that stretch.`;
  });
}

function frequencyText(s: ServiceReconciliation): string {
  if (s.minutesPerWeek != null) return `${formatMinutes(s.minutesPerWeek)} min/week`;
  if (s.minutesPerMonth != null) return `${formatMinutes(s.minutesPerMonth)} min/month`;
  return 'the IEP frequency';
}

function describeRow(s: ServiceReconciliation, award: number | null, method: CompEdMethod, cite: CiteDescriber): string {
  const parts: string[] = [];
  if (s.status === 'no_record') {
    parts.push(`${s.service}: no service log covers this period.`);
    parts.push(...describeNoRecord(s));
    return parts.join(' ');
  }
  const src = s.cites.length ? ` (${cite(s.cites)})` : '';
  const required = s.basis === 'log_summary'
    ? `required ${formatMinutes(s.requiredMinutes ?? 0)} min as the log summary states${src}`
    : `required ${formatMinutes(s.requiredMinutes ?? 0)} min = the ${s.sessionsScheduled} sessions the log schedules, summed${src}`;
  parts.push(`${s.service}, logged ${s.loggedRanges.map((r) => `${formatDisplayDate(r.start)} to ${formatDisplayDate(r.end)}`).join(', ')}: ${required}.`);
  if (s.iepRequiredMinutesForLoggedRange != null && s.iepRequiredMinutesForLoggedRange !== s.requiredMinutes) {
    parts.push(`The IEP frequency (${frequencyText(s)}) over the same weeks in session would require ${formatMinutes(s.iepRequiredMinutesForLoggedRange)} min.`);
  }
  const madeUp = s.madeUpMinutes > 0 ? `, ${formatMinutes(s.madeUpMinutes)} min of them in make-up sessions nothing was scheduled for` : '';
  const offset = s.madeUpMinutes > 0 ? `, less the make-up minutes, which offset the district's share` : '';
  parts.push(
    `Delivered ${formatMinutes(s.deliveredMinutes ?? 0)} min (${s.sessionsFullyDelivered} full, ${s.sessionsPartial} partial sessions${madeUp}). ` +
    `Missed ${formatMinutes(s.missedMinutes ?? 0)} min = scheduled minus delivered for each session, a partial session counting its shortfall (${s.sessionsMissed} sessions not provided)${offset}.`,
  );
  const reasons = s.missedByReason.map((r) => `${r.reason}: ${formatMinutes(r.minutes)} min`).join('; ');
  if (reasons) parts.push(`By reason: ${reasons}.`);
  parts.push(
    `Student absences ${formatMinutes(s.missedStudentAbsence ?? 0)} min are set apart as not normally compensable; ` +
    `district-responsible ${formatMinutes(s.missedDistrictResponsible ?? 0)} min = missed minus student absences.`,
  );
  if (award != null) {
    parts.push(method.kind === 'percentage'
      ? `Award ${formatMinutes(award)} min = ${method.percent}% of ${formatMinutes(s.missedDistrictResponsible ?? 0)} district-responsible min (${hours(award)}).`
      : `Award ${formatMinutes(award)} min = the district-responsible minutes, hour for hour (${hours(award)}).`);
  }
  parts.push(...describeNoRecord(s));
  return parts.join(' ');
}

/** The award for one reconciliation and method, with per-row and overall computation text. */
export function calculateCompEd(rec: Reconciliation, method: CompEdMethod, options: CompEdOptions = {}): CompEdAward {
  validate(method);
  const cite = options.describeCite ?? ((c) => describeCitesPlain(c));
  const label = periodLabel(rec);
  const rows: CompEdRow[] = rec.services.map((s) => {
    const award = rowAward(s, method);
    const noRecordRequired = s.noRecord.length
      ? s.noRecord.reduce<number | null>((a, r) => (a == null || r.requiredMinutes == null ? null : a + r.requiredMinutes), 0)
      : null;
    return {
      serviceKey: s.serviceKey,
      service: s.service,
      periodLabel: label,
      status: s.status,
      requiredMinutes: s.requiredMinutes,
      deliveredMinutes: s.deliveredMinutes,
      missedMinutes: s.missedMinutes,
      missedDistrictResponsible: s.missedDistrictResponsible,
      missedStudentAbsence: s.missedStudentAbsence,
      noRecordRequiredMinutes: noRecordRequired,
      awardMinutes: award,
      computation: describeRow(s, award, method, cite),
      cites: s.cites,
    };
  });

  const t = rec.totals;
  const awardMinutes = method.kind === 'needs_based'
    ? Math.round(method.minutes)
    : rows.reduce((a, r) => a + (r.awardMinutes ?? 0), 0);
  const cites = normalizeCites(rec.services.flatMap((s) => s.cites));
  const logged = rec.services.filter((s) => s.status !== 'no_record');
  const lines: string[] = [
    `Missed services for the ${label}, from ${logged.length} logged service line${logged.length === 1 ? '' : 's'}${cites.length ? ` (${cite(cites)})` : ''}: ` +
    `required ${formatMinutes(t.requiredMinutes)} min, delivered ${formatMinutes(t.deliveredMinutes)} min, ` +
    `missed ${formatMinutes(t.missedMinutes)} min (scheduled minus delivered, session by session), of which ` +
    `${formatMinutes(t.missedDistrictResponsible)} min district-responsible and ${formatMinutes(t.missedStudentAbsence)} min student absence.`,
  ];
  if (method.kind === 'hour_for_hour') {
    lines.push(`Method: hour for hour. Award = the district-responsible missed minutes, ${formatMinutes(awardMinutes)} min (${hours(awardMinutes)}).`);
  } else if (method.kind === 'percentage') {
    lines.push(`Method: ${method.percent}% of missed time. Award = ${method.percent}% of each line's district-responsible minutes, rounded to the minute and summed: ${formatMinutes(awardMinutes)} min (${hours(awardMinutes)}).`);
  } else {
    lines.push(`Method: needs-based. Award ${formatMinutes(awardMinutes)} min (${hours(awardMinutes)}), entered by hand: ${method.rationale.trim()} The missed-time figures above are shown beside it, not used to compute it.`);
  }
  const unrecorded = rec.services.filter((s) => s.noRecord.length);
  if (unrecorded.length) {
    lines.push(`No record of delivery for ${unrecorded.map((s) => s.service).join(', ')} over part or all of the period: those stretches are not counted as missed and need the district's logs.`);
  }
  if (rec.unmatchedSessions > 0) {
    lines.push(`${rec.unmatchedSessions} log entries matched no service the IEPs require and are not counted.`);
  }
  return {
    method,
    period: rec.period,
    rows,
    totals: { ...t, awardMinutes, awardHours: minutesToHours(awardMinutes) },
    computation: [...lines, ...rows.map((r) => r.computation)].join('\n'),
    cites,
  };
}
