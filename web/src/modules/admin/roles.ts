import { adminStrings as s } from './strings';

/** The server answers /api/admin/* for these roles only (users.plugin.ts, audit.plugin.ts). */
export const isAdmin = (role: string) => role === 'admin';

const labels = new Map<string, string>(s.roles.map((r) => [r.value, r.label]));

export const roleLabel = (role: string) => labels.get(role) ?? role;
