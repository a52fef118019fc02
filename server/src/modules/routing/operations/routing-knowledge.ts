import { readFileSync } from 'node:fs';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { repoPath } from '../../../platform/repo-path.js';
import { loadDutyItems } from '../../duties/index.js';
import { units } from '../../orgs/index.js';
import { loadReferenceData } from '../../requests/index.js';
import { featurize, isStopword, jiebaWords } from '../rules/features.js';
import { predict, type LinearModel } from '../rules/linear-model.js';
import type { RequestCues, RoutingKnowledge } from '../rules/suggest.js';
import { decodeModel } from '../model-file.js';
import { routingModels } from '../routing.tables.js';

let cues: (RequestCues & { genericNameTerms: string[] }) | undefined;
export function requestCues(): RequestCues & { genericNameTerms: string[] } {
  return (cues ??= JSON.parse(readFileSync(repoPath('server/src/modules/routing/data/request-cues.json'), 'utf8')) as RequestCues & { genericNameTerms: string[] });
}

const classifierOf = (model: LinearModel) => (text: string) => predict(model, featurize(text, model.settings));

export async function latestHistoryModels(tx: Db): Promise<RoutingKnowledge['history']> {
  const [unit] = await tx.select().from(routingModels).where(eq(routingModels.kind, 'unit')).orderBy(desc(routingModels.trainedAt)).limit(1);
  const [category] = await tx.select().from(routingModels).where(eq(routingModels.kind, 'category')).orderBy(desc(routingModels.trainedAt)).limit(1);
  if (!unit && !category) return undefined;
  const newest = [unit, category].filter((m) => m !== undefined).sort((a, b) => b.trainedAt.getTime() - a.trainedAt.getTime())[0]!;
  return {
    ...(unit ? { unit: classifierOf(decodeModel(Buffer.from(unit.data))) } : {}),
    ...(category ? { category: classifierOf(decodeModel(Buffer.from(category.data))) } : {}),
    trainedAt: newest.trainedAt,
    rows: newest.rows,
  };
}

/** Everything the suggestion rules read, from the database and the shipped model. */
export async function loadRoutingKnowledge(tx: Db, level1: RoutingKnowledge['level1']): Promise<RoutingKnowledge> {
  const reference = await loadReferenceData(tx);
  const categories: RoutingKnowledge['categories'] = reference.categories;
  const generic = new Set(requestCues().genericNameTerms);
  const termsOf = (name: string | undefined) => (name ? [...new Set(jiebaWords(name).filter((t) => t.length >= 2 && !generic.has(t) && !isStopword(t)))] : []);
  const leafTerms = new Map<string, { own: string[]; parent: string[] }>();
  for (const c of categories.values()) {
    if (c.level !== 3) continue;
    leafTerms.set(c.code, { own: termsOf(c.name), parent: termsOf(c.parentCode ? categories.get(c.parentCode)?.name : undefined) });
  }
  const unitRows = await tx.select({ id: units.id, name: units.name, shortName: units.shortName, key: units.key, kind: units.kind, regionCode: units.regionCode }).from(units);
  return {
    categories,
    leafTerms,
    dutyItems: await loadDutyItems(tx),
    units: new Map(unitRows.map((u) => [u.id, u])),
    townshipUnits: new Map(unitRows.filter((u) => u.kind === 'township' && u.regionCode).map((u) => [u.regionCode!, u.id])),
    townships: reference.townships,
    cues: requestCues(),
    level1,
    history: await latestHistoryModels(tx),
  };
}

/**
 * Knowledge changes only by import or training. This process reloads it when it changes
 * here, and at most a minute late when another app server trained or imported.
 */
export class KnowledgeCache {
  private loaded: { at: number; value: Promise<RoutingKnowledge> } | undefined;
  constructor(
    private readonly load: () => Promise<RoutingKnowledge>,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(): Promise<RoutingKnowledge> {
    if (!this.loaded || Date.now() - this.loaded.at > this.maxAgeMs) {
      const value = this.load();
      this.loaded = { at: Date.now(), value };
      value.catch(() => (this.loaded = undefined));
    }
    return this.loaded.value;
  }

  invalidate(): void {
    this.loaded = undefined;
  }
}
