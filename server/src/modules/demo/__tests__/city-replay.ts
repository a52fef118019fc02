/**
 * Replays generated cases through the app itself (intake, performAction, the clock sweep) in a
 * second database with the same city, and says where the rows or events differ. The app draws
 * its own ids, so ids inside payloads are compared by order of appearance.
 */
import { CITIZEN, requesterOf, SYSTEM, type Actor, type StaffRole } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { newRequesterKey, performAction, personalCommitment, sweepClocks } from '../../cases/index.js';
import { insertRequests, type PreparedRequest } from '../../requests/index.js';

type Row = Record<string, unknown>;
type EventRow = { case_id: string; seq: number; type: string; at: Date; actor_user_id: number | null; actor_unit_id: number | null; actor_role: string; payload: Row };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function rows(database: Database, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await database.backend.query(sql, params, 'object')).rows as Row[];
}

/** Values as comparable text: dates in ISO, JSON as JSON; ids other than case ids numbered per case. */
function normalise(value: unknown, ids: Map<string, string>, caseIds: Set<string>): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && UUID.test(value) && !caseIds.has(value)) {
    if (!ids.has(value)) ids.set(value, `<id ${ids.size + 1}>`);
    return ids.get(value);
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v, ids, caseIds));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Row).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, normalise(v, ids, caseIds)]));
  }
  return value;
}

/** Everything the app keeps about some cases, in a form to compare between two databases. */
export async function caseRecord(database: Database, caseIds: string[]): Promise<unknown> {
  const ids = new Map<string, string>();
  const cases = new Set(caseIds);
  const out: Row = {};
  for (const caseId of [...caseIds].sort()) {
    // Salts differ between the two: a personal value is compared by what its hash stands for.
    const personal = new Map((await rows(database, 'select seq, field, value, salt from case_personal_data where case_id = $1', [caseId]))
      .map((p) => [personalCommitment(p.value as string, p.salt as string), `<personal ${p.field}: ${p.value}>`]));
    const events = (await rows(database, 'select seq, type, at, actor_user_id, actor_unit_id, actor_role, payload from case_events where case_id = $1 order by seq', [caseId]))
      .map((e) => ({ ...e, payload: JSON.parse(JSON.stringify(e.payload), (_, v) => (typeof v === 'string' && personal.has(v) ? personal.get(v) : v)) }));
    const record = {
      events,
      case: await rows(database, 'select state, owner_unit_id, region_code, last_seq, created_at, updated_at from cases where id = $1', [caseId]),
      // topic_key aside: the generator sets it from the category, the app later from the text (hotspots).
      request: (await rows(database, 'select * from hotline_requests where case_id = $1', [caseId])).map(({ topic_key: _, ...r }) => r),
      dispatches: await rows(database, 'select * from hotline_dispatches where case_id = $1 order by dispatched_at', [caseId]),
      evaluations: await rows(database, 'select * from hotline_evaluations where case_id = $1 order by at', [caseId]),
      clocks: await rows(database, 'select * from case_clocks where case_id = $1 order by started_at, name', [caseId]),
    };
    out[caseId] = normalise(record, ids, cases);
  }
  return out;
}

/** The paths where two records differ, with both values, for a failure message one can read. */
export function differences(generated: unknown, replayed: unknown, limit = 10): string[] {
  const flat = (value: unknown, path: string, out: Map<string, string>) => {
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flat(v, `${path}.${k}`, out);
    else out.set(path, JSON.stringify(value));
    return out;
  };
  const a = flat(generated, '', new Map());
  const b = flat(replayed, '', new Map());
  const found: string[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(path) !== b.get(path) && found.length < limit) found.push(`${path}: generated ${a.get(path)}, app ${b.get(path)}`);
  }
  return found;
}

async function centerOf(database: Database): Promise<number> {
  const [center] = await rows(database, `select id from units where kind = 'center' order by id limit 1`, []);
  return center!.id as number;
}

async function actorFor(database: Database, row: EventRow): Promise<Actor> {
  if (row.actor_role === 'system') return SYSTEM;
  // A citizen's act on a case is their rating, made as the proven requester of that case.
  if (row.actor_role === 'citizen') return row.type === 'submitted' ? CITIZEN : requesterOf(row.case_id);
  const [user] = await rows(database,
    'select u.id, u.role, u.unit_id, u.scope_unit_id, s.path, u.display_name from users u join units s on s.id = u.scope_unit_id where u.id = $1', [row.actor_user_id]);
  if (!user) throw new Error(`no user ${row.actor_user_id}`);
  return { role: user.role as StaffRole, userId: user.id as number, unitId: user.unit_id as number, scopeUnitId: user.scope_unit_id as number, scopePath: user.path as string, displayName: user.display_name as string };
}

/**
 * Replays the cases (a merge parent with its duplicates) from `source` into `target`, in the
 * order their events happened. The platform's own steps are not replayed but happen again:
 * follow_parent with the parent's answer, and the sweep's urges when the sweep runs at their moment.
 */
export async function replayCases(source: Database, target: Database, caseIds: string[]): Promise<void> {
  const events = (await rows(source,
    'select case_id, seq, type, at, actor_user_id, actor_unit_id, actor_role, payload from case_events where case_id = any($1::uuid[]) order by at, case_id, seq',
    [caseIds])) as unknown as EventRow[];
  let lastSweep = -1;
  for (const event of events) {
    const at = new Date(event.at);
    if (event.type === 'follow_parent') continue;
    if (event.type === 'auto_urge' || event.type === 'auto_supervise') {
      if (at.getTime() !== lastSweep) await sweepClocks(target, at);
      lastSweep = at.getTime();
      continue;
    }
    const actor = await actorFor(target, event);
    if (event.type === 'submitted') {
      const [r] = await rows(source, 'select * from hotline_requests where case_id = $1', [event.case_id]);
      const staff = actor.role !== 'citizen';
      const prepared: PreparedRequest = {
        caseId: event.case_id, trackingCode: r!.tracking_code as string, photo: null, actor, organUnitId: await centerOf(target), requesterKey: newRequesterKey(),
        input: {
          content: r!.content as string, title: (r!.title as string | null) ?? undefined, name: (r!.requester_name as string | null) ?? undefined,
          phone: (r!.requester_phone as string | null) ?? undefined, townshipCode: r!.township_code as string,
          villageCode: (r!.village_code as string | null) ?? undefined, channel: r!.channel as string,
          ...(staff ? { requestType: event.payload.requestType as string, categoryCode: event.payload.categoryCode as string } : {}),
          ...(staff && r!.urgency === 'urgent' ? { urgency: 'urgent' as const } : {}),
        },
      };
      await target.transaction((tx) => insertRequests(tx, [prepared], at));
      continue;
    }
    // The app takes the personal values themselves; the source record holds their hashes.
    const kept = await rows(source, 'select field, value from case_personal_data where case_id = $1 and seq = $2', [event.case_id, event.seq]);
    const input = { ...(event.payload.input as Row), ...Object.fromEntries(kept.map((p) => [p.field as string, p.value])) };
    await target.transaction((tx) => performAction(tx, { caseId: event.case_id, action: event.type, actor, input, now: at }));
  }
}

/** Running clocks of replayed cases would otherwise be swept while later cases replay. */
export async function retireClocks(target: Database, caseIds: string[]): Promise<void> {
  await target.backend.query('delete from case_clocks where case_id = any($1::uuid[])', [caseIds], 'array');
}
