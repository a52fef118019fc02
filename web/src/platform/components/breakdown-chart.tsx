import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { brandColor } from '../../ui/theme';
import type { FigureReport } from '../api';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** One figure of a breakdown as bars, a group each (the rows' order: a ranking stays a ranking). */
export function BreakdownChart({ breakdown, figureKey }: { breakdown: FigureReport['breakdowns'][number]; figureKey: string }) {
  const option = useMemo(() => {
    const rows = breakdown.rows.filter((r) => r.figures[figureKey]);
    const first = rows[0]?.figures[figureKey];
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', formatter: (items: Array<{ dataIndex: number }>) => {
        const row = rows[items[0]?.dataIndex ?? 0];
        const f = row?.figures[figureKey];
        return row && f ? `${row.label}<br/>${f.label}：${f.display}${f.denominator !== null ? `（${f.numerator}/${f.denominator}）` : ''}` : '';
      } },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: first?.kind === 'count' ? 1 : undefined, axisLabel: { formatter: first?.kind === 'rate' ? '{value}%' : '{value}' } },
      series: [{ type: 'bar', barMaxWidth: 36, itemStyle: { color: brandColor }, data: rows.map((r) => r.figures[figureKey]?.value ?? 0) }],
    };
  }, [breakdown, figureKey]);
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} notMerge />;
}
