// Reads the plain-data ECharts options of shared/timeline/chart.ts back into what a screen reader
// and a keyboard need: a one-sentence summary and the table of every point with its source.
import type { Provenance } from '../../../../shared/domain';

export interface ChartRow {
  series: string;
  date: string;
  value: number;
  /** The point's own description ("52 WCPM on Nov 29, 2022 · Progress report ..."). */
  label: string;
  source: Provenance | null;
}

interface OptionLike {
  title?: { text?: unknown; subtext?: unknown } | Array<{ text?: unknown; subtext?: unknown }>;
  series?: unknown;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function isProvenance(v: unknown): v is Provenance {
  const r = asRecord(v);
  return !!r && typeof r.documentId === 'string' && typeof r.page === 'number';
}

/** Every named data item of every series: lines drawn between two unnamed end points (aim, trend) are left out. */
export function chartRows(option: unknown): ChartRow[] {
  const series = asRecord(option)?.series;
  if (!Array.isArray(series)) return [];
  const rows: ChartRow[] = [];
  for (const s of series) {
    const sr = asRecord(s);
    if (!sr || !Array.isArray(sr.data)) continue;
    for (const d of sr.data) {
      const dr = asRecord(d);
      if (!dr || typeof dr.name !== 'string' || !dr.name || !Array.isArray(dr.value)) continue;
      const [date, value] = dr.value as unknown[];
      if (typeof date !== 'string' || typeof value !== 'number') continue;
      rows.push({ series: String(sr.name ?? ''), date, value, label: dr.name, source: isProvenance(dr.source) ? dr.source : null });
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function chartTitle(option: unknown): { text: string; subtext: string } {
  const t = (option as OptionLike | null)?.title;
  const first = Array.isArray(t) ? t[0] : t;
  return { text: typeof first?.text === 'string' ? first.text : '', subtext: typeof first?.subtext === 'string' ? first.subtext : '' };
}

/** "Reading Fluency chart: 9 points from Sep 15, 2022 to May 21, 2025. Trend ... needed ..." */
export function chartSummary(option: unknown, formatDate: (iso: string) => string): string {
  const { text, subtext } = chartTitle(option);
  const rows = chartRows(option);
  const span = rows.length ? ` from ${formatDate(rows[0].date)} to ${formatDate(rows[rows.length - 1].date)}` : '';
  const body = rows.length ? `${rows.length} point${rows.length === 1 ? '' : 's'}${span}.` : 'no data points.';
  return [`${text || 'Chart'}: ${body}`, subtext.replace(/\n/g, '. ')].filter(Boolean).join(' ');
}

/** An option the chart can draw in a small card: same data and colours, without the legend and subtitle. */
export function compactOption(option: unknown): unknown {
  const o = asRecord(option);
  if (!o) return option;
  const title = asRecord(o.title);
  const yAxis = asRecord(o.yAxis);
  // Phase lines stay, their vertical labels go: at card size they cover the data.
  const series = Array.isArray(o.series)
    ? o.series.map((s) => {
        const sr = asRecord(s);
        const markLine = asRecord(sr?.markLine);
        return sr && markLine ? { ...sr, markLine: { ...markLine, label: { show: false } } } : s;
      })
    : o.series;
  return {
    ...o,
    series,
    title: title ? { ...title, subtext: '', textStyle: { ...(asRecord(title.textStyle) ?? {}), fontSize: 12 } } : o.title,
    legend: { show: false },
    yAxis: yAxis ? { ...yAxis, name: '' } : o.yAxis,
    grid: { left: 40, right: 34, top: 36, bottom: 28, containLabel: false },
  };
}
