import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, StaffActor } from '../../../platform/actor.js';
import { isValidCreditCode, normaliseCreditCode } from '../../../platform/credit-code.js';
import type { Db } from '../../../platform/db/database.js';
import { isValidIdNumber, maskIdNumber, normaliseIdNumber } from '../../../platform/id-number.js';
import { platformKeyring } from '../../../platform/keyring.js';
import { openSecret, sealSecret } from '../../../platform/secret-box.js';
import { getCaseType, rolesIn } from '../../cases/index.js';
import { redactPersonName } from '../../documents/index.js';
import { rowsOf } from '../../../platform/db/rows-of.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { enforcementError } from '../enforcement.errors.js';
import { enforcementObjectHistory, enforcementObjects, enforcementSubjects } from '../enforcement.tables.js';
import { PENALTY_CASE_TYPE } from '../penalty-case-type.js';
import { ENFORCEMENT_MODULE, homeRegister, visibleRegisters, visibleSubjects } from './register-scope.js';

interface Common {
  name: string;
  address?: string;
  regionCode?: string;
}
export type ObjectInput = (Common & { kind: 'enterprise'; creditCode: string; legalRepresentative?: string }) | (Common & { kind: 'individual'; idNumber: string });

type ObjectRow = typeof enforcementObjects.$inferSelect;

/** The lookup key of an identity number: an HMAC under the platform key, so a copy of the database gives no number back. */
export const idNumberKey = (idNumber: string) => platformKeyring().mac('identity.lookup', normaliseIdNumber(idNumber));
const sealContext = (key: string) => `xzzf_object:${key}`;

const REGISTRAR_ROLES = ['officer', 'subject_admin', 'supervisor'];

export const objectView = (o: ObjectRow) => ({
  id: o.id, kind: o.kind, name: o.name, creditCode: o.creditCode, legalRepresentative: o.legalRepresentative,
  idNumberMasked: o.idNumberMasked, address: o.address, regionCode: o.regionCode,
});

/**
 * Registers an enterprise by its 统一社会信用代码 or a person by their 居民身份证 number (checked
 * by their check characters, the birth date not after `today`) into the county register of the
 * person registering. One object per code or number in a register.
 */
export async function registerObject(tx: Db, actor: StaffActor, input: ObjectInput, now: Date, today: string): Promise<{ id: number }> {
  if (actor.role !== 'admin' && !rolesIn(actor, ENFORCEMENT_MODULE).some((r) => REGISTRAR_ROLES.includes(r.role))) throw enforcementError('XZZF_NOT_REGISTRAR');
  const governmentUnitId = await homeRegister(tx, actor);
  if (governmentUnitId === undefined) throw enforcementError('XZZF_NOT_REGISTRAR');
  const common = { governmentUnitId, name: input.name.trim(), address: input.address?.trim() || null, regionCode: input.regionCode ?? null, createdAt: now };
  let values: typeof enforcementObjects.$inferInsert;
  let same: SQL;
  if (input.kind === 'enterprise') {
    if (!isValidCreditCode(input.creditCode)) throw enforcementError('XZZF_CREDIT_CODE_INVALID', { field: 'creditCode' });
    const creditCode = normaliseCreditCode(input.creditCode);
    values = { ...common, kind: 'enterprise', creditCode, legalRepresentative: input.legalRepresentative?.trim() || null };
    same = eq(enforcementObjects.creditCode, creditCode);
  } else {
    if (!isValidIdNumber(input.idNumber, today)) throw enforcementError('XZZF_ID_NUMBER_INVALID', { field: 'idNumber' });
    const key = idNumberKey(input.idNumber);
    values = { ...common, kind: 'individual', idNumberMasked: maskIdNumber(input.idNumber), idNumberKey: key, idNumberSealed: sealSecret(normaliseIdNumber(input.idNumber), sealContext(key), 'identity.seal') };
    same = eq(enforcementObjects.idNumberKey, key);
  }
  const [existing] = await tx.select({ id: enforcementObjects.id }).from(enforcementObjects).where(and(eq(enforcementObjects.governmentUnitId, governmentUnitId), same));
  if (existing) throw enforcementError('XZZF_OBJECT_EXISTS', { objectId: existing.id });
  const [row] = await tx.insert(enforcementObjects).values(values).returning({ id: enforcementObjects.id });
  return { id: row!.id };
}

export interface ObjectQuery {
  q?: string;
  kind?: ObjectRow['kind'];
  page: number;
  pageSize: number;
}

