import type { BatchAction, BatchResult, CallerHistory, ClockStatus, ListRequestsQuery, RequestFilters, SavedView } from '../../../../contracts/requests';
import type { RoutingSuggestion } from '../../../../contracts/routing';
import { api, setCsrfToken } from '../../api/client';
import type { NewRequestBody } from '../citizen/api';

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  unitId: number;
  unitName: string;
  scopeUnitId: number;
  /** A one-time or weak password: until it is replaced the session may do nothing else. */
  mustChangePassword?: boolean;
  /** An administrator of the whole tree: county-wide settings are theirs (a township's administrator keeps its own subtree). */
  wholeTree?: boolean;
  /** The modules the person's roles open (接诉即办, 行政复议 …), with the roles held in each. */
  modules: StaffModule[];
}

export interface StaffModule {
  name: string;
  label: string;
  roles: Array<{ role: string; label: string; unitId: number }>;
}

export type { ClockStatus };

export interface RequestRow {
  caseId: string;
  trackingCode: string;
  state: string;
  stateLabel: string;
  title: string;
  summary: string;
  channel: string;
  requestType: string | null;
  categoryName: string | null;
  townshipName: string | null;
  unitName: string | null;
  urgency: 'normal' | 'urgent';
  receivedAt: string;
  clock: { dueAt: string; status: ClockStatus } | null;
  /** The batch actions (签收, 催办) this person may take on the row now, by the server's own checks. */
  batchActions: BatchAction[];
}

export type ListParams = ListRequestsQuery;
export type { BatchAction, BatchResult, RequestFilters, SavedView };

export interface Dispatch {
  id: string;
  unitId: number;
  unitName: string | null;
  /** lead 主办; inner dispatches answer to the lead: assist 协办, sub 下派 to a community or grid. */
  role: 'lead' | 'assist' | 'sub';
  roleLabel: string;
  status: string;
  statusLabel: string;
  dispatchedAt: string;
  signedAt: string | null;
  contactedAt: string | null;
  responseDueAt: string;
  dueAt: string;
  returnReason: string | null;
  extensionReason: string | null;
  extended: boolean;
  /** For an inner dispatch: the lead dispatch it answers to, what the lead asked, and its answer. */
  parentId?: string | null;
  instruction?: string | null;
  reply?: string | null;
  repliedAt?: string | null;
  /** An extension asked for on this dispatch: pending, or approved. Never a return reason. */
  extension: { status: 'pending' | 'approved'; reason: string } | null;
}

export interface Evaluation {
  source: 'citizen' | 'followup';
  at: string;
  resolved: boolean;
  satisfaction: string;
  satisfactionLabel: string;
  comment: string | null;
  rectificationDueAt: string | null;
  rectifiedAt: string | null;
}

export type FieldKind = 'text' | 'textarea' | 'unit' | 'units' | 'category' | 'requestType' | 'urgency' | 'satisfaction' | 'boolean' | 'number' | 'date' | 'knowledgeEntry';

/** A unit an action may go to, as the server offers it: the page lists exactly these. */
export interface UnitOption {
  value: number;
  label: string;
  /** Its kind's name (职能部门, 乡镇（街道）, 村（社区）, 网格): the picker's heading. */
  group?: string;
}

export interface ActionField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  options?: UnitOption[];
}

export interface AvailableAction {
  action: string;
  label: string;
  fields: ActionField[];
  /** For a step that cannot be taken back: what to ask before sending it. */
  confirm: string | null;
}

