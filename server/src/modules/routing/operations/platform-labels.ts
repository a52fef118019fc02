// A county's export labels requests with its own words: a category (code, name or path at any
// level) or a unit (name, short name or key). These are resolved against the platform's
// taxonomy and unit tree, so old records can train and score the platform's own models.
import type { Database } from '../../../platform/db/database.js';
import { classifyText } from '../classify.js';
import { categoryLineage, categoryPath, suggestRouting, type RoutingKnowledge } from '../rules/suggest.js';
import { evaluate, type Evaluation } from './evaluate-classifier.js';
import { loadRoutingKnowledge } from './routing-knowledge.js';
import { replaceHistoryModels } from './train-from-history.js';
import type { LabelledText } from './train-classifier.js';

type Target = { kind: 'category'; code: string; level: number } | { kind: 'unit'; unitId: number };

function resolver(k: RoutingKnowledge): (label: string) => Target | undefined {
  const byName = new Map<string, Target>();
  for (const u of k.units.values()) for (const n of [u.name, u.shortName, u.key]) if (n) byName.set(n, { kind: 'unit', unitId: u.id });
  const ambiguous = new Set<string>();
  for (const c of k.categories.values()) {
    const target = { kind: 'category' as const, code: c.code, level: c.level };
    byName.set(c.code, target);
    byName.set(categoryPath(k.categories, c.code).join('/'), target);
    if (byName.has(c.name) && (byName.get(c.name) as Target).kind === 'category') ambiguous.add(c.name);
    else byName.set(c.name, target);
  }
  // "其他" and the like occur under many parents: only a path or a code names them.
  for (const n of ambiguous) byName.delete(n);
  return (label) => byName.get(label.trim());
}

function ancestorAt(k: RoutingKnowledge, code: string | undefined, level: number): string | undefined {
  return categoryLineage(k.categories, code).find((c) => c.level === level)?.code;
}

export interface PlatformEvaluation extends Evaluation {
  compared: 'unit' | `category level ${number}`;
  unresolved: string[];
}

/** Scores the platform's suggestions (duty lists, shipped and history models) against labelled rows. */
export async function evaluateOnPlatform(database: Database, rows: LabelledText[]): Promise<PlatformEvaluation> {
  const k = await loadRoutingKnowledge(database.db, (text) => classifyText(text));
  const resolve = resolver(k);
  const targets = rows.map((r) => resolve(r.label));
  const unresolved = [...new Set(rows.filter((_, i) => !targets[i]).map((r) => r.label))];
  const first = targets.find((t) => t);
  const kind = first?.kind ?? 'unit';
  const level = first?.kind === 'category' ? first.level : 0;
  const name = (t: Target | undefined) => (!t ? '—' : t.kind === 'unit' ? (k.units.get(t.unitId)?.name ?? '—') : categoryPath(k.categories, t.code).join('/'));
  const predictedAt = (code: string | undefined): Target | undefined => {
    const at = ancestorAt(k, code, level);
    return at ? { kind: 'category', code: at, level } : undefined;
  };
  const truth: string[] = [];
  const predicted: string[] = [];
  rows.forEach((r, i) => {
    const t = targets[i];
    if (!t || t.kind !== kind || (t.kind === 'category' && t.level !== level)) return;
    const s = suggestRouting({ text: r.text, townshipCode: null, villageCode: null }, k);
    truth.push(name(t));
    predicted.push(kind === 'unit'
      ? name(s.units[0] ? { kind: 'unit', unitId: s.units[0].unitId } : undefined)
      : name(predictedAt(s.category?.code)));
  });
  const labels = [...new Set(truth)].sort();
  return { ...evaluate(truth, predicted, labels), compared: kind === 'unit' ? 'unit' : `category level ${level}`, unresolved };
}

/** Trains the history models from a county's labelled export instead of the platform's own requests. */
export async function trainOnPlatform(database: Database, rows: LabelledText[], now: Date): Promise<{ unitRows: number; categoryRows: number; unresolved: string[] }> {
  const k = await loadRoutingKnowledge(database.db, (text) => classifyText(text));
  const resolve = resolver(k);
  const unitRows: LabelledText[] = [];
  const categoryRows: LabelledText[] = [];
  const unresolved = new Set<string>();
  for (const r of rows) {
    const t = resolve(r.label);
    if (t?.kind === 'unit') unitRows.push({ text: r.text, label: String(t.unitId) });
    else if (t?.kind === 'category' && t.level === 3) categoryRows.push({ text: r.text, label: t.code });
    else unresolved.add(r.label);
  }
  await replaceHistoryModels(database, { unit: unitRows, category: categoryRows }, now);
  return { unitRows: unitRows.length, categoryRows: categoryRows.length, unresolved: [...unresolved] };
}
