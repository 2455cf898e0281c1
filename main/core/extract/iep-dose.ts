// The dose of a service as an IEP states it ("45 min/session, 4 Times Weekly, 180 min Weekly",
// "30 minutes, 2 times per week", "60 minutes per month", "30 min daily"), and the weekly or
// monthly minutes the export asks for. Pure text logic.
import type { ServicePer } from '../../../shared/domain';

export interface ServiceDose {
  minutesPerSession: number | null;
  sessionsPerPeriod: number | null;
  /** Period of sessionsPerPeriod, or of the stated total when no session count is given. */
  period: ServicePer | null;
  /** Minutes per week for weekly and daily services (daily x 5 school days); null for monthly/yearly. */
  minutesPerWeek: number | null;
  /** Minutes per month for monthly services; null otherwise. */
  minutesPerMonth: number | null;
  /** How the weekly minutes were worked out when the form states another period ("2 x 30 min x 5/6 = 50 min a week"). */
  formula?: string;
}

const PERIOD_WORD = String.raw`(school\s+day|day|daily|week|wk|weekly|month|monthly|mo|year|yearly|annually|annual|quarter|quarterly|trimester|semester)`;
const COUNT_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, twelve: 12 };

function periodOf(word: string): ServicePer | null {
  const w = word.toLowerCase();
  if (/day|daily/.test(w)) return 'day';
  if (/^w/.test(w)) return 'week';
  if (/^mo/.test(w)) return 'month';
  if (/year|annual/.test(w)) return 'year';
  return null;
}

const MINUTES = String.raw`(\d+(?:\.\d+)?)\s*(?:-\s*)?(min(?:ute)?s?\.?|hours?|hrs?\.?)`;
/** A verb between the minutes and their period ("200 minutes provided weekly", "45 min received monthly"). */
const SERVED = String.raw`(?:(?:served|provided|delivered|given|received)\s+)?`;
const toMinutes = (n: string, unit: string) => (/^h/i.test(unit) ? Number(n) * 60 : Number(n));

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const countOf = (word: string) => COUNT_WORDS[word.toLowerCase()] ?? Number(word);

/**
 * A dose per rotating cycle of school days ("2 times per 6-day cycle, 30 minutes"): a K-day cycle
 * runs 5/K times a week, so the weekly minutes are times x minutes x 5/K.
 */
function cycleDose(t: string): ServiceDose | null {
  const cycle = /\b(\d+)[- ]day\s+(?:rotati(?:on|ng)\s+|school\s+)?cycle\b/i.exec(t);
  if (!cycle) return null;
  const days = Number(cycle[1]);
  const count = /\b(\d+|one|two|three|four|five|six)\s*(?:x|times?|sessions?)\b|\b(once|twice|thrice)\b/i.exec(t);
  const minutes = new RegExp(MINUTES, 'i').exec(t);
  if (!count || !minutes || days < 2) return null;
  const times = countOf(count[1] ?? count[2]);
  const perSession = toMinutes(minutes[1], minutes[2]);
  const perWeek = round((times * perSession * 5) / days, 2);
  return {
    minutesPerSession: perSession,
    sessionsPerPeriod: round((times * 5) / days, 4),
    period: 'week',
    minutesPerWeek: perWeek,
    minutesPerMonth: null,
    formula: `${times} x ${perSession} min per ${days}-day cycle x 5/${days} = ${perWeek} min a week`,
  };
}

const SIX_WEEKS = String.raw`(?:\/|per|every|each|a|in)\s*(?:six|6)[- ]?(?:weeks?|wks?\.?)(?=\W|$)`;

/**
 * A dose per six weeks (Texas grading periods: "180 minutes per six weeks", "180 per 6 wks" in a
 * minutes column, "6 sessions per six weeks" beside a 30-minute session, "6 x 30 min per six
 * weeks"), counted as its weekly share.
 */
function sixWeeksDose(t: string): ServiceDose | null {
  if (!new RegExp(SIX_WEEKS, 'i').test(t)) return null;
  const multiplied = new RegExp(String.raw`\b(\d+)\s*[x×]\s*${MINUTES}|${MINUTES}\s*[x×]\s*(\d+)\b`, 'i').exec(t);
  const count = new RegExp(String.raw`\b(\d+|one|two|three|four|five|six|twelve)\s*(?:x|times?|sessions?)\s*${SIX_WEEKS}`, 'i').exec(t);
  let times = count ? countOf(count[1]) : null;
  let perSession: number | null = null;
  if (multiplied) {
    times ??= Number(multiplied[1] ?? multiplied[6]);
    perSession = multiplied[1] ? toMinutes(multiplied[2], multiplied[3]) : toMinutes(multiplied[4], multiplied[5]);
  }
  // A printed total: minutes right before "per six weeks" that are not the session of "6 x 30 min".
  const printed = new RegExp(String.raw`${MINUTES}\s*${SIX_WEEKS}`, 'gi');
  let total: number | null = null;
  let totalAt = -1;
  for (const m of t.matchAll(printed)) {
    if (multiplied && m.index >= multiplied.index && m.index < multiplied.index + multiplied[0].length) continue;
    total = toMinutes(m[1], m[2]);
    totalAt = m.index;
    break;
  }
  // The session's length: another minute count beside the count of sessions.
  if (perSession === null && times !== null) {
    const other = [...t.matchAll(new RegExp(MINUTES, 'gi'))].find((m) => m.index !== totalAt);
    perSession = other ? toMinutes(other[1], other[2]) : total !== null ? round(total / times, 2) : null;
  }
  total ??= times !== null && perSession !== null ? times * perSession : null;
  if (total === null) return null;
  const perWeek = round(total / 6, 2);
  const how = totalAt >= 0 ? `${total} min per six weeks` : `${times} x ${perSession} min per six weeks`;
  return {
    minutesPerSession: perSession,
    sessionsPerPeriod: times === null ? null : round(times / 6, 4),
    period: 'week',
    minutesPerWeek: perWeek,
    minutesPerMonth: null,
    formula: `${how} / 6 = ${perWeek} min a week`,
  };
}

