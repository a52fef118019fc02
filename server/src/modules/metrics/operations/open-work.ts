import { WARNING_SHARE } from '../../cases/index.js';
import type { VolumeScope } from './read-rollups.js';

// One definition of the dashboard's live counts, shared by the counts and their drill-down,
// so a number and the list behind it cannot disagree. `d` is hotline_dispatches, `c` cases.

/** Lead dispatches being handled now. */
export const OPEN_LEAD_DISPATCH = `d.role = 'lead' and d.status in ('pending', 'signed')`;

/**
 * Conditions on top of an open dispatch; each names $2, the time now. Due soon compares
 * intervals rather than adding one to a timestamp, which needs no time-zone arithmetic.
 */
export const OPEN_WORK_CONDITIONS = {
  overdue: 'd.due_at < $2',
  dueSoon: `d.due_at >= $2 and $2::timestamptz - d.dispatched_at >= (d.due_at - d.dispatched_at) * ${WARNING_SHARE}`,
} as const;

/** Hotline requests not yet dispatched: new, or returned to the center. */
export const AWAITING_DISPATCH = `c.case_type = 'hotline_request' and c.state in ('received', 'returned')`;

/**
 * Where an awaiting request lies, as a condition on its case with its parameter appended to
 * `params`: a hotline case's region code is its township's code or one of its villages'.
 */
export function awaitingPlaceCondition(scope: Exclude<VolumeScope, null>, params: unknown[]): string {
  if (scope.kind === 'all') return 'true';
  params.push(`${scope.code}%`);
  return `c.region_code like $${params.length}`;
}
