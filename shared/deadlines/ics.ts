// iCalendar in and out: deadlines exported as all-day events; a district calendar imported from (or saved as) .ics.
// ical.js is pure JavaScript, so this runs in core and renderer alike, with no network.
import ICAL from 'ical.js';
import { addDays } from '../text/dates';
import type { CalendarClosure, Deadline, DistrictCalendar, SchoolYearTerm } from './types';

const PRODID = '-//IEP Casefile//Deadlines//EN';
const CONFIDENCE_WORDS: Record<Deadline['confidence'], string> = {
  verified: 'verified',
  secondary_source: 'based on secondary source',
  unverified: 'UNVERIFIED',
};

function newCalendar(name: string): InstanceType<typeof ICAL.Component> {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', PRODID);
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('x-wr-calname', name);
  return cal;
}

/** One all-day event; `end` is inclusive here and written exclusive, as RFC 5545 wants for DATE values. */
function allDayEvent(o: { uid: string; start: string; end: string; summary: string; description?: string; categories?: string; stamp: string }) {
  const vevent = new ICAL.Component('vevent');
  vevent.updatePropertyWithValue('uid', o.uid);
  vevent.updatePropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString(o.stamp.replace(/\.\d+Z$/, 'Z')));
  vevent.updatePropertyWithValue('dtstart', ICAL.Time.fromDateString(o.start));
  vevent.updatePropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(o.end, 1)));
  vevent.updatePropertyWithValue('summary', o.summary);
  if (o.description) vevent.updatePropertyWithValue('description', o.description);
  if (o.categories) vevent.updatePropertyWithValue('categories', o.categories);
  vevent.updatePropertyWithValue('transp', 'TRANSPARENT');
  return vevent;
}

/**
 * Deadlines as an .ics file. Undetermined dates are left out (listed in the result). `stamp` is the
 * ISO date-time of the export (DTSTAMP), passed in so the output is reproducible.
 */
export function deadlinesToIcs(deadlines: Deadline[], opts: { calendarName: string; stamp: string }): { ics: string; skipped: string[] } {
  const cal = newCalendar(opts.calendarName);
  const skipped: string[] = [];
  for (const d of deadlines) {
    if (!d.dueDate) {
      skipped.push(d.id);
      continue;
    }
    const description = [
      `Rule: ${d.ruleId} (${d.citation}) - ${CONFIDENCE_WORDS[d.confidence]}`,
      `Started by: ${d.triggerEvent.label} on ${d.triggerEvent.date}`,
      `Status: ${d.status}${d.metDate ? ` (met ${d.metDate})` : ''}`,
      d.note,
      'Computed by IEP Casefile; not legal advice.',
    ].filter(Boolean).join('\n');
    const prefix = d.confidence === 'unverified' ? '[unverified] ' : '';
    cal.addSubcomponent(allDayEvent({
      uid: `${d.id}@iep-casefile`, start: d.dueDate, end: d.dueDate, stamp: opts.stamp,
      summary: `${prefix}${d.title}`, description, categories: 'DEADLINE',
    }));
  }
  return { ics: cal.toString(), skipped };
}

/** A district calendar as .ics, readable back by parseDistrictCalendarIcs (kinds travel in CATEGORIES). */
export function districtCalendarToIcs(calendar: DistrictCalendar, stamp: string): string {
  const cal = newCalendar(calendar.name);
  calendar.terms.forEach((t, i) => {
    const label = t.label ? ` (${t.label})` : '';
    cal.addSubcomponent(allDayEvent({ uid: `term-${i}-first@iep-casefile`, start: t.firstDay, end: t.firstDay, stamp, summary: `First day of school${label}`, categories: 'FIRST_DAY' }));
    cal.addSubcomponent(allDayEvent({ uid: `term-${i}-last@iep-casefile`, start: t.lastDay, end: t.lastDay, stamp, summary: `Last day of school${label}`, categories: 'LAST_DAY' }));
  });
  calendar.closures.forEach((c, i) =>
    cal.addSubcomponent(allDayEvent({ uid: `closure-${i}@iep-casefile`, start: c.start, end: c.end, stamp, summary: c.label, categories: c.kind.toUpperCase() })));
  (calendar.extraSchoolDays ?? []).forEach((d, i) =>
    cal.addSubcomponent(allDayEvent({ uid: `extra-${i}@iep-casefile`, start: d, end: d, stamp, summary: 'Instructional day', categories: 'SCHOOL_DAY' })));
  return cal.toString();
}

type Classified =
  | { kind: 'first_day' | 'last_day' | 'school_day' }
  | { kind: 'closure'; closure: CalendarClosure['kind'] }
  | { kind: 'ignored' };

