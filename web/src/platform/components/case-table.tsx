import { Grid, Table, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { formatDateTime } from '../../ui/format';
import type { CaseItem, CaseTypeInfo } from '../api';
import { platformStrings as s } from '../strings';
import { CaseClockTag, CaseStateTag } from './case-clock-tag';

interface CaseTableProps {
  type: CaseTypeInfo;
  rows: CaseItem[];
  loading: boolean;
  onOpen: (caseId: string) => void;
  /** Paging and sorting by the server; a to-do list shows every row it has. */
  paging?: { page: number; pageSize: number; total: number; onChange: (page: number, pageSize: number) => void };
  sort?: { value: string | undefined; onChange: (sort: string | undefined) => void };
  testId: string;
}

/** Rows of one case type with the listing's columns, state and clock; a phone gets the title, state and clock only. */
export function CaseTable({ type, rows, loading, onOpen, paging, sort, testId }: CaseTableProps) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const listing = type.listing;
  const sortOrder = (key: string) => {
    if (!sort?.value) return null;
    if (sort.value === key) return 'ascend' as const;
    if (sort.value === `-${key}`) return 'descend' as const;
    return null;
  };
  const sortable = (key: string) => (sort ? { sorter: true, sortOrder: sortOrder(key), showSorterTooltip: false } : {});
  const listed = (listing?.columns ?? []).filter((c) => !narrow || c.key === listing?.title || c.key === listing?.code);
  const columns: ColumnsType<CaseItem> = [
    ...listed.map((c) => ({
      key: c.key,
      title: c.label,
      ...sortable(c.key),
      render: (_: unknown, row: CaseItem) =>
        c.key === listing?.title ? <Typography.Text strong>{row.texts[c.key] ?? '—'}</Typography.Text> : (row.texts[c.key] ?? '—'),
    })),
    ...(listing
      ? []
      : [
          { key: 'typeLabel', title: s.list.typeLabel, render: (_: unknown, row: CaseItem) => row.typeLabel },
          { key: 'created', title: s.list.created, ...sortable('created'), render: (_: unknown, row: CaseItem) => formatDateTime(row.createdAt) },
        ]),
    { key: 'state', title: s.list.state, render: (_: unknown, row: CaseItem) => <CaseStateTag label={row.stateLabel} /> },
    ...(narrow ? [] : [{ key: 'organ', title: s.list.organ, render: (_: unknown, row: CaseItem) => row.organName ?? '—' }]),
    { key: 'due', title: s.list.clock, ...sortable('due'), render: (_: unknown, row: CaseItem) => <CaseClockTag clock={row.clock} /> },
  ];
  return (
    <Table<CaseItem>
      rowKey="caseId"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: s.list.empty }}
      data-testid={testId}
      onRow={(row) => ({
        onClick: () => onOpen(row.caseId),
        style: { cursor: 'pointer' },
        'data-testid': 'case-row',
        'data-case-id': row.caseId,
        'data-code': row.code ?? '',
      }) as React.HTMLAttributes<HTMLElement>}
      onChange={(_, __, sorter) => {
        if (!sort) return;
        const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CaseItem> | undefined;
        const key = one?.columnKey ? String(one.columnKey) : undefined;
        sort.onChange(key && one?.order ? `${one.order === 'descend' ? '-' : ''}${key}` : undefined);
      }}
      pagination={
        paging
          ? {
              current: paging.page,
              pageSize: paging.pageSize,
              total: paging.total,
              showSizeChanger: !narrow,
              showTotal: (n) => s.list.total(n),
              onChange: paging.onChange,
              size: 'small',
            }
          : false
      }
    />
  );
}
