/**
 * Generator of realistic citizen messages to the 12345 hotline, and of the units' replies, for the
 * demo county. Pure: every choice comes from the `rng` passed in, so a seeded rng gives the same
 * texts every run. The wording is data (data/request-phrases.json), written for this project.
 */
import { readFileSync } from 'node:fs';
import { repoPath } from '../../platform/repo-path.js';

export type RequestType = '咨询' | '求助' | '投诉' | '举报' | '建议' | '表扬';
export type Urgency = 'normal' | 'urgent';
type IssueType = '投诉' | '求助' | '举报' | '建议';

export interface RequestTextInput {
  /** A level-3 (or level-2) code of taxonomy.json. */
  categoryCode: string;
  categoryName: string;
  level1Name: string;
  townshipName: string;
  /** The village or community, full (…村民委员会) or short (…村). May be empty. */
  villageName: string;
}

export interface RequestText {
  title: string;
  content: string;
  type: RequestType;
  urgency: Urgency;
}

export interface ReplyTextInput {
  categoryName: string;
  /** The replying unit; some frames name it. */
  unitName: string;
  categoryCode?: string;
  townshipName?: string;
  villageName?: string;
  /** The request's title, quoted in the reply when given. */
  title?: string;
  /** 咨询 gets an answer, 表扬 thanks; anything else a handling report. */
  requestType?: RequestType;
  /** Dates in the reply ("已于3月5日处理完毕") are taken from here; without it the reply says 近日. */
  repliedAt?: Date;
  outcome?: 'resolved' | 'explained' | 'in_progress';
}

/**
 * The message mix. A draw below `consult` is a 咨询, then 建议, then 表扬; the rest are problem reports
 * whose type (投诉/求助/举报, sometimes 建议) each phrase item names, weighted by ISSUE_TYPE_WEIGHTS when
 * an item allows several. Urgency belongs to the situation: a few items (井盖缺失, 燃气泄漏, 冬季停水,
 * 电梯困人 …) are urgent, weighted so that about 3% of messages over the taxonomy are.
 */
export const MESSAGE_MIX = { consult: 0.13, suggestion: 0.04, praise: 0.03 } as const;
export const ISSUE_TYPE_WEIGHTS: Readonly<Record<IssueType, number>> = { 投诉: 0.62, 求助: 0.28, 举报: 0.1, 建议: 0.1 };
export const CONTENT_LENGTH = { min: 40, max: 300 } as const;
const TITLE_MAX = 30;
const PHRASES_FILE = 'server/src/modules/demo/data/request-phrases.json';
const TAXONOMY_FILE = 'server/src/modules/requests/data/taxonomy.json';

// ---------------------------------------------------------------------------------------------
// The phrase bank (shape of request-phrases.json)

interface IssueItem {
  types: IssueType[];
  title: string;
  text: string;
  impacts?: string[];
  asks?: string[];
  places?: string[];
  leads?: string[];
  /** An incident told with its own time: gets a time of day ("今天早上7点多，…"). */
  event?: boolean;
  /** A one-off or self-dated story: neither a time of day nor "已经持续…了" is added. */
  once?: boolean;
  urgent?: boolean;
  weight?: number;
}

/** Wording of a level-2 group or of one of its leaves; whatever a bank lacks comes from the next one in its chain. */
interface CategoryBank {
  places?: string[];
  leads?: string[];
  contacts?: string[];
  impacts?: string[];
  asks?: string[];
  questions?: Array<{ title: string; context: string; question: string }>;
  suggestions?: Array<{ title: string; text: string }>;
  praises?: Array<{ title: string; text: string }>;
  issues?: IssueItem[];
  /** Reply actions: what the unit did. */
  replies?: string[];
  answer?: string;
}

/** A level-2 group ("城乡建设/城市建设和市政管理"): its own wording, its leaves' (by level-3 name), and its demo share. */
interface GroupBank extends CategoryBank {
  weight?: number;
  leaves?: Record<string, CategoryBank>;
}

type Fallback = Required<Omit<CategoryBank, 'leads'>> & { leads?: string[] };

