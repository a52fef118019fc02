import { renderAsync } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import { xmlSafe } from '../../../platform/xml-text.js';
import { CHART_TEXT } from '../reports.strings.js';
import type { ChartSpec } from '../rules/report-model.js';

/** Size on the page in CSS pixels (96 to the inch): the text width of an A4 page with 公文 margins. */
export const CHART_SIZE = { width: 580, height: 290 } as const;
/** Pixels per CSS pixel in the PNG, so the chart stays sharp when printed. */
const SCALE = 2;

/**
 * Chinese needs a CJK font on the server: Debian's fonts-noto-cjk (Noto Sans CJK SC) or
 * fonts-wqy-zenhei. Without one, resvg draws boxes (see README, "Reports").
 */
// Single quotes: ECharts writes this into an SVG style attribute without escaping it.
const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** Sober colours that stay apart when printed in grey. */
const PALETTE = ['#2f5597', '#c55a11', '#548235', '#7f7f7f', '#bf9000', '#5b9bd5', '#a5a5a5', '#70ad47'];

// echarts takes about a second to load and only reports draw charts: load it on first use.
let echarts: Promise<typeof import('echarts')> | undefined;
const loadEcharts = () => (echarts ??= import('echarts'));

/** A chart as a PNG: ECharts draws SVG on the server (no browser), resvg rasterises it off the event loop. */
export async function renderChartPng(spec: ChartSpec, size: { width: number; height: number } = CHART_SIZE): Promise<Buffer> {
  const { init } = await loadEcharts();
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  let svg: string;
  try {
    chart.setOption(chartOption(spec));
    // Labels carry what people typed (a channel, a category); resvg refuses characters XML forbids.
    svg = xmlSafe(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
  const image = await renderAsync(svg, { fitTo: { mode: 'zoom', value: SCALE }, background: '#ffffff', font: { defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' } });
  return image.asPng();
}

/** The ECharts option of a chart spec: plain, printable, no animation. */
export function chartOption(spec: ChartSpec): EChartsOption {
  const base: EChartsOption = { animation: false, backgroundColor: '#ffffff', color: PALETTE, textStyle: { fontFamily: FONT_FAMILY, fontSize: 12 } };
  if (spec.kind === 'pie') {
    return {
      ...base,
      series: [{ type: 'pie', radius: ['30%', '60%'], center: ['50%', '52%'], data: spec.slices, label: { formatter: CHART_TEXT.pieLabel } }],
    };
  }
  const category = { type: 'category' as const, data: spec.categories, axisLabel: { interval: spec.horizontal ? 0 : 'auto' as const } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    ...base,
    legend: spec.series.length > 1 ? { top: 4 } : undefined,
    grid: { left: 16, right: 24, top: spec.series.length > 1 ? 48 : 24, bottom: 16, containLabel: true },
    xAxis: spec.horizontal ? value : category,
    yAxis: spec.horizontal ? category : value,
    series: spec.series.map((s) => ({
      type: spec.kind,
      name: s.name,
      data: s.data,
      ...(spec.kind === 'bar' ? { barMaxWidth: 32, label: { show: s.data.length <= 12, position: spec.horizontal ? 'right' : 'top' } } : { symbolSize: 4 }),
    })) as EChartsOption['series'],
  };
}
