import { DatePicker, Form } from 'antd';
import { periodPresets, type Range } from '../periods';
import { metricsStrings as s } from '../strings';
import { UnitTreeSelect } from './unit-tree-select';

interface ScopeFieldsProps {
  unitId: number;
  onUnitChange: (unitId: number) => void;
  range: Range;
  onRangeChange: (range: Range) => void;
  rangeTestId: string;
}

/** The unit and the period of a statistics page, as items of an inline form. */
export function ScopeFields({ unitId, onUnitChange, range, onRangeChange, rangeTestId }: ScopeFieldsProps) {
  return (
    <>
      <Form.Item label={s.unit}>
        <UnitTreeSelect value={unitId} onChange={onUnitChange} />
      </Form.Item>
      <Form.Item label={s.period}>
        <DatePicker.RangePicker
          value={range}
          presets={periodPresets}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && onRangeChange([v[0], v[1]])}
          data-testid={rangeTestId}
        />
      </Form.Item>
    </>
  );
}