interface PhraseBank {
  source: string;
  names: { surnames: string[]; givenNames: string[] };
  phone: { prefixes: string[] };
  vars: Record<string, string[]>;
  numbers: Record<string, [number, number, number]>;
  residents: { village: string; community: string };
  committees: { village: string; community: string };
  openings: Record<RequestType, string[]>;
  urgentOpenings: string[];
  intros: string[];
  leads: string[];
  eventLeads: string[];
  durations: string[];
  durationFrames: string[];
  eventTimes: string[];
  urgentTimes: string[];
  priors: string[];
  priorResults: string[];
  asks: Record<IssueType, string[]>;
  urgentAsks: string[];
  closings: Record<RequestType, string[]>;
  titleFrames: Record<IssueType | 'urgent', string[]>;
  replies: {
    openings: string[];
    verifications: string[];
    resolved: string[];
    explained: string[];
    inProgress: string[];
    contacts: string[];
    closings: string[];
    consultOpenings: string[];
    suggestionOpenings: string[];
    praise: string[];
  };
  fallback: Fallback;
  /** Keyed by "level-1 name/level-2 name" of taxonomy.json. */
  categories: Record<string, GroupBank>;
}

let phrases: PhraseBank | undefined;
function bank(): PhraseBank {
  return (phrases ??= JSON.parse(readFileSync(repoPath(PHRASES_FILE), 'utf8')) as PhraseBank);
}

interface TaxonomyFileNode {
  code: string;
  name: string;
  children?: TaxonomyFileNode[];
}
interface TaxonomyIndex {
  /** Names along the path of every code (level 1, 2 or 3). */
  path: Map<string, string[]>;
  /** Level-3 names of each group key ("level1/level2"), and the group keys of each level-1 name. */
  leavesOf: Map<string, string[]>;
  groupsOf: Map<string, string[]>;
  level3ByName: Map<string, string>;
}
let taxonomyIndex: TaxonomyIndex | undefined;
function taxonomy(): TaxonomyIndex {
  if (taxonomyIndex) return taxonomyIndex;
  const index: TaxonomyIndex = { path: new Map(), leavesOf: new Map(), groupsOf: new Map(), level3ByName: new Map() };
  const file = JSON.parse(readFileSync(repoPath(TAXONOMY_FILE), 'utf8')) as { categories: TaxonomyFileNode[] };
  for (const l1 of file.categories) {
    index.path.set(l1.code, [l1.name]);
    index.groupsOf.set(l1.name, []);
    for (const l2 of l1.children ?? []) {
      const key = `${l1.name}/${l2.name}`;
      index.path.set(l2.code, [l1.name, l2.name]);
      index.groupsOf.get(l1.name)!.push(key);
      index.leavesOf.set(key, []);
      for (const l3 of l2.children ?? []) {
        index.path.set(l3.code, [l1.name, l2.name, l3.name]);
        index.leavesOf.get(key)!.push(l3.name);
        if (!index.level3ByName.has(l3.name)) index.level3ByName.set(l3.name, l3.code);
      }
    }
  }
  return (taxonomyIndex = index);
}

/** Level-3 code of a category name, for callers that pass only the name (the first leaf of that name). */
function codeOfName(name: string): string | undefined {
  return taxonomy().level3ByName.get(name);
}

// ---------------------------------------------------------------------------------------------
// Small helpers, all driven by rng

function pick<T>(rng: () => number, list: readonly T[]): T {
  if (list.length === 0) throw new Error('request-text: empty phrase list');
  return list[Math.min(list.length - 1, Math.floor(rng() * list.length))]!;
}

function pickWeighted<T>(rng: () => number, list: readonly T[], weight: (item: T) => number): T {
  const total = list.reduce((sum, item) => sum + weight(item), 0);
  let roll = rng() * total;
  for (const item of list) {
    roll -= weight(item);
    if (roll < 0) return item;
  }
  return pick(rng, list);
}

function randomInt(rng: () => number, min: number, max: number, step = 1): number {
  const steps = Math.floor((max - min) / step);
  return min + step * Math.min(steps, Math.floor(rng() * (steps + 1)));
}

