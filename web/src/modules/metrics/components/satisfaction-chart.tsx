import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { brandColor } from '../../../ui/theme';
import type { RankingRow } from '../../../../../contracts/statistics';
import { formatRate } from '../format';
import { metricsStrings as s } from '../strings';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** 满意率 by unit, best first; units without answers are left out of the chart. */
export function SatisfactionChart({ rows }: { rows: RankingRow[] }) {
  const option = useMemo(() => {
    const data = rows
      .map((r) => ({ name: r.unit.name, figure: r.figures.satisfactionRate }))
      .filter((d) => d.figure && d.figure.value !== null)
      .sort((a, b) => (b.figure!.value ?? 0) - (a.figure!.value ?? 0));
    return {
      color: [brandColor],
      grid: { left: 48, right: 16, top: 24, bottom: 72 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: Array<{ dataIndex: number }>) => {
          const d = data[params[0]?.dataIndex ?? 0];
          return d ? `${d.name}<br/>${s.chartSeries}：${formatRate(d.figure)}（${d.figure!.numerator}/${d.figure!.denominator}）` : '';
        },
      },
      xAxis: {
        type: 'category',
        data: data.map((d) => d.name),
        axisLabel: { interval: 0, rotate: data.length > 6 ? 30 : 0, width: 90, overflow: 'truncate' },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: s.chartSeries,
          type: 'bar',
          barMaxWidth: 36,
          data: data.map((d) => Number(((d.figure!.value ?? 0) * 100).toFixed(2))),
          label: { show: data.length <= 12, position: 'top', formatter: (p: { dataIndex: number }) => formatRate(data[p.dataIndex]?.figure) },
        },
      ],
    };
  }, [rows]);

  return (
    <div data-testid="satisfaction-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320, width: '100%' }} />
    </div>
  );
}
