/** Body of POST /api/public/requests (and, with classification, POST /api/requests). */
export interface SubmitRequestBody {
  content: string;
  title?: string;
  name?: string;
  phone?: string;
  townshipCode: string;
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
