import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../../ui/format';
import type { Dispatch } from '../api';
import { staffStrings as s } from '../strings';

const c = s.detail.dispatchColumns;

const STATUS_COLORS: Record<string, string> = { pending: 'gold', signed: 'blue', returned: 'red', replied: 'green', withdrawn: 'default' };

const columns: TableColumnsType<Dispatch> = [
  { title: c.unit, dataIndex: 'unitName', width: 180, render: (v: string | null) => v ?? '—' },
  {
    title: c.role,
    dataIndex: 'roleLabel',
    width: 90,
    render: (v: string, row) => <Tag color={row.role === 'lead' ? 'blue' : 'default'}>{v}</Tag>,
  },
  {
    title: c.status,
    dataIndex: 'statusLabel',
    width: 90,
    render: (v: string, row) => <Tag color={STATUS_COLORS[row.status] ?? 'default'}>{v}</Tag>,
  },
  { title: c.dispatchedAt, dataIndex: 'dispatchedAt', width: 140, render: (v: string) => formatDateTime(v) },
  { title: c.signedAt, dataIndex: 'signedAt', width: 140, render: (v: string | null) => formatDateTime(v) },
  { title: c.contactedAt, dataIndex: 'contactedAt', width: 140, render: (v: string | null) => formatDateTime(v) },
  {
    title: c.dueAt,
    dataIndex: 'dueAt',
    width: 160,
    render: (v: string, row) => (
      <span>
        {formatDateTime(v)}
        {row.extended && (
          <Tag color="purple" style={{ marginInlineStart: 4 }}>
            {s.detail.extended}
          </Tag>
        )}
      </span>
    ),
  },
  {
    title: c.returnReason,
    dataIndex: 'returnReason',
    width: 180,
    render: (v: string | null) => <span data-testid="dispatch-return-reason">{v ?? '—'}</span>,
  },
  {
    // An extension is not a return: its reason has a column of its own.
    title: c.extension,
    dataIndex: 'extension',
    width: 200,
    render: (v: Dispatch['extension']) =>
      v ? (
        <span data-testid="dispatch-extension">
          <Tag color={v.status === 'approved' ? 'purple' : 'gold'}>{v.status === 'approved' ? s.detail.extensionApproved : s.detail.extensionPendingTag}</Tag>
          <Typography.Text style={{ fontSize: 12 }}>{v.reason}</Typography.Text>
        </span>
      ) : (
        '—'
      ),
  },
];

export function DispatchesTable({ dispatches }: { dispatches: Dispatch[] }) {
  return (
    <Table<Dispatch>
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={dispatches}
      scroll={{ x: 1320 }}
      locale={{ emptyText: s.detail.noDispatches }}
      data-testid="dispatches-table"
    />
  );
}
