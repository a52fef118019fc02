import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { TownshipCell } from '../../../../../contracts/statistics';
import { formatShare } from '../format';
import { metricsStrings as s } from '../strings';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type MapMeasure = 'requests' | 'overdueShare';

const SCALES: Record<MapMeasure, string[]> = {
  requests: ['#e8f0fc', '#8fb3e8', '#1f5fbf'],
  overdueShare: ['#fff7e6', '#ffb35c', '#c8102e'],
};
/** Cells with nothing open have no 超期占比: below the scale, shown grey. */
const NO_VALUE = -1;
const ROW_HEIGHT = 64;
const GRID = { left: 4, right: 4, top: 4, bottom: 44 };

const cellValue = (cell: TownshipCell, measure: MapMeasure) =>
  measure === 'requests' ? cell.requests : cell.overdueShare === null ? NO_VALUE : Math.round(cell.overdueShare * 1000) / 10;

const shortName = (name: string) => name.replace(/(街道办事处|街道|镇|乡)$/, '');

/**
 * The townships on a schematic grid (no boundary data is shipped), shaded by requests or
 * by the share of open work past its limit; a click chooses the township.
 */
export function TownshipMap({ cells, measure, onSelect }: { cells: TownshipCell[]; measure: MapMeasure; onSelect: (unitId: number) => void }) {
  const rows = Math.max(...cells.map((c) => c.row)) + 1;
  const columns = Math.max(...cells.map((c) => c.column)) + 1;
  const option = useMemo(() => {
    const values = cells.map((c) => cellValue(c, measure));
    const max = Math.max(measure === 'requests' ? 1 : 10, ...values);
    const strong = max * 0.6;
    return {
      grid: GRID,
      tooltip: {
        formatter: (p: { dataIndex: number }) => {
          const c = cells[p.dataIndex]!;
          const lines = s.dashboard.mapTooltip(c.requests, c.open, c.overdue, formatShare(c.overdueShare));
          return [`<b>${echarts.format.encodeHTML(c.unit.name)}</b>`, ...lines].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: Array.from({ length: columns }, (_, i) => i), show: false },
      yAxis: { type: 'category', data: Array.from({ length: rows }, (_, i) => i), show: false, inverse: true },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        itemWidth: 12,
        text: [measure === 'requests' ? String(max) : `${max}%`, '0'],
        inRange: { color: SCALES[measure] },
        outOfRange: { color: '#f0f0f0' },
      },
      series: [
        {
          type: 'heatmap',
          data: cells.map((c, i) => ({
            value: [c.column, c.row, values[i]],
            label: { color: values[i]! > strong ? '#fff' : '#262626' },
          })),
          label: {
            show: true,
            fontSize: 12,
            lineHeight: 16,
            formatter: (p: { dataIndex: number }) => {
              const c = cells[p.dataIndex]!;
              return `${shortName(c.unit.name)}\n${measure === 'requests' ? c.requests : formatShare(c.overdueShare)}`;
            },
          },
          itemStyle: { borderColor: '#fff', borderWidth: 3, borderRadius: 4 },
          emphasis: { itemStyle: { borderColor: '#262626', borderWidth: 2 } },
          cursor: 'pointer',
        },
      ],
    };
  }, [cells, measure, rows, columns]);

  return (
    // The grid's size lets a browser test find a cell on the canvas.
    <div data-testid="township-map" data-rows={rows} data-columns={columns}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: rows * ROW_HEIGHT + GRID.top + GRID.bottom, width: '100%' }}
        onEvents={{
          click: (p: { dataIndex: number }) => {
            const cell = cells[p.dataIndex];
            if (cell) onSelect(cell.unit.unitId);
          },
        }}
      />
    </div>
  );
}
