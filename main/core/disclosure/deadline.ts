// The disclosure deadline: N business days before the hearing (five under 34 CFR 300.512(a)(3), (b)),
// counted back on the district calendar when one is entered (its holidays, its closure days as the user
// set them), otherwise Monday to Friday without the federal and state holidays, as every business-day
// deadline in shared/deadlines counts. A forum's own rule is listed with its tag.
import type { DisclosureDeadlineDto } from '../../../shared/api/disclosure';
import { countFromTrigger } from '../../../shared/deadlines/compute';
// The engine's own modules, not the index: the index brings the calendar files' reader (ical.js).
import { makeDayCounter } from '../../../shared/deadlines/calendar';
import { DEADLINE_RULES } from '../../../shared/deadlines/rules';
import type { DistrictCalendar, Jurisdiction } from '../../../shared/deadlines/types';
import type { ForumProfile } from '../../../shared/forums/profiles';

const FEDERAL = DEADLINE_RULES.find((r) => r.id === 'fed.dp.disclosure')!;

export function disclosureDeadline(hearingDate: string, calendar: DistrictCalendar | null, state: Jurisdiction | null, forum: ForumProfile | null): DisclosureDeadlineDto {
  const businessDays = forum?.disclosureBusinessDays ?? FEDERAL.amount;
  const due = countFromTrigger({ ...FEDERAL, amount: businessDays }, hearingDate, makeDayCounter(calendar, state));
  return {
    hearingDate,
    deadline: due.dueDate!,
    businessDays,
    rules: [
      { says: FEDERAL.requirement, citation: FEDERAL.citation, tag: FEDERAL.sourceTag },
      ...(forum?.disclosureSources ?? []).map((s) => ({ says: s.says, citation: s.citation, tag: s.tag })),
    ],
    notes: due.notes,
    calendarUsed: due.calendarUsed,
  };
}
