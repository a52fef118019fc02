import { UploadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, InputNumber, Select, Switch, Upload } from 'antd';
import type { Rule } from 'antd/es/form';
import type { SchemaProperty } from '../api';
import { platformStrings as s } from '../strings';
import { UnitTreeField } from './unit-tree-field';

/** How the form draws a field: by its `x-kind`, else by its JSON type. */
export type FieldWidget = 'date' | 'choice' | 'longtext' | 'unit' | 'money' | 'text' | 'number' | 'boolean' | 'file';

export const typeOf = (p: SchemaProperty) => (Array.isArray(p.type) ? p.type.find((t) => t !== 'null') : p.type);

export function widgetOf(p: SchemaProperty): FieldWidget {
  switch (p['x-kind']) {
    case 'date':
      return 'date';
    case 'choice':
      return 'choice';
    case 'longtext':
      return 'longtext';
    case 'unit':
      return 'unit';
    case 'money':
      return 'money';
    case 'file':
      return 'file';
    case 'person':
      return 'text';
  }
  if (p.enum) return 'choice';
  if (p.format === 'date') return 'date';
  const type = typeOf(p);
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'text';
}

/** The form's rules for a field: required, and the schema's length. */
export function fieldRules(p: SchemaProperty, label: string, required: boolean): Rule[] {
  const widget = widgetOf(p);
  const rules: Rule[] = [];
  const choosing = widget === 'choice' || widget === 'unit' || widget === 'date' || widget === 'file';
  if (required && widget !== 'boolean') {
    // A rule without a type checks for a string: a picked day (a dayjs), a number, a unit id or a file would always fail it.
    const type = widget === 'date' || widget === 'file' ? 'object' : widget === 'money' || widget === 'number' || widget === 'unit' ? 'number' : 'string';
    rules.push({ required: true, type, whitespace: widget === 'text' || widget === 'longtext', message: choosing ? s.action.selectRequired(label) : s.action.required(label) });
  }
  if ((widget === 'text' || widget === 'longtext') && p.maxLength) rules.push({ max: p.maxLength, message: `${label}不能超过 ${p.maxLength} 个字` });
  return rules;
}

/** A field's input; its value becomes the action's input through toInputValue. */
interface SchemaFieldInputProps {
  name: string;
  property: SchemaProperty;
  testId: string;
  value?: unknown;
  onChange?: (v: unknown) => void;
}

export function SchemaFieldInput({ name, property, testId, ...rest }: SchemaFieldInputProps) {
  const widget = widgetOf(property);
  const value = rest.value as never;
  const onChange = rest.onChange as never;
  switch (widget) {
    case 'date':
      return <DatePicker value={value} onChange={onChange} style={{ width: '100%' }} data-testid={testId} />;
    case 'choice': {
      const labels = property['x-labels'] ?? {};
      // A yes-or-no choice is a boolean with x-kind choice; toInputValue turns its answer back into one.
      const options: Array<{ value: string; label: string }> =
        typeOf(property) === 'boolean'
          ? [{ value: 'true', label: s.action.yes }, { value: 'false', label: s.action.no }]
          : (property.enum ?? []).map((v) => ({ value: v, label: labels[v] ?? v }));
      return (
        <Select
          value={value}
          onChange={onChange}
          allowClear
          options={options}
          // A long list (a taxonomy's categories) is searched by typing part of a label.
          showSearch={options.length > 10 ? { optionFilterProp: 'label' } : false}
          data-testid={testId}
        />
      );
    }
    case 'longtext':
      return <Input.TextArea value={value} onChange={onChange} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={property.maxLength} showCount={!!property.maxLength} data-testid={testId} />;
    case 'unit':
      return <UnitTreeField value={value} onChange={onChange} placeholder={s.action.unitPlaceholder} testId={testId} width="100%" />;
    case 'money':
      return <InputNumber value={value} onChange={onChange} min={0} precision={2} suffix={s.action.yuan} style={{ width: '100%' }} data-testid={testId} />;
    case 'number':
      return (
        <InputNumber
          value={value}
          onChange={onChange}
          min={property.minimum}
          max={property.maximum}
          precision={typeOf(property) === 'integer' ? 0 : undefined}
          style={{ width: '100%' }}
          data-testid={testId}
        />
      );
    case 'boolean':
      return <Switch checked={value === true} onChange={onChange} data-testid={testId} />;
    case 'file': {
      const file = rest.value as File | undefined;
      return (
        <span data-testid={testId}>
        <Upload
          beforeUpload={(picked) => {
            (rest.onChange as (v: unknown) => void)?.(picked);
            return false;
          }}
          onRemove={() => (rest.onChange as (v: unknown) => void)?.(undefined)}
          fileList={file ? [{ uid: name, name: file.name, status: 'done' }] : []}
          maxCount={1}
        >
          <Button icon={<UploadOutlined />}>{s.action.chooseFile}</Button>
        </Upload>
        </span>
      );
    }
    default:
      return <Input value={value} onChange={onChange} maxLength={property.maxLength} data-testid={testId} />;
  }
}
