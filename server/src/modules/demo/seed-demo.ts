import { requesterOf, type Actor, type StaffRole } from '../../platform/actor.js';
import { withAdvisoryLock } from '../../platform/db/advisory-lock.js';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.js';
import { demoLoads } from './demo.tables.js';
import { hashPassword } from '../auth/index.js';
import { performAction, sweepClocks } from '../cases/index.js';
import { insertUsers, readDemoCounty, readDivisions, seedOrganisation, type NewUser, type SeededOrganisation } from '../orgs/index.js';
import { readDutyListsFile, seedDutyLists } from '../duties/index.js';
import { insertRequests, loadReferenceData, prepareRequest, seedTaxonomy } from '../requests/index.js';
import { trainFromHistory } from '../routing/index.js';
import { actorLoader, grantModuleDemoRoles, moduleDemoUsers, seedModuleCases } from './seed-module-cases.js';
import { seedKnowledgeEntries } from './seed-knowledge.js';
import { seedEnforcementRegisters } from './seed-enforcement.js';
import { seedPenaltyCases } from './seed-penalty-cases.js';
import { seedFileReviews } from './seed-file-reviews.js';
import { seedInspections } from './seed-inspections.js';
import { remindExpiringCertificates } from '../enforcement/index.js';
import { seedSocialSupervisors } from './seed-social-supervisors.js';
import { seedStreetCases } from './seed-street-cases.js';
import { categoryWeight, generatePersonName, generatePhone, generateReplyText, generateRequestText, seededRng } from './request-text.js';

export const DEMO_COUNTY = '371302';
export const DEMO_PASSWORD = 'Fazhi@2026';

export interface DemoAccount {
  username: string;
  role: StaffRole;
  displayName: string;
  unitName: string;
}

function demoUsers(org: SeededOrganisation, passwordHash: string): NewUser[] {
  const county = readDemoCounty();
  const gov = org.governmentId;
  const center = org.centerId;
  const user = (username: string, displayName: string, role: StaffRole, unitId: number, scopeUnitId = unitId): NewUser => ({ username, displayName, role, unitId, scopeUnitId, passwordHash });
  const list: NewUser[] = [
    user('operator', '王丽（话务员）', 'operator', center, gov),
    user('dispatcher', '李强（派单员）', 'dispatcher', center, gov),
    user('supervisor', '赵敏（督办员）', 'supervisor', center, gov),
    user('leader', '陈书记（区领导）', 'unit_leader', gov, gov),
    user('admin', '系统管理员', 'admin', center, gov),
  ];
  for (const d of county.departments) {
    const id = org.departmentIds.get(d.key)!;
    list.push(user(`dept-${d.key}`, `${d.shortName ?? d.name}承办人`, 'handler', id));
  }
  for (const [code, id] of org.townshipIds) {
    list.push(user(`town-${code.slice(6)}`, `乡镇街道承办人${code.slice(6)}`, 'handler', id));
    list.push(user(`town-${code.slice(6)}-leader`, `乡镇街道负责人${code.slice(6)}`, 'unit_leader', id));
  }
  for (const worker of streetWorkers(org)) list.push(user(worker.username, worker.displayName, 'handler', worker.unitId));
  return list;
}

/** The township whose community and grids have people in the demo, so 下派 can be walked through. */
export const STREET_TOWNSHIP = '371302001';

/** A few of STREET_TOWNSHIP's own requests at its grids, at every stage (seed-street-cases.ts). */
async function seedStreet(database: Database, org: SeededOrganisation, now: Date): Promise<number> {
  const [village] = [...org.communityIds.keys()].filter((code) => code.startsWith(STREET_TOWNSHIP)).sort();
  const township = readDivisions(DEMO_COUNTY).townships.find((t) => t.code === STREET_TOWNSHIP);
  const grids = village ? (org.gridIds.get(village) ?? []) : [];
  if (!village || !township || grids.length === 0) return 0;
  return seedStreetCases(database, {
    centerId: org.centerId,
    township: { code: township.code, name: township.name, unitId: org.townshipIds.get(township.code)! },
    village: { code: village, name: township.villages.find((v) => v.code === village)?.name ?? '' },
    gridIds: grids,
    actors: await staffByUnit(database),
    now,
  });
}

