// services.*: the service minutes an IEP requires reconciled against the logs and reports of what
// was delivered, and the compensatory-education award calculated from them, fed from the case model.
import type { PeriodChoice } from '../../../shared/api/services';
import { calculateCompEd } from '../../../shared/compensatory/calculate';
import { reconcile } from '../../../shared/compensatory/reconcile';
import type { CompEdMethod, ReconciliationPeriod, RequiredService, ServiceLogInput } from '../../../shared/compensatory/types';
import type { CaseModel } from '../../../shared/timeline/model';
import { formatDisplayDate } from '../../../shared/text/dates';
import type { Core } from '../context';
import { judgedModel } from '../timeline/service';

function requiredServices(model: CaseModel): RequiredService[] {
  return model.ieps.flatMap((i) =>
    i.services
      .filter((s) => (s.startDate ?? i.startDate) && (s.endDate ?? i.endDate))
      .map((s) => ({
        service: s.service,
        minutesPerWeek: s.minutesPerWeek,
        minutesPerMonth: s.minutesPerMonth,
        minutesPerSession: s.minutesPerSession,
        startDate: (s.startDate ?? i.startDate)!,
        endDate: (s.endDate ?? i.endDate)!,
        source: s.source,
      })),
  );
}

function serviceLogs(model: CaseModel): ServiceLogInput[] {
  const byDoc = new Map<string, ServiceLogInput>();
  for (const s of model.serviceSessions ?? []) {
    const log = byDoc.get(s.documentId) ?? { documentId: s.documentId, sessions: [], summaries: [] };
    log.sessions!.push(s);
    byDoc.set(s.documentId, log);
  }
  for (const s of model.serviceDelivery) {
    const log = byDoc.get(s.documentId) ?? { documentId: s.documentId, sessions: [], summaries: [] };
    log.summaries!.push(s);
    byDoc.set(s.documentId, log);
  }
  return [...byDoc.values()];
}

/** School years and IEP periods the case's records span, for the period picker. */
export function periodChoices(core: Core, caseId: string): PeriodChoice[] {
  const model = judgedModel(core, caseId);
  const out: PeriodChoice[] = [];
  const years = new Set<number>();
  for (const d of model.documents) if (d.date) years.add(Number(d.date.slice(0, 4)) - (Number(d.date.slice(5, 7)) < 7 ? 1 : 0));
  for (const y of [...years].sort()) out.push({ kind: 'school_year', start: `${y}-07-01`, end: `${y + 1}-06-30`, label: `School year ${y}-${String(y + 1).slice(2)}` });
  for (const i of model.ieps.filter((x) => x.startDate && x.endDate && x.type !== 'amendment' && x.type !== 'revision'))
    out.push({ kind: 'iep_period', start: i.startDate!, end: i.endDate!, label: `IEP period ${formatDisplayDate(i.startDate)} – ${formatDisplayDate(i.endDate)}` });
  return out;
}

export function reconcileCase(core: Core, caseId: string, period: ReconciliationPeriod) {
  const model = judgedModel(core, caseId);
  return reconcile(requiredServices(model), serviceLogs(model), period);
}

export function compEdCase(core: Core, caseId: string, period: ReconciliationPeriod, method: CompEdMethod) {
  return calculateCompEd(reconcileCase(core, caseId, period), method);
}
