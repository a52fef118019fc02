import { Table, Typography } from 'antd';
import type { Figure } from '../api';
import type { TableColumnsType } from 'antd';
import { FIGURE_KEYS, type FigureKey, type MetricsRow } from '../api';
import { formatCount, formatRate } from '../format';
import { metricsStrings as s } from '../strings';

// Rows without a value sort after every real value, in either direction of the sort.
function byFigure(key: FigureKey) {
  return (a: MetricsRow, b: MetricsRow, order?: 'ascend' | 'descend' | null) => {
    const va = a.figures[key]?.value ?? null;
    const vb = b.figures[key]?.value ?? null;
    if (va === null && vb === null) return 0;
    if (va === null) return order === 'descend' ? -1 : 1;
    if (vb === null) return order === 'descend' ? 1 : -1;
    return va - vb;
  };
}

const columns: TableColumnsType<MetricsRow> = [
  {
    title: s.columns.rank,
    dataIndex: 'rank',
    width: 70,
    align: 'center',
    defaultSortOrder: 'ascend',
    sorter: (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
    render: (v: number | null) => v ?? s.none,
  },
  { title: s.columns.unit, dataIndex: 'unitName', width: 200, fixed: 'left' },
  ...FIGURE_KEYS.map((key) => ({
    title: s.figures[key],
    key,
    width: 120,
    align: 'right' as const,
    sorter: byFigure(key),
    render: (_: unknown, row: MetricsRow) => <FigureCell figure={row.figures[key]} testId={`metric-${key}`} unitId={row.unitId} />,
  })),
];

function FigureCell({ figure, testId, unitId }: { figure: Figure | undefined; testId: string; unitId: number }) {
  return (
    <div data-testid={testId} data-unit-id={unitId}>
      <div style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRate(figure)}</div>
      {figure && (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
          {formatCount(figure.numerator)}/{formatCount(figure.denominator)}
        </Typography.Text>
      )}
    </div>
  );
}

function TotalRow({ total }: { total: MetricsRow }) {
  return (
    <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }} data-testid="metrics-total">
      <Table.Summary.Cell index={0} align="center">
        {s.columns.total}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={1}>{total.unitName}</Table.Summary.Cell>
      {FIGURE_KEYS.map((key, i) => (
        <Table.Summary.Cell key={key} index={i + 2} align="right">
          <FigureCell figure={total.figures[key]} testId={`metric-total-${key}`} unitId={total.unitId} />
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}

export function MetricsTable({ rows, total, loading }: { rows: MetricsRow[]; total?: MetricsRow; loading: boolean }) {
  return (
    <Table<MetricsRow>
      rowKey="unitId"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: s.empty }}
      showSorterTooltip={false}
      summary={() => (total && rows.length ? <TotalRow total={total} /> : null)}
      data-testid="metrics-table"
    />
  );
}
