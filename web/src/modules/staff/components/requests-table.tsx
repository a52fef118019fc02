import type { HTMLAttributes, MouseEvent } from 'react';
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
  /** Rows chosen for a batch action; only rows offering one can be chosen. */
  selected: RequestRow[];
  onSelect: (rows: RequestRow[]) => void;
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
    width: 280,
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
  { title: c.requestType, dataIndex: 'requestType', width: 72, render: (v: string | null) => v ?? '—' },
  { title: c.category, dataIndex: 'categoryName', width: 110, ellipsis: true, render: (v: string | null) => v ?? '—' },
  { title: c.township, dataIndex: 'townshipName', width: 110, ellipsis: true, render: (v: string | null) => v ?? '—' },
  { title: c.unit, dataIndex: 'unitName', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
  { title: c.state, dataIndex: 'state', width: 110, render: (_: unknown, row) => <StateTag state={row.state} label={row.stateLabel} /> },
  { title: c.receivedAt, dataIndex: 'receivedAt', width: 140, render: (v: string) => formatDateTime(v) },
  { title: c.clock, dataIndex: 'clock', width: 210, render: (_: unknown, row) => <ClockTag clock={row.clock} /> },
];

/** The dense staff list; a click anywhere on a row opens the request. */
export function RequestsTable({ rows, total, page, pageSize, loading, selected, onSelect, onPageChange, onOpen }: RequestsTableProps) {
  const selectable = rows.some((r) => r.batchActions.length > 0);
  return (
    <Table<RequestRow>
      rowKey="caseId"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rows}
      // Every column keeps its width and the table scrolls sideways: on a phone no header folds to a character a line.
      scroll={{ x: 'max-content' }}
      tableLayout="fixed"
      rowSelection={
        selectable
          ? {
              selectedRowKeys: selected.map((r) => r.caseId),
              onChange: (_keys, chosen) => onSelect(chosen),
              getCheckboxProps: (row) => ({ disabled: row.batchActions.length === 0, 'data-testid': 'row-select' }) as object,
              columnWidth: 40,
            }
          : undefined
      }
      locale={{ emptyText: s.list.empty }}
      data-testid="requests-table"
      onRow={(row) =>
        ({
          // A click on the row opens it; one on its checkbox only chooses it.
          onClick: (event: MouseEvent) => {
            if (!(event.target as HTMLElement).closest('.ant-table-selection-column')) onOpen(row.caseId);
          },
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
