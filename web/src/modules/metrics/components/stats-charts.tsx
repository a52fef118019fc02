import { useMemo } from 'react';
import { Empty } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { VolumeSlice } from '../../../../../contracts/statistics';
import { brandColor } from '../../../ui/theme';
import { formatShare } from '../format';
import { metricsStrings as s } from '../strings';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Government-report palette: the brand blue first, then calm distinguishable hues. */
const PALETTE = [brandColor, '#2e8b57', '#d48806', '#c8102e', '#6f42c1', '#13a8a8', '#8c8c8c', '#eb7a2e', '#597ef7', '#a0d911'];

// Tooltips are HTML: labels come from the taxonomy and are escaped.
const sliceTooltip = (slice: VolumeSlice) => `${echarts.format.encodeHTML(slice.label)}<br/>${s.dashboard.sliceTooltip(slice.count, formatShare(slice.share))}`;

function Chart({ option, height, testId }: { option: object; height: number; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />
    </div>
  );
}

function NoData({ height }: { height: number }) {
  return (
    <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.dashboard.noData} />
    </div>
  );
}

/** Requests per day over the period. */
export function TrendChart({ days, height = 280, testId }: { days: Array<{ date: string; count: number }>; height?: number; testId?: string }) {
  const option = useMemo(
    () => ({
      color: [brandColor],
      grid: { left: 40, right: 16, top: 24, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', boundaryGap: false, data: days.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: s.dashboard.series,
          type: 'line',
          smooth: true,
          smoothMonotone: 'x',
          symbol: days.length > 45 ? 'none' : 'circle',
          areaStyle: { opacity: 0.12 },
          data: days.map((d) => d.count),
        },
      ],
    }),
    [days],
  );
  if (!days.some((d) => d.count > 0)) return <NoData height={height} />;
  return <Chart option={option} height={height} testId={testId} />;
}

/** Shares of a whole as a ring, legend below. */
export function SlicePie({ slices, height = 280, testId }: { slices: VolumeSlice[]; height?: number; testId?: string }) {
  const option = useMemo(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => sliceTooltip(slices[p.dataIndex]!) },
      legend: { type: 'scroll', bottom: 0, left: 'center', itemWidth: 12, itemHeight: 12 },
      series: [
        {
          type: 'pie',
          radius: ['36%', '58%'],
          center: ['50%', '44%'],
          avoidLabelOverlap: true,
          minShowLabelAngle: 10,
          label: { overflow: 'none', formatter: (p: { dataIndex: number }) => formatShare(slices[p.dataIndex]!.share) },
          data: slices.map((slice) => ({ name: slice.label, value: slice.count })),
        },
      ],
    }),
    [slices],
  );
  if (!slices.some((slice) => slice.count > 0)) return <NoData height={height} />;
  return <Chart option={option} height={height} testId={testId} />;
}

const sliceAxisTooltip = (slices: VolumeSlice[]) => ({
  trigger: 'axis',
  axisPointer: { type: 'shadow' },
  formatter: (p: Array<{ dataIndex: number }>) => sliceTooltip(slices[p[0]!.dataIndex]!),
});

/** Slices as horizontal bars, largest on top, so long Chinese names stay readable. */
export function SliceBars({ slices, color = brandColor, testId }: { slices: VolumeSlice[]; color?: string; testId?: string }) {
  const height = Math.max(160, slices.length * 28 + 40);
  const option = useMemo(
    () => ({
      color: [color],
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: sliceAxisTooltip(slices),
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: slices.map((slice) => slice.label),
        axisLabel: { width: 120, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [{ type: 'bar', barMaxWidth: 18, label: { show: true, position: 'right' }, data: slices.map((slice) => slice.count) }],
    }),
    [slices, color],
  );
  if (!slices.some((slice) => slice.count > 0)) return <NoData height={160} />;
  return <Chart option={option} height={height} testId={testId} />;
}

/** Slices as columns in their order, for a whole level of the taxonomy across a wide card. */
export function SliceColumns({ slices, height = 300, testId }: { slices: VolumeSlice[]; height?: number; testId?: string }) {
  const option = useMemo(
    () => ({
      color: [brandColor],
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: sliceAxisTooltip(slices),
      xAxis: {
        type: 'category',
        data: slices.map((slice) => slice.label),
        axisLabel: { interval: 0, rotate: 40, width: 84, overflow: 'truncate' },
        axisTick: { alignWithLabel: true },
      },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      series: [{ type: 'bar', barMaxWidth: 32, label: { show: true, position: 'top' }, data: slices.map((slice) => slice.count) }],
    }),
    [slices],
  );
  if (!slices.some((slice) => slice.count > 0)) return <NoData height={height} />;
  return <Chart option={option} height={height} testId={testId} />;
}
