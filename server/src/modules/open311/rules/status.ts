/**
 * GeoReport v2 knows two statuses. A request is closed when the hotline closed it (after the
 * follow-up or the requester's rating); every other state, an answer awaiting its follow-up
 * included, is open. The hotline's own state goes in `status_notes`.
 */
export function open311Status(state: string): 'open' | 'closed' {
  return state === 'closed' ? 'closed' : 'open';
}

/** The hotline states each Open311 status stands for, for filtering. */
export function statesFor(status: 'open' | 'closed', states: readonly string[]): string[] {
  return states.filter((s) => open311Status(s) === status);
}
