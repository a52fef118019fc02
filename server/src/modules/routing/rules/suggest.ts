// The first reading of a request: category, type, urgency, place and the three units most
// likely to own it, each with the evidence a person can check. Pure: everything it knows
// comes in as `RoutingKnowledge`, so the scoring is tested without a database.
import type { RoutingSuggestion, SuggestedCategory, SuggestedUnit } from '../../../../../contracts/routing.js';
import type { DutyItem } from '../../duties/index.js';
import { matchDutyItems, type DutyMatch } from '../../duties/index.js';
import type { Prediction } from './linear-model.js';

export interface KnowledgeCategory {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  defaultUnitId: number | null;
}

export interface RequestCues {
  types: Array<{ type: string; cues: string[] }>;
  defaultType: string;
  urgentCues: string[];
}

export interface RoutingKnowledge {
  categories: Map<string, KnowledgeCategory>;
  /** Meaningful words of each leaf's own name and of its level-2 parent (generic words removed). */
  leafTerms: Map<string, { own: string[]; parent: string[] }>;
  dutyItems: DutyItem[];
  units: Map<number, { id: number; name: string; shortName: string | null; key?: string | null }>;
  /** Township region code → the township's unit. */
  townshipUnits: Map<string, number>;
  townships: Map<string, { code: string; name: string; villages: Map<string, string> }>;
  cues: RequestCues;
  /** Classifies text into level-1 category names. */
  level1: (text: string) => Prediction;
  /** Trained on the platform's own history: text → leaf code, and text → owning unit id. */
  history?: { category?: (text: string) => Prediction; unit?: (text: string) => Prediction; trainedAt: Date; rows: number };
}

export interface SuggestInput {
  text: string;
  townshipCode: string | null;
  villageCode: string | null;
  /** Units never to suggest: those that already returned this request as not theirs. */
  excludeUnitIds?: readonly number[];
}

