import { setTimeout as sleep } from 'node:timers/promises';
import { databaseErrorIn } from './connection.js';

/** PostgreSQL's verdicts that say "run the whole transaction again", never "you asked wrongly". */
export const RETRYABLE_SQL_STATES = new Set(['40001', '40P01']);

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Upper bound of the first wait; each later wait may be twice as long. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 15 };

/** Drizzle wraps the driver's error ("Failed query: …") with the original as its cause. */
export function isRetryable(error: unknown): boolean {
  const state = databaseErrorIn(error)?.sqlState;
  return state !== undefined && RETRYABLE_SQL_STATES.has(state);
}

/**
 * Runs a whole transaction again when it lost a deadlock or a serialization conflict. The
 * waits are random ("full jitter"), so two transactions that collided do not collide again
 * in step. The loser's work was rolled back, so running it again changes nothing twice.
 */
export async function withRetry<T>(run: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY, onRetry?: (error: unknown, attempt: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      onRetry?.(error, attempt);
      await sleep(Math.random() * policy.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
