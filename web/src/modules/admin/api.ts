import type { ClientLock, ManagedUser, SecurityEventView } from '../../../../contracts/accounts';
import type { IssuedOpen311ApiKey, Open311ApiKeyView } from '../../../../contracts/open311';
import { api } from '../../api/client';

export type { ClientLock, ManagedUser };


export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  unitId: number;
  scopeUnitId?: number;
}

export type UserChanges = Partial<Omit<NewUser, 'username'>>;

/** A password the server returns this once. */
export interface OneTimePassword {
  username: string;
  temporaryPassword: string;
}

export type SecurityEvent = SecurityEventView;

export interface SecurityEventQuery {
  from?: string;
  to?: string;
  kind?: string;
  username?: string;
  page: number;
  pageSize: number;
}

const user = (id: number, action = '') => `/api/admin/users/${id}${action}`;

export function listUsers(signal?: AbortSignal): Promise<ManagedUser[]> {
  return api.get<{ users: ManagedUser[] }>('/api/admin/users', { signal }).then((r) => r.users);
}

export function createUser(body: NewUser): Promise<OneTimePassword & { id: number }> {
  return api.post('/api/admin/users', body);
}

export function updateUser(id: number, changes: UserChanges): Promise<unknown> {
  return api.patch(user(id), changes);
}

export function resetPassword(id: number): Promise<OneTimePassword> {
  return api.post(user(id, '/reset-password'));
}

export function unlockUser(id: number): Promise<unknown> {
  return api.post(user(id, '/unlock'));
}

export function setDisabled(id: number, disabled: boolean): Promise<unknown> {
  return api.post(user(id, disabled ? '/disable' : '/enable'));
}

export function listSecurityEvents(query: SecurityEventQuery, signal?: AbortSignal): Promise<{ total: number; items: SecurityEvent[] }> {
  return api.get('/api/admin/security-events', { query: { ...query }, signal });
}


/** Locked addresses; administrators of part of the tree are refused (FORBIDDEN). */
export function listClientLocks(signal?: AbortSignal): Promise<ClientLock[]> {
  return api.get<{ clients: ClientLock[] }>('/api/admin/sign-in-locks', { signal }).then((r) => r.clients);
}

export function unlockClient(address: string): Promise<unknown> {
  return api.post('/api/admin/sign-in-locks/unlock', { address });
}

export type { IssuedOpen311ApiKey, Open311ApiKeyView } from '../../../../contracts/open311';

/** Open311 keys; administrators of part of the tree are refused (FORBIDDEN). */
export function listOpen311Keys(signal?: AbortSignal): Promise<Open311ApiKeyView[]> {
  return api.get<{ keys: Open311ApiKeyView[] }>('/api/admin/open311/keys', { signal }).then((r) => r.keys);
}

/** The new key is in this answer only. */
export function createOpen311Key(clientName: string): Promise<IssuedOpen311ApiKey> {
  return api.post('/api/admin/open311/keys', { clientName });
}

export function revokeOpen311Key(id: number): Promise<Open311ApiKeyView> {
  return api.post(`/api/admin/open311/keys/${id}/revoke`);
}
