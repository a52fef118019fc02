import { Cascader } from 'antd';
import type { Category } from '../../../api/meta';

interface CategoryCascaderProps {
  categories: Category[];
  value?: string[];
  onChange?: (value: string[] | undefined) => void;
  placeholder?: string;
  testId?: string;
}

/** Any level may be chosen; the last code of the path is the category. */
export function CategoryCascader({ categories, value, onChange, placeholder, testId }: CategoryCascaderProps) {
  return (
    <Cascader<Category>
      options={categories}
      fieldNames={{ label: 'name', value: 'code', children: 'children' }}
      value={value}
      onChange={(v) => onChange?.(v && v.length ? (v as string[]) : undefined)}
      changeOnSelect
      showSearch
      allowClear
      placeholder={placeholder}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
