/** Body of POST /api/public/requests (and, with classification, POST /api/requests). */
export interface SubmitRequestBody {
  content: string;
  title?: string;
  name?: string;
  phone?: string;
  /** Left out for a consultation, or where the center will place it; required for a 属地 category. */
  townshipCode?: string;
  villageCode?: string;
  address?: string;
  categoryCode?: string;
  photo?: { mimeType: string; dataBase64: string };
}

/** green: on time; yellow: most of the time used; red: overdue. */
export type ClockStatus = 'green' | 'yellow' | 'red';

/** The filters of the 12345 lists: what a saved view keeps. */
export interface RequestFilters {
  view?: 'todo' | 'all';
  state?: string;
  q?: string;
  townshipCode?: string;
  /** A category and everything under it. */
  categoryCode?: string;
  /** The handling (lead) unit and its subtree. */
  unitId?: number;
  /** The colour of the running handling or rectification clock. */
  clock?: ClockStatus;
  channel?: string;
  /** Days received, inclusive, China time (YYYY-MM-DD). */
  receivedFrom?: string;
  receivedTo?: string;
}

/** Query of GET /api/requests. */
export interface ListRequestsQuery extends RequestFilters {
  view: 'todo' | 'all';
  page: number;
  pageSize: number;
}

/** Answer of POST /api/public/place-suggestion: the place a message speaks of, or nulls. */
export interface PlaceSuggestion {
  townshipCode: string | null;
  townshipName: string | null;
  villageCode: string | null;
  villageName: string | null;
}

/** Answer of POST /api/requests/caller-history: the caller's earlier requests, newest first. */
export interface CallerHistory {
  total: number;
  items: Array<{ caseId: string; trackingCode: string; receivedAt: string; state: string; stateLabel: string; title: string; categoryName: string | null }>;
}

/** The actions a list offers on many requests at once. */
export const BATCH_ACTIONS = ['sign', 'urge'] as const;
export type BatchAction = (typeof BATCH_ACTIONS)[number];

/** One request's outcome in a batch: each runs alone, so some may succeed and others not. */
export type BatchResult =
  | { caseId: string; trackingCode: string | null; ok: true; state: string }
  | { caseId: string; trackingCode: string | null; ok: false; code: string; message: string };

/** A list's filters kept under a name by the person who made them. */
export interface SavedView {
  id: number;
  name: string;
  filters: RequestFilters;
  createdAt: string;
}