// How much each kind of evidence weighs, relative to one duty-list keyword hit.
const WEIGHT = {
  leafTerm: 1,
  parentTerm: 0.5,
  historyCategory: 2,
  powerItemOnCategory: 1.5,
  powerItem: 1,
  townshipLead: 1.2,
  townshipHelper: 0.3,
  categoryDefault: 2,
  historyUnit: 3,
  /** Mass kept for "none of these", so one weak clue never reads as certainty. */
  unknownUnit: 1,
  /** The same for categories (in units of level-1 probability × evidence). */
  unknownCategory: 0.5,
  unknownLevel1: 0.02,
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The category and its ancestors, from itself up to level 1 (empty for an unknown code). */
export function categoryLineage(categories: Map<string, KnowledgeCategory>, code: string | undefined): KnowledgeCategory[] {
  const lineage: KnowledgeCategory[] = [];
  for (let c = code ? categories.get(code) : undefined; c; c = c.parentCode ? categories.get(c.parentCode) : undefined) lineage.push(c);
  return lineage;
}

export function categoryPath(categories: Map<string, KnowledgeCategory>, code: string): string[] {
  return categoryLineage(categories, code).map((c) => c.name).reverse();
}

export function suggestRequestType(text: string, cues: RequestCues): RoutingSuggestion['requestType'] {
  let best: { type: string; hits: string[] } | undefined;
  for (const t of cues.types) {
    const hits = t.cues.filter((c) => text.includes(c));
    if (hits.length && (!best || hits.length > best.hits.length)) best = { type: t.type, hits };
  }
  if (!best) return { value: cues.defaultType, confidence: 0.5, reasons: ['未见类型提示词，按投诉处理'] };
  return { value: best.type, confidence: best.hits.length / (best.hits.length + 1), reasons: [`提示词: ${best.hits.join('、')}`] };
}

export function suggestUrgency(text: string, cues: RequestCues): RoutingSuggestion['urgency'] {
  const hits = cues.urgentCues.filter((c) => text.includes(c));
  return hits.length ? { value: 'urgent', reasons: [`紧急情形: ${hits.join('、')}`] } : { value: 'normal', reasons: [] };
}

/** Village names without their 社区/村/居委会 suffix, as citizens write them. */
function bareName(name: string): string {
  return name.replace(/(社区居民委员会|村民委员会|居民委员会|居委会|村委会|社区|村)$/u, '');
}

/** Township names without their 街道/镇/乡 suffix, as citizens write them. */
function bareTownship(name: string): string {
  return name.replace(/(街道办事处|街道|镇|乡)$/u, '');
}

export function suggestPlace(input: SuggestInput, k: Pick<RoutingKnowledge, 'townships'>): RoutingSuggestion['place'] {
  const township = input.townshipCode ? k.townships.get(input.townshipCode) : undefined;
  const place = {
    townshipCode: township?.code ?? null,
    townshipName: township?.name ?? null,
    villageCode: input.villageCode,
    villageName: input.villageCode ? (township?.villages.get(input.villageCode) ?? null) : null,
    reasons: township ? [`诉求人所选: ${township.name}${input.villageCode ? (township.villages.get(input.villageCode) ?? '') : ''}`] : [],
  };
  if (place.villageCode) return place;
  // The text may name the community: prefer one inside the chosen township, else any in the county.
  const candidates = township ? [township, ...[...k.townships.values()].filter((t) => t !== township)] : [...k.townships.values()];
  for (const t of candidates) {
    for (const [code, name] of t.villages) {
      const bare = bareName(name);
      if (bare.length >= 2 && input.text.includes(bare)) {
        return { townshipCode: t.code, townshipName: t.name, villageCode: code, villageName: name, reasons: [...place.reasons, `文本提及: ${bare}（${t.name}）`] };
      }
    }
  }
  if (township) return place;
  // No township chosen and no community named: the township itself may be ("柳青街道", "在义堂镇", an address another system sent).
  for (const t of k.townships.values()) {
    const bare = bareTownship(t.name);
    // 兰山 is also 兰山区, the county: a bare name counts only when no 区/县/市 follows it.
    const bareNamed = bare.length >= 2 && [...input.text.matchAll(new RegExp(bare, 'gu'))].some((m) => !/[区县市]/u.test(input.text[m.index + bare.length] ?? ''));
    if (input.text.includes(t.name) || bareNamed) {
      return { ...place, townshipCode: t.code, townshipName: t.name, reasons: [`文本提及: ${t.name}`] };
    }
  }
  return place;
}

interface ScoredCategory {
  code: string;
  score: number;
  reasons: string[];
}

function scoreCategories(text: string, matches: DutyMatch[], k: RoutingKnowledge): { ranked: ScoredCategory[]; level1: Prediction } {
  const level1 = k.level1(text);
  const level1Prob = new Map(level1.probabilities.map((p) => [p.label, p.probability]));
  const history = k.history?.category?.(text);
  const historyProb = new Map(history?.probabilities.map((p) => [p.label, p.probability]) ?? []);
  const evidence = new Map<string, { value: number; reasons: string[] }>();
  const add = (code: string, value: number, reason: string) => {
    const e = evidence.get(code) ?? { value: 0, reasons: [] };
    e.value += value;
    if (!e.reasons.includes(reason)) e.reasons.push(reason);
    evidence.set(code, e);
  };
  for (const m of matches) for (const code of m.item.categoryCodes) add(code, m.hits.length, `关键词: ${m.hits.join('、')}`);
  for (const [code, terms] of k.leafTerms) {
    const own = terms.own.filter((t) => text.includes(t));
    const parent = terms.parent.filter((t) => text.includes(t));
    if (own.length) add(code, own.length * WEIGHT.leafTerm, `类别名称: ${own.join('、')}`);
    if (parent.length) add(code, parent.length * WEIGHT.parentTerm, `类别名称: ${parent.join('、')}`);
  }
  const ranked: ScoredCategory[] = [];
  const codes = new Set([...evidence.keys(), ...historyProb.keys()]);
  for (const code of codes) {
    if (!k.categories.has(code)) continue;
    const top = categoryLineage(k.categories, code).at(-1);
    const p1 = (top && level1Prob.get(top.name)) ?? WEIGHT.unknownLevel1;
    const e = evidence.get(code);
    const h = historyProb.get(code) ?? 0;
    const score = p1 * (e?.value ?? 0) + WEIGHT.historyCategory * h;
    if (score <= 0) continue;
    const reasons = [...(e?.reasons ?? [])];
    if (top && level1Prob.has(top.name)) reasons.push(`文本分类: ${top.name} ${pct(p1)}`);
    if (h >= 0.05) reasons.push(`历史分类: ${pct(h)}`);
    ranked.push({ code, score, reasons });
  }
  ranked.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  return { ranked, level1 };
}

function toSuggestedCategory(k: RoutingKnowledge, c: ScoredCategory, total: number): SuggestedCategory {
  return { code: c.code, path: categoryPath(k.categories, c.code), leaf: k.categories.get(c.code)?.level === 3, confidence: c.score / total, reasons: c.reasons };
}

/** Keywords once, then at most two list items of each list (with a count of the rest), then the rest. */
function readableReasons(keywords: Set<string>, reasons: string[]): string[] {
  const out = keywords.size ? [`关键词: ${[...keywords].join('、')}`] : [];
  for (const prefix of ['权责清单: ', '属地清单: ']) {
    const items = reasons.filter((r) => r.startsWith(prefix));
    out.push(...items.slice(0, MAX_ITEMS_SHOWN));
    if (items.length > MAX_ITEMS_SHOWN) out.push(`${prefix.slice(0, -2)}另有 ${items.length - MAX_ITEMS_SHOWN} 项`);
  }
  out.push(...reasons.filter((r) => !r.startsWith('权责清单: ') && !r.startsWith('属地清单: ')));
  return out;
}

const MAX_ITEMS_SHOWN = 2;

export function suggestRouting(input: SuggestInput, k: RoutingKnowledge): Omit<RoutingSuggestion, 'autoDispatchThreshold' | 'duplicates' | 'historyModel'> {
  const text = input.text;
  const matches = matchDutyItems(text, k.dutyItems);
  const place = suggestPlace(input, k);
  const { ranked, level1 } = scoreCategories(text, matches, k);
  const total = ranked.reduce((s, c) => s + c.score, WEIGHT.unknownCategory);
  let category: SuggestedCategory | null = ranked[0] ? toSuggestedCategory(k, ranked[0], total) : null;
  const alternatives = ranked.slice(1, 4).map((c) => toSuggestedCategory(k, c, total));
  if (!category) {
    // No finer evidence: the level-1 class alone, so the operator starts in the right branch.
    const top = [...k.categories.values()].find((c) => c.level === 1 && c.name === level1.label);
    if (top) category = { code: top.code, path: [top.name], leaf: false, confidence: level1.probabilities[0]?.probability ?? 0, reasons: [`文本分类: ${top.name}`] };
  }

  const units = new Map<number, { weight: number; keywords: Set<string>; reasons: string[] }>();
  const credit = (unitId: number | null | undefined, weight: number, hits: readonly string[], ...reasons: string[]) => {
    if (!unitId || !k.units.has(unitId) || weight <= 0) return;
    const u = units.get(unitId) ?? { weight: 0, keywords: new Set<string>(), reasons: [] };
    u.weight += weight;
    for (const h of hits) u.keywords.add(h);
    for (const r of reasons) if (!u.reasons.includes(r)) u.reasons.push(r);
    units.set(unitId, u);
  };
  const unitName = (id: number | null | undefined) => (id ? (k.units.get(id)?.shortName ?? k.units.get(id)?.name ?? '') : '');
  const townshipUnit = place.townshipCode ? k.townshipUnits.get(place.townshipCode) : undefined;
  const categoryCodes = new Set([category?.code, ...alternatives.map((a) => a.code)]);
  for (const m of matches) {
    if (m.item.list === 'power') {
      const onCategory = m.item.categoryCodes.some((c) => categoryCodes.has(c));
      credit(m.item.unitId, m.hits.length * (onCategory ? WEIGHT.powerItemOnCategory : WEIGHT.powerItem), m.hits,
        `权责清单: ${m.item.name} → ${unitName(m.item.unitId)}（依据 ${m.item.basis}）`);
    } else {
      const lead = m.item.townshipRole === '主责';
      if (townshipUnit) {
        credit(townshipUnit, m.hits.length * (lead ? WEIGHT.townshipLead : WEIGHT.townshipHelper), m.hits, `属地: ${place.townshipName}`,
          `属地清单: ${m.item.name} → ${place.townshipName}（${m.item.townshipRole}）`);
      }
      credit(m.item.unitId, m.hits.length * (lead ? WEIGHT.townshipHelper : WEIGHT.townshipLead), m.hits,
        `属地清单: ${m.item.name} → ${unitName(m.item.unitId)}（${lead ? '配合' : '主责'}）`);
    }
  }
  if (category) {
    const c = k.categories.get(category.code);
    const owner = c?.defaultUnitId ?? (c && c.level === 3 ? townshipUnit : undefined);
    credit(owner, WEIGHT.categoryDefault * category.confidence, [], `诉求类别: ${category.path.join('/')} → ${unitName(owner)}`,
      ...(owner === townshipUnit && owner ? [`属地: ${place.townshipName}`] : []));
  }
  const history = k.history?.unit?.(text);
  if (history) {
    // Only what the model knows beyond chance counts: on unfamiliar text it spreads evenly.
    const chance = 1 / history.probabilities.length;
    for (const p of history.probabilities.slice(0, 3)) {
      const beyondChance = (p.probability - chance) / (1 - chance);
      if (beyondChance < 0.05) continue;
      credit(Number(p.label), WEIGHT.historyUnit * beyondChance, [], `历史办结: 相似诉求 ${pct(p.probability)} 由该单位办结`);
    }
  }

  // A unit that returned the request said it is not theirs: the dispatcher decides on that, not the card.
  for (const id of input.excludeUnitIds ?? []) units.delete(id);
  const mass = [...units.values()].reduce((s, u) => s + u.weight, WEIGHT.unknownUnit);
  const top: SuggestedUnit[] = [...units.entries()]
    .sort((a, b) => b[1].weight - a[1].weight || a[0] - b[0])
    .slice(0, 3)
    .map(([unitId, u]) => ({ unitId, unitName: k.units.get(unitId)!.name, confidence: u.weight / mass, reasons: readableReasons(u.keywords, u.reasons) }));

  return {
    category,
    alternatives,
    requestType: suggestRequestType(text, k.cues),
    urgency: suggestUrgency(text, k.cues),
    place,
    units: top,
  };
}