const HOLIDAY_NAMES = /\b(holiday|thanksgiving|christmas|new year'?s?|labor day|memorial day|veterans'? day|martin luther king|mlk|presidents'? day|lincoln'?s? (birthday|day)|washington'?s birthday|juneteenth|cesar chavez|columbus day|indigenous peoples'? day|independence day|good friday|native american day|truman day|robert e\.? lee|confederate memorial|admission day)\b/i;
const BREAK_WORDS = /\b(break|recess|vacation|intersession)\b/i;
const CLOSURE_WORDS = /\b(no school|no classes|no students|schools? closed|district closed|non[- ]?student|student[- ]free|pupil[- ]free|non[- ]?instructional|staff development|professional (development|learning)|teacher (work|in-?service|prep)|in-?service|furlough|day off|snow day|emergency closure)\b/i;
const STILL_SCHOOL = /\b(minimum day|early (release|dismissal)|half day|late start|shortened day|instructional day|school day)\b/i;
/** Events that happen at school ("Holiday Concert", "Back to School Night") and close nothing unless they say so. */
const HAPPENING = /\b(concert|program|performance|party|night|meeting|fair|festival|show|assembly|pictures?|photos?|parade|sing|celebration|spirit|fundraiser|breakfast|lunch|dance)\b/i;

/** Sorts a district calendar entry by its summary (or our own CATEGORIES); unknown events are ignored, not guessed. */
export function classifyCalendarEntry(summary: string, categories: string[] = []): Classified {
  const cat = categories.map((c) => c.toUpperCase());
  if (cat.includes('FIRST_DAY')) return { kind: 'first_day' };
  if (cat.includes('LAST_DAY')) return { kind: 'last_day' };
  if (cat.includes('SCHOOL_DAY')) return { kind: 'school_day' };
  for (const k of ['HOLIDAY', 'BREAK', 'NON_SCHOOL_DAY'] as const) {
    if (cat.includes(k)) return { kind: 'closure', closure: k.toLowerCase() as CalendarClosure['kind'] };
  }
  const staffOnly = /\b(staff|teachers?|faculty)\b/i.test(summary) && !/\bstudents?\b/i.test(summary);
  const closes = CLOSURE_WORDS.test(summary);
  if (/\b(first|1st|opening) day\b/i.test(summary) && !staffOnly && !closes) return { kind: 'first_day' };
  if (/\b(last|final) day\b/i.test(summary) && !staffOnly && !closes && !/\bbefore\b/i.test(summary)) return { kind: 'last_day' };
  if (STILL_SCHOOL.test(summary) && !closes) return { kind: 'school_day' };
  if (!closes && HAPPENING.test(summary)) return { kind: 'ignored' };
  if (BREAK_WORDS.test(summary)) return { kind: 'closure', closure: 'break' };
  if (HOLIDAY_NAMES.test(summary)) return { kind: 'closure', closure: 'holiday' };
  if (closes) return { kind: 'closure', closure: 'non_school_day' };
  return { kind: 'ignored' };
}

export interface CalendarImport {
  calendar: DistrictCalendar;
  /** Entries that were not used, with why: the user reviews them. */
  ignored: string[];
}

/** Reads a district calendar .ics: first/last days make terms; closures become non-school days. */
export function parseDistrictCalendarIcs(text: string, name?: string): CalendarImport {
  const root = new ICAL.Component(ICAL.parse(text));
  const calName = name ?? String(root.getFirstPropertyValue('x-wr-calname') ?? 'District calendar');
  const firsts: string[] = [];
  const lasts: string[] = [];
  const closures: CalendarClosure[] = [];
  const extra: string[] = [];
  const ignored: string[] = [];
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const summary = (event.summary ?? '').trim();
    if (!event.startDate) {
      ignored.push(`${summary}: no start date`);
      continue;
    }
    const start = event.startDate.toString().slice(0, 10);
    let end = start;
    if (event.endDate) {
      const endIso = event.endDate.toString().slice(0, 10);
      // DATE ends are exclusive; a timed event ending at midnight also ends the day before.
      const exclusive = event.endDate.isDate || event.endDate.toString().slice(11, 19) === '00:00:00';
      end = exclusive && endIso > start ? addDays(endIso, -1) : endIso;
    }
    if (event.isRecurring()) {
      ignored.push(`${summary} (${start}): repeating events are not imported`);
      continue;
    }
    const categories = vevent.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
    const c = classifyCalendarEntry(summary, categories);
    if (c.kind === 'first_day') firsts.push(start);
    else if (c.kind === 'last_day') lasts.push(end);
    else if (c.kind === 'school_day') {
      if (/\b(saturday|sunday)\b/i.test(summary) || categories.some((x) => x.toUpperCase() === 'SCHOOL_DAY')) extra.push(start);
    } else if (c.kind === 'closure') closures.push({ start, end, label: summary, kind: end > start && c.closure === 'holiday' ? 'break' : c.closure });
    else ignored.push(`${summary} (${start}): not recognised as a school day or a closure`);
  }
  const terms: SchoolYearTerm[] = [];
  for (const first of [...new Set(firsts)].sort()) {
    const last = [...new Set(lasts)].sort().find((l) => l >= first);
    const nextFirst = [...new Set(firsts)].sort().find((f) => f > first);
    if (last && (!nextFirst || last < nextFirst)) terms.push({ firstDay: first, lastDay: last });
    else ignored.push(`First day ${first}: no matching last day of school`);
  }
  closures.sort((a, b) => a.start.localeCompare(b.start));
  return { calendar: { name: calName, terms, closures, ...(extra.length ? { extraSchoolDays: extra.sort() } : {}) }, ignored };
}
