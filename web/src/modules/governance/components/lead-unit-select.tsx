import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { getLeadUnits, type LeadUnit } from '../api';

interface LeadUnitSelectProps {
  value?: number;
  onChange?: (value: number | undefined) => void;
  testId: string;
}

/** The lead of a 每月一题: exactly the units the server accepts, searchable, grouped by kind. */
export function LeadUnitSelect({ value, onChange, testId }: LeadUnitSelectProps) {
  const [units, setUnits] = useState<LeadUnit[] | null>(null);
  useEffect(() => {
    let alive = true;
    getLeadUnits().then(
      (r) => alive && setUnits(r.units),
      () => alive && setUnits([]),
    );
    return () => {
      alive = false;
    };
  }, []);
  const groups = new Map<string, LeadUnit[]>();
  for (const u of units ?? []) groups.set(u.kindLabel, [...(groups.get(u.kindLabel) ?? []), u]);
  return (
    <Select<number>
      loading={units === null}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={[...groups].map(([label, members]) => ({ label, options: members.map((u) => ({ value: u.id, label: u.name })) }))}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
