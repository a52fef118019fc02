import { Select } from 'antd';
import { useUnits } from '../../../api/units';

interface UnitSelectProps {
  multiple?: boolean;
  value?: number | number[];
  onChange?: (value: number | number[] | undefined) => void;
  placeholder?: string;
  testId?: string;
}

/** A unit (or several) from the caller's scope, searchable by name. */
export function UnitSelect({ multiple = false, value, onChange, placeholder, testId }: UnitSelectProps) {
  const { units, loading } = useUnits();
  return (
    <Select<number | number[]>
      mode={multiple ? 'multiple' : undefined}
      loading={loading}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder}
      options={units.map((u) => ({ value: u.id, label: u.name }))}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
