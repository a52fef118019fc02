import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { StaffActor } from '../../platform/actor.js';
import { creditCodeCheckCharacter } from '../../platform/credit-code.js';
import type { Database } from '../../platform/db/database.js';
import { idNumberCheckCharacter } from '../../platform/id-number.js';
import { repoPath } from '../../platform/repo-path.js';
import { seededRandom } from '../../platform/seeded-random.js';
import { shanghaiDay } from '../clock/index.js';
import { readDutyFile } from '../duties/index.js';
import { createOfficer, createSubject, importMatters, registerObject, setCertificateStatus, type SubjectInput } from '../enforcement/index.js';
import { findUnit, type SeededOrganisation } from '../orgs/index.js';

interface DemoRegisters {
  basisArticle: string;
  subjects: Array<{ unit: string; kind: SubjectInput['kind']; name?: string; entrustedBy?: string; fields: string[]; basis: string; article?: string }>;
  officers: Array<{ subject: string; name: string; username?: string; expiresInDays?: number; expiredDaysAgo?: number; suspended?: string }>;
  enterprises: Array<[string, string]>;
  individuals: Array<{ name: string; born: string; region: string }>;
}

const DAY = 86_400_000;
const MATTERS_FILE = 'docs/examples/enforcement-matters.csv';
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const COUNTY = '371302';

/** An invented 统一社会信用代码: 91 (an enterprise) or 92 (a 个体工商户), the county, a 9-character MA… code, its check character. */
export function demoCreditCode(rng: () => number, soleTrader: boolean): string {
  const body = `${soleTrader ? '92' : '91'}${COUNTY}MA${Array.from({ length: 7 }, () => CODE_ALPHABET[Math.floor(rng() * CODE_ALPHABET.length)]).join('')}`;
  return `${body}${creditCodeCheckCharacter(body)}`;
}

/**
 * The demo county's 行政执法 registers, entered as a county would: the 司法局's supervisor
 * registers the subjects and their officers, with certificates near expiry, one lapsed and one
 * suspended; the enterprises and people enforcement meets; the matters file loaded as a county
 * loads its own (`fazhi xzzf import-matters`).
 */
export async function seedEnforcementRegisters(database: Database, org: SeededOrganisation, now: Date, actorOf: (username: string) => Promise<StaffActor>): Promise<{ subjects: number; officers: number; objects: number; matters: number }> {
  const data = JSON.parse(readFileSync(repoPath('server/src/modules/demo/data/enforcement-registers.json'), 'utf8')) as DemoRegisters;
  const supervisor = await actorOf('xzzf-supervisor');
  const unitOf = (ref: string): number => {
    const [kind, key] = ref.split(':') as [string, string];
    return kind === 'dept' ? org.departmentIds.get(key)! : org.townshipIds.get(key)!;
  };
  const today = shanghaiDay(now);
  const day = (offset: number) => shanghaiDay(new Date(now.getTime() + offset * DAY));
  const subjectIds = new Map<string, number>();
  // Accounts are read before the transaction: the embedded database runs one at a time.
  const accountIds = new Map<string, number>();
  for (const o of data.officers) if (o.username) accountIds.set(o.username, (await actorOf(o.username)).userId);
  await database.transaction(async (tx) => {
    for (const s of data.subjects) {
      const unit = (await findUnit(tx, unitOf(s.unit)))!;
      const { id } = await createSubject(tx, supervisor, {
        unitId: unit.id, name: s.name ?? unit.name, kind: s.kind, entrustedById: s.entrustedBy ? subjectIds.get(s.entrustedBy)! : null,
        basisText: s.basis, basisArticle: s.article ?? data.basisArticle, regionCodes: [s.unit.startsWith('town:') ? s.unit.slice(5) : COUNTY], fields: s.fields,
      }, now);
      subjectIds.set(s.unit, id);
    }
    let n = 0;
    for (const o of data.officers) {
      n++;
      const subject = data.subjects.find((s) => s.unit === o.subject)!;
      // Five-year certificates issued over the last three years, unless the file says when one ends.
      const validTo = o.expiresInDays !== undefined ? day(o.expiresInDays) : o.expiredDaysAgo !== undefined ? day(-o.expiredDaysAgo) : day(2 * 365 - 1 + n * 11);
      const validFrom = shanghaiDay(new Date(Date.parse(`${validTo}T12:00:00+08:00`) - (5 * 365 - 1) * DAY));
      const { certificateId } = await createOfficer(tx, supervisor, {
        subjectId: subjectIds.get(o.subject)!, name: o.name, userId: o.username ? accountIds.get(o.username)! : null,
        certificate: { number: `37130${String(1000 + n * 37).padStart(5, '0')}`, issuer: '山东省人民政府', fields: subject.fields, validFrom, validTo },
      }, now);
      if (o.suspended) await setCertificateStatus(tx, supervisor, certificateId!, { status: 'suspended', reason: o.suspended }, now);
    }
    const rng = seededRandom(32100);
    for (const [name, region] of data.enterprises) {
      await registerObject(tx, supervisor, { kind: 'enterprise', name, creditCode: demoCreditCode(rng, /店|馆|部|会所|诊所/.test(name)), regionCode: region }, now, today);
    }
    for (const person of data.individuals) {
      const first17 = `${COUNTY}${person.born}${String(100 + Math.floor(rng() * 900))}`;
      await registerObject(tx, supervisor, { kind: 'individual', name: person.name, idNumber: `${first17}${idNumberCheckCharacter(first17)}`, regionCode: person.region }, now, today);
    }
  });
  const bytes = readFileSync(repoPath(MATTERS_FILE));
  const { count } = await importMatters(database, {
    fileName: 'enforcement-matters.csv', sha256: createHash('sha256').update(bytes).digest('hex'), records: await readDutyFile('enforcement-matters.csv', bytes),
  }, { actorUserId: supervisor.userId, now });
  return { subjects: data.subjects.length, officers: data.officers.length, objects: data.enterprises.length + data.individuals.length, matters: count };
}
