import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { categoryPath, type Meta } from '../../../api/meta';
import { CategoryCascader } from '../../citizen/components/category-cascader';
import { lastCode } from '../../citizen/request-body';
import type { RequestFilters } from '../api';
import { staffStrings as s } from '../strings';
import { UnitSelect } from './unit-select';
import { FilterButtons } from '../../../ui/filter-buttons';

/** The filters of the list as the address and the server take them (the tab is not a filter). */
export type FilterValues = Omit<RequestFilters, 'view'>;

interface FormValues {
  state?: string;
  q?: string;
  townshipCode?: string;
  categoryPath?: string[];
  unitId?: number;
  clock?: RequestFilters['clock'];
  channel?: string;
  received?: [Dayjs | null, Dayjs | null] | null;
}

function toForm(value: FilterValues, meta: Meta | null): FormValues {
  return {
    state: value.state,
    q: value.q,
    townshipCode: value.townshipCode,
    categoryPath: meta ? categoryPath(meta.categories, value.categoryCode) : undefined,
    unitId: value.unitId,
    clock: value.clock,
    channel: value.channel,
    received: value.receivedFrom || value.receivedTo
      ? [value.receivedFrom ? dayjs(value.receivedFrom) : null, value.receivedTo ? dayjs(value.receivedTo) : null]
      : null,
  };
}

function fromForm(form: FormValues): FilterValues {
  const [from, to] = form.received ?? [];
  return {
    state: form.state || undefined,
    q: form.q?.trim() || undefined,
    townshipCode: form.townshipCode || undefined,
    categoryCode: lastCode(form.categoryPath),
    unitId: form.unitId ?? undefined,
    clock: form.clock || undefined,
    channel: form.channel || undefined,
    receivedFrom: from ? from.format('YYYY-MM-DD') : undefined,
    receivedTo: to ? to.format('YYYY-MM-DD') : undefined,
  };
}

interface RequestFiltersProps {
  meta: Meta | null;
  value: FilterValues;
  onSearch: (value: FilterValues) => void;
}

/** Every filter the server takes; a phone stacks them, a desk lays them out in a grid. */
export function RequestFilterForm({ meta, value, onSearch }: RequestFiltersProps) {
  const [form] = Form.useForm<FormValues>();
  useEffect(() => form.setFieldsValue(toForm(value, meta)), [form, value, meta]);
  const states = meta?.states ?? s.states;
  const f = s.filters;
  const cell = { xs: 24, sm: 12, lg: 8, xxl: 6 };

  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={(v) => onSearch(fromForm(v))} data-testid="request-filters" className="request-filters">
      <Row gutter={12}>
        <Col {...cell}>
          <Form.Item name="q" label={s.list.filterKeyword}>
            <Input allowClear placeholder={s.list.filterKeywordPlaceholder} maxLength={100} data-testid="filter-q" />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item name="state" label={s.list.filterState}>
            <Select allowClear placeholder={s.list.filterStateAll} options={[...states]} data-testid="filter-state" />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item name="categoryPath" label={f.category}>
            <CategoryCascader categories={meta?.categories ?? []} placeholder={f.categoryAll} testId="filter-category" />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item name="unitId" label={f.unit}>
            <UnitSelect placeholder={f.unitAll} testId="filter-unit" />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item name="clock" label={f.clock}>
            <Select
              allowClear
              placeholder={f.clockAll}
              options={(['green', 'yellow', 'red'] as const).map((c) => ({ value: c, label: s.clock[c] }))}
              data-testid="filter-clock"
            />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item name="channel" label={f.channel}>
            <Select allowClear placeholder={f.channelAll} options={meta?.channels ?? []} data-testid="filter-channel" />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item name="townshipCode" label={s.list.filterTownship}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={s.list.filterTownshipAll}
              options={meta?.townships.map((t) => ({ value: t.code, label: t.name })) ?? []}
              data-testid="filter-township"
            />
          </Form.Item>
        </Col>
        <Col {...cell}>
          <Form.Item name="received" label={f.received}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} data-testid="filter-received" />
          </Form.Item>
        </Col>
      </Row>
      <FilterButtons form={form} onReset={() => onSearch({})} />
    </Form>
  );
}
