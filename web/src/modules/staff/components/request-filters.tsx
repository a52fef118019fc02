import { useEffect } from 'react';
import { Button, Form, Input, Select, Space } from 'antd';
import type { Meta } from '../../../api/meta';
import { staffStrings as s } from '../strings';

export interface FilterValues {
  state?: string;
  q?: string;
  townshipCode?: string;
}

interface RequestFiltersProps {
  meta: Meta | null;
  value: FilterValues;
  onSearch: (value: FilterValues) => void;
}

export function RequestFilters({ meta, value, onSearch }: RequestFiltersProps) {
  const [form] = Form.useForm<FilterValues>();
  useEffect(() => form.setFieldsValue({ state: undefined, q: undefined, townshipCode: undefined, ...value }), [form, value]);
  const states = meta?.states ?? s.states;

  return (
    <Form<FilterValues> form={form} layout="inline" onFinish={onSearch} style={{ rowGap: 8 }} data-testid="request-filters">
      <Form.Item name="state" label={s.list.filterState}>
        <Select allowClear placeholder={s.list.filterStateAll} style={{ width: 150 }} options={[...states]} data-testid="filter-state" />
      </Form.Item>
      <Form.Item name="townshipCode" label={s.list.filterTownship}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={s.list.filterTownshipAll}
          style={{ width: 180 }}
          options={meta?.townships.map((t) => ({ value: t.code, label: t.name })) ?? []}
          data-testid="filter-township"
        />
      </Form.Item>
      <Form.Item name="q" label={s.list.filterKeyword}>
        <Input allowClear placeholder={s.list.filterKeywordPlaceholder} style={{ width: 220 }} maxLength={100} data-testid="filter-q" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="filter-search">
            {s.list.search}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {s.list.reset}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
