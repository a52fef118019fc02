import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { unitTree, useUnits } from '../../api/units';

interface UnitTreeFieldProps {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder: string;
  testId: string;
  width?: number | string;
  /** In a module's forms and filters: the units that module's roles open as well. */
  module?: string;
}

/** A unit of the person's scope, picked from the tree by typing part of its name. */
export function UnitTreeField({ value, onChange, placeholder, testId, width = 240, module }: UnitTreeFieldProps) {
  const { units, loading } = useUnits(module);
  const tree = useMemo(() => unitTree(units), [units]);
  return (
    <TreeSelect<number>
      value={loading ? undefined : value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={tree}
      loading={loading}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={placeholder}
      style={{ width, maxWidth: '100%' }}
      data-testid={testId}
    />
  );
}
