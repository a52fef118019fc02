import { eq } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import type { AutoDispatchRule } from '../../../../../contracts/routing.js';
import { categoryLineage, type KnowledgeCategory } from '../rules/suggest.js';
import { autoDispatchRules, routingSettings } from '../routing.tables.js';
import { requestError } from '../../requests/index.js';
import { routingError } from '../routing.errors.js';

export async function loadAutoDispatchRules(tx: Db): Promise<Map<string, number>> {
  const rows = await tx.select().from(autoDispatchRules);
  return new Map(rows.map((r) => [r.categoryCode, r.threshold]));
}

/** The threshold of the most specific rule at or above the category; null when none applies. */
export function thresholdFor(rules: Map<string, number>, categories: Map<string, KnowledgeCategory>, code: string | undefined): number | null {
  const rule = categoryLineage(categories, code).find((c) => rules.has(c.code));
  return rule ? rules.get(rule.code)! : null;
}

export function listRules(rules: Map<string, number>, categories: Map<string, KnowledgeCategory>): AutoDispatchRule[] {
  return [...rules].sort(([a], [b]) => a.localeCompare(b)).map(([categoryCode, threshold]) => ({
    categoryCode, categoryName: categories.get(categoryCode)?.name ?? categoryCode, threshold,
  }));
}

/**
 * Replaces the county's rules as a whole, so the page shows exactly what is in force, and sets
 * the automatic-merge switch when given; one entry in the security log holds both, before and after.
 */
export async function replaceAutoDispatchRules(
  database: Database,
  rules: Array<{ categoryCode: string; threshold: number }>,
  autoMerge: boolean | undefined,
  categories: Map<string, KnowledgeCategory>,
  userId: number,
  now: Date,
): Promise<void> {
  const unknown = rules.find((r) => !categories.has(r.categoryCode));
  if (unknown) throw requestError('CATEGORY_UNKNOWN', { categoryCode: unknown.categoryCode, field: 'rules' });
  if (new Set(rules.map((r) => r.categoryCode)).size !== rules.length) throw routingError('RULE_DUPLICATE');
  await database.transaction(async (tx) => {
    const before = { rules: Object.fromEntries(await loadAutoDispatchRules(tx)), autoMerge: (await tx.select().from(routingSettings).where(eq(routingSettings.id, 1)))[0]?.autoMerge ?? false };
    await tx.delete(autoDispatchRules);
    if (rules.length) await tx.insert(autoDispatchRules).values(rules.map((r) => ({ ...r, updatedAt: now, updatedBy: userId })));
    if (autoMerge !== undefined) {
      await tx.insert(routingSettings).values({ id: 1, autoMerge, updatedAt: now, updatedBy: userId })
        .onConflictDoUpdate({ target: routingSettings.id, set: { autoMerge, updatedAt: now, updatedBy: userId } });
    }
    const after = { rules: Object.fromEntries(rules.map((r) => [r.categoryCode, r.threshold])), autoMerge: autoMerge ?? before.autoMerge };
    await recordSecurityEvent(tx, { kind: 'auto_dispatch_changed', at: now, actorUserId: userId, details: { before, after } });
  });
}
