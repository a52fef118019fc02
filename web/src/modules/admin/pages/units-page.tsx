import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, Row, Space, Tag, Tree, Typography } from 'antd';
import { isApiError } from '../../../api/client';
import { resetUnits } from '../../../api/units';
import { useLoaded } from '../../../api/use-loaded';
import { formatDate } from '../../../ui/format';
import { Forbidden } from '../components/admin-only';
import { UnitModal, type UnitChange } from '../components/unit-modals';
import { listAdminUnits, type AdminUnit } from '../settings-api';
import { settingsStrings as t } from '../settings-strings';
import { adminTree, kindsUnder, matching, type AdminTreeNode } from '../unit-tree';

/** 单位管理: the administrator's part of the unit tree, and the changes they may make to it. */
export function UnitsPage() {
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const { data, loading, error } = useLoaded(
    useCallback(
      (signal: AbortSignal) =>
        listAdminUnits(signal).catch((err: unknown) => {
          if (isApiError(err, 'FORBIDDEN')) setForbidden(err.message);
          throw err;
        }),
      // A new tick asks again after a change.
      [tick],
    ),
  );
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [change, setChange] = useState<UnitChange | null>(null);
  const [expanded, setExpanded] = useState<number[] | null>(null);

  const byId = useMemo(() => new Map((data?.units ?? []).map((u) => [u.id, u])), [data]);
  const shown = useMemo(() => (data ? matching(data.units, search) : null), [data, search]);
  const tree = useMemo(() => (data ? adminTree(data.units, (u) => !shown || shown.has(u.id)) : []), [data, shown]);
  const unit = selected !== null ? byId.get(selected) : undefined;

  if (forbidden) return <Forbidden message={forbidden} />;

  const title = (node: AdminTreeNode) => (
    <span data-testid="unit-node" data-unit-id={node.unit.id} data-merged={node.unit.mergedIntoId ? 'yes' : 'no'}>
      <Typography.Text type={node.unit.mergedIntoId ? 'secondary' : undefined} delete={node.unit.mergedIntoId !== null}>
        {node.unit.name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
        {node.unit.kindLabel}
      </Typography.Text>
      {node.unit.mergedIntoId && (
        <Tag style={{ marginInlineStart: 6 }} data-testid="unit-merged-tag">
          {t.units.merged}
        </Tag>
      )}
    </span>
  );
  const done = (text: string) => {
    void message.success(text);
    setChange(null);
    // Pickers elsewhere read the tree afresh.
    resetUnits();
    setTick((n) => n + 1);
  };

  return (
    <Card size="small" title={t.units.title} extra={<Button onClick={() => setTick((n) => n + 1)}>{t.common.refresh}</Button>} data-testid="units-page">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={11}>
          <Input.Search allowClear placeholder={t.units.search} value={search} onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 8 }} data-testid="units-search" />
          <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 4 }}>
            {loading && !data ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Tree<AdminTreeNode>
                treeData={tree}
                titleRender={title}
                height={480}
                virtual
                blockNode
                selectedKeys={selected !== null ? [selected] : []}
                expandedKeys={shown ? [...shown] : (expanded ?? (data ? [data.scopeUnitId] : []))}
                onExpand={(keys) => setExpanded(keys as number[])}
                onSelect={(keys) => setSelected(keys.length ? Number(keys[0]) : null)}
                data-testid="units-tree"
              />
            )}
          </div>
        </Col>
        <Col xs={24} md={13}>
          {unit && data ? <UnitDetail unit={unit} parent={unit.parentId ? byId.get(unit.parentId) : undefined} into={unit.mergedIntoId ? byId.get(unit.mergedIntoId) : undefined} scopeRoot={unit.id === data.scopeUnitId} canAdd={kindsUnder(data.kinds, unit.kind).length > 0} onChange={setChange} /> : <Empty description={t.units.pick} />}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12 }}>
            {t.common.logged}
          </Typography.Paragraph>
        </Col>
      </Row>
      {unit && data && <UnitModal change={change} unit={unit} data={data} onClose={() => setChange(null)} onDone={done} />}
    </Card>
  );
}

interface UnitDetailProps {
  unit: AdminUnit;
  parent: AdminUnit | undefined;
  into: AdminUnit | undefined;
  scopeRoot: boolean;
  canAdd: boolean;
  onChange: (change: UnitChange) => void;
}

function UnitDetail({ unit, parent, into, scopeRoot, canAdd, onChange }: UnitDetailProps) {
  const f = t.units.fields;
  const merged = unit.mergedIntoId !== null;
  // The tree's own root may be renamed by its administrators; a scope's root by those above it.
  const renamable = !merged && (!scopeRoot || unit.parentId === null);
  const actions: Array<[UnitChange, boolean]> = [
    ['add', !merged && canAdd],
    ['rename', renamable],
    ['move', !merged && !scopeRoot],
    ['merge', !merged && !scopeRoot],
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="unit-detail" data-unit-id={unit.id}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'name', label: f.name, children: <span data-testid="unit-detail-name">{unit.name}</span> },
          { key: 'short', label: f.shortName, children: unit.shortName ?? t.common.none },
          { key: 'kind', label: f.kind, children: unit.kindLabel },
          { key: 'parent', label: f.parent, children: parent?.name ?? t.common.none },
          { key: 'region', label: f.regionCode, children: unit.regionCode ?? t.common.none },
          { key: 'accounts', label: f.accounts, children: unit.accounts },
          ...(merged ? [{ key: 'merged', label: t.units.merged, children: `${t.units.mergedInto(into?.name ?? `#${unit.mergedIntoId}`)}（${formatDate(unit.mergedAt)}）` }] : []),
        ]}
      />
      {scopeRoot && unit.parentId !== null && <Alert type="info" showIcon title={t.units.scopeRoot} />}
      <Space wrap>
        {actions
          .filter(([, allowed]) => allowed)
          .map(([action]) => (
            <Button key={action} danger={action === 'merge'} onClick={() => onChange(action)} data-testid={`unit-action-${action}`}>
              {t.units.actions[action]}
            </Button>
          ))}
      </Space>
    </Space>
  );
}
