import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { FIELD_PROBLEMS } from '../../src/platform/http/http.strings.js';
import { changedTables, type Fingerprint } from './fingerprint.js';
import { describeRequest, injectOptions, requestArbitrary, type FuzzRequest, type RequestArbitraryOptions } from './requests.js';
import type { RouteSpec } from './routes.js';

export interface Caller {
  name: string;
  /** Read at each request: a session may have been renewed. */
  headers(): Record<string, string>;
  /** A web session without its CSRF token: every write it sends must be refused. */
  refusedOnWrites?: boolean;
}

export interface FuzzOptions extends Omit<RequestArbitraryOptions, 'callers'> {
  app: FastifyInstance;
  routes: readonly RouteSpec[];
  callers: readonly Caller[];
  /** Cheap fingerprint of everything stored (fingerprint.ts). */
  fingerprint: () => Promise<Fingerprint>;
  /** Every error code the app may answer with, and its status (errorCatalogue()). */
  errorCodes: ReadonlyMap<string, { status: number }>;
  /** Time for all routes together; each route gets an equal share. */
  seconds: number;
  seed: number;
  /** Writes to these routes ignore sessions (public intake): a CSRF-less cookie is not refused there. */
  ignoresSessions?: (route: RouteSpec) => boolean;
  /**
   * Tables a refusal may write by design: the security log and the counters of wrong passwords
   * and keys, which exist to record refused attempts (the brute-force limits).
   */
  refusalRecords?: ReadonlySet<string>;
  /** After a request that succeeded: renew sessions it may have ended. */
  afterSuccess?: () => Promise<void>;
  /** Routes that answer errors in a standard's shape (Open311's list), not the platform's. */
  standardErrors?: (route: RouteSpec) => boolean;
  /** Only the routes whose `METHOD path` contains this. */
  only?: string;
}

export interface FuzzFailure {
  route: string;
  /** Replays with fc.check(…, { seed, path }) on the same data. */
  seed: number;
  path: string;
  request: string;
  problem: string;
}

export interface RouteStats {
  route: string;
  requests: number;
  ms: number;
  statuses: Record<number, number>;
  /** Refusals that only the database made (a data exception): the route's schema should have. */
  refusedByDatabase: number;
  /** The first such request, to look at. */
  refusedByDatabaseExample?: string;
}

export interface FuzzReport {
  requests: number;
  seconds: number;
  routes: RouteStats[];
  failures: FuzzFailure[];
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const CHINESE = /[\u4e00-\u9fff]/;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
export const routeName = (r: RouteSpec) => `${r.method} ${r.path}`;

/** A seed of its own for each route and chunk, so adding a route does not change what the others get. */
function seedFor(seed: number, route: string, chunk: number): number {
  return createHash('sha256').update(`${seed}/${route}/${chunk}`).digest().readInt32LE(0);
}

/**
 * What is wrong with an error of a standard's routes (Open311): the specification's list of
 * `{ code, description }`, as a JSON array or as `<errors><error>…`, each code catalogued, the
 * first with the answer's status, each description Chinese.
 */
export function standardErrorProblems(res: LightMyRequestResponse, codes: ReadonlyMap<string, { status: number }>): string[] {
  const type = String(res.headers['content-type'] ?? '');
  let errors: Array<{ code?: unknown; description?: unknown }>;
  if (type.startsWith('application/json')) {
    try {
      errors = res.json();
    } catch {
      return ['the error body is not JSON'];
    }
    if (!Array.isArray(errors)) return ['the error body is not a list of errors'];
  } else if (type.startsWith('text/xml')) {
    if (!res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<errors>')) return ['the error body is not <errors>'];
    errors = [...res.body.matchAll(/<error>\s*<code>([^<]*)<\/code>\s*<description>([^<]*)<\/description>\s*<\/error>/g)].map((m) => ({ code: m[1], description: m[2] }));
  } else return [`the error body is ${type || 'untyped'}, neither JSON nor XML`];
  if (errors.length === 0) return ['the error list is empty'];
  const problems: string[] = [];
  for (const e of errors) {
    if (typeof e.code !== 'string' || !codes.has(e.code)) problems.push(`code ${JSON.stringify(e.code)} is not in the error catalogue`);
    if (typeof e.description !== 'string' || !CHINESE.test(e.description)) problems.push('description is not Chinese');
  }
  const first = codes.get(String(errors[0]!.code));
  if (first && first.status !== res.statusCode) problems.push(`code ${String(errors[0]!.code)} is catalogued with ${first.status}, answered ${res.statusCode}`);
  return problems;
}

/** What is wrong with an error response: its shape, its code, its message. */
export function errorBodyProblems(res: LightMyRequestResponse, codes: ReadonlyMap<string, { status: number }>): string[] {
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } };
  try {
    body = res.json();
  } catch {
    return ['the error body is not JSON'];
  }
  const e = body?.error;
  if (!e || typeof e !== 'object') return ['the error body has no { error }'];
  const problems: string[] = [];
  if (typeof e.code !== 'string' || !codes.has(e.code)) problems.push(`error.code ${JSON.stringify(e.code)} is not in the error catalogue`);
  else if (codes.get(e.code)!.status !== res.statusCode) problems.push(`error.code ${e.code} is catalogued with ${codes.get(e.code)!.status}, answered ${res.statusCode}`);
  if (typeof e.message !== 'string' || !CHINESE.test(e.message)) problems.push('error.message is not Chinese');
  if (!('details' in e)) problems.push('error.details is missing');
  return problems;
}

