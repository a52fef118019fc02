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

/** Query of GET /api/requests. */
export interface ListRequestsQuery {
  view: 'todo' | 'all';
  state?: string;
  q?: string;
  townshipCode?: string;
  page: number;
  pageSize: number;
}
