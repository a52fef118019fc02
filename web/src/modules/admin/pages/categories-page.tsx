import { useCallback, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Form, Grid, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApiError, errorMessage, isApiError } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useUnits } from '../../../api/units';
import { useLoaded } from '../../../api/use-loaded';
import { Forbidden } from '../components/admin-only';
import { createCategory, listCategories, updateCategory, type AdminCategory, type ClockRuleChoice } from '../settings-api';
import { settingsStrings as t } from '../settings-strings';

type Row = AdminCategory & { children?: Row[] };

/** The three levels as nested rows; with a search, the matches and the levels above them. */
function categoryRows(list: readonly AdminCategory[], search: string): Row[] {
  const q = search.trim();
  const byCode = new Map(list.map((c) => [c.code, c]));
  let keep: Set<string> | null = null;
  if (q) {
    keep = new Set<string>();
    for (const c of list) {
      if (!c.name.includes(q) && !c.code.startsWith(q)) continue;
      for (let at: AdminCategory | undefined = c; at; at = at.parentCode ? byCode.get(at.parentCode) : undefined) keep.add(at.code);
    }
  }
  const rows = new Map<string, Row>();
  for (const c of list) if (!keep || keep.has(c.code)) rows.set(c.code, { ...c });
  const roots: Row[] = [];
  for (const row of rows.values()) {
    const parent = row.parentCode ? rows.get(row.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

type Editing = { kind: 'edit'; category: AdminCategory } | { kind: 'add'; parent: AdminCategory };

/** 诉求类别: each category's name, the department that usually owns it (or 属地), and its clock. */
export function CategoriesPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const { data, loading, error } = useLoaded(
    useCallback(
      (signal: AbortSignal) =>
        listCategories(signal).catch((err: unknown) => {
          if (isApiError(err, 'FORBIDDEN') || isApiError(err, 'COUNTY_ADMIN_ONLY')) setForbidden((err as ApiError).message);
          throw err;
        }),
      [tick],
    ),
  );
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const rows = useMemo(() => categoryRows(data?.categories ?? [], search), [data, search]);
  const rules = useMemo(() => new Map((data?.clockRules ?? []).map((r) => [r.id, r.label])), [data]);

  if (forbidden) return <Forbidden message={forbidden} />;

  const owner = (c: AdminCategory) => (c.level < 3 && !c.defaultUnitId ? t.common.none : c.defaultUnitName ?? <Tag color="blue">{t.categories.local}</Tag>);
  const clock = (c: AdminCategory) => (c.clockRule ? (rules.get(c.clockRule) ?? c.clockRule) : c.level === 3 ? t.categories.generalRule : t.common.none);
  const actions = (c: AdminCategory) => (
    <Space size={[4, 0]} wrap orientation={wide ? 'horizontal' : 'vertical'}>
      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setEditing({ kind: 'edit', category: c })} data-testid="category-edit">
        {t.categories.edit}
      </Button>
      {c.level < 3 && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setEditing({ kind: 'add', parent: c })} data-testid="category-add">
          {t.categories.addChild}
        </Button>
      )}
    </Space>
  );
  const c = t.categories.columns;
  const columns: TableColumnsType<Row> = wide
    ? [
        { title: c.code, dataIndex: 'code', width: 150 },
        { title: c.name, dataIndex: 'name' },
        { title: c.owner, key: 'owner', width: 220, render: (_, r) => owner(r) },
        { title: c.clock, key: 'clock', width: 260, render: (_, r) => <Typography.Text style={{ fontSize: 12 }}>{clock(r)}</Typography.Text> },
        { title: c.actions, key: 'actions', width: 170, render: (_, r) => actions(r) },
      ]
    : [
        {
          title: c.name,
          key: 'name',
          render: (_, r) => (
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{r.name}</Typography.Text> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text>
              {r.level === 3 && (
                <div style={{ fontSize: 12 }}>
                  {owner(r)} · {clock(r)}
                </div>
              )}
            </div>
          ),
        },
        { title: c.actions, key: 'actions', width: 108, render: (_, r) => actions(r) },
      ];

  return (
    <Card size="small" title={t.categories.title} data-testid="categories-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t.categories.effect} description={t.common.logged} />
        {error && <Alert type="error" showIcon title={error} />}
        <Input.Search allowClear placeholder={t.categories.search} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 280, maxWidth: '100%' }} data-testid="categories-search" />
        <Table<Row>
          rowKey="code"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={rows}
          tableLayout="fixed"
          expandable={search.trim() ? { expandedRowKeys: data?.categories.map((x) => x.code) } : undefined}
          pagination={{ pageSize: 15, showSizeChanger: false, size: 'small' }}
          onRow={(r) => ({ 'data-testid': 'category-row', 'data-code': r.code }) as HTMLAttributes<HTMLElement>}
          data-testid="categories-table"
        />
      </Space>
      <CategoryModal
        editing={editing}
        clockRules={data?.clockRules ?? []}
        onClose={() => setEditing(null)}
        onDone={(text) => {
          void message.success(text);
          setEditing(null);
          setTick((n) => n + 1);
        }}
      />
    </Card>
  );
}

