import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Actor, StaffActor, StaffRole } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { repoPath } from '../../platform/repo-path.js';
import { ClockError, shanghaiDay } from '../clock/index.js';
import { performAction } from '../cases/index.js';
import { recordLawsuit } from '../litigation/index.js';
import { grantsOf, roleGrants, units, users, type SeededOrganisation } from '../orgs/index.js';
import { recordApplication, type ApplicationInput } from '../reconsideration/index.js';

/** One scripted step of a demo case: an action some days after the previous one. */
export interface ScriptStep {
  action: string;
  daysAfter: number;
  /** Who acts, when not the case's usual hand: the respondent or defendant; an organ's head or its legal reviewer. */
  actor?: 'respondent' | 'head' | 'reviewer';
  /** `@today` the step's day, `@in:N` N days later, `@<fact>` a fact the previous step recorded (a hearing's id). */
  input: Record<string, unknown>;
}

interface DemoFile {
  reconsideration: Array<Omit<ApplicationInput, 'organUnitId' | 'receivedOn' | 'respondentUnitId'> & { receivedDaysAgo: number; respondent: string; steps: ScriptStep[] }>;
  litigation: Array<{ servedDaysAgo: number; defendant: string; courtName: string; courtCaseNumber: string; cause: string; plaintiffName: string; fromReview?: number; steps: ScriptStep[] }>;
}

const DAY = 24 * 3600_000;
const readDemoFile = (): DemoFile => JSON.parse(readFileSync(repoPath('server/src/modules/demo/data/module-cases.json'), 'utf8')) as DemoFile;

/**
 * The people of 行政复议 and 行政应诉 in the demo county: the 司法局's reconsideration handler
 * (also the county's litigation coordinator) and its head; every department and township
 * answers reconsiderations against it and defends its own lawsuits. The 12345 center's
 * knowledge administrator publishes the 知识库, whose entries every unit keeps.
 */
export function moduleDemoUsers(org: SeededOrganisation, passwordHash: string) {
  const justice = org.departmentIds.get('justice')!;
  const user = (username: string, displayName: string) => ({ username, displayName, role: 'staff' as StaffRole, unitId: justice, scopeUnitId: justice, passwordHash });
  return [
    user('xzfy-handler', '刘洋（复议承办人）'), user('xzfy-head', '孙红（复议机构负责人）'),
    { username: 'kb-admin', displayName: '周静（知识库管理员）', role: 'staff' as StaffRole, unitId: org.centerId, scopeUnitId: org.centerId, passwordHash },
    // 行政执法: the 司法局's supervisor, and an officer (also the subject's administrator) of three subjects.
    user('xzzf-supervisor', '吴刚（执法监督）'),
    ...[...enforcementAccounts(org), ...enforcementDeciders(org), ...fileReviewExperts(org)].map(([username, displayName, unitId]) => ({ username, displayName, role: 'staff' as StaffRole, unitId, scopeUnitId: unitId, passwordHash })),
  ];
}

/** Who approves and decides, and who reviews, in the 综合行政执法局 and the 市场监管局: the organs' heads and their legal reviewers. */
function enforcementDeciders(org: SeededOrganisation): Array<[string, string, number, string]> {
  const urban = org.departmentIds.get('enforcement')!;
  const market = org.departmentIds.get('market')!;
  return [
    ['xzzf-urban-head', '高峰（综合执法局负责人）', urban, 'xzzf.head'],
    ['xzzf-urban-reviewer', '韩雪（综合执法局法制审核）', urban, 'xzzf.legal_reviewer'],
    ['xzzf-market-head', '孙建国（市场监管局负责人）', market, 'xzzf.head'],
    ['xzzf-reviewer', '赵敏（市场监管局法制审核）', market, 'xzzf.legal_reviewer'],
  ];
}

/** The 司法局's 案卷评查 experts, each from a unit of their own: none reviews a subject they work in. */
function fileReviewExperts(org: SeededOrganisation): Array<[string, string, number, string]> {
  return [
    ['xzzf-expert-1', '林雪梅（司法局法律顾问）', org.departmentIds.get('justice')!, 'xzzf.file_reviewer'],
    ['xzzf-expert-2', '郑国华（住建局法制科）', org.departmentIds.get('housing')!, 'xzzf.file_reviewer'],
    ['xzzf-expert-3', '何静（生态环境分局法制科）', org.departmentIds.get('ecology')!, 'xzzf.file_reviewer'],
  ];
}