/** Ends a fragment as a sentence: keeps 。！？, turns a trailing comma into 。, else adds 。. */
function sentence(fragment: string): string {
  if (fragment === '') return '';
  if (/[。！？!?]$/.test(fragment)) return fragment;
  if (/[，,、：]$/.test(fragment)) return fragment.slice(0, -1) + '。';
  return fragment + '。';
}

/** Short form of a village committee's name: 前十社区居民委员会 → 前十社区, 小官庄村民委员会 → 小官庄村. */
export function shortVillageName(name: string): string {
  return name
    .trim()
    .replace(/村民委员会$/, '村')
    .replace(/村委会$/, '村')
    .replace(/村村$/, '村')
    .replace(/居民委员会?$/, '')
    .replace(/居委会$/, '');
}

/**
 * The placeholders of one message. Each is drawn the first time a template uses it and then kept,
 * so "{estate}" names the same estate in the title and in the text.
 */
class Slots {
  private readonly values = new Map<string, string>();
  constructor(
    private readonly rng: () => number,
    private readonly phrases: PhraseBank,
    fixed: Record<string, string>,
  ) {
    for (const [k, v] of Object.entries(fixed)) this.values.set(k, v);
  }

  set(name: string, value: string): void {
    this.values.set(name, value);
  }

  has(name: string): boolean {
    return this.values.has(name) || name in this.phrases.vars || name in this.phrases.numbers || name === 'road2';
  }

  get(name: string): string {
    const known = this.values.get(name);
    if (known !== undefined) return known;
    let value: string;
    const list = this.phrases.vars[name];
    const range = this.phrases.numbers[name];
    if (name === 'road2') {
      const road = this.get('road');
      value = pick(this.rng, (this.phrases.vars['road'] ?? []).filter((r) => r !== road));
    } else if (list) {
      value = this.fill(pick(this.rng, list));
    } else if (range) {
      value = String(randomInt(this.rng, range[0], range[1], range[2]));
    } else {
      throw new Error(`request-text: unknown placeholder {${name}}`);
    }
    this.values.set(name, value);
    return value;
  }

  fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, name: string) => this.get(name));
  }

  /** Whether every placeholder of the template can be filled (replies leave out frames they cannot fill). */
  canFill(template: string): boolean {
    return [...template.matchAll(/\{(\w+)\}/g)].every(([, name]) => name !== undefined && this.has(name) && this.values.get(name) !== '');
  }
}

/** A bank with the banks it borrows from: the leaf, then its group, then the fallback. */
class Wording {
  constructor(
    private readonly chain: CategoryBank[],
    private readonly fallback: Fallback,
  ) {}

  list<K extends 'places' | 'leads' | 'contacts' | 'impacts' | 'asks'>(key: K): string[] {
    for (const b of this.chain) {
      const v = b[key];
      if (v && v.length > 0) return v;
    }
    return this.fallback[key] ?? [];
  }
}

interface Sourced<T> {
  item: T;
  wording: Wording;
}

/**
 * The candidates for one part of a message, most specific first: the leaf's own, else its group's, else any leaf's
 * of the group, else any of its level-1 class ("其他" leaves have no wording of their own), else the fallback's.
 */
function candidates<T>(phrases: PhraseBank, code: string, of: (b: CategoryBank) => T[] | undefined): Array<Sourced<T>> {
  const fallback: Fallback = { ...phrases.fallback, leads: phrases.fallback.leads ?? phrases.leads };
  const [level1, level2, level3] = taxonomy().path.get(code) ?? [];
  const groupKey = level1 && level2 ? `${level1}/${level2}` : undefined;
  const group = groupKey ? phrases.categories[groupKey] : undefined;
  const chainsOf = (key: string): CategoryBank[][] => {
    const g = phrases.categories[key];
    return g ? [[g], ...Object.values(g.leaves ?? {}).map((leaf) => [leaf, g])] : [];
  };
  const leaf = level3 ? group?.leaves?.[level3] : undefined;
  const tiers: CategoryBank[][][] = [
    leaf && group ? [[leaf, group]] : [],
    group ? [[group]] : [],
    groupKey ? chainsOf(groupKey).slice(1) : [],
    level1 ? (taxonomy().groupsOf.get(level1) ?? []).flatMap(chainsOf) : [],
  ];
  for (const tier of tiers) {
    const found = tier.flatMap((chain) => (of(chain[0]!) ?? []).map((item) => ({ item, wording: new Wording(chain, fallback) })));
    if (found.length > 0) return found;
  }
  return (of(fallback) ?? []).map((item) => ({ item, wording: new Wording([], fallback) }));
}

