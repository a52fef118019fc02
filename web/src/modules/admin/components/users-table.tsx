import type { HTMLAttributes } from 'react';
import { Button, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ManagedUser } from '../api';
import { settingsStrings as t } from '../settings-strings';
import { adminStrings as s } from '../strings';
import { UserStatusTags } from './user-status';

export type UserAction = 'edit' | 'grants' | 'reset' | 'lock' | 'unlock' | 'disable' | 'enable';

/** What the server lets this administrator do to this account now (users.plugin.ts, manage-users.ts). */
export function actionsFor(user: ManagedUser, selfId: number): UserAction[] {
  // The server does not let administrators manage their own account here (CANNOT_MANAGE_SELF):
  // one's own password is changed under one's name, with the current one.
  if (user.id === selfId) return [];
  return ['edit', 'grants', 'reset', user.lockedUntil ? ('unlock' as const) : ('lock' as const), user.disabled ? ('enable' as const) : ('disable' as const)];
}

interface UsersTableProps {
  users: ManagedUser[];
  loading: boolean;
  selfId: number;
  onAction: (action: UserAction, user: ManagedUser) => void;
}

export function UsersTable({ users, loading, selfId, onAction }: UsersTableProps) {
  // On a phone the role and unit move under the name instead of taking two columns.
  const wide = Grid.useBreakpoint().md !== false;
  const columns: TableColumnsType<ManagedUser> = [
    {
      title: s.users.columns.user,
      key: 'user',
      render: (_, u) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{u.displayName}</Typography.Text>
          {u.id === selfId && (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {s.users.self}
            </Tag>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontFamily: 'Menlo, Consolas, monospace', fontSize: 12 }} data-testid="user-username">
              {u.username}
            </Typography.Text>
          </div>
          {!wide && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.roleLabel} · {u.unitName}
            </Typography.Text>
          )}
        </div>
      ),
    },
    ...(wide
      ? ([
          { title: s.users.columns.role, dataIndex: 'roleLabel', width: 150 },
          { title: s.users.columns.unit, dataIndex: 'unitName', ellipsis: true },
        ] as TableColumnsType<ManagedUser>)
      : []),
    { title: s.users.columns.status, key: 'status', width: wide ? 200 : 104, render: (_, u) => <UserStatusTags user={u} /> },
    {
      title: s.users.columns.actions,
      key: 'actions',
      width: wide ? 300 : 84,
      render: (_, u) => (
        <Space size={[4, 0]} wrap orientation={wide ? 'horizontal' : 'vertical'}>
          {actionsFor(u, selfId).map((action) => (
            <Button
              key={action}
              type="link"
              size="small"
              danger={action === 'disable' || action === 'lock'}
              style={{ paddingInline: 0 }}
              onClick={() => onAction(action, u)}
              data-testid={`user-${action}`}
            >
              {action === 'grants' ? t.users.grants : action === 'lock' ? t.users.lock : s.users.actions[action]}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<ManagedUser>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={users}
      tableLayout="fixed"
      locale={{ emptyText: s.users.empty }}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => s.users.total(n), size: 'small' }}
      onRow={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username }) as HTMLAttributes<HTMLElement>}
      data-testid="users-table"
    />
  );
}
