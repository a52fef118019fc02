import { useCallback, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Card, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { useUnits } from '../../../api/units';
import { chinaWallClockToIso, formatDateTimeSeconds } from '../../../ui/format';
import { listSecurityEvents, listUsers, type SecurityEvent, type SecurityEventQuery } from '../api';
import { Forbidden } from '../components/admin-only';
import { SecurityFilters, type SecurityFilterValues } from '../components/security-filters';
import { describe } from '../security-details';
import { adminStrings as s } from '../strings';

const RED = new Set(['login_failed', 'login_refused', 'account_locked', 'client_locked', 'user_locked', 'user_disabled', 'audit_checkpoint_missing']);
const GREEN = new Set(['login_succeeded', 'account_unlocked', 'user_enabled']);

/** 安全日志: sign-ins, failures, locks and every administrative change, newest first. */
export function SecurityLogPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const [filters, setFilters] = useState<SecurityFilterValues>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { units } = useUnits();
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  // Who acted, by name: the accounts of the scope are the ones an administrator here can read.
  const people = useLoaded(useCallback((signal: AbortSignal) => listUsers(signal), []));
  const accounts = useMemo(() => new Map((people.data ?? []).map((u) => [u.id, u])), [people.data]);

  const query = useMemo<SecurityEventQuery>(
    () => ({
      ...page,
      ...(filters.range ? { from: chinaWallClockToIso(filters.range[0].second(0)), to: chinaWallClockToIso(filters.range[1].second(59)) } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.username?.trim() ? { username: filters.username.trim() } : {}),
    }),
    [filters, page],
  );
  const [forbidden, setForbidden] = useState<string | null>(null);
  const { data, loading, error } = useLoaded(
    useCallback(
      (signal: AbortSignal) =>
        listSecurityEvents(query, signal).catch((err: unknown) => {
          // The role was taken away since the menu was drawn.
          if (isApiError(err, 'FORBIDDEN')) setForbidden(err.message);
          throw err;
        }),
      [query],
    ),
  );

  if (forbidden) return <Forbidden message={forbidden} />;

  const kindTag = (e: SecurityEvent) => (
    <Tag color={RED.has(e.kind) ? 'red' : GREEN.has(e.kind) ? 'green' : 'blue'} data-testid="security-kind-label" data-kind={e.kind}>
      {e.kindLabel}
    </Tag>
  );
  const details = (e: SecurityEvent) => (
    <div data-testid="security-details">
      {describe(e.details, { unit: (id) => unitNames.get(id) }).map((line) => (
        <div key={line} style={{ fontSize: 12 }}>
          {line}
        </div>
      ))}
    </div>
  );
  /** Someone else acting on the account is named; the person acting on their own is 本人. */
  const actor = (e: SecurityEvent) => {
    if (e.actorUserId === null) return null;
    const who = accounts.get(e.actorUserId);
    if (who && who.username === e.username) return s.security.self;
    return who ? `${who.displayName}（${who.username}）` : `#${e.actorUserId}`;
  };
  const c = s.security.columns;

  // On a phone two columns hold it all: when and what, then whose and how.
  const columns: TableColumnsType<SecurityEvent> = wide
    ? [
        { title: c.at, dataIndex: 'at', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
        { title: c.kind, key: 'kind', width: 120, render: (_, e) => kindTag(e) },
        { title: c.username, dataIndex: 'username', width: 130, render: (v: string | null) => v ?? '—' },
        { title: c.actor, key: 'actor', width: 170, render: (_, e) => actor(e) ?? '—' },
        { title: c.client, dataIndex: 'client', width: 130, render: (v: string | null) => v ?? '—' },
        { title: c.details, key: 'details', render: (_, e) => details(e) },
      ]
    : [
        {
          title: `${c.at} / ${c.kind}`,
          key: 'when',
          width: 112,
          render: (_, e) => (
            <>
              <div style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatDateTimeSeconds(e.at).slice(5)}</div>
              {kindTag(e)}
            </>
          ),
        },
        {
          title: `${c.username} / ${c.details}`,
          key: 'who',
          render: (_, e) => (
            <>
              <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                {e.username ?? '—'}
              </Typography.Text>
              {actor(e) !== null && actor(e) !== s.security.self && (
                <div style={{ fontSize: 12 }}>
                  {c.actor}：{actor(e)}
                </div>
              )}
              {details(e)}
            </>
          ),
        },
      ];

  return (
    <Card size="small" title={s.security.title} data-testid="security-log-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <SecurityFilters
          value={filters}
          onSearch={(v) => {
            setFilters(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        {error && <Alert type="error" showIcon title={error} data-testid="security-error" />}
        <Table<SecurityEvent>
          rowKey="seq"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={wide ? { x: 960 } : undefined}
          tableLayout="fixed"
          locale={{ emptyText: s.security.empty }}
          onRow={(e) => ({ 'data-testid': 'security-row', 'data-kind': e.kind, 'data-username': e.username ?? '' }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: wide,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => s.security.total(n),
            size: wide ? undefined : 'small',
            onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
          }}
          data-testid="security-table"
        />
      </Space>
    </Card>
  );
}
