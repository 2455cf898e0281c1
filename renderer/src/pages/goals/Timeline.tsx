// The multi-year view of a case: IEP periods as bands behind every row, a row per goal lineage with
// its goals and data, then progress reports, test scores, evaluations, letters and service gaps.
// Zoom from years to months with the buttons or Ctrl+wheel; every item opens its source page.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { formatDisplayDate } from '../../../../shared/text/dates';
import type { Timeline as TimelineData, TimelineItem } from '../../../../shared/timeline/timeline';
import { sourceHref, viewerHref } from '../../components/viewer/links';
import { href } from '../../router';
import { useElementWidth } from '../../components/viewer/useElementWidth';
import { makeScale, MAX_ZOOM_STEP, placeItems, pxPerDayAt, showsMonths, ticks, type Scale } from './timelineLayout';

const LANE_PX = 16;
const LABEL_PX = 170;

const KIND_NAMES: Record<TimelineItem['kind'], string> = {
  goal: 'Goal year',
  data_point: 'Data point',
  progress_report: 'Progress report',
  test_score: 'Test scores',
  evaluation: 'Evaluation',
  correspondence: 'Letter or email',
  service_log: 'Service log period',
  service_gap: 'Services not provided',
  document: 'Document',
};

function itemHref(caseId: string, item: TimelineItem): string | null {
  if (item.source) return sourceHref(caseId, item.source);
  return item.documentId ? viewerHref(caseId, item.documentId, 1) : null;
}

function itemText(item: TimelineItem): string {
  const when = item.endDate && item.endDate > item.date ? `${formatDisplayDate(item.date)} to ${formatDisplayDate(item.endDate)}` : formatDisplayDate(item.date);
  return `${KIND_NAMES[item.kind]}: ${item.label}, ${when}`;
}

