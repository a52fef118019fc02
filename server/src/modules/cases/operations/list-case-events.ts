import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { caseEvents } from '../cases.tables.js';

export interface CaseEventView {
  seq: number;
  type: string;
  at: Date;
  actorRole: string;
  actorUserId: number | null;
  actorUnitId: number | null;
  payload: Record<string, unknown>;
}

export async function listCaseEvents(tx: Db, caseId: string): Promise<CaseEventView[]> {
  const rows = await tx
    .select({
      seq: caseEvents.seq,
      type: caseEvents.type,
      at: caseEvents.at,
      actorRole: caseEvents.actorRole,
      actorUserId: caseEvents.actorUserId,
      actorUnitId: caseEvents.actorUnitId,
      payload: caseEvents.payload,
    })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.seq));
  return rows.map((r) => ({ ...r, payload: r.payload as Record<string, unknown> }));
}
