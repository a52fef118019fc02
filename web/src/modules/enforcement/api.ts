import { api } from '../../api/client';
import type { EnforcementVocabulary, ExpiringView, MatterView, ObjectDetail, ObjectView, OfficerView, SubjectView } from '../../../../contracts/enforcement';

export type { EnforcementVocabulary, ExpiringView, MatterView, ObjectDetail, ObjectView, OfficerView, SubjectView };

export const enforcementApi = {
  vocabulary: (signal?: AbortSignal) => api.get<EnforcementVocabulary>('/api/xzzf/vocabulary', { signal }),
  subjects: (signal?: AbortSignal) => api.get<{ items: SubjectView[] }>('/api/xzzf/subjects', { signal }),
  officers: (query: { subjectId?: number }, signal?: AbortSignal) => api.get<{ items: OfficerView[] }>('/api/xzzf/officers', { query, signal }),
  expiring: (signal?: AbortSignal) => api.get<ExpiringView>('/api/xzzf/certificates/expiring', { signal }),
  objects: (query: { q?: string; kind?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<{ total: number; items: ObjectView[] }>('/api/xzzf/objects', { query, signal }),
  object: (id: number, signal?: AbortSignal) => api.get<ObjectDetail>(`/api/xzzf/objects/${id}`, { signal }),
  matters: (query: { q?: string; subjectId?: number; exemptOnly?: boolean }, signal?: AbortSignal) => api.get<{ items: MatterView[] }>('/api/xzzf/matters', { query, signal }),
};
