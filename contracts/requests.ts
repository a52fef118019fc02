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

/** Query of GET /api/requests. */
export interface ListRequestsQuery {
  view: 'todo' | 'all';
  state?: string;
  q?: string;
  townshipCode?: string;
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
