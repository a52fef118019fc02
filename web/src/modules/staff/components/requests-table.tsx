import type { HTMLAttributes } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../../ui/format';
import { StateTag } from '../../citizen/components/state-tag';
import type { RequestRow } from '../api';
import { staffStrings as s } from '../strings';
import { ClockTag } from './clock-tag';

interface RequestsTableProps {
  rows: RequestRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (caseId: string) => void;
}

const c = s.list.columns;

const columns: TableColumnsType<RequestRow> = [
  {
    title: c.trackingCode,
    dataIndex: 'trackingCode',
    width: 170,
    render: (code: string, row) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        <Typography.Text style={{ fontFamily: 'Menlo, Consolas, monospace', fontSize: 12 }}>{code}</Typography.Text>
        {row.urgency === 'urgent' && (
          <Tag color="red" style={{ marginInlineStart: 4 }}>
            {s.list.urgent}
          </Tag>
        )}
      </span>
    ),
  },
  {
    title: c.title,
    dataIndex: 'title',
    ellipsis: true,
    render: (_: unknown, row) => (
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong ellipsis style={{ display: 'block' }}>
          {row.title}
        </Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
          {row.summary}
        </Typography.Text>
      </div>
    ),
  },
  { title: c.requestType, dataIndex: 'requestType', width: 64, render: (v: string | null) => v ?? '—' },
  { title: c.category, dataIndex: 'categoryName', width: 110, ellipsis: true, render: (v: string | null) => v ?? '—' },
  { title: c.township, dataIndex: 'townshipName', width: 110, ellipsis: true, render: (v: string | null) => v ?? '—' },
  { title: c.unit, dataIndex: 'unitName', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
  { title: c.state, dataIndex: 'state', width: 110, render: (_: unknown, row) => <StateTag state={row.state} label={row.stateLabel} /> },
  { title: c.receivedAt, dataIndex: 'receivedAt', width: 140, render: (v: string) => formatDateTime(v) },
  { title: c.clock, dataIndex: 'clock', width: 210, render: (_: unknown, row) => <ClockTag clock={row.clock} /> },
];

/** The dense staff list; a click anywhere on a row opens the request. */
export function RequestsTable({ rows, total, page, pageSize, loading, onPageChange, onOpen }: RequestsTableProps) {
  return (
    <Table<RequestRow>
      rowKey="caseId"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 1150 }}
      locale={{ emptyText: s.list.empty }}
      data-testid="requests-table"
      onRow={(row) =>
        ({
          onClick: () => onOpen(row.caseId),
          style: { cursor: 'pointer' },
          'data-testid': 'todo-row',
          'data-case-id': row.caseId,
          'data-tracking-code': row.trackingCode,
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => s.list.total(n),
        onChange: onPageChange,
      }}
    />
  );
}
