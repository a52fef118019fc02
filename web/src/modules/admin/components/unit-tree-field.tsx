import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { unitTree, useUnits } from '../../../api/units';

interface UnitTreeFieldProps {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder: string;
  allowClear?: boolean;
  testId: string;
}

/** A unit of the administrator's scope, picked from the tree (GET /api/units). */
export function UnitTreeField({ value, onChange, placeholder, allowClear, testId }: UnitTreeFieldProps) {
  const { units, loading } = useUnits();
  const tree = useMemo(() => unitTree(units), [units]);
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