/**
 * The demo's share of requests for a level-3 code: its group's weight, spread over the group's leaves with
 * leaves that have wording of their own drawn four times as often as those that borrow it.
 */
export function categoryWeight(code: string): number {
  const phrases = bank();
  const [level1, level2, level3] = taxonomy().path.get(code) ?? [];
  if (!level1 || !level2 || !level3) return 0;
  const key = `${level1}/${level2}`;
  const group = phrases.categories[key];
  const factor = (name: string): number => ((group?.leaves?.[name]?.issues?.length ?? 0) > 0 ? 1 : 0.25);
  const total = (taxonomy().leavesOf.get(key) ?? []).reduce((sum, name) => sum + factor(name), 0);
  return ((group?.weight ?? 1) * factor(level3)) / total;
}

function slotsFor(rng: () => number, phrases: PhraseBank, input: RequestTextInput): Slots {
  const village = shortVillageName(input.villageName) || input.townshipName;
  const rural = village.endsWith('村');
  return new Slots(rng, phrases, {
    township: input.townshipName,
    village,
    resident: rural ? phrases.residents.village : phrases.residents.community,
    committee: rural ? phrases.committees.village : phrases.committees.community,
    categoryName: input.categoryName,
    level1Name: input.level1Name,
  });
}

/** Whether the text already says where the requester lives (then no "我是…的居民" intro). */
function mentionsHome(slots: Slots, text: string): boolean {
  return text.includes(slots.get('village')) || text.includes(slots.get('township'));
}

/** Joins parts, dropping optional ones (in `dropOrder`) while the text is too long. */
function assemble(parts: Array<{ key: string; text: string }>, dropOrder: string[]): string {
  const kept = [...parts];
  const length = (): number => kept.reduce((n, p) => n + p.text.length, 0);
  for (const key of dropOrder) {
    if (length() <= CONTENT_LENGTH.max) break;
    const i = kept.findIndex((p) => p.key === key);
    if (i >= 0) kept.splice(i, 1);
  }
  let text = kept.map((p) => p.text).join('');
  if (text.length > CONTENT_LENGTH.max) text = text.slice(0, CONTENT_LENGTH.max - 1) + '。';
  return text;
}

function titled(slots: Slots, frames: readonly string[], rng: () => number, title: string): string {
  const full = slots.fill(pick(rng, frames).replace('{title}', title));
  return full.length <= TITLE_MAX ? full : slots.fill(title);
}

// ---------------------------------------------------------------------------------------------
// Messages

/** A citizen's message for a category of the taxonomy, as it would reach the 12345 line. */
export function generateRequestText(rng: () => number, input: RequestTextInput): RequestText {
  const phrases = bank();
  const slots = slotsFor(rng, phrases, input);
  const code = input.categoryCode;
  const roll = rng();
  if (roll < MESSAGE_MIX.consult) return consultation(rng, phrases, slots, code);
  if (roll < MESSAGE_MIX.consult + MESSAGE_MIX.suggestion) return suggestion(rng, phrases, slots, code);
  if (roll < MESSAGE_MIX.consult + MESSAGE_MIX.suggestion + MESSAGE_MIX.praise) return praise(rng, phrases, slots, code);
  return problem(rng, phrases, slots, code);
}

