import { createContext, useContext } from 'react';
import type { StaffUser } from './api';

export interface StaffSession {
  user: StaffUser;
  logout: () => Promise<void>;
}

export const StaffSessionContext = createContext<StaffSession | null>(null);

/** The signed-in person; only usable inside the staff layout, which guarantees one. */
export function useStaffSession(): StaffSession {
  const session = useContext(StaffSessionContext);
  if (!session) throw new Error('useStaffSession outside StaffLayout');
  return session;
}

/** Roles that record calls (the server allows only these to POST /api/requests). */
export const RECORDING_ROLES = new Set(['operator', 'dispatcher']);

/** Roles that watch a whole area (the server answers any staff within their scope; this only shapes the menu). */
export const STATS_ROLES = new Set(['unit_leader', 'supervisor', 'admin', 'dispatcher']);
