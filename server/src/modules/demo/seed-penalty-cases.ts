import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { StaffActor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { repoPath } from '../../platform/repo-path.js';
import { shanghaiDay } from '../clock/index.js';
import { enforcementMatters, enforcementObjects, enforcementOfficers, enforcementSubjects, recordClue, type ClueInput } from '../enforcement/index.js';
import type { SeededOrganisation } from '../orgs/index.js';
import { playScript, workingHour, type ScriptStep } from './seed-module-cases.js';

interface Team {
  officer: string;
  /** The second officer the acts name, by name in the register. */
  partner: string;
  head: string;
  reviewer: string;
  field: string;
}

interface PenaltyDemo {
  teams: Record<string, Team>;
  cases: Array<{ team: string; discoveredDaysAgo: number; source: ClueInput['source']; summary: string; party: string; matter: string; steps: ScriptStep[] }>;
}

const DAY = 86_400_000;

/**
 * 行政处罚 cases at every stage, from a clue just recorded to a case archived after a hearing and
 * a legal review, walked by the subject's officer, its head and its legal reviewer
 * (data/penalty-cases.json). `@officers` is the officer and their partner, `@matter` the case's matter.
 */
export async function seedPenaltyCases(database: Database, org: SeededOrganisation, now: Date, actorOf: (username: string) => Promise<StaffActor>): Promise<number> {
  const data = JSON.parse(readFileSync(repoPath('server/src/modules/demo/data/penalty-cases.json'), 'utf8')) as PenaltyDemo;
  const db = database.db;
  for (const c of data.cases) {
    const team = data.teams[c.team]!;
    const unitId = org.departmentIds.get(c.team.slice('dept:'.length))!;
    const [subject] = await db.select({ id: enforcementSubjects.id }).from(enforcementSubjects).where(eq(enforcementSubjects.unitId, unitId));
    const officer = await actorOf(team.officer);
    const ids = async (where: ReturnType<typeof eq>) => (await db.select({ id: enforcementOfficers.id }).from(enforcementOfficers).where(and(eq(enforcementOfficers.subjectId, subject!.id), where)))[0]!.id;
    const officerIds = [await ids(eq(enforcementOfficers.userId, officer.userId)), await ids(eq(enforcementOfficers.name, team.partner))];
    const [matter] = await db.select({ id: enforcementMatters.id }).from(enforcementMatters).where(eq(enforcementMatters.code, c.matter));
    const [party] = await db.select({ id: enforcementObjects.id }).from(enforcementObjects).where(eq(enforcementObjects.name, c.party));
    const discovered = workingHour(new Date(now.getTime() - c.discoveredDaysAgo * DAY));
    const { caseId } = await database.transaction((tx) =>
      recordClue(tx, officer, { subjectId: subject!.id, field: team.field, source: c.source, summary: c.summary, discoveredOn: shanghaiDay(discovered), objectId: party!.id }, discovered));
    const steps = c.steps.map((s) => ({
      ...s,
      input: Object.fromEntries(Object.entries(s.input).map(([k, v]) => [k, v === '@officers' ? officerIds : v === '@matter' ? matter!.id : v])),
    }));
    const [head, reviewer] = [await actorOf(team.head), await actorOf(team.reviewer)];
    await playScript(database, caseId, discovered, steps, (step) => (step.actor === 'head' ? head : step.actor === 'reviewer' ? reviewer : officer), now);
  }
  return data.cases.length;
}