function problem(rng: () => number, phrases: PhraseBank, slots: Slots, code: string): RequestText {
  const { item, wording } = pickWeighted(rng, candidates(phrases, code, (b) => b.issues), (c) => c.item.weight ?? 1);
  const type: IssueType = item.types.length === 1 ? item.types[0]! : pickWeighted(rng, item.types, (t) => ISSUE_TYPE_WEIGHTS[t]);
  const urgent = item.urgent === true;
  const event = item.event === true;

  slots.set('place', slots.fill(pick(rng, item.places ?? wording.list('places'))));
  const leads = item.leads ?? (event ? phrases.eventLeads : wording.list('leads'));
  const lead = slots.fill(pick(rng, leads));
  const text = slots.fill(item.text);

  let body: string;
  if (item.once) {
    body = sentence(`${lead}${text}`);
  } else if (event) {
    const when = slots.fill(pick(rng, urgent ? phrases.urgentTimes : phrases.eventTimes));
    body = sentence(`${when}，${lead}${text}`);
  } else {
    const duration = slots.fill(pick(rng, phrases.durationFrames).replace('{dur}', pick(rng, phrases.durations)));
    body = sentence(`${lead}${text}，${duration}`);
  }

  const opening = urgent ? pick(rng, phrases.urgentOpenings) : pick(rng, phrases.openings[type]);
  const wantsIntro = rng() < 0.45;
  const intro = wantsIntro && !mentionsHome(slots, body) ? slots.fill(pick(rng, phrases.intros)) : '';
  const wantsImpact = urgent ? item.impacts !== undefined : rng() < 0.7;
  const impact = wantsImpact ? sentence(slots.fill(pick(rng, item.impacts ?? wording.list('impacts')))) : '';
  let prior = '';
  if (!event && rng() < 0.35) {
    slots.set('contact', slots.fill(pick(rng, wording.list('contacts'))));
    slots.set('result', pick(rng, phrases.priorResults));
    prior = sentence(slots.fill(pick(rng, phrases.priors)));
  }
  const asks = urgent ? (item.asks ?? phrases.urgentAsks) : type === '建议' ? phrases.asks['建议'] : (item.asks ?? [...wording.list('asks'), ...phrases.asks[type]]);
  const ask = sentence(slots.fill(pick(rng, asks)));
  const closing = urgent ? '' : pick(rng, phrases.closings[type]);

  let content = assemble(
    [
      { key: 'opening', text: opening },
      { key: 'intro', text: intro },
      { key: 'body', text: body },
      { key: 'impact', text: impact },
      { key: 'prior', text: prior },
      { key: 'ask', text: ask },
      { key: 'closing', text: closing },
    ],
    ['prior', 'intro', 'impact', 'opening', 'closing'],
  );
  if (content.length < CONTENT_LENGTH.min) content = slots.fill(phrases.intros[0]!) + content;

  const frames = urgent ? phrases.titleFrames.urgent : phrases.titleFrames[type];
  return { title: titled(slots, frames, rng, item.title), content, type, urgency: urgent ? 'urgent' : 'normal' };
}

function consultation(rng: () => number, phrases: PhraseBank, slots: Slots, code: string): RequestText {
  const { item: q, wording } = pick(rng, candidates(phrases, code, (b) => b.questions));
  slots.set('place', slots.fill(pick(rng, wording.list('places'))));
  const opening = pick(rng, phrases.openings['咨询']);
  const context = q.context ? sentence(slots.fill(q.context)).replace(/。$/, '，') : '';
  const intro = rng() < 0.3 && !mentionsHome(slots, context) ? slots.fill(pick(rng, phrases.intros)) : '';
  const asking = pick(rng, ['请问', '请问', '想问一下', '想了解一下']);
  const question = `${asking}${slots.fill(q.question)}？`;
  const closing = pick(rng, phrases.closings['咨询']);
  let content = opening + intro + context + question + closing;
  if (content.length < CONTENT_LENGTH.min && intro === '') content = opening + slots.fill(phrases.intros[0]!) + context + question + closing;
  if (content.length < CONTENT_LENGTH.min) content += '麻烦给个准确答复，谢谢。';
  return { title: slots.fill(q.title), content: assemble([{ key: 'all', text: content }], []), type: '咨询', urgency: 'normal' };
}

function suggestion(rng: () => number, phrases: PhraseBank, slots: Slots, code: string): RequestText {
  const { item: s, wording } = pick(rng, candidates(phrases, code, (b) => b.suggestions));
  slots.set('place', slots.fill(pick(rng, wording.list('places'))));
  const opening = pick(rng, phrases.openings['建议']);
  const text = sentence(slots.fill(s.text));
  const intro = rng() < 0.4 && !mentionsHome(slots, text) ? slots.fill(pick(rng, phrases.intros)) : '';
  let content = opening + intro + text + pick(rng, phrases.closings['建议']);
  if (content.length < CONTENT_LENGTH.min) content = slots.fill(phrases.intros[0]!) + content;
  return { title: slots.fill(s.title), content: assemble([{ key: 'all', text: content }], []), type: '建议', urgency: 'normal' };
}

