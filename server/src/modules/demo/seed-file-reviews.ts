import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { StaffActor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { repoPath } from '../../platform/repo-path.js';
import { shanghaiDay } from '../clock/index.js';
import { performAction } from '../cases/index.js';
import { createCampaign, FILE_REVIEW_CASE_TYPE, fileReviews, publishCampaign, selectFiles } from '../enforcement/index.js';
import { users } from '../orgs/index.js';
import { workingHour } from './seed-module-cases.js';

interface Grading { points: Record<string, number>; comments: string }
interface FilePlan { scores: Grading[]; verify?: boolean; decide?: { grade: string; summary: string } }
interface CampaignPlan {
  title: string;
  /** Days before today: the period the campaign takes files from, and when it is opened. */
  periodFromDaysAgo: number;
  periodToDaysAgo: number;
  openedDaysAgo: number;
  /** What happens to its files, in case-number order; files past the list stay with their experts. */
  files: FilePlan[];
  publish?: { daysAgo: number; requirements: string; respondInDays: number };
}

const DAY = 86_400_000;

/**
 * 案卷评查 in the demo county (data/file-reviews.json): a campaign over the first months,
 * scored, graded and published (its 典型差案 opening a rectification in the 市场监管局's to-do),
 * and a current one whose files wait in the experts' to-do, one checked, one half scored.
 */
export async function seedFileReviews(database: Database, now: Date, actorOf: (username: string) => Promise<StaffActor>): Promise<number> {
  const plans = JSON.parse(readFileSync(repoPath('server/src/modules/demo/data/file-reviews.json'), 'utf8')).campaigns as CampaignPlan[];
  const supervisor = await actorOf('xzzf-supervisor');
  const usernames = new Map((await database.db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.id, u.username]));
  let files = 0;
  for (const plan of plans) {
    const day = (daysAgo: number) => shanghaiDay(new Date(now.getTime() - daysAgo * DAY));
    let at = workingHour(new Date(now.getTime() - plan.openedDaysAgo * DAY));
    const { id } = await database.transaction((tx) => createCampaign(tx, supervisor, { title: plan.title, periodFrom: day(plan.periodFromDaysAgo), periodTo: day(plan.periodToDaysAgo) }, at));
    const selected = await database.transaction((tx) => selectFiles(tx, supervisor, id, { mode: 'rule', rule: 'all' }, at));
    files += selected.selected;
    const rows = await database.db.select().from(fileReviews).where(eq(fileReviews.campaignId, id));
    const ordered = rows.sort((a, b) => a.caseId.localeCompare(b.caseId));
    const act = async (caseId: string, actor: StaffActor, action: string, input: Record<string, unknown>) => {
      at = new Date(at.getTime() + 3_600_000);
      await database.transaction((tx) => performAction(tx, { caseId, action, actor, input, now: at, caseType: FILE_REVIEW_CASE_TYPE }));
    };
    for (const [i, row] of ordered.entries()) {
      const step = plan.files[i];
      if (!step) {
        if (plan.publish) await act(row.caseId, supervisor, 'withdraw', { reason: '本次评查不再评查此卷' });
        continue;
      }
      for (const [n, grading] of step.scores.entries()) await act(row.caseId, await actorOf(usernames.get(row.reviewerIds[n]!)!), 'score', { ...grading.points, comments: grading.comments });
      if (step.verify) await act(row.caseId, supervisor, 'verify', {});
      if (step.decide) await act(row.caseId, supervisor, 'decide', step.decide);
    }
    if (plan.publish) {
      at = workingHour(new Date(now.getTime() - plan.publish.daysAgo * DAY));
      await database.transaction((tx) => publishCampaign(tx, supervisor, id, { requirements: plan.publish!.requirements, respondBy: shanghaiDay(new Date(at.getTime() + plan.publish!.respondInDays * DAY)) }, at));
    }
  }
  return files;
}
