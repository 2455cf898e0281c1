// computeDeadlines: from the case's events and the rules in force, every clock with its due date and status.
import { addDays, daysBetween, formatDisplayDate } from '../text/dates';
import { addMonths, addYears, isWeekend, makeDayCounter, type DayCounter } from './calendar';
import { rulesForState, ruleConfidence } from './rules';
import { EVENT_ALSO_STARTS, type CaseEvent, type ComputeOptions, type Deadline, type DeadlineAdjustment, type DeadlineRule, type DeadlineStatus } from './types';

interface DueResult {
  dueDate: string | null;
  calendarUsed: boolean;
  calendarMissing: boolean;
  alternateDueDate: string | null;
  notes: string[];
}

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const show = formatDisplayDate;

/** The due date of one rule counted from one start date, with what the count relied on. */
export function countFromTrigger(rule: DeadlineRule, start: string, counter: DayCounter): DueResult {
  const hasCalendar = counter.calendar !== null && counter.coverage() !== null;
  const r: DueResult = { dueDate: null, calendarUsed: false, calendarMissing: false, alternateDueDate: null, notes: [] };
  const sign = rule.backward ? -1 : 1;
  switch (rule.unit) {
    case 'calendar_days':
      r.dueDate = rule.backward ? addDays(start, -rule.amount) : counter.addCalendarDays(start, rule.amount, rule.triggerIsDayOne);
      if (rule.triggerIsDayOne) r.notes.push(`The day of the trigger (${show(start)}) counts as day 1.`);
      break;
    case 'months':
      r.dueDate = addMonths(start, sign * rule.amount);
      break;
    case 'years':
      r.dueDate = addYears(start, sign * rule.amount);
      if (start.endsWith('-02-29')) r.notes.push('The anniversary of Feb 29 is taken as Feb 28.');
      break;
    case 'business_days': {
      r.dueDate = counter.addBusinessDays(start, rule.amount, { backward: rule.backward });
      r.calendarUsed = hasCalendar;
      if (!hasCalendar) {
        r.notes.push('No district calendar entered: business days counted Monday-Friday, skipping the built-in federal and state holiday table.');
      } else if (counter.calendar?.closures.length) {
        const closuresCount = counter.calendar.closuresAreNonBusinessDays ?? false;
        const other = counter.addBusinessDays(start, rule.amount, { backward: rule.backward, closuresAreNonBusinessDays: !closuresCount });
        if (other !== r.dueDate) {
          r.alternateDueDate = other;
          r.notes.push(closuresCount
            ? `Counted treating district closure days as non-business days; under the federal definition (closure weekdays are business days) the date is ${show(other)}.`
            : `Under the federal definition district closure weekdays are business days; if closure days are not counted the date is ${show(other)}.`);
        }
      }
      break;
    }
    case 'school_days': {
      if (!hasCalendar) {
        r.calendarMissing = true;
        r.notes.push('School days can only be counted from the district calendar: enter it to compute this date.');
        break;
      }
      r.calendarUsed = true;
      r.dueDate = counter.addSchoolDays(start, rule.amount, rule.backward);
      if (!r.dueDate) {
        r.calendarMissing = true;
        r.notes.push("Cannot compute: the count runs past the entered calendar. Enter next year's calendar.");
      }
      break;
    }
    case 'calendar_days_excl_ca_breaks': {
      const tolled = hasCalendar ? counter.addCalendarDaysExcludingCaBreaks(start, rule.amount) : null;
      if (tolled) {
        r.dueDate = tolled;
        r.calendarUsed = true;
        const skipped = counter.gaps().filter((g) => g.excluded && g.start > start && g.start <= tolled);
        if (skipped.length) {
          r.notes.push(`Not counted: ${skipped.map((g) => `${show(g.start)}-${show(g.end)}`).join('; ')} (break of more than five schooldays or between terms).`);
        }
      } else {
        r.dueDate = addDays(start, rule.amount);
        r.calendarMissing = true;
        r.notes.push(hasCalendar
          ? `The count runs outside the entered calendar: counted as plain calendar days, so ${show(r.dueDate)} is the earliest possible date. Enter the missing school year's calendar.`
          : `No district calendar: counted as plain calendar days, so ${show(r.dueDate)} is the earliest possible date; school breaks of more than five schooldays would move it later.`);
      }
      break;
    }
    case 'none':
      if (rule.reminderDays) {
        r.dueDate = addDays(start, rule.reminderDays);
        r.notes.push(`No legal number of days: this is a reminder ${rule.reminderDays} days after the request, not a legal deadline.`);
      }
      break;
  }
  if (r.dueDate && rule.offsetDays) r.dueDate = addDays(r.dueDate, rule.offsetDays);
  return r;
}

