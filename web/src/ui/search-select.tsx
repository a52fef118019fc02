import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';

export interface SearchOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * Options found on the server as the person types: asked a moment after the last key, and only
 * the answer to the latest question is kept (an older, slower one never overwrites it).
 */
function useServerSearch(search: (q: string) => Promise<SearchOption[]>, delayMs: number) {
  const [options, setOptions] = useState<SearchOption[]>([]);
  const [q, setQ] = useState('');
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const searchRef = useRef(search);
  searchRef.current = search;
  useEffect(() => {
    if (!q.trim()) return;
    const call = ++latest.current;
    const timer = window.setTimeout(() => {
      setLoading(true);
      searchRef.current(q.trim()).then(
        (found) => call === latest.current && setOptions(found),
        () => call === latest.current && setOptions([]),
      ).finally(() => call === latest.current && setLoading(false));
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [q, delayMs]);
  return { options, loading, onSearch: setQ };
}

interface SearchSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  search: (q: string) => Promise<SearchOption[]>;
  placeholder: string;
  testId?: string;
  delayMs?: number;
  /** How to show the value when it was chosen elsewhere and is not among the options found. */
  selected?: SearchOption;
}

/** One value picked from what the server finds for the words typed. */
export function SearchSelect({ value, onChange, search, placeholder, testId, delayMs = 300, selected }: SearchSelectProps) {
  const { options: found, loading, onSearch } = useServerSearch(search, delayMs);
  const options = selected && selected.value === value && !found.some((o) => o.value === value) ? [selected, ...found] : found;
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch }}
      allowClear
      loading={loading}
      options={options}
      placeholder={placeholder}
      notFoundContent={null}
      data-testid={testId}
    />
  );
}