/** The demo's enforcement officers with accounts: the 综合行政执法局's, the 市场监管局's and a township team's. */
function enforcementAccounts(org: SeededOrganisation): Array<[string, string, number]> {
  return [
    ['xzzf-urban', '陈志强（综合执法局执法人员）', org.departmentIds.get('enforcement')!],
    ['xzzf-market', '张伟（市场监管局执法人员）', org.departmentIds.get('market')!],
    ['xzzf-town', '秦勇（兰山街道综合执法队）', org.townshipIds.get('371302001')!],
  ];
}

/** Module roles for the demo's accounts, by username: granted after the accounts exist. */
export async function grantModuleDemoRoles(database: Database, org: SeededOrganisation): Promise<void> {
  const gov = org.governmentId;
  const grants: Array<[string, string, number]> = [
    ['xzfy-handler', 'xzfy.handler', gov], ['xzfy-handler', 'xzss.coordinator', gov], ['xzfy-handler', 'xzss.handler', gov],
    ['xzfy-head', 'xzfy.head', gov], ['leader', 'xzss.coordinator', gov],
  ];
  // 知识库: the center's knowledge administrator publishes for the county and writes the center's own entries; each unit keeps its own.
  // The dispatcher also keeps the center's entries, so a good direct answer can become one.
  grants.push(['kb-admin', 'kb.publisher', gov], ['kb-admin', 'kb.editor', org.centerId], ['dispatcher', 'kb.editor', org.centerId]);
  grants.push(['xzzf-supervisor', 'xzzf.supervisor', gov]);
  for (const [username, , unitId] of enforcementAccounts(org)) grants.push([username, 'xzzf.officer', unitId], [username, 'xzzf.subject_admin', unitId]);
  for (const [username, , unitId, role] of enforcementDeciders(org)) grants.push([username, role, unitId]);
  for (const [username, , , role] of fileReviewExperts(org)) grants.push([username, role, gov]);
  for (const [key, id] of org.departmentIds) grants.push([`dept-${key}`, 'xzfy.respondent', id], [`dept-${key}`, 'xzss.handler', id], [`dept-${key}`, 'kb.editor', id]);
  for (const [code, id] of org.townshipIds) grants.push([`town-${code.slice(6)}`, 'xzfy.respondent', id], [`town-${code.slice(6)}`, 'xzss.handler', id], [`town-${code.slice(6)}`, 'kb.editor', id]);
  await database.transaction(async (tx) => {
    const ids = new Map((await tx.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id]));
    const rows = grants.filter(([username]) => ids.has(username)).map(([username, role, unitId]) => ({ userId: ids.get(username)!, role, unitId }));
    if (rows.length) await tx.insert(roleGrants).values(rows);
  });
}

/**
 * Reconsiderations and lawsuits at every stage, walked through their workflows on the days the
 * demo file sets, by the people who would act; a step that would fall after `now` is not taken.
 */
