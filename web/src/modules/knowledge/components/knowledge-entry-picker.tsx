import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { knowledgeApi, type KnowledgeEntry } from '../api';
import { knowledgeStrings as s } from '../strings';

interface PickerProps {
  value?: string;
  onChange?: (entryId: string | undefined) => void;
  testId?: string;
}

const optionOf = (e: KnowledgeEntry) => ({
  value: e.entryId,
  label: e.usable ? e.question : `${e.question}${s.picker.unavailable(e.unavailableLabel ?? e.stateLabel)}`,
  // Shown with its reason, but never offered for the answer.
  disabled: !e.usable,
});

/** A knowledge entry for a direct answer, found by typing: the best matches first, lapsed ones shown but not offered. */
export function KnowledgeEntryPicker({ value, onChange, testId }: PickerProps) {
  const [options, setOptions] = useState<Array<{ value: string; label: string; disabled: boolean }>>([]);
  const [q, setQ] = useState('');
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  // An entry chosen elsewhere (the panel) shows by its question.
  useEffect(() => {
    if (!value || options.some((o) => o.value === value)) return;
    knowledgeApi.entry(value).then((e) => setOptions((list) => [optionOf(e), ...list.filter((o) => o.value !== e.entryId)]), () => undefined);
  }, [value, options]);

  useEffect(() => {
    if (!q.trim()) return;
    const call = ++latest.current;
    const timer = window.setTimeout(() => {
      setLoading(true);
      knowledgeApi.search({ q: q.trim(), pageSize: 10 }).then(
        (r) => call === latest.current && setOptions(r.items.map(optionOf)),
        () => call === latest.current && setOptions([]),
      ).finally(() => call === latest.current && setLoading(false));
    }, 300);
    return () => window.clearTimeout(timer);
  }, [q]);

  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      loading={loading}
      options={options}
      placeholder={s.picker.placeholder}
      notFoundContent={null}
      data-testid={testId}
    />
  );
}
