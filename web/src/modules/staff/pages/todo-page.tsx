import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Space, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { useMeta } from '../../../api/meta';
import { listRequests, type ListParams, type RequestFilters, type RequestRow } from '../api';
import { BatchBar } from '../components/batch-bar';
import { RequestFilterForm, type FilterValues } from '../components/request-filters';
import { RequestsTable } from '../components/requests-table';
import { SavedViews } from '../components/saved-views';
import { staffStrings as s } from '../strings';

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const CLOCKS = new Set(['green', 'yellow', 'red']);
const TEXT_FILTERS = ['state', 'q', 'townshipCode', 'categoryCode', 'channel', 'receivedFrom', 'receivedTo'] as const;

/** The filters written in the address, so back/forward, links and saved views all work. */
function filtersOf(params: URLSearchParams): FilterValues {
  const filters: FilterValues = {};
  for (const key of TEXT_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const unitId = positiveInt(params.get('unitId'), 0);
  if (unitId) filters.unitId = unitId;
  const clock = params.get('clock');
  if (clock && CLOCKS.has(clock)) filters.clock = clock as FilterValues['clock'];
  return filters;
}

/** 待办 and 全部诉求, with filters, saved views and batch actions. */
export function TodoPage() {
  const navigate = useNavigate();
  const { meta } = useMeta();
  const [params, setParams] = useSearchParams();
  const [rows, setRows] = useState<RequestRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [selected, setSelected] = useState<RequestRow[]>([]);
  const [filtersOpen, setFiltersOpen] = useState(false);

  const view = params.get('view') === 'all' ? 'all' : 'todo';
  const filters = useMemo(() => filtersOf(params), [params]);
  const query = useMemo<ListParams>(
    () => ({ view, page: positiveInt(params.get('page'), 1), pageSize: Math.min(positiveInt(params.get('pageSize'), 20), 200), ...filters }),
    [params, view, filters],
  );
  const active = Object.keys(filters).length;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    setSelected([]);
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

  // A search replaces every filter at once; the tab and the page size stay.
  const search = (values: FilterValues) => {
    const next = new URLSearchParams();
    if (view === 'all') next.set('view', 'all');
    if (params.get('pageSize')) next.set('pageSize', params.get('pageSize')!);
    for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') next.set(key, String(value));
    setParams(next);
  };
  const apply = (saved: RequestFilters) => {
    const { view: savedView, ...rest } = saved;
    const next = new URLSearchParams();
    if (savedView === 'all') next.set('view', 'all');
    for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== '') next.set(key, String(value));
    setParams(next);
  };

  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={view}
        onChange={(key) => update({ view: key === 'all' ? 'all' : undefined, page: undefined })}
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
        <Space wrap>
          <Button onClick={() => setFiltersOpen(!filtersOpen)} type={filtersOpen ? 'primary' : 'default'} data-testid="filters-toggle">
            <Badge count={active} size="small" offset={[8, -2]} color="#1f5fbf">
              <span style={{ color: 'inherit' }}>{s.filters.toggle}</span>
            </Badge>
          </Button>
          <SavedViews current={{ view, ...filters }} onApply={apply} />
        </Space>
        {filtersOpen && <RequestFilterForm meta={meta} value={filters} onSearch={search} />}
        {error && <Alert type="error" showIcon title={error} data-testid="list-error" />}
        <BatchBar selected={selected} onFinished={() => setTick((t) => t + 1)} />
        <RequestsTable
          rows={rows}
          total={total}
          page={query.page}
          pageSize={query.pageSize}
          loading={loading}
          selected={selected}
          onSelect={setSelected}
          onPageChange={(page, pageSize) => update({ page, pageSize: pageSize === 20 ? undefined : pageSize })}
          onOpen={(caseId) => navigate(`/staff/requests/${caseId}`)}
        />
      </Space>
    </Card>
  );
}
