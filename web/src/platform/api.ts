import { api, withQuery } from '../api/client';

export type CaseClockStatus = 'green' | 'yellow' | 'red' | 'paused' | 'stopped';
export type ColumnKind = 'text' | 'date' | 'datetime' | 'choice' | 'money' | 'number' | 'unit';
export type FilterKind = 'choice' | 'date_range' | 'text' | 'unit';

export interface CaseTypeInfo {
  name: string;
  label: string;
  module: string;
  moduleLabel: string;
  states: Array<{ key: string; label: string; final: boolean }>;
  listing: {
    columns: Array<{ key: string; label: string; kind: ColumnKind; options?: Record<string, string> }>;
    filters: Array<{ key: string; label: string; kind: FilterKind; options?: Record<string, string> }>;
    search: string[];
    title: string;
    code: string | null;
  } | null;
}

export interface CaseItem {
  caseId: string;
  caseType: string;
  typeLabel: string;
  state: string;
  stateLabel: string;
  organUnitId: number | null;
  organName: string | null;
  createdAt: string;
  updatedAt: string;
  title: string | null;
  code: string | null;
  values: Record<string, string | number | null>;
  texts: Record<string, string | null>;
  clock: { name: string; label: string; dueAt: string; status: CaseClockStatus } | null;
}

/** A field of an action's input: JSON schema, with `x-kind` telling the page how to draw it. */
export interface SchemaProperty {
  type?: string | string[];
  title?: string;
  format?: string;
  enum?: Array<string | number>;
  /** For an array field: its items' schema (a choice of several puts its values here). */
  items?: { type?: string; enum?: Array<string | number> };
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  'x-kind'?: 'date' | 'choice' | 'file' | 'money' | 'person' | 'unit' | 'longtext';
  'x-labels'?: Record<string, string>;
  /** For a choice: the heading each value is listed under (a unit's kind). */
  'x-groups'?: Record<string, string>;
  /** The value the form starts from on this case (the text being revised). */
  default?: unknown;
}

export interface ActionInputSchema {
  type?: string;
  properties?: Record<string, SchemaProperty>;
  required?: string[];
}

export interface CaseAction {
  action: string;
  label: string;
  input: ActionInputSchema;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  type: string;
  label: string;
  text: string | null;
  actorRole: string;
  actorName: string | null;
  unitName: string | null;
  payload: Record<string, unknown>;
}

export interface CaseClock {
  id: string;
  name: string;
  label: string;
  ruleId: string;
  law: string | null;
  article: string | null;
  unitName: string | null;
  startedAt: string;
  dueAt: string;
  extended: number;
  pausedAt: string | null;
  stoppedAt: string | null;
  urgeLevel: number;
  urgeLabel: string | null;
  status: CaseClockStatus;
}

export interface CaseLink {
  kind: string;
  label: string;
  otherCaseId: string;
  otherCaseType: string;
  otherCaseTypeLabel: string;
  otherState: string;
  otherStateLabel: string;
}

export interface CaseDetail {
  case: CaseItem & {
    module: string;
    final: boolean;
    ownerName: string | null;
    columns: Array<{ key: string; label: string; kind: ColumnKind }>;
  };
  timeline: TimelineEntry[];
  documents: TimelineEntry[];
  clocks: CaseClock[];
  links: CaseLink[];
  actions: CaseAction[];
}

export interface CaseAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  addedAt: string;
  url: string;
}

export interface CaseDocument {
  id: string;
  templateLabel: string;
  version: number;
  status: string;
  number: string | null;
  createdAt: string;
  issuedAt: string | null;
  url: string;
}

export interface Figure {
  key: string;
  label: string;
  kind: 'rate' | 'average' | 'count';
  numerator: number;
  denominator: number | null;
  value: number | null;
  display: string;
}

export interface FigureReport {
  module: string;
  moduleLabel: string;
  period: { from: string; to: string };
  figures: Figure[];
  breakdowns: Array<{ key: string; label: string; rows: Array<{ value: string | null; label: string; figures: Record<string, Figure> }> }>;
}

/** Search parameters as the server reads them: the type, state, q, sort, page, and the listing's filters by key. */
export type CaseQuery = Record<string, string | number | undefined>;

let typesPromise: Promise<CaseTypeInfo[]> | null = null;

/** The case types the signed-in person works with; asked once per session. */
export function loadCaseTypes(): Promise<CaseTypeInfo[]> {
  typesPromise ??= api.get<{ caseTypes: CaseTypeInfo[] }>('/api/case-types').then(
    (r) => r.caseTypes,
    (err: unknown) => {
      typesPromise = null;
      throw err;
    },
  );
  return typesPromise;
}

/** Forget them at sign-out: the next person may work with other modules. */
export function resetCaseTypes(): void {
  typesPromise = null;
}

export const caseApi = {
  todo: (caseType: string, signal?: AbortSignal) => api.get<{ items: CaseItem[]; total: number }>('/api/cases/todo', { query: { caseType }, signal }),
  search: (query: CaseQuery, signal?: AbortSignal) => api.get<{ items: CaseItem[]; total: number }>('/api/cases', { query, signal }),
  exportUrl: (query: CaseQuery) => withQuery('/api/cases/export.xlsx', { ...query, page: undefined, pageSize: undefined }),
  detail: (caseId: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`, { signal }),
  act: (caseId: string, action: string, input: Record<string, unknown>) =>
    api.post<{ caseId: string; state: string }>(`/api/cases/${encodeURIComponent(caseId)}/actions/${encodeURIComponent(action)}`, input),
  attachments: (caseId: string, signal?: AbortSignal) =>
    api.get<{ attachments: CaseAttachment[] }>(`/api/cases/${encodeURIComponent(caseId)}/attachments`, { signal }).then((r) => r.attachments),
  documents: (caseId: string, signal?: AbortSignal) =>
    api.get<{ documents: CaseDocument[] }>(`/api/cases/${encodeURIComponent(caseId)}/documents`, { signal }).then((r) => r.documents),
  upload: (caseId: string, file: { name: string; mediaType: string; contentBase64: string }) =>
    api.post<{ attachmentId: string; sha256: string }>(`/api/cases/${encodeURIComponent(caseId)}/attachments`, file),
  figures: (module: string, period: { from: string; to: string }, signal?: AbortSignal) =>
    api.get<FigureReport>(`/api/figures/${encodeURIComponent(module)}`, { query: period, signal }),
};

/** A picked file as the attachments route takes it. */
export async function fileUpload(file: File): Promise<{ name: string; mediaType: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: btoa(binary) };
}