function praise(rng: () => number, phrases: PhraseBank, slots: Slots, code: string): RequestText {
  const { item: p, wording } = pick(rng, candidates(phrases, code, (b) => b.praises));
  slots.set('place', slots.fill(pick(rng, wording.list('places'))));
  const opening = pick(rng, phrases.openings['表扬']);
  const text = sentence(slots.fill(p.text));
  let content = opening + text + pick(rng, phrases.closings['表扬']);
  if (content.length < CONTENT_LENGTH.min) content = slots.fill(phrases.intros[0]!) + content;
  return { title: slots.fill(p.title), content: assemble([{ key: 'all', text: content }], []), type: '表扬', urgency: 'normal' };
}

// ---------------------------------------------------------------------------------------------
// Replies

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

function monthDay(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

/** A handling unit's reply to the requester ("您好，您反映的…问题，经我单位现场核实…已于…处理完毕…"). */
export function generateReplyText(rng: () => number, input: ReplyTextInput): string {
  const phrases = bank();
  const r = phrases.replies;
  const code = input.categoryCode ?? codeOfName(input.categoryName) ?? '';
  const village = input.villageName ? shortVillageName(input.villageName) : '';
  const handledAt = input.repliedAt ? new Date(input.repliedAt.getTime() - randomInt(rng, 0, 2) * DAY_MS) : undefined;
  const dueAt = input.repliedAt ? new Date(input.repliedAt.getTime() + randomInt(rng, 15, 60) * DAY_MS) : undefined;
  const slots = new Slots(rng, phrases, {
    subject: input.title ?? input.categoryName,
    categoryName: input.categoryName,
    unit: input.unitName,
    township: input.townshipName ?? '',
    village,
    date: handledAt ? monthDay(handledAt) : '近日',
    future: dueAt ? monthDay(dueAt) : pick(rng, ['月底', '下月底']),
  });
  const usable = (list: readonly string[]): string[] => {
    const ok = list.filter((t) => slots.canFill(t));
    return ok.length > 0 ? ok : [...list];
  };
  const say = (list: readonly string[]): string => slots.fill(pick(rng, usable(list)));

  if (input.requestType === '表扬') return say(r.praise);
  if (input.requestType === '咨询') {
    const answer = candidates(phrases, code, (b) => (b.answer ? [b.answer] : undefined))[0]?.item ?? phrases.fallback.answer;
    return say(r.consultOpenings) + sentence(answer) + say(r.closings);
  }
  const action = sentence(slots.fill(pick(rng, candidates(phrases, code, (b) => b.replies)).item));
  if (input.requestType === '建议') return say(r.suggestionOpenings) + action + say(r.closings);
  const outcome =
    input.outcome ?? pickWeighted(rng, ['resolved', 'explained', 'in_progress'] as const, (o) => ({ resolved: 0.8, explained: 0.12, in_progress: 0.08 })[o]);
  const result = say(outcome === 'resolved' ? r.resolved : outcome === 'explained' ? r.explained : r.inProgress);
  return say(r.openings) + say(r.verifications) + action + result + say(r.contacts) + say(r.closings);
}

// ---------------------------------------------------------------------------------------------
// People

/** A common Chinese name; the surname list is in rough order of frequency and drawn with that skew. */
export function generatePersonName(rng: () => number): string {
  const { surnames, givenNames } = bank().names;
  const surname = surnames[Math.min(surnames.length - 1, Math.floor(rng() ** 1.7 * surnames.length))]!;
  return surname + pick(rng, givenNames);
}

/** A valid-looking mainland mobile number (1[3-9]x plus 8 digits) from real number-segment prefixes. */
export function generatePhone(rng: () => number): string {
  let phone = pick(rng, bank().phone.prefixes);
  for (let i = 0; i < 8; i++) phone += String(Math.floor(rng() * 10) % 10);
  return phone;
}

export { seededRandom as seededRng } from '../../platform/seeded-random.js';
