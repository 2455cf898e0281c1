// Draws an ECharts option from shared/timeline/chart.ts as is (the same option the packet renders to
// SVG), with the SVG renderer, resizing with its container. Screen readers get a summary and a
// table of every point; clicking a point that carries its source opens that page in the viewer.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatDisplayDate } from '../../../../shared/text/dates';
import { sourceHref } from '../viewer/links';
import { untitledOption } from '../../../../shared/timeline/untitled';
import { chartRows, chartSummary, compactOption, isProvenance } from './chartData';

use([LineChart, ScatterChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export interface EChartProps {
  caseId: string;
  option: unknown;
  height: number;
  /** Small multiples: same data without legend and subtitle. */
  compact?: boolean;
  /** Shown as the data table's caption and used when the option has no title. */
  label?: string;
}

export function EChart({ caseId, option, height, compact = false, label }: EChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const rows = chartRows(option);
  const summary = chartSummary(option, formatDisplayDate);

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const instance = init(el, null, { renderer: 'svg' });
    chart.current = instance;
    // data-settled says whether the chart is drawn and still (its animation and any resize done): a
    // data point stays where it is only then, so a pointer (or a test) aims at it then.
    instance.on('finished', () => {
      el.dataset.settled = 'true';
    });
    instance.on('click', (params) => {
      const source = (params.data as { source?: unknown } | undefined)?.source;
      if (isProvenance(source)) window.location.hash = sourceHref(caseId, source);
    });
    const resize = new ResizeObserver(() => {
      if (el.clientWidth === instance.getWidth() && el.clientHeight === instance.getHeight()) return;
      if (instance.getOption()) el.dataset.settled = 'false';
      instance.resize();
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [caseId]);

  useEffect(() => {
    const drawn = untitledOption(compact ? compactOption(option) : option);
    // The option's own aria description is replaced by the summary on the figure (one label, not two).
    if (!chart.current || !holder.current) return;
    holder.current.dataset.settled = 'false';
    chart.current.setOption({ ...(drawn as EChartsCoreOption), aria: { enabled: false } }, { notMerge: true });
  }, [option, compact]);

  return (
    <figure className={`chart${compact ? ' chart-compact' : ''}`}>
      <div ref={holder} className="chart-canvas" role="img" aria-label={summary} style={{ height }} />
      <figcaption className="chart-caption">
        <Button variant="link" aria-expanded={showTable} aria-controls={showTable ? tableId : undefined} onPress={() => setShowTable((v) => !v)}>
          {showTable ? 'Hide data table' : `Show data table (${rows.length} points)`}
        </Button>
      </figcaption>
      {showTable && (
        <table id={tableId} className="data-table chart-table">
          <caption className="sr-only">{label ?? 'Chart data'}</caption>
          <thead>
            <tr>
              <th scope="col">Series</th>
              <th scope="col">Date</th>
              <th scope="col">Value</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>{r.series}</td>
                <td>{formatDisplayDate(r.date)}</td>
                <td className="num">{r.source ? <a href={sourceHref(caseId, r.source)}>{r.value}</a> : r.value}</td>
                <td>{r.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
