// After the soak, with both servers stopped: is everything the servers acknowledged in the
// record, and does the record verify? The acknowledgements are looked up in the database itself;
// the record is checked by the same commands an administrator runs.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { repoPath } from '../../server/src/platform/repo-path.js';
import type { Ledger } from './ledger.js';

export interface Lost {
  requests: string[];
  actions: string[];
  ratings: string[];
}

/** Every acknowledged request by its tracking code; every action at its seq, of its type, with its state. */
export async function findLost(databaseUrl: string, ledger: Ledger): Promise<Lost> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const stored = await sql.query<{ tracking_code: string; case_id: string }>(
      'select tracking_code, case_id from hotline_requests where tracking_code = any($1::text[])',
      [ledger.requests.map((r) => r.trackingCode)],
    );
    const byCode = new Map(stored.rows.map((r) => [r.tracking_code, r.case_id]));
    const requests = ledger.requests
      .filter((r) => !byCode.has(r.trackingCode) || (r.caseId !== undefined && byCode.get(r.trackingCode) !== r.caseId))
      .map((r) => `${r.kind} ${r.trackingCode} (${r.server})`);

    const events = await sql.query<{ case_id: string; seq: number; type: string; to_state: string }>(
      `select e.case_id, e.seq, e.type, e.payload->>'toState' as to_state
         from case_events e join unnest($1::uuid[], $2::int[]) as a(case_id, seq) on e.case_id = a.case_id and e.seq = a.seq`,
      [ledger.actions.map((a) => a.caseId), ledger.actions.map((a) => a.seq)],
    );
    const at = new Map(events.rows.map((e) => [`${e.case_id}#${e.seq}`, e]));
    const actions = ledger.actions
      .filter((a) => {
        const e = at.get(`${a.caseId}#${a.seq}`);
        return !e || e.type !== a.action || e.to_state !== a.state;
      })
      .map((a) => `${a.action} on ${a.caseId} at seq ${a.seq} → ${a.state} (${a.server}): ${JSON.stringify(at.get(`${a.caseId}#${a.seq}`) ?? 'no such event')}`);

    // A rating's answer names no seq: each must have a rating event of its own with that state.
    const rated = await sql.query<{ case_id: string; to_state: string; n: number }>(
      `select case_id, payload->>'toState' as to_state, count(*)::int as n from case_events
        where type = 'citizen_evaluate' and case_id = any($1::uuid[]) group by 1, 2`,
      [[...new Set(ledger.ratings.map((r) => r.caseId))]],
    );
    const left = new Map(rated.rows.map((r) => [`${r.case_id} ${r.to_state}`, r.n]));
    const ratings = ledger.ratings
      .filter((r) => {
        const key = `${r.caseId} ${r.state}`;
        const n = left.get(key) ?? 0;
        left.set(key, n - 1);
        return n <= 0;
      })
      .map((r) => `rating of ${r.caseId} → ${r.state} (${r.server})`);
    return { requests, actions, ratings };
  } finally {
    await sql.end();
  }
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** `fazhi <args>` against the soak's database and data directory (its key and witness file). */
export function fazhi(args: string[], env: Record<string, string>): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [repoPath('bin', 'fazhi.js'), ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ exitCode: code, stdout, stderr });
    });
  });
}

export interface RecordCheck {
  checkpoints: CommandResult[];
  audit: { exitCode: number; cases?: number; events?: number; checkpoints?: number; findings: unknown[]; seconds?: number; error?: string };
  stats: { exitCode: number; cases?: number; events?: number; differences: unknown[]; seconds?: number; error?: string };
}

/** Two checkpoints (the second covers everything the first left pending), then both verifications. */
export async function checkRecord(env: Record<string, string>): Promise<RecordCheck> {
  const checkpoints = [await fazhi(['audit', 'checkpoint'], env), await fazhi(['audit', 'checkpoint'], env)];
  const audit = parsed(await fazhi(['audit', 'verify', '--json'], env), 'findings');
  const stats = parsed(await fazhi(['stats', 'verify', '--json'], env), 'differences');
  return { checkpoints, audit: audit as RecordCheck['audit'], stats: stats as RecordCheck['stats'] };
}

/** The command's JSON report; a command that printed none (it crashed) is a problem of its own. */
function parsed(result: CommandResult, list: 'findings' | 'differences'): Record<string, unknown> {
  try {
    // `fazhi stats` writes its report to stderr when it found differences.
    const report = JSON.parse(result.stdout.trim() || result.stderr) as Record<string, unknown>;
    if (!Array.isArray(report[list])) throw new Error(`no ${list} in the report`);
    return { exitCode: result.exitCode, ...report };
  } catch (error) {
    return { exitCode: result.exitCode || 1, [list]: [], error: `${String(error)}\n${result.stderr.slice(0, 2000)}` };
  }
}

/** The one platform key: the file both servers shared, unchanged by the kills, and the only key the database knows. */
export async function checkKey(databaseUrl: string, keyFile: string, idAtStart: string): Promise<{ ok: boolean; keyId: string; registered: string[] }> {
  const keyId = (JSON.parse(readFileSync(keyFile, 'utf8')) as { id: string }).id;
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const registered = (await sql.query<{ key_id: string }>('select key_id from audit_keys order by key_id')).rows.map((r) => r.key_id);
    return { ok: keyId === idAtStart && registered.length === 1 && registered[0] === keyId, keyId, registered };
  } finally {
    await sql.end();
  }
}
