import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { useSearchParams } from 'react-router-dom';

/**
 * A register page's filters, kept in the address so a search can be reloaded and shared; setting
 * one keeps the others, and an empty value leaves the address.
 */
export function useAddressFilters<K extends string>(keys: readonly K[]): [Record<K, string>, (next: Partial<Record<K, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const set = (next: Partial<Record<K, string>>) =>
    setParams(Object.fromEntries(Object.entries({ ...values, ...next }).filter(([, v]) => v)) as Record<string, string>);
  return [values, set];
}

/** The search box of a register page: what is typed stays until it is searched, then follows the address. */
export function RegisterSearch({ value, onSearch, placeholder, button, testId }: { value: string; onSearch: (text: string) => void; placeholder: string; button: string; testId: string }) {
  const [typed, setTyped] = useState(value);
  useEffect(() => setTyped(value), [value]);
  return (
    <Input.Search
      value={typed}
      onChange={(e) => setTyped(e.target.value)}
      onSearch={(v) => onSearch(v.trim())}
      placeholder={placeholder}
      enterButton={button}
      allowClear
      maxLength={100}
      data-testid={testId}
    />
  );
}
