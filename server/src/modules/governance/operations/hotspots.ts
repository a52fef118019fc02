import { and, gte, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { visibleCaseCondition } from '../../cases/index.js';
import { HOTLINE_CASE_TYPE, hotlineRequests } from '../../requests/index.js';
import { computeHotspots, defaultHotspotSettings, listedTopics, requestText, topicOf } from '../../routing/index.js';
import type { HotspotView } from '../../../../../contracts/governance.js';
import { GOVERNANCE_TEXT } from '../governance.strings.js';

const DAY = 86_400_000;
const BACKFILL_BATCH = 500;

/** A topic key's label: the listed topic's, or the word of a fallback topic ("word:路灯"). */
export function topicLabel(key: string): string {
  if (key.startsWith('word:')) return key.slice(5);
  return listedTopics().find((t) => t.key === key)?.label ?? GOVERNANCE_TEXT.otherTopic;
}

/**
 * Gives every request received since `since` its topic. Intake does not segment text (it must
 * stay fast), so topics are filled in here, in batches, the first time anyone reads hotspots.
 */
export async function backfillTopics(database: Database, since: Date): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await database.db
      .select({ caseId: hotlineRequests.caseId, title: hotlineRequests.title, content: hotlineRequests.content })
      .from(hotlineRequests)
      .where(and(isNull(hotlineRequests.topicKey), gte(hotlineRequests.receivedAt, since)))
      .limit(BACKFILL_BATCH);
    if (rows.length === 0) return filled;
    const values = rows.map((r) => ({ caseId: r.caseId, topicKey: topicOf(requestText(r)).key }));
    await database.transaction(async (tx) => {
      await tx.execute(sql`update hotline_requests h set topic_key = v.topic_key
        from (select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x("caseId" uuid, "topicKey" text)) v(case_id, topic_key)
        where h.case_id = v.case_id and h.topic_key is null`);
    });
    filled += rows.length;
  }
}


/** Topic × township groups over the last five weeks, optionally of one township; of the requests the reader may open. */
export async function hotspots(
  database: Database,
  reader: Actor,
  now: Date,
  townshipNames: Map<string, string>,
  townshipCode?: string,
): Promise<{ groups: HotspotView[]; settings: ReturnType<typeof defaultHotspotSettings> }> {
  const settings = defaultHotspotSettings();
  const since = new Date(now.getTime() - (settings.baseWeeks + 1) * settings.weekDays * DAY);
  await backfillTopics(database, since);
  // Counted by week in the database: a city's five weeks are hundreds of thousands of requests.
  const weekSeconds = settings.weekDays * 86_400;
  const params: unknown[] = [now.toISOString(), since.toISOString(), weekSeconds];
  if (townshipCode) params.push(townshipCode);
  const place = townshipCode ? `and r.township_code = $${params.length}` : '';
  const visible = visibleCaseCondition(HOTLINE_CASE_TYPE, reader, params);
  const counted = await database.backend.query(
    `select coalesce(r.topic_key, 'other') as "topicKey", coalesce(r.township_code, '') as "placeKey",
        floor(extract(epoch from ($1::timestamptz - r.received_at)) / $3)::int as "weeksAgo", count(*)::int as count
       from hotline_requests r join cases c on c.id = r.case_id
      where r.received_at > $2 and r.received_at <= $1 ${place} and ${visible}
      group by 1, 2, 3`,
    params,
    'object',
  );
  const items = (counted.rows as Array<{ topicKey: string; placeKey: string; weeksAgo: number; count: number }>).map((r) => ({
    topicKey: r.topicKey, placeKey: r.placeKey, count: Number(r.count), receivedAt: new Date(now.getTime() - Number(r.weeksAgo) * weekSeconds * 1000),
  }));
  const groups = computeHotspots(items, now, settings).map((g) => ({
    ...g,
    topicLabel: topicLabel(g.topicKey),
    placeName: townshipNames.get(g.placeKey) ?? g.placeKey,
  }));
  return { groups, settings };
}
