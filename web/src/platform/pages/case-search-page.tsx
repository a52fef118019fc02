import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Skeleton, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useLoaded } from '../../api/use-loaded';
import { caseApi, type CaseQuery } from '../api';
import { CaseFilters, filterParamNames, type FilterParams } from '../components/case-filters';
import { CaseTable } from '../components/case-table';
import { downloadFile } from '../export-download';
import { platformStrings as s } from '../strings';
import { useCaseType } from '../use-case-type';
import type { CaseTypePages } from '../web-module';

function positiveInt(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/** 案件查询: the type's search with its declared filters, paged and sorted by the server; every choice lives in the address. */
export function CaseSearchPage({ pages, title }: { pages: CaseTypePages; title: string }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const type = useCaseType(pages.caseType);
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState(false);

  const names = useMemo(() => (type.data ? filterParamNames(type.data) : []), [type.data]);
  const filters = useMemo<FilterParams>(() => Object.fromEntries(names.map((n) => [n, params.get(n) ?? undefined])), [names, params]);
  const page = positiveInt(params.get('page'), 1, 1_000_000);
  const pageSize = positiveInt(params.get('pageSize'), 20, 100);
  const sort = params.get('sort') ?? undefined;
  const query = useMemo<CaseQuery>(() => ({ caseType: pages.caseType, ...filters, sort, page, pageSize }), [pages.caseType, filters, sort, page, pageSize]);
  const load = useCallback((signal: AbortSignal) => caseApi.search(query, signal), [query]);
  const result = useLoaded(type.data ? load : null);

  const update = (patch: Record<string, string | number | undefined>, keepOthers = true) => {
    const next = keepOthers ? new URLSearchParams(params) : new URLSearchParams();
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next);
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadFile(caseApi.exportUrl(query), `${type.data?.label ?? ''}.xlsx`);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  if (type.error) return <Alert type="error" showIcon title={type.error} data-testid="case-search-error" />;
  if (!type.data) return <Card size="small"><Skeleton active /></Card>;
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Button size="small" loading={exporting} onClick={() => void exportExcel()} data-testid="case-export">
          {s.search.export}
        </Button>
      }
      data-testid="case-search"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <CaseFilters
          type={type.data}
          value={filters}
          onSearch={(v) => update({ ...Object.fromEntries(names.map((n) => [n, v[n]])), sort, page: undefined, pageSize: pageSize === 20 ? undefined : pageSize }, false)}
        />
        {result.error && <Alert type="error" showIcon title={result.error} data-testid="case-list-error" />}
        <CaseTable
          type={type.data}
          rows={result.data?.items ?? []}
          loading={result.loading}
          onOpen={(caseId) => navigate(`${pages.base}/cases/${caseId}`)}
          paging={{ page, pageSize, total: result.data?.total ?? 0, onChange: (p, size) => update({ page: p === 1 ? undefined : p, pageSize: size === 20 ? undefined : size }) }}
          sort={{ value: sort, onChange: (next) => update({ sort: next, page: undefined }) }}
          testId="case-search-table"
        />
      </Space>
    </Card>
  );
}