/** Objects of the registers the person reads, found by name, credit code or a whole identity number. */
export async function searchObjects(tx: Db, actor: Actor, query: ObjectQuery) {
  const registers = await visibleRegisters(tx, actor);
  if (registers.length === 0) return { total: 0, items: [] };
  const q = query.q?.trim();
  const conditions: Array<SQL | undefined> = [inArray(enforcementObjects.governmentUnitId, registers), query.kind ? eq(enforcementObjects.kind, query.kind) : undefined];
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(
      ilike(enforcementObjects.name, pattern),
      ilike(enforcementObjects.creditCode, `${q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
      isValidIdNumber(q) ? eq(enforcementObjects.idNumberKey, idNumberKey(q)) : undefined,
    ));
  }
  const where = and(...conditions);
  const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(enforcementObjects).where(where)) as [{ total: number }];
  const rows = await tx.select().from(enforcementObjects).where(where).orderBy(asc(enforcementObjects.name), asc(enforcementObjects.id))
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  return { total, items: rows.map(objectView) };
}

async function visibleObject(tx: Db, actor: Actor, objectId: number): Promise<ObjectRow> {
  const registers = await visibleRegisters(tx, actor);
  const [row] = registers.length ? await tx.select().from(enforcementObjects).where(and(eq(enforcementObjects.id, objectId), inArray(enforcementObjects.governmentUnitId, registers))) : [];
  if (!row) throw enforcementError('XZZF_OBJECT_NOT_FOUND');
  return row;
}

/**
 * An object and its history. Every entry shows its kind, day and subject; the case or
 * inspection it points to only to readers of that subject (a case of another subject is theirs).
 */
export async function readObject(tx: Db, actor: Actor, objectId: number) {
  const object = await visibleObject(tx, actor, objectId);
  const readable = new Set((await visibleSubjects(tx, actor)).map((s) => s.id));
  const history = await tx
    .select({ entry: enforcementObjectHistory, subjectName: enforcementSubjects.name })
    .from(enforcementObjectHistory)
    .innerJoin(enforcementSubjects, eq(enforcementSubjects.id, enforcementObjectHistory.subjectId))
    .where(eq(enforcementObjectHistory.objectId, object.id))
    .orderBy(desc(enforcementObjectHistory.day), desc(enforcementObjectHistory.id));
  return {
    ...objectView(object),
    history: history.map(({ entry, subjectName }) => ({
      kind: entry.kind, day: entry.day, subjectId: entry.subjectId, subjectName,
      refId: readable.has(entry.subjectId) ? entry.refId : null, summary: readable.has(entry.subjectId) ? entry.summary : null,
    })),
  };
}

export interface HistoryEntry {
  objectId: number;
  kind: 'case' | 'inspection';
  refId: string;
  subjectId: number;
  day: string;
  summary: string;
}

/** Notes a case or inspection in its object's history, in the caller's transaction; once per object and case. */
export async function appendObjectHistory(tx: Db, entry: HistoryEntry, now: Date): Promise<void> {
  await tx.insert(enforcementObjectHistory).values({ ...entry, createdAt: now }).onConflictDoNothing();
}

/** The person of this identity number in a county's register, for the code that opens a case on them. */
export async function findObjectByIdNumber(tx: Db, governmentUnitId: number, idNumber: string): Promise<ReturnType<typeof objectView> | undefined> {
  if (!isValidIdNumber(idNumber)) return undefined;
  const [row] = await tx.select().from(enforcementObjects).where(and(eq(enforcementObjects.governmentUnitId, governmentUnitId), eq(enforcementObjects.idNumberKey, idNumberKey(idNumber))));
  return row ? objectView(row) : undefined;
}

/** A person's whole identity number, for a document that must carry it (a 处罚决定书); never shown in lists. */
export async function revealIdNumber(tx: Db, objectId: number): Promise<string | null> {
  const [row] = await tx.select({ key: enforcementObjects.idNumberKey, sealed: enforcementObjects.idNumberSealed }).from(enforcementObjects).where(eq(enforcementObjects.id, objectId));
  return row?.key && row.sealed ? openSecret(row.sealed, sealContext(row.key), 'identity.seal') : null;
}

/**
 * 删除个人信息 on the person's request: an individual's name becomes surname + 某 (in the register
 * and its history), and the address and identity number go, the sealed number, the masked one and
 * the lookup key alike, so the number finds them no more. Refused while a 行政处罚 case against them
 * is still open: the file must stand until it ends (each case's own data is erased with the case's).
 * Only the platform's administrators erase; the security log keeps the act, not the name.
 */
export async function eraseObject(tx: Db, actor: StaffActor, objectId: number, note: string | undefined, now: Date): Promise<{ erased: boolean }> {
  if (actor.role !== 'admin') throw enforcementError('XZZF_NOT_ERASER');
  const object = await visibleObject(tx, actor, objectId);
  if (object.kind !== 'individual') throw enforcementError('XZZF_OBJECT_NOT_PERSON');
  const open = await tx.execute(sql`
    select 1 from xzzf_object_history h join cases c on c.id::text = h.ref_id
     where h.object_id = ${object.id} and h.kind = 'case' and c.state not in (${sql.join(finalPenaltyStates().map((state) => sql`${state}`), sql`, `)}) limit 1`);
  if (rowsOf(open).length > 0) throw enforcementError('XZZF_OBJECT_HAS_OPEN_CASES');
  const redacted = redactPersonName(object.name);
  const erased = object.idNumberKey !== null || object.idNumberSealed !== null || object.address !== null || redacted !== object.name;
  await tx.update(enforcementObjects).set({ name: redacted, address: null, idNumberMasked: null, idNumberKey: null, idNumberSealed: null }).where(eq(enforcementObjects.id, object.id));
  if (redacted !== object.name) {
    await tx.update(enforcementObjectHistory).set({ summary: sql`replace(${enforcementObjectHistory.summary}, ${object.name}, ${redacted})` }).where(eq(enforcementObjectHistory.objectId, object.id));
  }
  await recordSecurityEvent(tx, { kind: 'xzzf_object_erased', at: now, actorUserId: actor.userId, details: { objectId: object.id, ...(note ? { note } : {}) } });
  return { erased };
}

const finalPenaltyStates = () => Object.entries(getCaseType(PENALTY_CASE_TYPE).states).filter(([, state]) => state.final).map(([name]) => name);
