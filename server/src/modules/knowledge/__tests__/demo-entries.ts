import { readFileSync } from 'node:fs';
import type { TestContext } from '../../../../test/test-context.js';
import { repoPath } from '../../../platform/repo-path.js';

export interface DemoEntry {
  owner: string;
  question: string;
  answer: string;
  legalBasis: string;
  keywords: string;
  categoryCode?: string;
  state: string;
  reviewInDays: number;
  validUntilInDays?: number;
}

/** The demo county's knowledge entries, the data the search is tried on. */
export function demoEntries(): DemoEntry[] {
  return (JSON.parse(readFileSync(repoPath('server/src/modules/demo/data/knowledge-entries.json'), 'utf8')) as { entries: DemoEntry[] }).entries;
}

/** The unit a demo entry names as its owner, in the test county. */
export function ownerUnit(ctx: TestContext, ref: string): number {
  const [kind, key] = ref.split(':') as [string, string | undefined];
  if (kind === 'center') return ctx.org.centerId;
  if (kind === 'dept') return ctx.org.departmentIds.get(key!)!;
  return [...ctx.org.townshipIds.values()][Number(key)]!;
}

/**
 * Writes every demo entry through the API as the publisher (who may write for any unit of the
 * county), each valid for a year from today and due for review in half a year, and publishes it.
 * Returns the entries' ids by question.
 */
export async function publishDemoEntries(ctx: TestContext, publisher: string, today: string): Promise<Map<string, string>> {
  const headers = await ctx.as(publisher);
  const ids = new Map<string, string>();
  const inDays = (n: number) => new Date(new Date(`${today}T12:00:00+08:00`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
  for (const e of demoEntries()) {
    const created = await ctx.app.inject({
      method: 'POST', url: '/api/kb/entries', headers,
      payload: {
        ownerUnitId: ownerUnit(ctx, e.owner), question: e.question, answer: e.answer, legalBasis: e.legalBasis, keywords: e.keywords,
        ...(e.categoryCode ? { categoryCode: e.categoryCode } : {}), validUntil: inDays(365), reviewOn: inDays(180),
      },
    });
    if (created.statusCode !== 201) throw new Error(`entry ${e.question}: ${created.body}`);
    const { entryId } = created.json() as { entryId: string };
    for (const action of ['submit', 'publish']) {
      const done = await ctx.app.inject({ method: 'POST', url: `/api/cases/${entryId}/actions/${action}`, headers, payload: {} });
      if (done.statusCode !== 200) throw new Error(`${action} ${e.question}: ${done.body}`);
    }
    ids.set(e.question, entryId);
  }
  return ids;
}
