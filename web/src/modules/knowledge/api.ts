import { api } from '../../api/client';

/** Why an entry may not be used for a direct answer now. */
export type Unavailable = 'draft' | 'submitted' | 'withdrawn' | 'not_yet_valid' | 'validity_ended' | 'review_overdue';

export interface KnowledgeEntry {
  entryId: string;
  question: string;
  answer: string;
  legalBasis: string;
  keywords: string[];
  categoryCode: string | null;
  categoryName: string | null;
  ownerUnitId: number;
  ownerName: string;
  validFrom: string;
  validUntil: string | null;
  reviewOn: string;
  state: string;
  stateLabel: string;
  revision: number;
  usable: boolean;
  unavailable: Unavailable | null;
  unavailableLabel: string | null;
  sourceCaseId: string | null;
  uses: number;
  maintainable: boolean;
  publishable: boolean;
  updatedAt: string;
  /** The query's words it holds (search results only). */
  matched?: string[];
}

export interface SearchResult {
  total: number;
  terms: string[];
  items: KnowledgeEntry[];
}

export interface EntryBody {
  ownerUnitId?: number;
  question: string;
  answer: string;
  legalBasis: string;
  keywords?: string;
  categoryCode?: string;
  validFrom?: string;
  validUntil?: string;
  reviewOn: string;
  sourceCaseId?: string;
}

export interface GrownDraft {
  question: string;
  answer: string;
  categoryCode: string | null;
  sourceCaseId: string;
  sourceTrackingCode: string;
  ownerUnitId: number;
}

export const knowledgeApi = {
  search: (query: { q?: string; owner?: number; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<SearchResult>('/api/kb/entries', { query, signal }),
  entry: (entryId: string, signal?: AbortSignal) => api.get<KnowledgeEntry>(`/api/kb/entries/${entryId}`, { signal }),
  create: (body: EntryBody) => api.post<{ entryId: string }>('/api/kb/entries', body),
  owners: (signal?: AbortSignal) => api.get<{ units: Array<{ id: number; name: string; kind: string }> }>('/api/kb/owners', { signal }),
  fromRequest: (caseId: string, signal?: AbortSignal) => api.get<GrownDraft>(`/api/kb/drafts/from-request/${caseId}`, { signal }),
};
