// Geometry of the timeline: dates to pixels at a zoom level, axis ticks, and lanes so that items of
// one row never cover each other.
import { addDays, daysBetween } from '../../../../shared/text/dates';
import type { TimelineItem } from '../../../../shared/timeline/timeline';

/** Zoom doubles the scale at each step, from the whole case fitting the view to single weeks readable. */
export const MAX_ZOOM_STEP = 5;
/** Below this a year is under 110 px: the case is squeezed rather than shown, so the view scrolls instead. */
const MIN_PX_PER_DAY = 0.3;
/** Days of margin either side of the case, so the first and last items are not cut at the edge. */
const MARGIN_DAYS = 31;

/** Pixels per day at a zoom step: step 0 fits the whole case in the visible width. */
export function pxPerDayAt(step: number, start: string, end: string, visibleWidth: number): number {
  const days = Math.max(30, daysBetween(start, end) + 2 * MARGIN_DAYS);
  return Math.max(MIN_PX_PER_DAY, visibleWidth / days) * 2 ** step;
}

/** Months are labelled once a month is this wide: the view reads as months rather than years. */
export function showsMonths(pxPerDay: number): boolean {
  return pxPerDay * 30 >= MONTH_LABEL_MIN_PX;
}
/** Months get their own labelled ticks once a month is this wide. */
const MONTH_LABEL_MIN_PX = 28;
const POINT_PX = 12;

export interface Scale {
  start: string;
  end: string;
  pxPerDay: number;
  width: number;
  x(date: string): number;
}

export function makeScale(start: string, end: string, pxPerDay: number): Scale {
  const from = addDays(start, -MARGIN_DAYS);
  const to = addDays(end, MARGIN_DAYS);
  return {
    start: from,
    end: to,
    pxPerDay,
    width: Math.max(1, daysBetween(from, to) * pxPerDay),
    x: (date: string) => daysBetween(from, date) * pxPerDay,
  };
}

export interface Tick {
  date: string;
  x: number;
  label: string;
  major: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Year ticks always; month ticks (labelled when there is room) from the second zoom level. */
export function ticks(scale: Scale): Tick[] {
  const out: Tick[] = [];
  const [y0, m0] = scale.start.split('-').map(Number);
  const [y1, m1] = scale.end.split('-').map(Number);
  const showMonths = scale.pxPerDay * 30 >= 12;
  const labelMonths = scale.pxPerDay * 30 >= MONTH_LABEL_MIN_PX;
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), y++) : m++) {
    const date = `${y}-${String(m).padStart(2, '0')}-01`;
    if (date < scale.start) continue;
    const major = m === 1;
    if (!major && !showMonths) continue;
    out.push({ date, x: scale.x(date), label: major ? String(y) : labelMonths ? MONTHS[m - 1] : '', major });
  }
  return out;
}

export interface PlacedItem {
  item: TimelineItem;
  x: number;
  width: number;
  lane: number;
  /** Point items are drawn as a dot, ranged ones as a bar. */
  ranged: boolean;
}

/** Greedy lanes: each item goes in the first lane whose last item ends before it starts. */
export function placeItems(items: TimelineItem[], scale: Scale): { placed: PlacedItem[]; lanes: number } {
  const laneEnds: number[] = [];
  const sorted = [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const placed = sorted.map((item) => {
    const ranged = !!item.endDate && item.endDate > item.date;
    const x = scale.x(item.date);
    const width = ranged ? Math.max(POINT_PX, scale.x(item.endDate!) - x) : POINT_PX;
    const left = ranged ? x : x - POINT_PX / 2;
    // Touching items (one IEP ends the day the next begins) share a lane.
    let lane = laneEnds.findIndex((end) => end - 2 <= left);
    if (lane < 0) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = left + width;
    return { item, x: left, width, lane, ranged };
  });
  return { placed, lanes: Math.max(1, laneEnds.length) };
}
