import { readFileSync } from 'node:fs';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { repoPath } from '../../../platform/repo-path.js';
import { loadDutyItems } from '../../duties/index.js';
import { survivorsOfMerged, units } from '../../orgs/index.js';
import { loadReferenceData } from '../../requests/index.js';
import { featurize, isStopword, jiebaWords } from '../rules/features.js';
import { predict, type LinearModel, type Prediction } from '../rules/linear-model.js';
import type { RequestCues, RoutingKnowledge } from '../rules/suggest.js';
import { decodeModel } from '../model-file.js';
import { routingModels } from '../routing.tables.js';

let cues: (RequestCues & { genericNameTerms: string[] }) | undefined;
export function requestCues(): RequestCues & { genericNameTerms: string[] } {
  return (cues ??= JSON.parse(readFileSync(repoPath('server/src/modules/routing/data/request-cues.json'), 'utf8')) as RequestCues & { genericNameTerms: string[] });
}

const classifierOf = (model: LinearModel) => (text: string) => predict(model, featurize(text, model.settings));

/** A unit model's answers with each merged unit read as the unit carrying on its work (their probabilities add up). */
function unitClassifierOf(model: LinearModel, survivors: Map<number, number>) {
  const classify = classifierOf(model);
  if (survivors.size === 0) return classify;
  return (text: string): Prediction => {
    const merged = new Map<string, number>();
    for (const p of classify(text).probabilities) {
      const label = String(survivors.get(Number(p.label)) ?? p.label);
      merged.set(label, (merged.get(label) ?? 0) + p.probability);
    }
    const probabilities = [...merged].map(([label, probability]) => ({ label, probability })).sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1));
    return { label: probabilities[0]!.label, probabilities };
  };
}

/** The models in use: the active model of each kind. */
export async function latestHistoryModels(tx: Db): Promise<RoutingKnowledge['history']> {
  const active = (kind: 'unit' | 'category') =>
    tx.select().from(routingModels).where(and(eq(routingModels.kind, kind), eq(routingModels.status, 'active'))).orderBy(desc(routingModels.trainedAt)).limit(1);
  const [[unit], [category]] = await Promise.all([active('unit'), active('category')]);
  if (!unit && !category) return undefined;
  const newest = [unit, category].filter((m) => m !== undefined).sort((a, b) => b.trainedAt.getTime() - a.trainedAt.getTime())[0]!;
  return {
    ...(unit ? { unit: unitClassifierOf(decodeModel(Buffer.from(unit.data)), await survivorsOfMerged(tx)) } : {}),
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
  const unitRows = await tx.select({ id: units.id, name: units.name, shortName: units.shortName, key: units.key, kind: units.kind, regionCode: units.regionCode, mergedIntoId: units.mergedIntoId }).from(units);
  const survivors = await survivorsOfMerged(tx);
  const live = unitRows.filter((u) => u.mergedIntoId === null);
  return {
    categories,
    leafTerms,
    dutyItems: await loadDutyItems(tx),
    // A merged unit is suggested no more; a merged township's places go to the township it joined.
    units: new Map(live.map((u) => [u.id, u])),
    townshipUnits: new Map(unitRows.filter((u) => u.kind === 'township' && u.regionCode).map((u) => [u.regionCode!, survivors.get(u.id) ?? u.id])),
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