/** California's end-of-year rules: the due date moves to N days after the next regular school year starts. */
function applyEndOfYear(rule: DeadlineRule, event: CaseEvent, events: CaseEvent[], counter: DayCounter, r: DueResult): void {
  const eoy = rule.endOfYear;
  if (!eoy) return;
  const key = eoy.keyedTo
    ? events.filter((e) => e.type === eoy.keyedTo && e.date <= event.date).sort((a, b) => b.date.localeCompare(a.date))[0]?.date
    : event.date;
  if (!key) return;
  const term = counter.termOf(key);
  if (!term || key < term.firstDay || daysBetween(key, term.lastDay) > eoy.daysBeforeYearEnd) return;
  const next = counter.nextTermAfter(term.lastDay);
  const what = eoy.keyedTo ? 'the referral' : 'the trigger';
  if (!next) {
    r.dueDate = null;
    r.calendarMissing = true;
    r.notes.push(`${what[0].toUpperCase()}${what.slice(1)} came ${eoy.daysBeforeYearEnd} days or less before the end of the school year: the date is ${eoy.daysAfterNextYearStarts} days after the next school year begins. Enter next year's calendar.`);
    return;
  }
  r.dueDate = addDays(next.firstDay, eoy.daysAfterNextYearStarts);
  r.calendarUsed = true;
  r.calendarMissing = false;
  r.notes.push(`End-of-year rule: ${what} (${show(key)}) came ${eoy.daysBeforeYearEnd} days or less before the last day of school (${show(term.lastDay)}), so the date is ${eoy.daysAfterNextYearStarts} days after school resumes on ${show(next.firstDay)}.`);
}

/** Records must be available before any scheduled meeting or hearing: the earlier date wins. */
function applyBeforeEvents(rule: DeadlineRule, event: CaseEvent, events: CaseEvent[], r: DueResult): void {
  if (!rule.beforeEvents || !r.dueDate) return;
  const next = events
    .filter((e) => rule.beforeEvents!.includes(e.type) && e.date > event.date && e.id !== event.id)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  if (next && addDays(next.date, -1) < r.dueDate) {
    r.notes.push(`Earlier than the ${show(r.dueDate)} limit because of the ${next.label || next.type.replace(/_/g, ' ')} on ${show(next.date)}.`);
    r.dueDate = addDays(next.date, -1);
  }
}

function statusOf(dueDate: string | null, metDate: string | null, today: string, dueSoonDays: number, reminder: boolean): DeadlineStatus {
  if (metDate) return 'met';
  if (!dueDate) return 'unknown';
  const left = daysBetween(today, dueDate);
  if (left < 0) return reminder ? 'due' : 'overdue';
  return left <= dueSoonDays ? 'due' : 'upcoming';
}

function confidenceNote(rule: DeadlineRule): string | null {
  const c = ruleConfidence(rule);
  if (c === 'secondary_source') return 'Based on a secondary source: the primary text was not read.';
  if (c === 'unverified') return 'Unverified rule: check the law before relying on this date.';
  return null;
}

