// What the benchmarks share: the machine they ran on, medians and percentiles, and a
// client that submits requests to an app server as citizens do.
import http from 'node:http';
import { cpus, totalmem } from 'node:os';

export const machine = () => ({ cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version });

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

export interface Submitted {
  /** Time to each 201 (acknowledged after commit), in milliseconds. */
  latenciesMs: number[];
  errors: number;
  seconds: number;
}

/**
 * POSTs `count` requests to /api/public/requests, `concurrency` at a time, the i-th with body(i).
 * node:http with keep-alive: fetch costs the client more CPU than the server spends, on two cores.
 */
export async function submitRequests(serverUrl: string, count: number, concurrency: number, body: (i: number) => string): Promise<Submitted> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const post = (payload: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${serverUrl}/api/public/requests`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(payload);
    });
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const payload = body(next++);
        const t0 = performance.now();
        if ((await post(payload)) === 201) latenciesMs.push(performance.now() - t0);
        else errors++;
      }
    }));
  } finally {
    agent.destroy();
  }
  return { latenciesMs, errors, seconds: (performance.now() - started) / 1000 };
}

export interface JsonReply {
  status: number;
  /** The parsed body; the raw text when it is not JSON. */
  body: any;
}

/**
 * One request with a JSON body over node:http, through `agent` (keep-alive). Rejects with the
 * socket's own error (ECONNRESET, ECONNREFUSED …) so a caller can tell a dead server from an answer.
 */
export function requestJson(agent: http.Agent, url: string, method: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 60_000): Promise<JsonReply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method,
      agent,
      timeout: timeoutMs,
      headers: { ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      // A server killed mid-answer: the body never completes (reject after resolve is a no-op).
      res.on('close', () => res.complete || reject(Object.assign(new Error('answer cut short'), { code: 'ECONNRESET' })));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
}
