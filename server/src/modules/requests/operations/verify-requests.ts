import { createHash } from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.js';
import { hotlineRequests } from '../requests.tables.js';

const PAGE = 2000;
const LEAD_DISPATCH_EVENTS = ['dispatch', 'redispatch', 'rule_owner'];
const READ_EVENTS = ['submitted', 'reply', 'answer_directly', 'follow_parent', 'personal_data_erased', 'reopen', ...LEAD_DISPATCH_EVENTS];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

type Event = { caseId: string; seq: number; type: string; at: Date; payload: Record<string, any> };
type Finding = { caseId: string; field: string; detail?: string };

/**
 * For `fazhi audit verify`: each request's row against what its events say. The text and
 * title against the hashes of the opening event; the requester's details against the values
 * kept beside the record (or gone, if erased); the reply against the last answer the events
 * carry (for a merged request, its lead's answer at the moment it followed); the facts 一次办结率
 * counts (lead dispatches, the first one's unit, a reopening) against the actions that made them.
 */
export async function verifyHotlineRequests(database: Database, report: (f: Finding) => void): Promise<void> {
  for (let after: string | null = null; ; ) {
    const rows = await database.db.select().from(hotlineRequests).where(after ? gt(hotlineRequests.caseId, after) : undefined).orderBy(asc(hotlineRequests.caseId)).limit(PAGE);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.caseId);
    const events = await eventsOf(database, ids);
    const personal = await personalOf(database, ids);
    const parents = await eventsOf(database, [...new Set(rows.map((r) => r.mergedInto).filter((id): id is string => id !== null))]);
    for (const r of rows) {
      const own = events.get(r.caseId) ?? [];
      const opening = own.find((e) => e.type === 'submitted');
      if (!opening) continue; // the chain check names a case whose opening is gone
      const facts = opening.payload;
      if (facts.contentSha256 && facts.contentSha256 !== sha256(r.content)) report({ caseId: r.caseId, field: 'content' });
      if (facts.titleSha256 !== undefined && facts.titleSha256 !== (r.title ? sha256(r.title) : null)) report({ caseId: r.caseId, field: 'title' });
      if (facts.trackingCode && facts.trackingCode !== r.trackingCode) report({ caseId: r.caseId, field: 'tracking_code' });
      const erased = own.some((e) => e.type === 'personal_data_erased');
      const given = personal.get(r.caseId);
      const location = r.latitude !== null && r.longitude !== null ? `${r.latitude},${r.longitude}` : null;
      for (const [field, column] of [['requesterName', r.requesterName], ['requesterPhone', r.requesterPhone], ['address', r.address], ['requesterEmail', r.requesterEmail], ['location', location]] as const) {
        if (!facts.personal && !erased) continue; // written before the record kept requesters' hashes
        const kept = given?.get(field);
        const expected = erased || kept === undefined ? null : kept;
        if ((column ?? null) !== expected) report({ caseId: r.caseId, field, detail: erased ? 'erased in the record, present in the row' : undefined });
      }
      const reply = expectedReply(own, parents);
      if (reply !== undefined && (r.replyText ?? null) !== reply) report({ caseId: r.caseId, field: 'reply_text' });
      const dispatches = own.filter((e) => LEAD_DISPATCH_EVENTS.includes(e.type));
      if (r.leadDispatches !== dispatches.length) report({ caseId: r.caseId, field: 'lead_dispatches' });
      if (r.firstLeadUnitId !== (dispatches[0]?.payload.input?.unitId ?? null)) report({ caseId: r.caseId, field: 'first_lead_unit_id' });
      if (r.reopened !== own.some((e) => e.type === 'reopen')) report({ caseId: r.caseId, field: 'reopened' });
    }
    after = rows[rows.length - 1]!.caseId;
  }
}

/** The last answer the events give a request; undefined when it follows a lead whose events were not read. */
function expectedReply(events: Event[], parents: Map<string, Event[]>): string | null | undefined {
  let reply: string | null | undefined = null;
  for (const e of events) {
    if (e.type === 'reply' || e.type === 'answer_directly') reply = e.payload.input?.reply ?? null;
    if (e.type === 'follow_parent') {
      const lead = parents.get(e.payload.facts?.parentCaseId);
      if (!lead) return undefined;
      const answered = lead.filter((p) => (p.type === 'reply' || p.type === 'answer_directly') && p.at.getTime() <= e.at.getTime()).at(-1);
      reply = answered ? (answered.payload.input?.reply ?? null) : undefined;
      if (reply === undefined) return undefined;
    }
  }
  return reply;
}

async function eventsOf(database: Database, ids: string[]): Promise<Map<string, Event[]>> {
  const map = new Map<string, Event[]>();
  if (ids.length === 0) return map;
  const rows = await database.backend.query(
    'select case_id, seq, type, at, payload from case_events where case_id = any($1::uuid[]) and type = any($2::text[]) order by case_id, seq',
    [ids, READ_EVENTS],
    'array',
  );
  for (const [caseId, seq, type, at, payload] of rows.rows as Array<[string, number, string, Date | string, unknown]>) {
    const list = map.get(caseId) ?? [];
    list.push({ caseId, seq, type, at: new Date(at), payload: (typeof payload === 'string' ? JSON.parse(payload) : payload) as Record<string, any> });
    map.set(caseId, list);
  }
  return map;
}

async function personalOf(database: Database, ids: string[]): Promise<Map<string, Map<string, string | null>>> {
  const map = new Map<string, Map<string, string | null>>();
  const rows = await database.backend.query('select case_id, field, value from case_personal_data where case_id = any($1::uuid[]) and seq = 1', [ids], 'array');
  for (const [caseId, field, value] of rows.rows as Array<[string, string, string | null]>) {
    if (!map.has(caseId)) map.set(caseId, new Map());
    map.get(caseId)!.set(field, value);
  }
  return map;
}

