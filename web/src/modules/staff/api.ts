import type { ClockStatus, ListRequestsQuery } from '../../../../contracts/requests';
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
}

export type ListParams = ListRequestsQuery;

export interface Dispatch {
  id: string;
  unitId: number;
  unitName: string | null;
  role: 'lead' | 'assist';
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

export type FieldKind = 'text' | 'textarea' | 'unit' | 'units' | 'category' | 'requestType' | 'urgency' | 'satisfaction' | 'boolean' | 'number';

export interface ActionField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
}

export interface AvailableAction {
  action: string;
  label: string;
  fields: ActionField[];
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
  };
  dispatches: Dispatch[];
  /** Photos the requester sent; `url` serves the image to staff who may see the request. */
  attachments?: Array<{ id: string; mimeType: string; size: number; url: string }>;
  evaluations: Evaluation[];
  clocks: Array<{ name: string; ruleId: string; dueAt: string; status: ClockStatus }>;
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
