import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { StaffActor } from '../../../platform/actor.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { findUnit, listUnitsInScope, unitKindLabel, units, type UnitRow } from '../../orgs/index.js';
import { hotlineRequests } from '../../requests/index.js';
import { governanceError } from '../governance.errors.js';
import { governanceTopics } from '../governance.tables.js';
import type { GovernanceTopicView } from '../../../../../contracts/governance.js';
import { volumeChange } from '../rules/volume-change.js';
import { backfillTopics, topicLabel } from './hotspots.js';

const WEEKS = 8;
const DAY = 86_400_000;

export interface NewGovernanceTopic {
  title: string;
  topicKey: string;
  townshipCode: string | null;
  leadUnitId: number;
}

/** Kinds of unit that lead a 每月一题: those that do the work, not the center or the government itself. */
const LEADING_KINDS = new Set(['department', 'township']);

/** Who may lead a topic the actor opens: a working unit within the actor's scope. The page offers exactly these. */
export function mayLeadTopic(unit: Pick<UnitRow, 'kind' | 'path'>, actor: { scopePath: string }): boolean {
  return unit.path.startsWith(actor.scopePath) && LEADING_KINDS.has(unit.kind);
}

/** The units the actor may name as lead, grouped for the picker by kind. */
export async function leadUnitChoices(tx: Db, actor: { scopePath: string }) {
  const rows = (await listUnitsInScope(tx, actor.scopePath)).filter((u) => mayLeadTopic(u, actor));
  return rows.map((u) => ({ id: u.id, name: u.name, kind: u.kind, kindLabel: unitKindLabel(u.kind) }));
}

export async function createGovernanceTopic(
  database: Database,
  input: NewGovernanceTopic,
  actor: { userId: number; scopePath: string },
  townshipCodes: Set<string>,
  now: Date,
): Promise<{ id: string }> {
  if (input.townshipCode && !townshipCodes.has(input.townshipCode)) throw governanceError('TOPIC_PLACE_UNKNOWN', { field: 'townshipCode' });
  return database.transaction(async (tx) => {
    const lead = await findUnit(tx, input.leadUnitId);
    if (!lead || !mayLeadTopic(lead, actor)) {
      throw governanceError('LEAD_UNIT_UNKNOWN', { field: 'leadUnitId' });
    }
    const id = randomUUID();
    await tx.insert(governanceTopics).values({ id, ...input, startedAt: now, createdBy: actor.userId });
    return { id };
  });
}


async function receivedTimes(tx: Db, topicKey: string, townshipCode: string | null, from: Date): Promise<Date[]> {
  const rows = await tx
    .select({ at: hotlineRequests.receivedAt })
    .from(hotlineRequests)
    .where(and(eq(hotlineRequests.topicKey, topicKey), gte(hotlineRequests.receivedAt, from), townshipCode ? sql`${hotlineRequests.townshipCode} = ${townshipCode}` : undefined));
  return rows.map((r) => r.at);
}

/**
 * The governance topics led by units within the reader's scope, each with its weekly volume
 * before and since it started (the whole place's, which is what the lead unit answers for).
 */
export async function listGovernanceTopics(database: Database, reader: StaffActor, now: Date, unitName: (id: number) => Promise<string>, placeName: (code: string) => string): Promise<GovernanceTopicView[]> {
  const topics = (await database.db.select({ topic: governanceTopics }).from(governanceTopics)
    .innerJoin(units, eq(units.id, governanceTopics.leadUnitId))
    .where(sql`${units.path} like ${`${reader.scopePath}%`}`)
    .orderBy(desc(governanceTopics.startedAt))).map((r) => r.topic);
  if (topics.length === 0) return [];
  const earliest = Math.min(...topics.map((t) => t.startedAt.getTime())) - WEEKS * 7 * DAY;
  await backfillTopics(database, new Date(earliest));
  const out: GovernanceTopicView[] = [];
  for (const t of topics) {
    const times = await receivedTimes(database.db, t.topicKey, t.townshipCode, new Date(t.startedAt.getTime() - WEEKS * 7 * DAY));
    out.push({
      id: t.id,
      title: t.title,
      topicKey: t.topicKey,
      topicLabel: topicLabel(t.topicKey),
      townshipCode: t.townshipCode,
      placeName: t.townshipCode ? placeName(t.townshipCode) : null,
      leadUnitId: t.leadUnitId,
      leadUnitName: await unitName(t.leadUnitId),
      startedAt: t.startedAt.toISOString(),
      volume: volumeChange(times, t.startedAt, now, WEEKS),
    });
  }
  return out;
}
