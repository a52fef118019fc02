import { useEffect } from 'react';
import { Button, DatePicker, Form, Grid, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { adminStrings as s } from '../strings';

export interface SecurityFilterValues {
  range?: [Dayjs, Dayjs];
  kind?: string;
  username?: string;
}

/** The form's own fields: a range with times at a desk, two whole days on a phone. */
interface FormValues extends SecurityFilterValues {
  fromDay?: Dayjs;
  toDay?: Dayjs;
}

interface SecurityFiltersProps {
  value: SecurityFilterValues;
  onSearch: (value: SecurityFilterValues) => void;
}

const presets = () => [
  { label: s.security.rangePresets.today, value: [dayjs().startOf('day'), dayjs().endOf('day')] as [Dayjs, Dayjs] },
  { label: s.security.rangePresets.week, value: [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')] as [Dayjs, Dayjs] },
  { label: s.security.rangePresets.month, value: [dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')] as [Dayjs, Dayjs] },
];

function toFilters({ range, fromDay, toDay, kind, username }: FormValues): SecurityFilterValues {
  const days: [Dayjs, Dayjs] | undefined =
    fromDay || toDay ? [(fromDay ?? toDay)!.startOf('day'), (toDay ?? fromDay)!.endOf('day')] : undefined;
  const period = range ?? days;
  return { ...(period ? { range: period } : {}), ...(kind ? { kind } : {}), ...(username ? { username } : {}) };
}

export function SecurityFilters({ value, onSearch }: SecurityFiltersProps) {
  const [form] = Form.useForm<FormValues>();
  // A range picker with times is two months and a clock wide: a phone gets two single days instead.
  const wide = Grid.useBreakpoint().md !== false;
  const item = wide ? undefined : { marginBottom: 8 };
  const full = { width: '100%' };
  useEffect(
    () =>
      form.setFieldsValue({
        range: wide ? value.range : undefined,
        fromDay: wide ? undefined : value.range?.[0],
        toDay: wide ? undefined : value.range?.[1],
        kind: value.kind,
        username: value.username,
      }),
    [form, value, wide],
  );
  return (
    <Form<FormValues>
      form={form}
      layout={wide ? 'inline' : 'vertical'}
      onFinish={(values) => onSearch(toFilters(values))}
      style={{ rowGap: 8 }}
      data-testid="security-filters"
    >
      {wide ? (
        <Form.Item name="range" label={s.security.range}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" presets={presets()} style={{ width: 340 }} data-testid="security-range" />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="fromDay" label={s.security.fromDay} style={item}>
            <DatePicker style={full} inputReadOnly data-testid="security-from-day" />
          </Form.Item>
          <Form.Item name="toDay" label={s.security.toDay} style={item}>
            <DatePicker style={full} inputReadOnly data-testid="security-to-day" />
          </Form.Item>
        </>
      )}
      <Form.Item name="kind" label={s.security.kind} style={item}>
        <Select allowClear showSearch optionFilterProp="label" placeholder={s.security.kindAll} options={[...s.security.kinds]} style={wide ? { width: 160 } : full} data-testid="security-kind" />
      </Form.Item>
      <Form.Item name="username" label={s.security.username} style={item}>
        <Input allowClear maxLength={64} placeholder={s.security.usernamePlaceholder} style={wide ? { width: 160 } : full} data-testid="security-username" />
      </Form.Item>
      <Form.Item style={item}>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="security-search">
            {s.security.search}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {s.security.reset}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