export interface RequestDetail {
  caseId: string;
  trackingCode: string;
  state: string;
  stateLabel: string;
  request: {
    title: string | null;
    content: string;
    channel: string;
    /** The other system that sent it (an Open311 client). */
    channelClient?: string | null;
    requestType: string | null;
    categoryCode: string | null;
    categoryName: string | null;
    urgency: 'normal' | 'urgent';
    urgencyLabel: string;
    townshipCode: string | null;
    townshipName: string | null;
    villageName: string | null;
    address: string | null;
    requesterName: string | null;
    requesterPhone: string | null;
    requesterEmail?: string | null;
    location?: { lat: number; long: number } | null;
    mediaUrl?: string | null;
    requesterMasked: boolean;
    receivedAt: string;
    dueAt: string | null;
    reply: string | null;
    repliedAt: string | null;
    repliedBy: string | null;
    /** The co-handlers' and communities' answers the lead's reply rests on. */
    replyCites?: Array<{ dispatchId: string; unitName: string | null; roleLabel: string; reply: string | null }>;
    /** The knowledge entry the direct answer rested on, as its event recorded it. */
    knowledgeEntry?: { caseId: string; question: string; revision: number } | null;
  };
  dispatches: Dispatch[];
  /** Photos the requester sent; `url` serves the image to staff who may see the request. */
  attachments?: Array<{ id: string; mimeType: string; size: number; url: string }>;
  evaluations: Evaluation[];
  /** Running clocks; an inner one (回复主办时限) names the unit it runs for. */
  clocks: Array<{ id?: string; name: string; ruleId: string; dueAt: string; status: ClockStatus; unitName?: string | null }>;
  timeline: Array<{ seq?: number; at: string; type?: string; label: string; actorName: string | null; unitName?: string | null; text: string }>;
  availableActions: AvailableAction[];
}

export interface RecordRequestBody extends NewRequestBody {
  channel?: string;
  requestType?: string;
  urgency?: 'normal' | 'urgent';
}

export async function fetchMe(): Promise<StaffUser> {
  const me = await api.get<{ user: Omit<StaffUser, 'modules'>; modules?: StaffModule[]; csrfToken: string | null }>('/api/auth/me', { quiet401: true });
  setCsrfToken(me.csrfToken);
  return { ...me.user, modules: me.modules ?? [] };
}

export async function login(username: string, password: string): Promise<{ mustChangePassword: boolean }> {
  const result = await api.post<{ csrfToken?: string; mustChangePassword?: boolean }>('/api/auth/login', { username, password }, { quiet401: true });
  if (result.csrfToken) setCsrfToken(result.csrfToken);
  return { mustChangePassword: result.mustChangePassword === true };
}

/** Sets a new password; the server ends the person's other sessions and keeps this one. */
export function changePassword(currentPassword: string, newPassword: string): Promise<unknown> {
  return api.post('/api/auth/password', { currentPassword, newPassword });
}

/** Ends every session of the person, this one included. */
export async function logoutAll(): Promise<void> {
  try {
    await api.post('/api/auth/logout-all', {}, { quiet401: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout', {}, { quiet401: true });
  } finally {
    setCsrfToken(null);
  }
}

export function listRequests(params: ListParams, signal?: AbortSignal): Promise<{ items: RequestRow[]; total: number }> {
  return api.get('/api/requests', { query: { ...params }, signal });
}

export function getRequest(caseId: string): Promise<RequestDetail> {
  return api.get(`/api/requests/${encodeURIComponent(caseId)}`);
}

/** The caller's earlier requests, while the call is open (the number goes in the body, not the URL). */
export function callerHistory(phone: string): Promise<CallerHistory> {
  return api.post<CallerHistory>('/api/requests/caller-history', { phone });
}

export function recordRequest(body: RecordRequestBody): Promise<{ caseId: string; trackingCode: string }> {
  return api.post('/api/requests', body);
}

export function performAction(caseId: string, action: string, input: Record<string, unknown>): Promise<{ state: string }> {
  return api.post(`/api/requests/${encodeURIComponent(caseId)}/actions/${encodeURIComponent(action)}`, input);
}

export type { RoutingSuggestion };

export function getSuggestions(caseId: string): Promise<RoutingSuggestion> {
  return api.get(`/api/requests/${encodeURIComponent(caseId)}/suggestions`);
}

export function listViews(): Promise<{ items: SavedView[] }> {
  return api.get('/api/requests/views');
}

export function saveView(name: string, filters: RequestFilters): Promise<SavedView> {
  return api.post('/api/requests/views', { name, filters });
}

export function deleteView(id: number): Promise<unknown> {
  return api.delete(`/api/requests/views/${id}`);
}

/** One action on many requests; each answers for itself. */
export function runBatch(action: BatchAction, caseIds: string[], note?: string): Promise<{ results: BatchResult[]; done: number; failed: number }> {
  return api.post(`/api/requests/batch/${action}`, { caseIds, ...(note ? { note } : {}) });
}
