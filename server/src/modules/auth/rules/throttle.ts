/** How hard sign-in attempts of one account (or from one client) are slowed and locked. */
export interface ThrottleRules {
  windowMinutes: number;
  slowAfterFailures: number;
  delaySeconds: number[];
  lockAfterFailures: number;
  lockMinutes: number;
}

export interface ThrottleState {
  failures: number;
  firstFailureAt: Date;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export type ThrottleVerdict = { kind: 'open' } | { kind: 'wait'; seconds: number } | { kind: 'locked'; until: Date };

/** Failures older than the window no longer count. */
export function liveFailures(state: ThrottleState | undefined, rules: ThrottleRules, now: Date): number {
  if (!state) return 0;
  return now.getTime() - state.firstFailureAt.getTime() > rules.windowMinutes * 60_000 ? 0 : state.failures;
}

/**
 * May an attempt be checked now? After a few failures each next attempt must wait a little
 * longer (a person retyping does not notice; a script is slowed to a crawl); after more the
 * account or client is locked for a while, whatever password comes.
 */
export function throttleVerdict(state: ThrottleState | undefined, rules: ThrottleRules, now: Date): ThrottleVerdict {
  if (!state) return { kind: 'open' };
  if (state.lockedUntil && state.lockedUntil > now) return { kind: 'locked', until: state.lockedUntil };
  const failures = liveFailures(state, rules, now);
  if (failures < rules.slowAfterFailures) return { kind: 'open' };
  const step = Math.min(failures - rules.slowAfterFailures, rules.delaySeconds.length - 1);
  const readyAt = state.lastFailureAt.getTime() + rules.delaySeconds[step]! * 1000;
  return readyAt > now.getTime() ? { kind: 'wait', seconds: Math.ceil((readyAt - now.getTime()) / 1000) } : { kind: 'open' };
}

/** After this many live failures (this one counted), the lock begins now. */
export function lockAfter(failures: number, rules: ThrottleRules, now: Date): Date | null {
  return failures >= rules.lockAfterFailures ? new Date(now.getTime() + rules.lockMinutes * 60_000) : null;
}
