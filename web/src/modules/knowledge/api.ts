import { api } from '../../api/client';

import type { GrownDraft, KnowledgeEntryInput, KnowledgeEntryView, Unavailable } from '../../../../contracts/knowledge';

export type { GrownDraft, Unavailable };

export interface KnowledgeEntry extends KnowledgeEntryView {
  /** The query's words it holds (search results only). */
  matched?: string[];
}

export interface SearchResult {
  total: number;
  terms: string[];
  items: KnowledgeEntry[];
}

export type EntryBody = KnowledgeEntryInput;


export const knowledgeApi = {
  search: (query: { q?: string; owner?: number; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<SearchResult>('/api/kb/entries', { query, signal }),
  entry: (entryId: string, signal?: AbortSignal) => api.get<KnowledgeEntry>(`/api/kb/entries/${entryId}`, { signal }),
  create: (body: EntryBody) => api.post<{ entryId: string }>('/api/kb/entries', body),
  owners: (signal?: AbortSignal) => api.get<{ units: Array<{ id: number; name: string; kind: string }> }>('/api/kb/owners', { signal }),
  fromRequest: (caseId: string, signal?: AbortSignal) => api.get<GrownDraft>(`/api/kb/drafts/from-request/${caseId}`, { signal }),
};