/** A community's worker and its grids' workers (网格员) in the first community of STREET_TOWNSHIP. */
function streetWorkers(org: SeededOrganisation): Array<{ username: string; displayName: string; unitId: number }> {
  const [village] = [...org.communityIds.keys()].filter((code) => code.startsWith(STREET_TOWNSHIP)).sort();
  if (!village) return [];
  const name = readDivisions(DEMO_COUNTY).townships.find((t) => t.code === STREET_TOWNSHIP)?.villages.find((v) => v.code === village)?.name.replace(/居民委员会$|村民委员会$/, '') ?? '';
  const suffix = STREET_TOWNSHIP.slice(6);
  return [
    { username: `community-${suffix}`, displayName: `${name}承办人`, unitId: org.communityIds.get(village)! },
    ...(org.gridIds.get(village) ?? []).map((unitId, i) => ({ username: `grid-${suffix}-${i + 1}`, displayName: `${name}第${i + 1}网格网格员`, unitId })),
  ];
}

/** A county's units (its real townships and communities, its departments), request taxonomy and duty lists: no people, no requests. */
async function seedCountyStructure(tx: Db, countyCode: string): Promise<SeededOrganisation> {
  const seeded = await seedOrganisation(tx, readDivisions(countyCode), readDemoCounty());
  await seedTaxonomy(tx, (key) => seeded.departmentIds.get(key) ?? null);
  await seedDutyLists(tx, readDutyListsFile(countyCode), (key) => seeded.departmentIds.get(key) ?? null);
  return seeded;
}

/**
 * A county going live without the demo (FAZHI_DEMO=0): its unit tree, taxonomy and duty lists,
 * into an empty database; its first administrator is then added with `fazhi users add`.
 */
export async function initCountyOrganisation(database: Database, countyCode: string): Promise<SeededOrganisation | null> {
  return withAdvisoryLock(database, 'fazhi.demo.seed', async () => {
    const [{ n }] = (await database.backend.query('select count(*)::int as n from units', [], 'object')).rows as [{ n: number }];
    if (n > 0) return null;
    return database.transaction((tx) => seedCountyStructure(tx, countyCode));
  });
}

/** A fresh data directory gets the demo county: its real townships, departments, people and requests. */
export async function seedDemo(database: Database, options: { requests: number; now: Date; seed?: number }): Promise<{ accounts: DemoAccount[]; requests: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const org = await database.transaction(async (tx) => {
    const seeded = await seedCountyStructure(tx, DEMO_COUNTY);
    await insertUsers(tx, [...demoUsers(seeded, passwordHash), ...moduleDemoUsers(seeded, passwordHash)]);
    return seeded;
  });
  await grantModuleDemoRoles(database, org);
  const created = (await seedDemoRequests(database, org, options)) + (options.requests > 0 ? await seedStreet(database, org, options.now) : 0);
  await seedModuleCases(database, org, options.now);
  await seedKnowledgeEntries(database, org, options.now, await actorLoader(database));
  await seedEnforcementRegisters(database, org, options.now, await actorLoader(database));
  await seedPenaltyCases(database, org, options.now, await actorLoader(database));
  await seedFileReviews(database, options.now, await actorLoader(database));
  await seedInspections(database, options.now, await actorLoader(database));
  // The certificates near their end are in their subjects' to-do from the first page, as the server's hourly job leaves them.
  await remindExpiringCertificates(database, options.now);
  await seedSocialSupervisors(database, options.now, await actorLoader(database));
  // Limits that ran out while the history was written are recorded as the server's sweep would.
  for (let swept = await sweepClocks(database, options.now); swept.overdue + swept.warned > 0; swept = await sweepClocks(database, options.now));
  // The demo's own answered requests give smart dispatch a history to learn from.
  if (created > 0) await trainFromHistory(database, options.now);
  return { accounts: await listAccounts(database), requests: created };
}

/**
 * Seeds the demo county when the database has no units yet; null when it had. App servers
 * starting together on one new database take turns here: the first seeds, the others wait
 * and then find it full. onSeeding tells the caller that this process is the one seeding.
 */
export async function seedDemoIfEmpty(
  database: Database,
  options: { requests: number; now: Date; seed?: number; onSeeding?: () => void; onResuming?: () => void },
): Promise<{ accounts: DemoAccount[]; requests: number } | null> {
  return withAdvisoryLock(database, 'fazhi.demo.seed', async () => {
    const [load] = await database.db.select().from(demoLoads).where(eq(demoLoads.id, 1));
    if (load && !load.finishedAt) {
      // A load was cut short (the server died): what it wrote is only part of a county.
      options.onResuming?.();
      await wipeHalfLoadedDemo(database);
    } else {
      const [{ n }] = (await database.backend.query('select count(*)::int as n from units', [], 'object')).rows as [{ n: number }];
      if (n > 0) return null;
    }
    options.onSeeding?.();
    await database.db.insert(demoLoads).values({ id: 1, startedAt: options.now }).onConflictDoUpdate({ target: demoLoads.id, set: { startedAt: options.now, finishedAt: null } });
    const seeded = await seedDemo(database, options);
    await database.db.update(demoLoads).set({ finishedAt: new Date() }).where(eq(demoLoads.id, 1));
    return seeded;
  });
}