export async function seedModuleCases(database: Database, org: SeededOrganisation, now: Date): Promise<{ reconsiderations: number; lawsuits: number }> {
  const file = readDemoFile();
  const actorOf = await actorLoader(database);
  const handler = await actorOf('xzfy-handler');
  const towns = [...org.townshipIds.entries()];
  const unitOf = (ref: string): { unitId: number; username: string } => {
    const [kind, key] = ref.split(':') as [string, string];
    if (kind === 'dept') return { unitId: org.departmentIds.get(key)!, username: `dept-${key}` };
    const [code, id] = towns[Number(key)]!;
    return { unitId: id, username: `town-${code.slice(6)}` };
  };
  const play = (caseId: string, start: Date, steps: ScriptStep[], handlerOf: Actor, other: Actor) =>
    playScript(database, caseId, start, steps, (step) => (step.actor === 'respondent' ? other : handlerOf), now);

  const reviewIds: string[] = [];
  for (const c of file.reconsideration) {
    const { receivedDaysAgo, respondent, steps, ...application } = c;
    const received = workingHour(new Date(now.getTime() - receivedDaysAgo * DAY));
    const target = unitOf(respondent);
    const { caseId } = await database.transaction((tx) =>
      recordApplication(tx, { ...application, organUnitId: org.governmentId, respondentUnitId: target.unitId, receivedOn: shanghaiDay(received) }, handler, received));
    reviewIds.push(caseId);
    await play(caseId, received, steps, handler, await actorOf(target.username));
  }
  for (const c of file.litigation) {
    const served = workingHour(new Date(now.getTime() - c.servedDaysAgo * DAY));
    const defendant = unitOf(c.defendant);
    const actor = await actorOf(defendant.username);
    const { caseId } = await database.transaction((tx) =>
      recordLawsuit(tx, {
        defendantUnitId: defendant.unitId, courtName: c.courtName, courtCaseNumber: c.courtCaseNumber, cause: c.cause, plaintiffName: c.plaintiffName,
        servedOn: shanghaiDay(served), ...(c.fromReview !== undefined ? { fromReviewCaseId: reviewIds[c.fromReview]! } : {}),
      }, actor, served));
    await play(caseId, served, c.steps, actor, actor);
  }
  return { reconsiderations: file.reconsideration.length, lawsuits: file.litigation.length };
}

/**
 * Walks a demo case through its steps, each some days after the one before, by whoever `actorFor`
 * names; a step that would fall after `now` is not taken. Each step may use the facts the one
 * before recorded (`@<fact>`).
 */
export async function playScript(database: Database, caseId: string, start: Date, steps: readonly ScriptStep[], actorFor: (step: ScriptStep) => Actor, now: Date): Promise<void> {
  let at = start;
  let facts: Record<string, unknown> = {};
  for (const step of steps) {
    at = new Date(at.getTime() + step.daysAfter * DAY);
    if (at > now) return;
    const input = resolveInput(step.input, at, facts);
    try {
      const result = await database.transaction((tx) => performAction(tx, { caseId, action: step.action, actor: actorFor(step), input, now: at }));
      facts = result.facts;
    } catch (e) {
      // A limit running into a year the holiday calendar does not know yet cannot be computed
      // (never guessed): the case stays where it stood, as it would for a user.
      if (e instanceof ClockError && e.code === 'CALENDAR_YEAR_UNKNOWN') return;
      // Whoever edits a demo file learns which step of which script the workflow refused.
      throw new Error(`demo case ${caseId}, step ${step.action} on ${shanghaiDay(at)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
}

/** 10:00 China time on that day: a case is entered in office hours. */
export function workingHour(instant: Date): Date {
  return new Date(`${shanghaiDay(instant)}T10:00:00+08:00`);
}

function resolveInput(input: Record<string, unknown>, at: Date, facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === '@today') out[key] = shanghaiDay(at);
    else if (typeof value === 'string' && value.startsWith('@in:')) out[key] = shanghaiDay(new Date(at.getTime() + Number(value.slice(4)) * DAY));
    else if (typeof value === 'string' && value.startsWith('@')) out[key] = facts[value.slice(1)];
    else out[key] = value;
  }
  return out;
}

export async function actorLoader(database: Database): Promise<(username: string) => Promise<StaffActor>> {
  const cache = new Map<string, StaffActor>();
  return async (username) => {
    const known = cache.get(username);
    if (known) return known;
    const [row] = await database.db
      .select({ id: users.id, role: users.role, unitId: users.unitId, scopeUnitId: users.scopeUnitId, displayName: users.displayName, scopePath: units.path })
      .from(users)
      .innerJoin(units, eq(units.id, users.scopeUnitId))
      .where(eq(users.username, username));
    if (!row) throw new Error(`demo account ${username} is missing`);
    const actor: StaffActor = {
      role: row.role, userId: row.id, unitId: row.unitId, scopeUnitId: row.scopeUnitId, scopePath: row.scopePath, displayName: row.displayName,
      grants: await grantsOf(database.db, row.id),
    };
    cache.set(username, actor);
    return actor;
  };
}
