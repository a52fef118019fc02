import { useMemo } from 'react';
import { Select } from 'antd';
import type { UnitOption } from '../api';
import { staffStrings as s } from '../strings';

interface UnitChoiceProps {
  options: UnitOption[];
  multiple?: boolean;
  value?: number | number[];
  onChange?: (value: number | number[] | undefined) => void;
  placeholder?: string;
  testId?: string;
}

/**
 * Exactly the units the server says this action may go to, under their kind's heading and found
 * by typing part of a name: the page never offers a unit the server would refuse.
 */
export function UnitChoice({ options, multiple = false, value, onChange, placeholder, testId }: UnitChoiceProps) {
  const grouped = useMemo(() => {
    const groups = new Map<string, UnitOption[]>();
    for (const option of options) groups.set(option.group ?? '', [...(groups.get(option.group ?? '') ?? []), option]);
    return [...groups].map(([group, members]) => ({
      label: <span data-testid="unit-group">{group}</span>,
      title: group,
      options: members.map((m) => ({ value: m.value, label: m.label })),
    }));
  }, [options]);
  return (
    <Select<number | number[]>
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder ?? s.action.unitSearchPlaceholder}
      notFoundContent={s.action.noUnitOffered}
      options={grouped}
      maxTagCount="responsive"
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
