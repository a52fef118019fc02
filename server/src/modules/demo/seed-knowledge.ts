import { readFileSync } from 'node:fs';
import type { StaffActor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { repoPath } from '../../platform/repo-path.js';
import { performAction } from '../cases/index.js';
import { shanghaiDay } from '../clock/index.js';
import { createEntry, KNOWLEDGE_CASE_TYPE } from '../knowledge/index.js';
import type { SeededOrganisation } from '../orgs/index.js';

interface DemoEntry {
  /** `dept:<key>`, `town:<n>` (the n-th township) or `center`. */
  owner: string;
  question: string;
  answer: string;
  legalBasis: string;
  keywords: string;
  categoryCode?: string;
  state: 'draft' | 'submitted' | 'published';
  createdDaysAgo: number;
  reviewInDays: number;
  validUntilInDays?: number;
}

const DAY = 24 * 3600_000;
const readEntries = (): DemoEntry[] =>
  (JSON.parse(readFileSync(repoPath('server/src/modules/demo/data/knowledge-entries.json'), 'utf8')) as { entries: DemoEntry[] }).entries;

/**
 * The demo county's knowledge base: each entry written by its unit's account, submitted and
 * published by the center's knowledge administrator on the days the file sets. One entry's
 * validity and one's review day have passed, so the clock sweep that follows the demo's load
 * expires them and they wait in their owners' to-do; one waits for publication, one is a draft.
 */
export async function seedKnowledgeEntries(database: Database, org: SeededOrganisation, now: Date, actorOf: (username: string) => Promise<StaffActor>): Promise<number> {
  const publisher = await actorOf('kb-admin');
  const towns = [...org.townshipIds.entries()];
  const ownerOf = (ref: string): { unitId: number; username: string } => {
    const [kind, key] = ref.split(':') as [string, string | undefined];
    if (kind === 'center') return { unitId: org.centerId, username: 'kb-admin' };
    if (kind === 'dept') return { unitId: org.departmentIds.get(key!)!, username: `dept-${key}` };
    const [code, id] = towns[Number(key)]!;
    return { unitId: id, username: `town-${code.slice(6)}` };
  };
  const day = (offset: number) => shanghaiDay(new Date(now.getTime() + offset * DAY));
  for (const entry of readEntries()) {
    const owner = ownerOf(entry.owner);
    const editor = await actorOf(owner.username);
    const created = new Date(`${day(-entry.createdDaysAgo)}T10:00:00+08:00`);
    const { entryId } = await database.transaction((tx) => createEntry(tx, {
      ownerUnitId: owner.unitId, question: entry.question, answer: entry.answer, legalBasis: entry.legalBasis, keywords: entry.keywords,
      ...(entry.categoryCode ? { categoryCode: entry.categoryCode } : {}),
      validFrom: shanghaiDay(created), reviewOn: day(entry.reviewInDays), ...(entry.validUntilInDays !== undefined ? { validUntil: day(entry.validUntilInDays) } : {}),
    }, editor, created));
    const act = (action: string, actor: StaffActor, at: Date) =>
      database.transaction((tx) => performAction(tx, { caseId: entryId, caseType: KNOWLEDGE_CASE_TYPE, action, actor, input: {}, now: at }));
    if (entry.state === 'draft') continue;
    await act('submit', editor, new Date(created.getTime() + 3600_000));
    if (entry.state === 'published') await act('publish', publisher, new Date(created.getTime() + DAY));
  }
  return readEntries().length;
}
