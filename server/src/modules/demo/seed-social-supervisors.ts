import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { StaffActor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { repoPath } from '../../platform/repo-path.js';
import { ClockError, shanghaiDay } from '../clock/index.js';
import { performAction } from '../cases/index.js';
import { appointSupervisor, dismissSupervisor, enforcementSubjects, fileObservation, OBSERVATION_CASE_TYPE } from '../enforcement/index.js';
import { workingHour } from './seed-module-cases.js';

interface SupervisorPlan {
  key: string; name: string; phone: string; workUnit: string; termFromDaysAgo: number; termToDaysAhead: number; secret: string;
  dismiss?: { daysAgo: number; reason: string };
}
interface ObservationPlan {
  by: string; daysAgo: number; subject?: string; concerning: string; place: string; content: string;
  accept?: boolean; forward?: { question: string }; reply?: string; answer?: string;
}

const DAY = 86_400_000;
// Who answers for a subject the demo forwards to: its head (data/penalty-cases.json's people).
const HEADS: Record<string, string> = { 兰山区综合行政执法局: 'xzzf-urban-head', 兰山区市场监督管理局: 'xzzf-market-head' };

/**
 * 社会监督员 in the demo county (data/social-supervisors.json): three appointed by the 司法局, one
 * since dismissed, and their observations at three steps — answered after the subject explained,
 * accepted and in hand, just received. Each card's secret is the file's, so the walk-through can use it.
 */
export async function seedSocialSupervisors(database: Database, now: Date, actorOf: (username: string) => Promise<StaffActor>): Promise<number> {
  const plan = JSON.parse(readFileSync(repoPath('server/src/modules/demo/data/social-supervisors.json'), 'utf8')) as { supervisors: SupervisorPlan[]; observations: ObservationPlan[] };
  const office = await actorOf('xzzf-supervisor');
  const day = (days: number) => shanghaiDay(new Date(now.getTime() + days * DAY));
  const cards = new Map<string, { code: string; secret: string }>();
  for (const p of plan.supervisors) {
    const at = workingHour(new Date(now.getTime() - p.termFromDaysAgo * DAY));
    const card = await database.transaction((tx) => appointSupervisor(tx, office, {
      name: p.name, phone: p.phone, workUnit: p.workUnit, termFrom: day(-p.termFromDaysAgo), termTo: day(p.termToDaysAhead),
    }, at, p.secret));
    cards.set(p.key, { code: card.code, secret: card.secret });
  }
  let filed = 0;
  for (const o of plan.observations) {
    let at = workingHour(new Date(now.getTime() - o.daysAgo * DAY));
    const [subject] = o.subject ? await database.db.select({ id: enforcementSubjects.id }).from(enforcementSubjects).where(eq(enforcementSubjects.name, o.subject)) : [];
    let caseId: string;
    try {
      ({ caseId } = await database.transaction((tx) => fileObservation(tx, {
        ...cards.get(o.by)!, concerning: o.concerning, observedOn: shanghaiDay(new Date(at.getTime() - DAY)), place: o.place, content: o.content, ...(subject ? { subjectId: subject.id } : {}),
      }, [], at)));
    } catch (error) {
      // Loaded in late December: an answer due in a year the holiday calendar does not know yet is refused, as for anyone; the demo goes on without it.
      if (error instanceof ClockError) continue;
      throw error;
    }
    filed++;
    const act = async (actor: StaffActor, action: string, input: Record<string, unknown>) => {
      at = new Date(at.getTime() + 2 * 3_600_000);
      await database.transaction((tx) => performAction(tx, { caseId, action, actor, input, now: at, caseType: OBSERVATION_CASE_TYPE }));
    };
    if (o.accept || o.forward || o.answer) await act(office, 'accept', {});
    if (o.forward && subject) {
      await act(office, 'forward', { subjectId: subject.id, question: o.forward.question });
      at = new Date(at.getTime() + 2 * DAY);
      if (o.reply) await act(await actorOf(HEADS[o.subject!]!), 'reply', { reply: o.reply });
    }
    if (o.answer) {
      at = new Date(at.getTime() + DAY);
      await act(office, 'answer', { answer: o.answer });
    }
  }
  // Dismissals last: a card dismissed after its holder's observations were filed.
  for (const p of plan.supervisors.filter((s) => s.dismiss)) {
    const [row] = (await database.backend.query(`select id from xzzf_social_supervisors where code = $1`, [cards.get(p.key)!.code], 'object')).rows as Array<{ id: number }>;
    await database.transaction((tx) => dismissSupervisor(tx, office, row!.id, p.dismiss!.reason, workingHour(new Date(now.getTime() - p.dismiss!.daysAgo * DAY))));
  }
  return filed;
}
