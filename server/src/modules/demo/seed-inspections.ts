import { eq } from 'drizzle-orm';
import type { StaffActor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { shanghaiDay } from '../clock/index.js';
import { createPlan, drawPlan, enforcementMatters, enforcementSubjects, recordResult } from '../enforcement/index.js';
import { workingHour } from './seed-module-cases.js';

const DAY = 86_400_000;
const MARKET = '兰山区市场监督管理局';
const MATTER = 'XZZF-SC-011';

/**
 * 涉企检查 in the demo county: the 市场监管局's 双随机 check of elevator users over the last three
 * weeks up to yesterday, drawn at its start (three enterprises, two certified officers each); the
 * drawn officers recorded two: the first found nothing, the second a problem that waits for them
 * to decide on a case; the third is still to be recorded. The draw is the platform's own, at random as always.
 */
export async function seedInspections(database: Database, now: Date, actorOf: (username: string) => Promise<StaffActor>): Promise<number> {
  const today = shanghaiDay(now);
  const year = Number(today.slice(0, 4));
  const start = new Date(Math.max(now.getTime() - 20 * DAY, Date.parse(`${year}-01-01T10:00:00+08:00`)));
  const [subject] = await database.db.select({ id: enforcementSubjects.id }).from(enforcementSubjects).where(eq(enforcementSubjects.name, MARKET));
  const [matter] = await database.db.select({ id: enforcementMatters.id }).from(enforcementMatters).where(eq(enforcementMatters.code, MATTER));
  const lastDay = shanghaiDay(new Date(now.getTime() - DAY));
  // On the year's first day there is no past day of this year to have inspected on.
  if (!subject || !matter || !lastDay.startsWith(String(year))) return 0;
  const officer = await actorOf('xzzf-market');
  const at = workingHour(start);
  const { id } = await database.transaction((tx) => createPlan(tx, officer, {
    subjectId: subject.id, year, matterId: matter.id, title: `${year}年电梯等特种设备使用单位双随机抽查`, plannedCount: 3, firstDay: shanghaiDay(start), lastDay,
  }, at));
  const drawn = await database.transaction((tx) => drawPlan(tx, officer, id, at));
  const results = [
    { result: 'no_problem' as const, note: '电梯使用登记证、定期检验合格标志齐全，维护保养记录完整' },
    { result: 'problems' as const, note: '一台电梯定期检验合格标志过期，未见本年度维护保养记录' },
  ];
  const past = [...drawn.inspections].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.id - b.id);
  for (const [index, inspection] of past.slice(0, results.length).entries()) {
    const { result, note } = results[index]!;
    await database.transaction((tx) => recordResult(tx, officer, inspection.id, { officerIds: inspection.officerIds, inspectedOn: inspection.plannedOn, result, note }, workingHour(new Date(Date.parse(`${inspection.plannedOn}T10:00:00+08:00`)))));
  }
  return drawn.inspections.length;
}