export function parseServiceDose(text: string): ServiceDose {
  // OCR reads a space after a number as a dot or comma ("1.time daily") and table rules as bars.
  const t = text.replace(/(\d)[.,](?=[a-z])/gi, '$1 ').replace(/\s*\|\s*/g, ' ').replace(/\s+/g, ' ');
  const other = cycleDose(t) ?? sixWeeksDose(t);
  if (other) return other;
  let minutesPerSession: number | null = null;
  let sessions: number | null = null;
  let sessionPeriod: ServicePer | null = null;
  let total: number | null = null;
  let totalPeriod: ServicePer | null = null;

  const sessionsRe = new RegExp(
    // "3 days/week", "5 days per week": days of a week, a session each.
    String.raw`\b(?:(\d+|one|two|three|four|five|six)\s*(?:x|times?|sessions?|days?(?=\s*(?:\/|per|a|each)\s*(?:week|wk|month)))|(once|twice|thrice))\s*(?:\/|per|a|an|each|every)?\s*${PERIOD_WORD}\b`,
    'i',
  );
  const s = sessionsRe.exec(t);
  if (s) {
    const count = (s[1] ?? s[2]).toLowerCase();
    sessions = COUNT_WORDS[count] ?? Number(count);
    sessionPeriod = periodOf(s[3]);
  }

  const perSessionRe = new RegExp(String.raw`${MINUTES}\s*(?:\/|per|a|each)\s*session|${MINUTES}\s+sessions?`, 'i');
  const ps = perSessionRe.exec(t);
  if (ps) minutesPerSession = ps[1] ? toMinutes(ps[1], ps[2]) : toMinutes(ps[3], ps[4]);

  const totalRe = new RegExp(String.raw`${MINUTES}\s*${SERVED}(?:total\s*)?(?:\/|per|a|an|each|every)?\s*${PERIOD_WORD}\b`, 'gi');
  let m: RegExpExecArray | null;
  while ((m = totalRe.exec(t))) {
    const value = toMinutes(m[1], m[2]);
    const period = periodOf(m[3]);
    if (value === minutesPerSession && sessions !== null && sessions > 1) continue;
    total = value;
    totalPeriod = period;
    break;
  }

  if (minutesPerSession === null) {
    // "30 minutes, 2 times per week" / "2 x 30 min": a bare minute count beside a session count.
    const bare = new RegExp(MINUTES, 'gi');
    while ((m = bare.exec(t))) {
      const after = t.slice(m.index + m[0].length, m.index + m[0].length + 30);
      const isTotal = new RegExp(String.raw`^\s*${SERVED}(?:total\s*)?(?:\/|per|a|an|each|every)?\s*${PERIOD_WORD}\b`, 'i').test(after);
      if (!isTotal || sessions !== null) {
        if (!isTotal) minutesPerSession = toMinutes(m[1], m[2]);
        break;
      }
    }
  }
  const multiplied = new RegExp(String.raw`\b(\d+)\s*[x×]\s*${MINUTES}`, 'i').exec(t);
  // "30 min x 3, totaling 90 min weekly": the session length first, then the count.
  const timesAfter = multiplied ? null : new RegExp(String.raw`${MINUTES}\s*[x×]\s*(\d+)\b`, 'i').exec(t);
  if (timesAfter) {
    sessions = Number(timesAfter[3]);
    minutesPerSession = toMinutes(timesAfter[1], timesAfter[2]);
    sessionPeriod ??= totalPeriod;
  }
  if (multiplied) {
    // "2 x 30 min/week": two sessions of 30 minutes, not 30 minutes a week in total.
    sessions = Number(multiplied[1]);
    minutesPerSession = toMinutes(multiplied[2], multiplied[3]);
    sessionPeriod ??= totalPeriod;
    if (total === minutesPerSession) total = null;
  }
  if (minutesPerSession === null && total !== null && sessions === null && totalPeriod === 'day') {
    // "30 min daily": one session of that length a day (a weekly or monthly total says nothing of sessions).
    minutesPerSession = total;
    sessions = 1;
    sessionPeriod = totalPeriod;
  }

  if (minutesPerSession !== null && total === null && sessions === null) {
    // "Daily, 20 minutes", "Weekly - 30 minute sessions": a period word standing alone is one session each period.
    const alone = /\b(daily|weekly|monthly)\b|\b(?:every|each)\s+(?:school\s+)?(day|week|month)\b/i.exec(t);
    if (alone) {
      sessions = 1;
      sessionPeriod = periodOf(alone[1] ?? alone[2]);
    }
  }
  const period = sessionPeriod ?? totalPeriod;
  if (total === null && minutesPerSession !== null && sessions !== null) {
    total = minutesPerSession * sessions;
    totalPeriod = sessionPeriod;
  }
  return {
    minutesPerSession,
    sessionsPerPeriod: sessions,
    period,
    minutesPerWeek: total === null ? null : totalPeriod === 'week' ? total : totalPeriod === 'day' ? total * 5 : null,
    minutesPerMonth: total !== null && totalPeriod === 'month' ? total : null,
  };
}
