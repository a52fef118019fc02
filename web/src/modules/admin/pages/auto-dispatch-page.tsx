import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, InputNumber, Space, Switch, TreeSelect, Typography } from 'antd';
import { ApiError, errorMessage, isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { Forbidden } from '../components/admin-only';
import { listCategories, readAutoDispatch, saveAutoDispatch, type AdminCategory } from '../settings-api';
import { settingsStrings as t } from '../settings-strings';

interface RuleRow {
  key: number;
  categoryCode?: string;
  /** In percent on the page, 50–100. */
  percent: number;
}

type CategoryNode = { value: string; title: string; children?: CategoryNode[] };

function categoryTree(list: readonly AdminCategory[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(list.map((c) => [c.code, { value: c.code, title: `${c.code} ${c.name}` }]));
  const roots: CategoryNode[] = [];
  for (const c of list) {
    const parent = c.parentCode ? nodes.get(c.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(nodes.get(c.code)!);
    else roots.push(nodes.get(c.code)!);
  }
  return roots;
}

let nextKey = 1;

/** 自动派单: the thresholds above which a request is dispatched without a person, and automatic merging. */
export function AutoDispatchPage() {
  const { message } = App.useApp();
  const [forbidden, setForbidden] = useState<string | null>(null);
  const settings = useLoaded(
    useCallback(
      (signal: AbortSignal) =>
        readAutoDispatch(signal).catch((err: unknown) => {
          if (isApiError(err, 'FORBIDDEN') || isApiError(err, 'COUNTY_ADMIN_ONLY')) setForbidden((err as ApiError).message);
          throw err;
        }),
      [],
    ),
  );
  const categories = useLoaded(useCallback((signal: AbortSignal) => listCategories(signal), []));
  const tree = useMemo(() => categoryTree(categories.data?.categories ?? []), [categories.data]);
  const [rows, setRows] = useState<RuleRow[] | null>(null);
  const [autoMerge, setAutoMerge] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setRows(settings.data.rules.map((r) => ({ key: nextKey++, categoryCode: r.categoryCode, percent: Math.round(r.threshold * 100) })));
    setAutoMerge(settings.data.autoMerge);
  }, [settings.data]);

  if (forbidden) return <Forbidden message={forbidden} />;
  const update = (key: number, change: Partial<RuleRow>) => setRows((list) => (list ?? []).map((r) => (r.key === key ? { ...r, ...change } : r)));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await saveAutoDispatch({
        autoMerge,
        rules: (rows ?? []).filter((r) => r.categoryCode).map((r) => ({ categoryCode: r.categoryCode!, threshold: r.percent / 100 })),
      });
      setRows(saved.rules.map((r) => ({ key: nextKey++, categoryCode: r.categoryCode, percent: Math.round(r.threshold * 100) })));
      setAutoMerge(saved.autoMerge);
      void message.success(t.autoDispatch.saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t.autoDispatch.title} data-testid="auto-dispatch-page">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t.autoDispatch.intro} description={t.common.logged} />
        {(settings.error || categories.error) && <Alert type="error" showIcon title={settings.error ?? categories.error} />}
        {error && <Alert type="error" showIcon title={error} data-testid="auto-dispatch-error" />}
        <Space align="start">
          <Switch checked={autoMerge} onChange={setAutoMerge} data-testid="auto-merge-switch" />
          <div>
            <Typography.Text strong>{t.autoDispatch.autoMerge}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.autoDispatch.autoMergeHint}
              </Typography.Text>
            </div>
          </div>
        </Space>
        {rows && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.autoDispatch.empty} />}
        {(rows ?? []).map((row) => (
          <div key={row.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }} data-testid="auto-rule">
            <TreeSelect<string>
              value={row.categoryCode}
              onChange={(categoryCode) => update(row.key, { categoryCode })}
              treeData={tree}
              showSearch
              treeNodeFilterProp="title"
              placeholder={t.autoDispatch.category}
              popupMatchSelectWidth={false}
              listHeight={320}
              style={{ flex: '1 1 240px', minWidth: 0 }}
              data-testid="auto-rule-category"
            />
            <InputNumber<number>
              min={50}
              max={100}
              step={5}
              value={row.percent}
              onChange={(percent) => update(row.key, { percent: percent ?? 80 })}
              suffix="%"
              style={{ width: 120 }}
              aria-label={t.autoDispatch.threshold}
              data-testid="auto-rule-threshold"
            />
            <Button type="link" danger onClick={() => setRows((list) => (list ?? []).filter((r) => r.key !== row.key))} data-testid="auto-rule-remove">
              {t.autoDispatch.remove}
            </Button>
          </div>
        ))}
        <Space wrap>
          <Button disabled={!rows} onClick={() => setRows((list) => [...(list ?? []), { key: nextKey++, percent: 80 }])} data-testid="auto-rule-add">
            {t.autoDispatch.add}
          </Button>
          <Button type="primary" loading={saving} disabled={!rows} onClick={() => void save()} data-testid="auto-dispatch-save">
            {t.common.save}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
