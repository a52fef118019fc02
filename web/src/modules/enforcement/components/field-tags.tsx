import { useCallback, useMemo } from 'react';
import { Space, Tag } from 'antd';
import { useLoaded } from '../../../api/use-loaded';
import { enforcementApi } from '../api';

/** The server's words for fields and grades of circumstance, by key. */
export function useVocabulary() {
  const { data } = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.vocabulary(signal), []));
  return useMemo(() => ({
    data,
    field: (key: string) => data?.fields.find((f) => f.key === key)?.label ?? key,
    circumstance: (key: string) => data?.circumstances.find((c) => c.key === key)?.label ?? key,
  }), [data]);
}

export function FieldTags({ fields, label }: { fields: readonly string[]; label: (key: string) => string }) {
  return (
    <Space size={4} wrap>
      {fields.map((f) => <Tag key={f}>{label(f)}</Tag>)}
    </Space>
  );
}
