// One title per chart: a chart drawn under a heading (a screen's heading, tab or card, or the packet's
// bold chart heading) leaves its own title to it. The app's charts and the packet's both use this.

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * The option without its own title; a subtitle (the goal chart's trend summary) stays, moved up into
 * the title's place, and the plot moves up with it.
 */
export function untitledOption<T>(option: T): T {
  const o = asRecord(option);
  const title = asRecord(o?.title);
  if (!o || !title) return option;
  const grid = asRecord(o.grid);
  const subtext = typeof title.subtext === 'string' ? title.subtext : '';
  const top = typeof grid?.top === 'number' ? grid.top : null;
  // A value axis named at its top end needs the room above the plot: the plot stays where it was.
  const axes = Array.isArray(o.yAxis) ? o.yAxis : [o.yAxis];
  const nameAbove = axes.some((a) => {
    const r = asRecord(a);
    return !!r?.name && r.nameLocation !== 'middle' && r.nameLocation !== 'center';
  });
  const lines = subtext ? subtext.split('\n').length : 0;
  const raised = top == null || nameAbove ? top : subtext ? Math.max(24 + 15 * (lines - 1), top - 24) : Math.max(18, top - 30);
  return {
    ...o,
    title: subtext ? { ...title, text: '', top: 0, subtextStyle: { ...(asRecord(title.subtextStyle) ?? {}), lineHeight: 15 } } : { ...title, show: false },
    grid: grid && raised != null ? { ...grid, top: raised } : o.grid,
  } as T;
}
