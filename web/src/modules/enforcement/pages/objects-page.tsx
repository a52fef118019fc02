import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Grid, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { OBJECT_KIND_LABELS } from '../../../../../contracts/enforcement';
import { useLoaded } from '../../../api/use-loaded';
import { enforcementApi, type ObjectView } from '../api';
import { RegisterObjectModal } from '../components/register-object-modal';
import { RegisterSearch, useAddressFilters } from '../components/register-search';
import { registersObjects } from '../roles';
import { useStaffSession } from '../../staff/auth-context';
import { enforcementStrings as s } from '../strings';

const PAGE_SIZE = 20;
const KINDS = ['', 'enterprise', 'individual'] as const;

/** 执法对象: the county's enterprises and people, found by name, credit code or a whole ID number. */
export function ObjectsPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const session = useStaffSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [registering, setRegistering] = useState(false);
  const [filters, setFilters] = useAddressFilters(['q', 'kind', 'page'] as const);
  const { q, kind } = filters;
  const page = Math.max(1, Number(filters.page || 1) || 1);
  const { data, loading, error } = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.objects({ q: q || undefined, kind: kind || undefined, page, pageSize: PAGE_SIZE }, signal), [q, kind, page]));
  // A new search or kind starts again from the first page.
  const go = ({ page: to, ...next }: { q?: string; kind?: string; page?: number }) => setFilters({ ...next, page: to && to > 1 ? String(to) : '' });
  const c = s.objects.columns;
  const code = (o: ObjectView) => <Typography.Text code data-testid="xzzf-object-code">{o.creditCode ?? o.idNumberMasked}</Typography.Text>;
  const name = (o: ObjectView) => (
    <Space size={6} wrap>
      <Link to={`/staff/xzzf/objects/${o.id}`} data-testid="xzzf-object-name">{o.name}</Link>
      <Tag color={o.kind === 'enterprise' ? 'blue' : 'purple'}>{OBJECT_KIND_LABELS[o.kind]}</Tag>
    </Space>
  );
  const columns: TableColumnsType<ObjectView> = wide
    ? [
        { title: c.name, key: 'name', render: (_, o) => name(o) },
        { title: c.code, key: 'code', width: 220, render: (_, o) => code(o) },
        { title: c.address, dataIndex: 'address', width: 200, render: (v: string | null) => v ?? '—' },
      ]
    : [{ title: c.name, key: 'all', render: (_, o) => <div>{name(o)}<div>{code(o)}</div></div> }];
  return (
    <Card
      size="small"
      title={s.objects.title}
      data-testid="xzzf-objects-page"
      extra={registersObjects(session) ? <Button size="small" type="primary" onClick={() => setRegistering(true)} data-testid="xzzf-register">{s.objects.register}</Button> : null}
    >
      <RegisterObjectModal
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(id, existed) => {
          setRegistering(false);
          if (existed) void message.info(s.objects.exists);
          navigate(`/staff/xzzf/objects/${id}`);
        }}
      />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <RegisterSearch value={q} onSearch={(text) => go({ q: text })} placeholder={s.objects.placeholder} button={s.objects.search} testId="xzzf-objects-query" />
        <Segmented
          size="small"
          value={kind}
          onChange={(v) => go({ kind: String(v) })}
          options={KINDS.map((k) => ({ value: k, label: k ? OBJECT_KIND_LABELS[k] : s.objects.allKinds }))}
          data-testid="xzzf-objects-kind"
        />
        {error && <Alert type="error" showIcon title={error} />}
        {data && <Typography.Text type="secondary" data-testid="xzzf-objects-total">{s.objects.total(data.total)}</Typography.Text>}
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: s.objects.empty }}
          pagination={(data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data!.total, size: 'small', showSizeChanger: false, onChange: (p) => go({ page: p }) } : false}
          data-testid="xzzf-objects"
        />
      </Space>
    </Card>
  );
}