/** Waits until nothing has been written for a moment: work an earlier success started in the background. */
async function settle(fingerprint: () => Promise<Fingerprint>, quietMs = 15, maxMs = 2000): Promise<void> {
  const until = Date.now() + maxMs;
  let last = await fingerprint();
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await fingerprint();
    if (changedTables(last, now).length === 0) return;
    last = now;
  }
}

/**
 * Sends each route requests generated from its own schema, as every caller, and checks that
 * (a) nothing answers 5xx, (b) a refused request (4xx) changed nothing stored, (c) every error
 * has the shape { error: { code, message, details } }, a catalogued code and a Chinese message,
 * and that a CSRF-less cookie session is refused on writes. Counterexamples are shrunk.
 */
export async function fuzzRoutes(o: FuzzOptions): Promise<FuzzReport> {
  const routes = o.routes.filter((r) => !o.only || routeName(r).includes(o.only));
  const callers = new Map(o.callers.map((c) => [c.name, c]));
  const shareMs = (o.seconds * 1000) / Math.max(1, routes.length);
  const report: FuzzReport = { requests: 0, seconds: 0, routes: [], failures: [] };
  const started = Date.now();

  for (const route of routes) {
    const stats: RouteStats = { route: routeName(route), requests: 0, ms: 0, statuses: {}, refusedByDatabase: 0 };
    report.routes.push(stats);
    const send = async (r: FuzzRequest) => {
      const res = await o.app.inject(injectOptions(r, callers.get(r.caller)!.headers()));
      stats.requests++;
      stats.statuses[res.statusCode] = (stats.statuses[res.statusCode] ?? 0) + 1;
      if (res.statusCode === 400 && res.body.includes(FIELD_PROBLEMS.databaseRefused) && stats.refusedByDatabase++ === 0) stats.refusedByDatabaseExample = describeRequest(r);
      return res;
    };
    const property = fc.asyncProperty(requestArbitrary(route, { ...o, callers: [...callers.keys()] }), async (r) => {
      const before = await o.fingerprint();
      const res = await send(r);
      const problems: string[] = [];
      if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}`);
      if (res.statusCode >= 400) problems.push(...(o.standardErrors?.(route) ? standardErrorProblems(res, o.errorCodes) : errorBodyProblems(res, o.errorCodes)));
      if (callers.get(r.caller)!.refusedOnWrites && !SAFE.has(r.method) && !o.ignoresSessions?.(route) && res.statusCode < 400) {
        problems.push('a cookie session without its CSRF token was let write');
      }
      if (res.statusCode >= 400) {
        const recorded = (t: string) => o.refusalRecords?.has(t) ?? false;
        const changed = changedTables(before, await o.fingerprint()).filter((t) => !recorded(t));
        if (changed.length) {
          // Background work an earlier success started may have written meanwhile: settle, and send it again.
          await settle(o.fingerprint);
          const again = await o.fingerprint();
          const replay = await send(r);
          const still = replay.statusCode >= 400 ? changedTables(again, await o.fingerprint()).filter((t) => !recorded(t)) : [];
          if (still.length) problems.push(`refused, yet it changed ${still.join(', ')}`);
        }
      } else if (!SAFE.has(r.method)) {
        await settle(o.fingerprint);
        await o.afterSuccess?.();
      }
      if (problems.length) throw new Error(`${problems.join('; ')}\n    response ${res.statusCode}: ${cut(res.body, 800)}`);
    });

    const routeStarted = Date.now();
    // Small chunks first, to learn how long this route's requests take.
    let perRun = Infinity;
    for (let chunk = 0; Date.now() - routeStarted < shareMs; chunk++) {
      const numRuns = perRun === Infinity ? 3 : Math.max(1, Math.min(25, Math.floor((shareMs - (Date.now() - routeStarted)) / perRun)));
      const seed = seedFor(o.seed, stats.route, chunk);
      const chunkStarted = Date.now();
      const before = stats.requests;
      const details = await fc.check(property, { seed, numRuns });
      perRun = Math.max(1, (Date.now() - chunkStarted) / Math.max(1, stats.requests - before));
      if (details.failed) {
        const [request] = details.counterexample ?? [];
        report.failures.push({
          route: stats.route,
          seed,
          path: details.counterexamplePath ?? '',
          request: request ? describeRequest(request) : '(none)',
          problem: details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance),
        });
        break;
      }
    }
    stats.ms = Date.now() - routeStarted;
    report.requests += stats.requests;
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** The report of failures a developer reads, with how to replay each. */
export function describeFailures(report: FuzzReport, baseSeed: number): string {
  return report.failures
    .map((f) => `${f.route}\n  request: ${f.request}\n  problem: ${f.problem}\n  replay: FAZHI_FUZZ_SEED=${baseSeed} FAZHI_FUZZ_ROUTE='${f.route}' (fast-check seed ${f.seed}, path ${f.path})`)
    .join('\n\n');
}
