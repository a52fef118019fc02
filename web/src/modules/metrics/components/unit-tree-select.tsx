import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { unitTree, useUnits } from '../../../api/units';
import { metricsStrings as s } from '../strings';

interface UnitTreeSelectProps {
  value?: number;
  onChange: (value: number) => void;
}

export function UnitTreeSelect({ value, onChange }: UnitTreeSelectProps) {
  const { units, loading } = useUnits();
  const tree = useMemo(() => unitTree(units), [units]);
  return (
    <TreeSelect<number>
      value={loading ? undefined : value}
      onChange={onChange}
      treeData={tree}
      loading={loading}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={s.unitPlaceholder}
      style={{ width: 260 }}
      data-testid="metrics-unit"
    />
  );
}
