import type { AutoDispatchRule, CandidateEvaluation, ModelsOverview } from '../../../../contracts/routing';
import { api } from '../../api/client';

export type { AutoDispatchRule, CandidateEvaluation, ModelsOverview };

// Units (GET/POST /api/admin/units …, orgs.plugin.ts)

export interface AdminUnit {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string | null;
  kind: string;
  kindLabel: string;
  regionCode: string | null;
  mergedIntoId: number | null;
  mergedAt: string | null;
  accounts: number;
}

export interface UnitKindInfo {
  kind: string;
  label: string;
  parents: string[];
  addable: boolean;
}

export interface AdminUnits {
  scopeUnitId: number;
  units: AdminUnit[];
  kinds: UnitKindInfo[];
}

export const listAdminUnits = (signal?: AbortSignal) => api.get<AdminUnits>('/api/admin/units', { signal });
export const addUnit = (body: { parentId: number; name: string; kind: string; shortName?: string | null; regionCode?: string | null }) =>
  api.post<{ id: number }>('/api/admin/units', body);
export const renameUnit = (id: number, body: { name?: string; shortName?: string | null }) => api.patch(`/api/admin/units/${id}`, body);
export const moveUnit = (id: number, body: { parentId: number; regionCode?: string | null }) => api.post(`/api/admin/units/${id}/move`, body);
export const mergeUnit = (id: number, intoUnitId: number) =>
  api.post<{ accounts: number; hotline?: { requestsHandedOver: number } }>(`/api/admin/units/${id}/merge`, { intoUnitId });

// Categories (/api/admin/categories, requests/categories.plugin.ts)

export interface AdminCategory {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  clockRule: string | null;
  defaultUnitId: number | null;
  defaultUnitName: string | null;
}

export interface ClockRuleChoice {
  id: string;
  label: string;
  notes: string;
}

export const listCategories = (signal?: AbortSignal) => api.get<{ categories: AdminCategory[]; clockRules: ClockRuleChoice[] }>('/api/admin/categories', { signal });
export const updateCategory = (code: string, body: { name?: string; defaultUnitId?: number | null; clockRule?: string | null }) =>
  api.patch(`/api/admin/categories/${code}`, body);
export const createCategory = (body: { parentCode: string; name: string; defaultUnitId: number | null; clockRule: string | null }) =>
  api.post<{ category: AdminCategory }>('/api/admin/categories', body);

// Automatic dispatch (/api/routing/auto-dispatch, routing.plugin.ts)

export interface AutoDispatchSettings {
  rules: AutoDispatchRule[];
  autoMerge: boolean;
}

export const readAutoDispatch = (signal?: AbortSignal) => api.get<AutoDispatchSettings>('/api/routing/auto-dispatch', { signal });
export const saveAutoDispatch = (body: { rules: Array<{ categoryCode: string; threshold: number }>; autoMerge: boolean }) =>
  api.put<AutoDispatchSettings>('/api/routing/auto-dispatch', body);

// Duty lists (/api/duties/import, duties.plugin.ts)

export type DutyList = 'power' | 'township';

export interface DutyItemView {
  code: string;
  name: string;
  unitId: number | null;
  keywords: string[];
  categoryCodes: string[];
}

export interface DutyPreview {
  token: string;
  count: number;
  unchanged: number;
  added: DutyItemView[];
  removed: DutyItemView[];
  changed: Array<{ code: string; name: string; fields: Array<{ field: string; before: unknown; after: unknown }> }>;
}

export interface DutyFilePayload {
  list: DutyList;
  fileName: string;
  dataBase64: string;
}

export const previewDutyImport = (body: DutyFilePayload) => api.post<DutyPreview>('/api/duties/import/preview', body);
export const confirmDutyImport = (body: DutyFilePayload & { previewToken: string }) =>
  api.post<{ count: number; added: number; removed: number; changed: number }>('/api/duties/import', body);

// SMS (/api/admin/sms, messaging.plugin.ts)

export interface SmsSettings {
  saved: boolean;
  enabled: boolean;
  endpoint: string | null;
  signName: string | null;
  templates: Record<string, string>;
  hasToken: boolean;
  updatedAt: string | null;
}

export interface SmsSettingsInput {
  enabled: boolean;
  endpoint: string | null;
  signName: string | null;
  templates: Record<string, string>;
  /** Omitted keeps the stored token, null removes it. */
  token?: string | null;
}

export const readSms = (signal?: AbortSignal) =>
  api.get<{ settings: SmsSettings; messages: Record<string, string>; environmentGateway: boolean }>('/api/admin/sms', { signal });
export const saveSms = (body: SmsSettingsInput) => api.put<{ settings: SmsSettings }>('/api/admin/sms', body);
export const testSms = (phone: string) => api.post<{ delivered: boolean; gatewayStatus: number | null; problem: string | null }>('/api/admin/sms/test', { phone });

// Dispatch models (/api/admin/routing/…, routing.plugin.ts)

export const readModels = (signal?: AbortSignal) => api.get<ModelsOverview>('/api/admin/routing/models', { signal });
export const trainCandidate = () => api.post<{ candidate: CandidateEvaluation }>('/api/admin/routing/candidate');
export const activateCandidate = () => api.post<ModelsOverview>('/api/admin/routing/candidate/activate');
export const discardCandidate = () => api.post<ModelsOverview>('/api/admin/routing/candidate/discard');
export const restoreModels = () => api.post<ModelsOverview>('/api/admin/routing/models/restore');

// Accounts: module roles and the administrator's lock (users.plugin.ts)

export interface ModuleRoles {
  modules: Array<{ name: string; label: string; roles: Array<{ role: string; label: string; unitKinds: Array<{ kind: string; label: string }> }> }>;
}

export const listModuleRoles = (signal?: AbortSignal) => api.get<ModuleRoles>('/api/admin/module-roles', { signal });
export const listGrants = (userId: number, signal?: AbortSignal) =>
  api.get<{ grants: Array<{ role: string; unitId: number }> }>(`/api/admin/users/${userId}/grants`, { signal }).then((r) => r.grants);
export const setGrants = (userId: number, grants: Array<{ role: string; unitId: number }>) => api.put(`/api/admin/users/${userId}/grants`, { grants });
export const lockUser = (userId: number, until: string) => api.post(`/api/admin/users/${userId}/lock`, { until });