/** One deadline per (event, applicable rule), sorted by due date (undetermined last). */
export function computeDeadlines(events: CaseEvent[], rules: readonly DeadlineRule[], opts: ComputeOptions): Deadline[] {
  const counter = makeDayCounter(opts.calendar, opts.state);
  const inForce = rulesForState(opts.state, rules).filter((r) => opts.includeReferenceRules || !r.referenceOnly);
  const adjustmentFor = (eventId: string, ruleId: string): DeadlineAdjustment | undefined =>
    opts.adjustments?.find((a) => a.eventId === eventId && a.ruleId === ruleId);
  const dueSoon = opts.dueSoonDays ?? 7;
  const out: Deadline[] = [];

  for (const event of events) {
    for (const rule of inForce) {
      if (rule.trigger !== event.type && !EVENT_ALSO_STARTS[event.type]?.includes(rule.trigger)) continue;
      if (rule.unit === 'none' && !rule.reminderDays && !opts.includeReferenceRules) continue;
      if (rule.requiresEvent && !events.some((e) => e.type === rule.requiresEvent)) continue;
      const adj = adjustmentFor(event.id, rule.id);
      if (adj?.waived) continue;

      let start = event.date;
      if (rule.startsAfterRule) {
        const base = rules.find((r) => r.id === rule.startsAfterRule);
        const baseDue = base ? countFromTrigger(base, event.date, counter).dueDate : null;
        const baseAdj = adjustmentFor(event.id, rule.startsAfterRule);
        start = baseAdj?.extendedTo ?? baseDue ?? event.date;
      }
      const r = countFromTrigger(rule, start, counter);
      if (rule.startsAfterRule) r.notes.unshift(`Counted from ${show(start)} (end of ${rule.startsAfterRule}).`);
      applyEndOfYear(rule, event, events, counter, r);
      applyBeforeEvents(rule, event, events, r);
      if (adj?.extendedTo) {
        r.notes.push(`Extended from ${show(r.dueDate)} to ${show(adj.extendedTo)}${adj.grantedBy ? ` by ${adj.grantedBy}` : ''}.`);
        r.dueDate = adj.extendedTo;
      }
      if (r.dueDate && rule.unit !== 'business_days' && rule.unit !== 'school_days' && (isWeekend(r.dueDate) || counter.isLegalHoliday(r.dueDate))) {
        r.notes.push(`Falls on a ${isWeekend(r.dueDate) ? WEEKDAY[new Date(`${r.dueDate}T00:00:00Z`).getUTCDay()] : 'legal holiday'}: the rules have no roll-forward, so the strict date is shown.`);
      }
      const metDate = adj?.metDate ?? event.responseDate ?? null;
      if (metDate && r.dueDate && metDate > r.dueDate) {
        r.notes.push(`Met on ${show(metDate)}, ${daysBetween(r.dueDate, metDate)} days after the due date.`);
      }
      const conf = confidenceNote(rule);
      const reminder = rule.unit === 'none';
      out.push({
        id: `${event.id}:${rule.id}`,
        ruleId: rule.id,
        title: rule.title,
        dueDate: r.dueDate,
        status: statusOf(r.dueDate, metDate, opts.today, dueSoon, reminder),
        triggerEvent: { id: event.id, type: event.type, date: event.date, label: event.label, sourceDocumentId: event.sourceDocumentId ?? null },
        jurisdiction: rule.jurisdiction,
        citation: rule.citation,
        confidence: ruleConfidence(rule),
        sourceTag: rule.sourceTag,
        owner: rule.owner,
        kind: reminder ? 'reminder' : 'deadline',
        calendarUsed: r.calendarUsed,
        calendarMissing: r.calendarMissing,
        alternateDueDate: r.alternateDueDate,
        metDate,
        daysRemaining: r.dueDate ? daysBetween(opts.today, r.dueDate) : null,
        consequence: rule.consequence,
        note: [...r.notes, ...(rule.notes ?? []), ...(conf ? [conf] : [])].join(' '),
      });
    }
  }
  return out.sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id));
}