interface CategoryValues {
  name: string;
  /** 0 stands for 属地 in the picker. */
  owner: number;
  clockRule: string;
}

const LOCAL = 0;
const GENERAL = '';

function CategoryModal({ editing, clockRules, onClose, onDone }: { editing: Editing | null; clockRules: readonly ClockRuleChoice[]; onClose: () => void; onDone: (text: string) => void }) {
  const title = editing?.kind === 'edit' ? t.categories.editTitle(editing.category.name) : editing ? t.categories.addTitle(editing.parent.name) : '';
  return (
    <Modal open={editing !== null} title={title} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }} width={520} data-testid="category-modal">
      {editing && <CategoryForm editing={editing} clockRules={clockRules} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function CategoryForm({ editing, clockRules, onClose, onDone }: { editing: Editing; clockRules: readonly ClockRuleChoice[]; onClose: () => void; onDone: (text: string) => void }) {
  const [form] = Form.useForm<CategoryValues>();
  const { units } = useUnits();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const current = editing.kind === 'edit' ? editing.category : null;
  const initial: Partial<CategoryValues> = current
    ? { name: current.name, owner: current.defaultUnitId ?? LOCAL, clockRule: current.clockRule ?? GENERAL }
    : { owner: LOCAL, clockRule: GENERAL };
  const owners = [{ value: LOCAL, label: t.categories.local }, ...units.filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name }))];

  const submit = async (v: CategoryValues) => {
    const defaultUnitId = v.owner === LOCAL ? null : v.owner;
    const clockRule = v.clockRule === GENERAL ? null : v.clockRule;
    setBusy(true);
    setError(null);
    try {
      if (current) {
        const changes = {
          ...(v.name.trim() !== current.name ? { name: v.name.trim() } : {}),
          ...(defaultUnitId !== current.defaultUnitId ? { defaultUnitId } : {}),
          ...(clockRule !== current.clockRule ? { clockRule } : {}),
        };
        if (Object.keys(changes).length === 0) {
          void message.info(t.categories.unchanged);
          onClose();
          return;
        }
        await updateCategory(current.code, changes);
        onDone(t.categories.saved(v.name.trim()));
      } else if (editing.kind === 'add') {
        const created = await createCategory({ parentCode: editing.parent.code, name: v.name.trim(), defaultUnitId, clockRule });
        onDone(t.categories.created(created.category.code, created.category.name));
      }
    } catch (err) {
      if (!applyFieldErrors(form, err, { defaultUnitId: 'owner' })) setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Form<CategoryValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="category-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="category-form-error" />}
      <Form.Item name="name" label={t.categories.name} rules={[{ required: true, whitespace: true, message: t.categories.nameRequired }]}>
        <Input maxLength={50} autoComplete="off" data-testid="category-form-name" />
      </Form.Item>
      <Form.Item name="owner" label={t.categories.owner} extra={t.categories.ownerHint}>
        <Select showSearch optionFilterProp="label" options={owners} data-testid="category-form-owner" />
      </Form.Item>
      <Form.Item name="clockRule" label={t.categories.clock}>
        <Select options={[{ value: GENERAL, label: t.categories.generalRule }, ...clockRules.map((r) => ({ value: r.id, label: r.label, title: r.notes }))]} data-testid="category-form-clock" />
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onClose} disabled={busy}>
          {t.common.cancel}
        </Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="category-form-submit">
          {t.common.save}
        </Button>
      </div>
    </Form>
  );
}
