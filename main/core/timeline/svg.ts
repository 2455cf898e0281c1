// Renders an ECharts option to an SVG string without a browser (echarts server-side rendering),
// so the packet embeds the very chart the app shows, as vectors.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export interface SvgSize {
  width: number;
  height: number;
}

/** One chart to SVG. Animation is forced off: server-side rendering draws the first frame only. */
export function renderChartSvg(option: EChartsOption, size: SvgSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
