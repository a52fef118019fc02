import { useMemo } from 'react';
import { Grid, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FIGURE_KEYS, type FigureKey, type FigureValue } from '../../../../../contracts/metrics';
import type { RankingRow } from '../../../../../contracts/statistics';
import { formatFraction, formatRate, formatScore } from '../format';
import { metricsStrings as s } from '../strings';

// Rows without a value sort after every real value, in either direction of the sort.
function nullsLast(value: (row: RankingRow) => number | null) {
  return (a: RankingRow, b: RankingRow, order?: 'ascend' | 'descend' | null) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return 0;
    if (va === null) return order === 'descend' ? -1 : 1;
    if (vb === null) return order === 'descend' ? 1 : -1;
    return va - vb;
  };
}

const KIND_COLORS: Record<string, string> = { department: 'blue', township: 'green', government: 'purple', community: 'cyan', grid: 'geekblue' };

function UnitKindTag({ kind }: { kind: string }) {
  const label = (s.unitKinds as Record<string, string>)[kind] ?? kind;
  return (
    <Tag color={KIND_COLORS[kind] ?? 'default'} style={{ marginInlineEnd: 6 }} data-testid="unit-kind">
      {label}
    </Tag>
  );
}

// On a phone the fixed unit column would fill the screen: it scrolls with the figures there.
const columnsFor = (narrow: boolean): TableColumnsType<RankingRow> => [

  {
    title: s.columns.rank,
    dataIndex: 'rank',
    width: 64,
    align: 'center',
    fixed: narrow ? undefined : 'left',
    defaultSortOrder: 'ascend',
    sorter: nullsLast((r) => r.rank),
    render: (v: number | null) => v ?? s.none,
  },
  {
    title: s.columns.unit,
    key: 'unit',
    width: narrow ? 170 : 250,
    fixed: narrow ? undefined : 'left',
    render: (_, row) => (
      <span data-testid="ranking-unit" data-unit-id={row.unit.unitId}>
        <UnitKindTag kind={row.unit.kind} />
        {row.unit.name}
      </span>
    ),
  },
  {
    title: s.columns.compositeScore,
    dataIndex: 'compositeScore',
    width: 96,
    align: 'right',
    sorter: nullsLast((r) => r.compositeScore),
    render: (v: number | null) => <span data-testid="metric-compositeScore">{formatScore(v)}</span>,
  },
  {
    title: s.columns.volume,
    dataIndex: 'volume',
    width: 80,
    align: 'right',
    sorter: (a, b) => a.volume - b.volume,
  },
  ...FIGURE_KEYS.map((key: FigureKey) => ({
    title: s.figures[key],
    key,
    width: 112,
    align: 'right' as const,
    sorter: nullsLast((r) => r.figures[key].value),
    render: (_: unknown, row: RankingRow) => <FigureCell figure={row.figures[key]} testId={`metric-${key}`} unitId={row.unit.unitId} />,
  })),
];

function FigureCell({ figure, testId, unitId }: { figure: FigureValue | undefined; testId: string; unitId: number }) {
  return (
    <div data-testid={testId} data-unit-id={unitId}>
      <div style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRate(figure)}</div>
      {figure && (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
          {formatFraction(figure)}
        </Typography.Text>
      )}
    </div>
  );
}

function TotalRow({ total }: { total: RankingRow }) {
  return (
    <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }} data-testid="metrics-total">
      <Table.Summary.Cell index={0} align="center">
        {s.columns.total}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={1}>{total.unit.name}</Table.Summary.Cell>
      <Table.Summary.Cell index={2} align="right">
        {formatScore(total.compositeScore)}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={3} align="right">
        {total.volume}
      </Table.Summary.Cell>
      {FIGURE_KEYS.map((key, i) => (
        <Table.Summary.Cell key={key} index={i + 4} align="right">
          <FigureCell figure={total.figures[key]} testId={`metric-total-${key}`} unitId={total.unit.unitId} />
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}

/** Departments and townships side by side, with the chosen unit as a whole (合计) below. */
export function MetricsTable({ rows, total, loading, maxHeight }: { rows: RankingRow[]; total?: RankingRow; loading: boolean; maxHeight?: number }) {
  const narrow = !Grid.useBreakpoint().md;
  const columns = useMemo(() => columnsFor(narrow), [narrow]);
  return (
    <Table<RankingRow>
      rowKey={(r) => r.unit.unitId}
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1520, y: maxHeight }}
      locale={{ emptyText: s.empty }}
      showSorterTooltip={false}
      summary={() =>
        total && rows.length ? (
          <Table.Summary fixed={maxHeight ? 'bottom' : undefined}>
            <TotalRow total={total} />
          </Table.Summary>
        ) : null
      }
      data-testid="metrics-table"
    />
  );
}
