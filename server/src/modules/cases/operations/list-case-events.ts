import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { caseEvents, casePersonalData } from '../cases.tables.js';
import { PERSONAL_KEY } from '../personal-data.js';

export interface CaseEventView {
  seq: number;
  type: string;
  at: Date;
  actorRole: string;
  actorUserId: number | null;
  actorUnitId: number | null;
  /** As recorded, with personal values put back in place (null where they were erased). */
  payload: Record<string, unknown>;
}

/** A case's events in order, for its timeline; personal values come from beside the record. */
export async function listCaseEvents(tx: Db, caseId: string): Promise<CaseEventView[]> {
  const [rows, personal] = await Promise.all([
    tx
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
      .orderBy(asc(caseEvents.seq)),
    tx.select().from(casePersonalData).where(eq(casePersonalData.caseId, caseId)),
  ]);
  const values = new Map(personal.map((p) => [`${p.seq}:${p.field}`, p.value]));
  return rows.map((r) => {
    const payload = r.payload as Record<string, unknown>;
    const input = payload.input as Record<string, unknown> | undefined;
    if (!input || !Object.values(input).some(isPersonal)) return { ...r, payload };
    const restored = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, isPersonal(v) ? (values.get(`${r.seq}:${k}`) ?? null) : v]));
    return { ...r, payload: { ...payload, input: restored } };
  });
}

const isPersonal = (v: unknown) => typeof v === 'object' && v !== null && PERSONAL_KEY in v;