/**
 * Tables that outlive a demo wiped for reloading: the record of the platform itself (its key,
 * its security log, its checkpoints, which saw nothing of a load that never finished, as the
 * server takes no requests and makes no checkpoint while it loads) and the schema's own.
 */
const KEPT_ON_RELOAD = new Set(['schema_migrations', 'audit_keys', 'security_events', 'audit_checkpoints', 'audit_sealed_heads', 'demo_loads']);

async function wipeHalfLoadedDemo(database: Database): Promise<void> {
  const tables = ((await database.backend.query(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`, [], 'array')).rows as Array<[string]>)
    .map(([t]) => t)
    .filter((t) => !KEPT_ON_RELOAD.has(t));
  await database.backend.inTransaction((runner) => runner.exec(`truncate table ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`));
}

async function listAccounts(database: Database): Promise<DemoAccount[]> {
  const rows = await database.backend.query(
    `select u.username, u.role, u.display_name, n.name from users u join units n on n.id = u.unit_id order by u.id`, [], 'array');
  return (rows.rows as Array<[string, StaffRole, string, string]>).map(([username, role, displayName, unitName]) => ({ username, role, displayName, unitName }));
}

const HOUR = 3600_000;

/** Walks each demo request through a realistic life: dispatch, sign, reply, follow-up; some return, extend, or get rated badly. */
async function seedDemoRequests(database: Database, org: SeededOrganisation, options: { requests: number; now: Date; seed?: number }): Promise<number> {
  const rng = seededRng(options.seed ?? 371302);
  const reference = await loadReferenceData(database.db);
  // Drawn in proportion to how often a district's 12345 line hears each kind of request, not uniformly.
  const leaves = [...reference.categories.values()].filter((c) => c.level === 3);
  const weights = leaves.map((c) => categoryWeight(c.code));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickLeaf = (): (typeof leaves)[number] => {
    if (totalWeight <= 0) return pick(leaves);
    let roll = rng() * totalWeight;
    for (const [i, w] of weights.entries()) if ((roll -= w) < 0) return leaves[i]!;
    return leaves[leaves.length - 1]!;
  };
  const townships = [...reference.townships.values()];
  const actorsByUnit = await staffByUnit(database);
  const centerActor = (role: 'operator' | 'dispatcher') => actorsByUnit.get(`${org.centerId}:${role}`)!;
  const pick = <T>(list: T[]): T => list[Math.floor(rng() * list.length)]!;
  let created = 0;
  const helperRng = seededRng((options.seed ?? 371302) + 1);
  const streetTownship = org.townshipIds.get(STREET_TOWNSHIP);
  const grids = streetWorkers(org).filter((w) => w.username.startsWith('grid-')).map((w) => w.unitId);
  /** Returns false when the history has reached the present before the helpers were done. */
  const callInHelpers = async (step: Step, owner: Actor, leadUnitId: number, townshipCode: string, stillHandling: boolean): Promise<boolean> => {
    const roll = helperRng();
    if (leadUnitId === streetTownship && grids.length && roll < 0.9) {
      const gridId = grids[Math.floor(helperRng() * grids.length)]!;
      const worker = actorsByUnit.get(`${gridId}:handler`)!;
      if (!(await step('dispatch_down', owner, { unitIds: [gridId], note: '请网格员到现场核实情况并反馈。' }, 0.5 + helperRng() * 2))) return false;
      if (!(await step('sign', worker, {}, 0.5 + helperRng() * 4))) return false;
      // Some grids are still at work on the cases their township still handles.
      if (stillHandling && helperRng() < 0.5) return true;
      return step('reply_lead', worker, { reply: '网格员已到现场核实，情况属实，已向诉求人说明处理进度，建议由街道协调相关单位处理。' }, 2 + helperRng() * 20);
    }
    const placeId = org.townshipIds.get(townshipCode);
    if (placeId && placeId !== leadUnitId && roll > 0.95) {
      const helper = actorsByUnit.get(`${placeId}:handler`)!;
      if (!(await step('invite_assist', owner, { unitIds: [placeId], note: '请属地街道（乡镇）协助现场核实。' }, 1 + helperRng() * 4))) return false;
      if (!(await step('sign', helper, {}, 0.5 + helperRng() * 6))) return false;
      return step('reply_lead', helper, { reply: '已安排工作人员现场核实，配合主办单位做好诉求人解释工作。' }, 4 + helperRng() * 24);
    }
    return true;
  };

  for (let i = 0; i < options.requests; i++) {
    const leaf = pickLeaf();
    const level1 = reference.categories.get(reference.categories.get(leaf.parentCode ?? '')?.parentCode ?? '');
    const township = pick(townships);
    const villages = [...township.villages];
    const [villageCode, villageName] = villages.length ? pick(villages) : [undefined, ''];
    const text = generateRequestText(rng, { categoryCode: leaf.code, categoryName: leaf.name, level1Name: level1?.name ?? '', townshipName: township.name, villageName: villageName ?? '' });
    let at = new Date(options.now.getTime() - rng() * 45 * 24 * HOUR);
    const viaPhone = rng() < 0.6;
    const prepared = await prepareRequest(
      {
        content: text.content, title: text.title, name: rng() < 0.7 ? generatePersonName(rng) : undefined, phone: rng() < 0.85 ? generatePhone(rng) : undefined,
        townshipCode: township.code, villageCode, channel: viaPhone ? 'phone' : pick(['web', 'app', 'wechat', 'mayor_mailbox']),
        ...(viaPhone ? { requestType: text.type, categoryCode: leaf.code, urgency: text.urgency } : {}),
      },
      reference,
      viaPhone ? centerActor('operator') : { role: 'citizen' },
    );
    await database.transaction((tx) => insertRequests(tx, [prepared], at));
    created++;
    const step = async (action: string, actor: Actor, input: Record<string, unknown>, hours: number): Promise<boolean> => {
      const next = new Date(at.getTime() + hours * HOUR);
      if (next > options.now) return false;
      at = next;
      await database.transaction((tx) => performAction(tx, { caseId: prepared.caseId, action, actor, input, now: at }));
      return true;
    };
    // A neighbour calls about the same problem soon after: the operator merges the call into this one.
    if (rng() < DUPLICATE_SHARE && i + 1 < options.requests) {
      const duplicateAt = new Date(at.getTime() + 0.2 * HOUR);
      if (duplicateAt <= options.now) {
        const duplicate = await prepareRequest({ content: text.content, title: text.title, townshipCode: township.code, villageCode, channel: 'phone', requestType: text.type, categoryCode: leaf.code }, reference, centerActor('operator'));
        await database.transaction(async (tx) => {
          await insertRequests(tx, [duplicate], duplicateAt);
          await performAction(tx, { caseId: duplicate.caseId, action: 'merge', actor: centerActor('operator'), input: { parentCaseId: prepared.caseId }, now: duplicateAt });
        });
        created++;
        i++;
      }
    }
    const fate = rng();
    if (fate < 0.06) continue; // still waiting at intake
    if (text.type === '咨询' && rng() < 0.7) {
      const answer = generateReplyText(rng, { categoryName: leaf.name, categoryCode: leaf.code, unitName: '12345热线', title: text.title, requestType: text.type, repliedAt: at });
      if (!(await step('answer_directly', centerActor('operator'), { reply: answer }, 0.2))) continue;
      await followUp(step, centerActor('operator'), rng);
      continue;
    }
    const ownerId = leaf.defaultUnitId ?? org.townshipIds.get(township.code)!;
    const dispatchInput = { unitId: ownerId, requestType: text.type, categoryCode: leaf.code, urgency: text.urgency };
    if (!(await step('dispatch', centerActor('dispatcher'), dispatchInput, 0.5 + rng()))) continue;
    let owner = actorsByUnit.get(`${ownerId}:handler`)!;
    let leadUnitId = ownerId;
    if (fate < 0.12) continue; // not yet signed
    if (fate < 0.2) {
      if (!(await step('return', owner, { reason: '经核实，该事项不属于本单位职责范围，建议改派属地乡镇（街道）。' }, 2 + rng() * 10))) continue;
      if (fate < 0.15) continue; // waiting for the center
      const newOwner = org.townshipIds.get(township.code)!;
      if (!(await step('redispatch', centerActor('dispatcher'), { unitId: newOwner, reason: '按属地管理原则改派。' }, 1 + rng() * 4))) continue;
      owner = actorsByUnit.get(`${newOwner}:handler`)!;
      leadUnitId = newOwner;
    }
    if (!(await step('sign', owner, {}, 0.5 + rng() * (fate > 0.9 ? 40 : 8)))) continue;
    if (!(await step('contact', owner, { note: '已电话联系诉求人，了解具体情况并约定现场查看时间。' }, 0.5 + rng() * 6))) continue;
    // Some go on to a grid (下派) or call in a co-handler (协办), who answer the lead first. A
    // generator of their own keeps every other request's draws as they were.
    if (!(await callInHelpers(step, owner, leadUnitId, township.code, fate < 0.3))) continue;
    if (fate < 0.3) continue; // handling
    // Only the general limit can be extended (+5 working days on approval).
    if (fate < 0.36 && leaf.clockRule === 'rx12345.general' && text.urgency === 'normal') {
      if (!(await step('request_extension', owner, { reason: '需协调多个部门现场会商，申请延期办理。' }, 24 + rng() * 48))) continue;
      if (fate < 0.33) continue;
      if (!(await step('approve_extension', centerActor('dispatcher'), {}, 2 + rng() * 10))) continue;
    }
    const replyText = generateReplyText(rng, {
      categoryName: leaf.name, categoryCode: leaf.code, unitName: owner.role === 'citizen' || owner.role === 'system' ? '' : owner.displayName.replace(/承办人$/, ''),
      townshipName: township.name, villageName: villageName ?? '', title: text.title, requestType: text.type, repliedAt: at,
    });
    if (!(await step('reply', owner, { reply: replyText }, 8 + rng() * 120))) continue;
    if (fate < 0.45) continue; // waiting for the follow-up
    const bad = await followUp(step, centerActor('operator'), rng);
    if (bad && rng() < 0.6) {
      if (!(await step('reply', owner, { reply: `整改情况：${replyText}` }, 24 + rng() * 72))) continue;
      await followUp(step, centerActor('operator'), rng, true);
    }
    if (bad) continue;
    // Some requesters rate the answer themselves (评价) after the follow-up.
    if (rng() < CITIZEN_RATING_SHARE) {
      const satisfaction = rng() < 0.75 ? 'satisfied' : rng() < 0.8 ? 'basically_satisfied' : 'dissatisfied';
      if (!(await step('citizen_evaluate', requesterOf(prepared.caseId), { resolved: satisfaction !== 'dissatisfied', satisfaction }, 2 + rng() * 48))) continue;
      if (satisfaction === 'dissatisfied') continue;
    }
    // The problem came back: the center reopens the request and the same unit handles it again.
    if (rng() < REOPEN_SHARE) {
      if (!(await step('reopen', centerActor('dispatcher'), { reason: '诉求人反映问题再次出现，重新办理。' }, 24 + rng() * 72))) continue;
      if (!(await step('dispatch', centerActor('dispatcher'), { unitId: ownerId }, 0.5 + rng()))) continue;
      const again = actorsByUnit.get(`${ownerId}:handler`)!;
      if (!(await step('sign', again, {}, 0.5 + rng() * 8))) continue;
      if (!(await step('contact', again, { note: '已再次联系诉求人。' }, 0.5 + rng() * 6))) continue;
      if (!(await step('reply', again, { reply: `再次办理：${replyText}` }, 8 + rng() * 100))) continue;
      await followUp(step, centerActor('operator'), rng, true);
    }
  }
  return created;
}

// Shares of the demo's life cycles that the older steps above do not set.
const DUPLICATE_SHARE = 0.04;
const CITIZEN_RATING_SHARE = 0.3;
const REOPEN_SHARE = 0.05;

type Step = (action: string, actor: Actor, input: Record<string, unknown>, hours: number) => Promise<boolean>;

/** Returns true when the requester was dissatisfied (a rectification is open). */
async function followUp(step: Step, operator: Actor, rng: () => number, second = false): Promise<boolean> {
  const roll = rng();
  const satisfaction = roll < (second ? 0.7 : 0.62) ? 'satisfied' : roll < 0.9 ? 'basically_satisfied' : 'dissatisfied';
  const resolved = satisfaction !== 'dissatisfied' && rng() < 0.92;
  const done = await step('follow_up', operator, { resolved, satisfaction, comment: satisfaction === 'dissatisfied' ? '诉求人表示问题仍未解决。' : '诉求人对办理结果表示认可。' }, 4 + rng() * 40);
  return done && satisfaction === 'dissatisfied';
}

async function staffByUnit(database: Database): Promise<Map<string, Actor>> {
  const rows = await database.backend.query(
    `select u.id, u.role, u.unit_id, u.scope_unit_id, s.path, u.display_name from users u join units s on s.id = u.scope_unit_id`, [], 'array');
  const map = new Map<string, Actor>();
  for (const [userId, role, unitId, scopeUnitId, scopePath, displayName] of rows.rows as Array<[number, StaffRole, number, number, string, string]>) {
    const key = `${unitId}:${role}`;
    if (!map.has(key)) map.set(key, { role, userId, unitId, scopeUnitId, scopePath, displayName });
  }
  return map;
}

