import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Space, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { useMeta } from '../../../api/meta';
import { listRequests, type ListParams, type RequestRow } from '../api';
import { RequestFilters, type FilterValues } from '../components/request-filters';
import { RequestsTable } from '../components/requests-table';
import { staffStrings as s } from '../strings';

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** 待办 and 全部诉求; every choice lives in the address so back/forward and links work. */
export function TodoPage() {
  const navigate = useNavigate();
  const { meta } = useMeta();
  const [params, setParams] = useSearchParams();
  const [rows, setRows] = useState<RequestRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const query = useMemo<ListParams>(() => {
    const view = params.get('view') === 'all' ? 'all' : 'todo';
    return {
      view,
      page: positiveInt(params.get('page'), 1),
      pageSize: Math.min(positiveInt(params.get('pageSize'), 20), 200),
      ...(view === 'all'
        ? {
            state: params.get('state') || undefined,
            q: params.get('q')?.trim() || undefined,
            townshipCode: params.get('townshipCode') || undefined,
          }
        : {}),
    };
  }, [params]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    listRequests(query, controller.signal).then(
      (result) => {
        setRows(result.items);
        setTotal(result.total);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(err));
        setRows([]);
        setTotal(0);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [query, tick]);

  const update = useCallback(
    (patch: Record<string, string | number | undefined>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      setParams(next);
    },
    [params, setParams],
  );

  const filters = useMemo<FilterValues>(() => ({ state: query.state, q: query.q, townshipCode: query.townshipCode }), [query]);

  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={query.view}
        onChange={(key) => setParams(key === 'all' ? { view: 'all' } : {})}
        tabBarExtraContent={
          <Button size="small" onClick={() => setTick((t) => t + 1)} data-testid="list-refresh">
            {s.list.refresh}
          </Button>
        }
        items={[
          { key: 'todo', label: <span data-testid="tab-todo">{s.list.todoTab}</span> },
          { key: 'all', label: <span data-testid="tab-all">{s.list.allTab}</span> },
        ]}
      />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {query.view === 'all' && (
          <RequestFilters meta={meta} value={filters} onSearch={(v) => update({ ...v, q: v.q?.trim(), page: undefined })} />
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="list-error" />}
        <RequestsTable
          rows={rows}
          total={total}
          page={query.page}
          pageSize={query.pageSize}
          loading={loading}
          onPageChange={(page, pageSize) => update({ page, pageSize: pageSize === 20 ? undefined : pageSize })}
          onOpen={(caseId) => navigate(`/staff/requests/${caseId}`)}
        />
      </Space>
    </Card>
  );
}
