import { api } from '../../api/client';
import type { PublishedDocument } from '../../../../contracts/published-document';

export type ApplicantKind = 'citizen' | 'enterprise' | 'organisation';

export interface Organ {
  id: number;
  name: string;
  respondents: Array<{ id: number; name: string; kind: string }>;
}

/** What an application says, at the counter or online. */
export interface ApplicationBody {
  applicantKind: ApplicantKind;
  applicantName: string;
  creditCode?: string;
  agentName?: string;
  respondentUnitId?: number;
  respondentName?: string;
  contestedAct: string;
  field?: string;
  claims: string;
}

export interface UploadFile {
  name: string;
  mediaType: string;
  contentBase64: string;
}

export interface Progress {
  caseNumber: string | null;
  state: string;
  stateLabel: string;
  receivedOn: string;
  respondentName: string;
  procedure: string | null;
  decisionDueOn: string | null;
  suspended: boolean;
  conclusion: string | null;
  concludedOn: string | null;
  decisionDocumentId: string | null;
  steps: Array<{ on: string; label: string }>;
}

export interface PublishedDecisionItem {
  documentId: string;
  number: string;
  caseNumber: string | null;
  respondentName: string;
  field: string | null;
  conclusion: string | null;
  concludedOn: string | null;
}


let organsPromise: Promise<Organ[]> | null = null;

/** The reconsideration organs and the units under each one may apply against; asked once. */
export function loadOrgans(): Promise<Organ[]> {
  organsPromise ??= api.get<{ organs: Organ[] }>('/api/public/xzfy/organs').then(
    (r) => r.organs,
    (err: unknown) => {
      organsPromise = null;
      throw err;
    },
  );
  return organsPromise;
}

export const reconsiderationApi = {
  record: (body: ApplicationBody & { channel: 'counter' | 'mail'; receivedOn?: string; organUnitId?: number }) =>
    api.post<{ caseId: string; queryCode: string }>('/api/xzfy/applications', body),
  apply: (body: ApplicationBody & { organUnitId: number; files?: UploadFile[] }) => api.post<{ queryCode: string }>('/api/public/xzfy/applications', body),
  progress: (code: string, signal?: AbortSignal) => api.get<Progress>(`/api/public/xzfy/cases/${encodeURIComponent(code)}`, { signal }),
  decisions: (page: number, pageSize: number, signal?: AbortSignal) =>
    api.get<{ items: PublishedDecisionItem[]; total: number }>('/api/public/xzfy/decisions', { query: { page, pageSize }, signal }),
  decision: (id: string, signal?: AbortSignal) => api.get<PublishedDocument>(`/api/public/xzfy/decisions/${encodeURIComponent(id)}`, { signal }),
};
