import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { brandColor } from '../../../ui/theme';
import type { GovernanceTopic } from '../api';
import { governanceStrings as s } from '../strings';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** Weekly requests on the topic, before (grey) and after (brand colour) it became a 每月一题. */
export function VolumeChart({ topic }: { topic: GovernanceTopic }) {
  const option = useMemo(() => ({
    grid: { left: 32, right: 8, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: topic.volume.weekly.map((w) => w.weekStart.slice(5, 10)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      name: s.chartSeries,
      type: 'bar',
      data: topic.volume.weekly.map((w) => ({ value: w.count, itemStyle: { color: w.after ? brandColor : '#bfbfbf' } })),
    }],
  }), [topic]);
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 160 }} notMerge />;
}
