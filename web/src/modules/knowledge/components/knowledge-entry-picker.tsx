import { useEffect, useState } from 'react';
import { SearchSelect, type SearchOption } from '../../../ui/search-select';
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
  const [selected, setSelected] = useState<SearchOption | undefined>();
  // An entry chosen elsewhere (the panel) shows by its question.
  useEffect(() => {
    if (!value || selected?.value === value) return;
    knowledgeApi.entry(value).then((e) => setSelected(optionOf(e)), () => undefined);
  }, [value, selected]);
  return (
    <SearchSelect
      value={value}
      onChange={onChange}
      search={(q) => knowledgeApi.search({ q, pageSize: 10 }).then((r) => r.items.map(optionOf))}
      placeholder={s.picker.placeholder}
      testId={testId}
      {...(selected ? { selected } : {})}
    />
  );
}
