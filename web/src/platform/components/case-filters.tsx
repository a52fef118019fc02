import { useEffect } from 'react';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseTypeInfo } from '../api';
import { platformStrings as s } from '../strings';
import { UnitTreeField } from './unit-tree-field';
import { FilterButtons } from '../../ui/filter-buttons';

/** Filter values by query parameter: `<key>`, or `<key>_from` / `<key>_to` for a date range. */
export type FilterParams = Record<string, string | undefined>;

type FormValues = Record<string, string | number | [Dayjs | null, Dayjs | null] | null | undefined>;

interface CaseFiltersProps {
  type: CaseTypeInfo;
  value: FilterParams;
  onSearch: (value: FilterParams) => void;
}

/** The parameters every declared filter reads, plus `q`. */
export function filterParamNames(type: CaseTypeInfo): string[] {
  const names = (type.listing?.filters ?? []).flatMap((f) => (f.kind === 'date_range' ? [`${f.key}_from`, `${f.key}_to`] : [f.key]));
  return type.listing?.search.length ? ['q', ...names] : names;
}

function toForm(type: CaseTypeInfo, params: FilterParams): FormValues {
  const values: FormValues = { q: params.q };
  for (const f of type.listing?.filters ?? []) {
    if (f.kind === 'date_range') {
      const from = params[`${f.key}_from`];
      const to = params[`${f.key}_to`];
      values[f.key] = from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined;
    } else if (f.kind === 'unit') {
      values[f.key] = params[f.key] ? Number(params[f.key]) : undefined;
    } else values[f.key] = params[f.key];
  }
  return values;
}

function toParams(type: CaseTypeInfo, values: FormValues): FilterParams {
  const params: FilterParams = {};
  const q = typeof values.q === 'string' ? values.q.trim() : '';
  if (q) params.q = q;
  for (const f of type.listing?.filters ?? []) {
    const v = values[f.key];
    if (f.kind === 'date_range') {
      const [from, to] = Array.isArray(v) ? v : [null, null];
      if (from) params[`${f.key}_from`] = from.format('YYYY-MM-DD');
      if (to) params[`${f.key}_to`] = to.format('YYYY-MM-DD');
    } else if (v !== undefined && v !== null && String(v).trim() !== '') params[f.key] = String(v).trim();
  }
  return params;
}

/** The search form a type's listing declares: choice → Select, text → Input, unit → TreeSelect, date_range → RangePicker. */
export function CaseFilters({ type, value, onSearch }: CaseFiltersProps) {
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(type, value));
  }, [form, type, value]);
  const listing = type.listing;
  const searchLabels = (listing?.search ?? []).map((key) => listing?.columns.find((c) => c.key === key)?.label ?? key).join('、');

  return (
    <Form<FormValues> form={form} layout="inline" onFinish={(v) => onSearch(toParams(type, v))} style={{ rowGap: 8 }} data-testid="case-filters">
      {listing?.search.length ? (
        <Form.Item name="q" label={s.search.q}>
          <Input allowClear placeholder={s.search.qPlaceholder(searchLabels)} style={{ width: 220, maxWidth: '100%' }} maxLength={100} data-testid="filter-q" />
        </Form.Item>
      ) : null}
      {(listing?.filters ?? []).map((f) => (
        <Form.Item key={f.key} name={f.key} label={f.label}>
          {f.kind === 'choice' ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={s.search.any}
              style={{ width: 160 }}
              options={Object.entries(f.options ?? {}).map(([v, label]) => ({ value: v, label }))}
              data-testid={`filter-${f.key}`}
            />
          ) : f.kind === 'unit' ? (
            <UnitTreeField placeholder={s.search.unitPlaceholder} testId={`filter-${f.key}`} module={type.module} />
          ) : f.kind === 'date_range' ? (
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[s.search.from, s.search.to]} data-testid={`filter-${f.key}`} />
          ) : (
            <Input allowClear style={{ width: 160 }} maxLength={100} data-testid={`filter-${f.key}`} />
          )}
        </Form.Item>
      ))}
      <Form.Item>
        <FilterButtons form={form} onReset={() => onSearch({})} />
      </Form.Item>
    </Form>
  );
}