function Row({ caseId, row, scale }: { caseId: string; row: TimelineData['rows'][number]; scale: Scale }) {
  const { placed, lanes } = placeItems(row.items, scale);
  const label = row.lineageId ? (
    <a href={href({ page: 'case', caseId, section: 'goals', rest: [row.lineageId] })}>{row.label}</a>
  ) : (
    row.label
  );
  return (
    <div className="tl-row" style={{ height: lanes * LANE_PX + 8 }}>
      <div className="tl-label" style={{ width: LABEL_PX }}>
        {label}
      </div>
      <ul className="tl-track" aria-label={row.label} style={{ width: scale.width }}>
        {placed.map(({ item, x, width, lane, ranged }) => {
          const link = itemHref(caseId, item);
          const text = itemText(item);
          const style = { left: x, width, top: 4 + lane * LANE_PX };
          const cls = `tl-item tl-${item.kind}${ranged ? ' tl-ranged' : ''}`;
          return (
            <li key={item.id} className={cls} style={style} data-kind={item.kind}>
              {link ? (
                <a href={link} aria-label={text} title={text}>
                  {ranged && width > 60 ? <span className="tl-item-text">{item.label}</span> : null}
                </a>
              ) : (
                <span title={text} aria-label={text} role="img" />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function BandRow({ caseId, bands, scale }: { caseId: string; bands: TimelineData['bands']; scale: Scale }) {
  // Amendments overlap the annual IEP they amend: lanes keep both visible.
  const asItems: TimelineItem[] = bands.map((b) => ({ id: b.id, kind: 'document', date: b.start, endDate: b.end ?? scale.end, label: b.label, value: null, documentId: b.documentId, source: b.source, goalId: null }));
  const { placed, lanes } = placeItems(asItems, scale);
  const byId = new Map(bands.map((b) => [b.id, b] as const));
  return (
    <div className="tl-row tl-band-row" style={{ height: lanes * 22 + 6 }}>
      <div className="tl-label" style={{ width: LABEL_PX }}>
        IEP periods
      </div>
      <ul className="tl-track" aria-label="IEP periods" style={{ width: scale.width }}>
        {placed.map(({ item, x, width, lane }) => {
          const b = byId.get(item.id)!;
          const text = `${b.label}: ${formatDisplayDate(b.start)} to ${formatDisplayDate(b.end)}`;
          return (
            <li key={b.id} className={`tl-band-label tl-band-${b.kind}`} style={{ left: x, width, top: 3 + lane * 22 }}>
              <a href={sourceHref(caseId, b.source)} title={text} aria-label={text}>
                {b.label}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function TimelineView({ caseId, timeline }: { caseId: string; timeline: TimelineData }) {
  const [zoomStep, setZoomStep] = useState(0);
  const hasDates = !!(timeline.start && timeline.end);
  const scroller = useRef<HTMLDivElement>(null);
  const available = useElementWidth(scroller);
  const visible = Math.max(300, (available || 1000) - LABEL_PX - 4);
  const pxPerDay = (step: number) => (timeline.start && timeline.end ? pxPerDayAt(step, timeline.start, timeline.end, visible) : 1);
  const centerDay = useRef<number | null>(null);
  const zoomBy = (delta: number) => {
    const next = Math.min(MAX_ZOOM_STEP, Math.max(0, zoomStep + delta));
    const el = scroller.current;
    if (next === zoomStep) return;
    // Remember the day in the middle of the view, to keep it there at the new zoom.
    if (el) centerDay.current = (el.scrollLeft + visible / 2) / pxPerDay(zoomStep);
    setZoomStep(next);
  };
  const zoomRef = useRef(zoomBy);
  zoomRef.current = zoomBy;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Ctrl+wheel zooms (as in maps and editors); the plain wheel keeps scrolling the page. A trackpad
    // sends many small deltas: one step per notch's worth of them.
    let pending = 0;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      pending += e.deltaY;
      if (Math.abs(pending) < 50) return;
      zoomRef.current(pending < 0 ? 1 : -1);
      pending = 0;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [hasDates]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || centerDay.current == null) return;
    el.scrollLeft = centerDay.current * pxPerDay(zoomStep) - visible / 2;
    centerDay.current = null;
  });

  if (!timeline.start || !timeline.end) {
    return <p className="empty">The timeline fills in once IEPs, progress reports and other dated documents are imported.</p>;
  }
  const scale = makeScale(timeline.start, timeline.end, pxPerDay(zoomStep));
  const tickList = ticks(scale);
  const monthsView = showsMonths(scale.pxPerDay);
  return (
    <div className="timeline">
      <div className="toolbar tl-toolbar" role="toolbar" aria-label="Timeline zoom">
        <Button onPress={() => zoomBy(-1)} isDisabled={zoomStep === 0} aria-label="Zoom out to years">
          −
        </Button>
        <Button onPress={() => zoomBy(1)} isDisabled={zoomStep === MAX_ZOOM_STEP} aria-label="Zoom in to months">
          +
        </Button>
        <span className="muted" aria-live="polite">
          {monthsView ? 'Months' : 'Years'} · {formatDisplayDate(timeline.start)} – {formatDisplayDate(timeline.end)} · Ctrl+wheel to zoom
        </span>
      </div>
      <div className="tl-scroller" ref={scroller} tabIndex={0} role="group" aria-label="Case timeline, scroll sideways">
        <div className="tl-canvas" style={{ width: scale.width + LABEL_PX }}>
          <div className="tl-bands" style={{ left: LABEL_PX, width: scale.width }} aria-hidden="true">
            {timeline.bands.map((b) => (
              <div key={b.id} className={`tl-band tl-band-${b.kind}`} style={{ left: scale.x(b.start), width: Math.max(2, scale.x(b.end ?? scale.end) - scale.x(b.start)) }} />
            ))}
            {tickList.map((t) => (
              <div key={t.date} className={t.major ? 'tl-gridline major' : 'tl-gridline'} style={{ left: t.x }} />
            ))}
          </div>
          <div className="tl-row tl-axis">
            <div className="tl-label" style={{ width: LABEL_PX }} />
            <div className="tl-track" style={{ width: scale.width }} aria-hidden="true">
              {tickList.filter((t) => t.label).map((t) => (
                <span key={t.date} className={t.major ? 'tl-tick major' : 'tl-tick'} style={{ left: t.x }}>
                  {t.label}
                </span>
              ))}
            </div>
          </div>
          <BandRow caseId={caseId} bands={timeline.bands} scale={scale} />
          {timeline.rows.map((row) => (
            <Row key={row.id} caseId={caseId} row={row} scale={scale} />
          ))}
        </div>
      </div>
      <ul className="tl-legend" aria-label="Timeline key">
        {(['goal', 'data_point', 'progress_report', 'test_score', 'evaluation', 'correspondence', 'service_log', 'service_gap'] as const).map((k) => (
          <li key={k}>
            <span className={`tl-swatch tl-${k}`} aria-hidden="true" /> {KIND_NAMES[k]}
          </li>
        ))}
      </ul>
    </div>
  );
}
