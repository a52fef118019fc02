import { DatePicker, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Meta } from '../../../api/meta';
import { chinaToday } from '../../../ui/format';
import { CategoryCascader } from '../../citizen/components/category-cascader';
import type { ActionField } from '../api';
import { staffStrings as s } from '../strings';
import { UnitChoice } from './unit-choice';
import { UnitSelect } from './unit-select';
import { KnowledgeEntryPicker } from '../../knowledge/components/knowledge-entry-picker';

interface ActionFieldInputProps {
  field: ActionField;
  meta: Meta | null;
  /** For a date: the last day it may name (the lead's own limit, for a reply-by day). */
  lastDay?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
}

/** One input for one field kind of an action form; Form.Item passes value/onChange. */
export function ActionFieldInput({ field, meta, lastDay, value, onChange }: ActionFieldInputProps) {
  const testId = `action-field-${field.name}`;
  const set = (v: unknown) => onChange?.(v);
  switch (field.kind) {
    case 'textarea':
      return (
        <Input.TextArea
          rows={4}
          showCount
          maxLength={field.name === 'reply' ? 5000 : 2000}
          value={value as string}
          onChange={(e) => set(e.target.value)}
          data-testid={testId}
        />
      );
    case 'text':
      return <Input maxLength={2000} value={value as string} onChange={(e) => set(e.target.value)} data-testid={testId} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} value={value as number} onChange={set} data-testid={testId} />;
    case 'date': {
      const today = chinaToday();
      return (
        <DatePicker
          value={value as Dayjs | undefined}
          onChange={set}
          disabledDate={(day) => day.format('YYYY-MM-DD') < today || (lastDay !== undefined && day.format('YYYY-MM-DD') > lastDay)}
          placeholder={s.action.datePlaceholder}
          inputReadOnly
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    }
    case 'unit':
    case 'units':
      // The server lists the units this action may go to on this case; the scope's units are the fallback.
      if (field.options) {
        return (
          <UnitChoice
            options={field.options}
            multiple={field.kind === 'units'}
            value={value as number | number[]}
            onChange={set}
            testId={testId}
          />
        );
      }
      return (
        <UnitSelect
          multiple={field.kind === 'units'}
          value={value as number | number[]}
          onChange={set}
          placeholder={field.kind === 'units' ? s.action.unitsPlaceholder : s.action.unitPlaceholder}
          testId={testId}
        />
      );
    case 'category':
      return (
        <CategoryCascader
          categories={meta?.categories ?? []}
          value={value as string[]}
          onChange={set}
          placeholder={s.action.selectPlaceholder}
          testId={testId}
        />
      );
    case 'requestType':
      return (
        <Select
          allowClear
          placeholder={s.action.selectPlaceholder}
          options={meta?.requestTypes ?? []}
          value={value as string}
          onChange={set}
          data-testid={testId}
        />
      );
    case 'urgency':
      return <Radio.Group options={[...s.urgency]} value={value} onChange={(e) => set(e.target.value)} data-testid={testId} />;
    case 'satisfaction':
      return <Radio.Group options={[...s.satisfaction]} value={value} onChange={(e) => set(e.target.value)} data-testid={testId} />;
    case 'boolean':
      return (
        <Radio.Group
          options={[
            { value: true, label: s.yes },
            { value: false, label: s.no },
          ]}
          value={value}
          onChange={(e) => set(e.target.value)}
          data-testid={testId}
        />
      );
    case 'knowledgeEntry':
      return <KnowledgeEntryPicker value={value as string | undefined} onChange={set} testId={testId} />;
    default:
      return <Input value={value as string} onChange={(e) => set(e.target.value)} data-testid={testId} />;
  }
}

/** Turns the form's values into the action's input: empty optional values are left out. */
export function toActionInput(fields: ActionField[], values: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    let v = values[field.name];
    if (typeof v === 'string') v = v.trim();
    if (field.kind === 'category') v = Array.isArray(v) && v.length ? v[v.length - 1] : undefined;
    if (field.kind === 'date') v = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : undefined;
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    input[field.name] = v;
  }
  return input;
}

/** The value type a kind produces (the validator assumes strings unless told). */
export function valueType(field: ActionField): 'string' | 'number' | 'array' | 'boolean' | 'object' {
  switch (field.kind) {
    case 'unit':
    case 'number':
      return 'number';
    case 'units':
    case 'category':
      return 'array';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'object';
    default:
      return 'string';
  }
}

/** Kinds picked from a list; their required message says 选择 rather than 填写. */
export function isChoice(field: ActionField): boolean {
  return !['text', 'textarea', 'number'].includes(field.kind);
}
