import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { unitTree, useUnits, type Unit, type UnitTreeNode } from '../../../api/units';

interface UnitTreeFieldProps {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder: string;
  allowClear?: boolean;
  testId: string;
  /** Units that may be picked; the others stay in the tree, greyed, so the tree still reads. */
  selectable?: (unit: Unit) => boolean;
}

type Node = UnitTreeNode & { disabled?: boolean };

/** A unit of the administrator's scope, picked from the tree (GET /api/units). */
export function UnitTreeField({ value, onChange, placeholder, allowClear, testId, selectable }: UnitTreeFieldProps) {
  const { units, loading } = useUnits();
  const tree = useMemo(() => {
    const built = unitTree(units);
    if (!selectable) return built;
    const byId = new Map(units.map((u) => [u.id, u]));
    const mark = (nodes: UnitTreeNode[]): Node[] =>
      nodes.map((n) => ({ ...n, disabled: !selectable(byId.get(n.value)!), ...(n.children ? { children: mark(n.children) } : {}) }));
    return mark(built);
  }, [units, selectable]);
  return (
    <TreeSelect<number>
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={tree}
      loading={loading}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={tree.map((n) => n.key)}
      allowClear={allowClear}
      placeholder={placeholder}
      popupMatchSelectWidth={false}
      listHeight={320}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
