// The figures of a soak run: throughput per minute, latencies overall, in the 30 s after each
// kill and outside those windows, and every kind of failure by server.
import { percentile } from '../bench-kit.js';
import type { Ledger } from './ledger.js';

export interface Kill {
  server: string;
  /** Milliseconds since the load began. */
  killedAt: number;
  readyAt: number;
}

/** How long after a kill its latencies count as "after the kill". */
export const AFTER_KILL_MS = 30_000;

const round = (x: number) => Math.round(x * 10) / 10;

function spread(samples: Array<{ ms: number }>) {
  const ms = samples.map((s) => s.ms);
  return { n: ms.length, p50ms: round(percentile(ms, 50)), p99ms: round(percentile(ms, 99)), maxms: round(ms.reduce((a, b) => Math.max(a, b), 0)) };
}

function latencies(samples: Array<{ at: number; ms: number }>, kills: Kill[]) {
  const after = (s: { at: number }) => kills.some((k) => s.at >= k.killedAt && s.at < k.killedAt + AFTER_KILL_MS);
  return {
    overall: spread(samples),
    outsideKillWindows: spread(samples.filter((s) => !after(s))),
    in30sAfterKills: spread(samples.filter(after)),
    perKill: kills.map((k) => ({ server: k.server, ...spread(samples.filter((s) => s.at >= k.killedAt && s.at < k.killedAt + AFTER_KILL_MS)) })),
  };
}

function perMinute(samples: Array<{ at: number }>, minutes: number): number[] {
  const counts = new Array<number>(minutes).fill(0);
  for (const s of samples) {
    const minute = Math.floor(s.at / 60_000);
    if (minute < minutes) counts[minute]!++;
  }
  return counts;
}

const byServer = <T extends { server: string }>(rows: T[]) => Object.fromEntries(['A', 'B'].map((name) => [name, rows.filter((r) => r.server === name).length]));

export function soakFigures(ledger: Ledger, kills: Kill[], durationMs: number) {
  const minutes = Math.max(1, Math.round(durationMs / 60_000));
  const actions = [...ledger.actions, ...ledger.ratings];
  const actionTypes: Record<string, number> = {};
  for (const a of ledger.actions) actionTypes[a.action] = (actionTypes[a.action] ?? 0) + 1;
  actionTypes.citizen_evaluate = ledger.ratings.length;
  const requestsPerMinute = perMinute(ledger.requests, minutes);
  const actionsPerMinute = perMinute(actions, minutes);
  const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    durationSeconds: round(durationMs / 1000),
    kills: kills.map((k) => ({
      server: k.server,
      atSeconds: round(k.killedAt / 1000),
      downSeconds: round((k.readyAt - k.killedAt) / 1000),
      requestsCut: ledger.killed.filter((f) => f.server === k.server && f.at + f.ms >= k.killedAt && f.at <= k.readyAt).length,
    })),
    acknowledged: {
      requests: { total: ledger.requests.length, public: ledger.requests.filter((r) => r.kind === 'public').length, recorded: ledger.requests.filter((r) => r.kind === 'recorded').length, byServer: byServer(ledger.requests) },
      actions: { total: actions.length, byType: actionTypes, byServer: byServer(actions) },
      reads: { total: ledger.reads.length, byServer: byServer(ledger.reads) },
      requestsPerMinute: { mean: mean(requestsPerMinute), each: requestsPerMinute },
      actionsPerMinute: { mean: mean(actionsPerMinute), each: actionsPerMinute },
    },
    latency: {
      intake: latencies(ledger.requests, kills),
      actions: latencies(actions, kills),
      reads: spread(ledger.reads),
    },
    serverErrors: {
      total: ledger.serverErrors.length,
      byServer: byServer(ledger.serverErrors),
      fromServerNotBeingKilled: ledger.serverErrors.filter((e) => !e.duringKill).length,
      samples: ledger.serverErrors.slice(0, 20),
    },
    requestsCutByKills: { total: ledger.killed.length, byServer: byServer(ledger.killed) },
    survivorFailures: { total: ledger.survivorFailures.length, samples: ledger.survivorFailures.slice(0, 20) },
    refusals: Object.fromEntries([...ledger.refusals].sort((a, b) => b[1] - a[1])),
    abandonedStories: { total: ledger.abandoned.length, samples: ledger.abandoned.slice(0, 20) },
    skippedIntakeTicks: ledger.skippedTicks,
  };
}
