import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../../ui/format';
import type { Evaluation } from '../api';
import { staffStrings as s } from '../strings';

const d = s.detail;
const c = d.evaluationColumns;
const SATISFACTION_COLORS: Record<string, string> = { satisfied: 'green', basically_satisfied: 'blue', dissatisfied: 'red' };

const columns: TableColumnsType<Evaluation> = [
  { title: c.source, dataIndex: 'source', width: 100, render: (v: string) => d.evaluationSource[v] ?? v },
  { title: c.at, dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
  {
    title: c.resolved,
    dataIndex: 'resolved',
    width: 90,
    render: (v: boolean) => <Tag color={v ? 'green' : 'orange'}>{v ? d.resolved : d.unresolved}</Tag>,
  },
  {
    title: c.satisfaction,
    dataIndex: 'satisfactionLabel',
    width: 100,
    render: (v: string, row) => <Tag color={SATISFACTION_COLORS[row.satisfaction] ?? 'default'}>{v}</Tag>,
  },
  { title: c.comment, dataIndex: 'comment', width: 260, render: (v: string | null) => v ?? '—' },
  {
    title: c.rectification,
    dataIndex: 'rectificationDueAt',
    width: 200,
    render: (v: string | null, row) =>
      v ? (
        <span>
          {formatDateTime(v)}
          {row.rectifiedAt && (
            <Tag color="green" style={{ marginInlineStart: 4 }}>
              {d.rectified}
            </Tag>
          )}
        </span>
      ) : (
        '—'
      ),
  },
];

export function EvaluationsTable({ evaluations }: { evaluations: Evaluation[] }) {
  return (
    <Table<Evaluation>
      rowKey={(e) => `${e.source}-${e.at}`}
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={evaluations}
      // Fixed widths and a sideways scroll: on a phone no header folds to a character a line.
      scroll={{ x: 'max-content' }}
      tableLayout="fixed"
      locale={{ emptyText: d.noEvaluations }}
      data-testid="evaluations-table"
    />
  );
}
