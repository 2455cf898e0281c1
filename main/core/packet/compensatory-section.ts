// Turns a reconciliation and the chosen method into section 7's input, with the computation text's
// cites written as tokens so the packet prints the Bates numbers it stamped.
import { calculateCompEd } from '../../../shared/compensatory/calculate';
import { citeToken } from '../../../shared/compensatory/cites';
import type { CompEdMethod, PageCite, Reconciliation } from '../../../shared/compensatory/types';
import type { PacketCompEd } from './types';

export function methodLabel(method: CompEdMethod): string {
  if (method.kind === 'hour_for_hour') return 'Hour for hour (district-responsible missed minutes)';
  if (method.kind === 'percentage') return `${method.percent}% of district-responsible missed minutes`;
  return 'Needs-based award entered by hand';
}

export function packetCompEd(
  reconciliation: Reconciliation,
  method: CompEdMethod,
  progressEvidence: Array<{ text: string; cites: PageCite[] }> = [],
): PacketCompEd {
  const award = calculateCompEd(reconciliation, method, { describeCite: citeToken });
  const t = award.totals;
  return {
    rows: award.rows.map((r) => ({
      service: r.service,
      period: r.periodLabel,
      required: r.requiredMinutes,
      delivered: r.deliveredMinutes,
      missed: r.missedMinutes,
      districtResponsible: r.missedDistrictResponsible,
      studentAbsence: r.missedStudentAbsence,
      award: r.awardMinutes,
      status: r.status === 'no_record' ? 'no record of delivery' : r.status === 'partial' ? 'partly logged' : 'logged',
      cites: r.cites,
    })),
    totals: {
      required: t.requiredMinutes,
      delivered: t.deliveredMinutes,
      missed: t.missedMinutes,
      districtResponsible: t.missedDistrictResponsible,
      studentAbsence: t.missedStudentAbsence,
      award: t.awardMinutes,
    },
    methodLabel: methodLabel(method),
    computationText: award.computation,
    cites: award.cites,
    progressEvidence,
  };
}
