/**
 * The generated city's requests, in the order they arrive: how many each day, at what hour,
 * through which channel, of which type and category, from which township; then each one's life
 * (request-life.ts). Everything comes from seeded sources, so a seed gives the same city.
 */
import { isWorkingDay } from '../../clock/index.js';
import { callerKey, hotlineConfig, hotlineDueAt, readTaxonomy, RESPONSE_RULE, URGENT_RESPONSE_RULE, type TaxonomyNode } from '../../requests/index.js';
import { topicOf } from '../../routing/index.js';
import { categoryWeight, generatePersonName, generatePhone, shortVillageName } from '../request-text.js';
import { CaseSim, simActor, type SimActor, type SimContext } from './case-sim.js';
import type { CityMix, CityTexts } from './city-data.js';
import type { CityModel } from './city-model.js';
import { emptyRows, type CopyRows } from './copy-text.js';
import { fillWords, RequestLife, type LifeContext, type LifePlan, type ParentFacts } from './request-life.js';
import { Random, Sampler, TrackingCodeSource, UuidSource } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;
/** Recent requests kept per township as candidates to merge a duplicate into. */
const MERGE_CANDIDATES = 8;

export interface StreamOptions {
  requests: number;
  years: number;
  /** The end of the period (epoch ms): nothing happens after it. */
  now: number;
  seed: number;
  /** This stream's share of the townships: index of count (the generator threads). */
  part: { index: number; count: number };
}

export interface Batch {
  rows: CopyRows;
  requests: number;
}

interface Leaf {
  code: string;
  name: string;
  clockRule: string;
  department: string;
  topicKey: string | null;
}

interface Township {
  code: string;
  name: string;
  unitId: number;
  county: CityModel['counties'][number];
  villages: Array<{ code: string; short: string }>;
}

const chinaDay = (ms: number) => Math.floor((ms + CHINA_OFFSET) / DAY);
const dayString = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** Day rules give the same due instant for any start on one China day, so they are looked up once per day. */
class DueDates {
  private readonly cache = new Map<string, { hours: boolean; byDay: Map<number, number> }>();

  dueAt(rule: string, start: number, extended: number): number {
    const key = `${rule}|${extended}`;
    let entry = this.cache.get(key);
    if (!entry) {
      const probe = Date.UTC(2024, 5, 3, 2);
      const hours = hotlineDueAt(rule, new Date(probe + HOUR), extended).getTime() - hotlineDueAt(rule, new Date(probe), extended).getTime() === HOUR;
      this.cache.set(key, (entry = { hours, byDay: new Map() }));
    }
    if (entry.hours) return hotlineDueAt(rule, new Date(start), extended).getTime();
    const day = chinaDay(start);
    let due = entry.byDay.get(day);
    if (due === undefined) entry.byDay.set(day, (due = hotlineDueAt(rule, new Date(start), extended).getTime()));
    return due;
  }

  private readonly extensibleRules = new Map<string, boolean>();

  extensible(rule: string): boolean {
    let known = this.extensibleRules.get(rule);
    if (known === undefined) {
      try {
        hotlineDueAt(rule, new Date(Date.UTC(2024, 5, 3, 2)), 1);
        known = true;
      } catch {
        known = false;
      }
      this.extensibleRules.set(rule, known);
    }
    return known;
  }
}

/**
 * Several threads generate one city: every thread draws the same arrivals (day, moment,
 * township) from one seeded source and lives only the requests of its own townships, with a
 * source of its own. Townships are independent (a duplicate merges within its township), so
 * the city is the same for a seed whichever thread writes first.
 */
export class CityStream {
  private readonly arrivals: Random;
  private readonly random: Random;
  private readonly mine: boolean[];
  private readonly uuids: UuidSource;
  private readonly codes: TrackingCodeSource;
  private readonly dues = new DueDates();
  private readonly leaves: Leaf[];
  private readonly leafRank: number[];
  private readonly townships: Township[];
  private readonly townshipSampler: Sampler;
  private readonly channels: string[];
  private readonly channelSampler: Sampler;
  private readonly types: string[];
  private readonly typeSampler: Sampler;
  private readonly hourSampler: Sampler;
  private readonly staffRecorded: Set<string>;
  private readonly urgentShare: number;
  private readonly seasonSamplers = new Map<string, Sampler>();
  private readonly unitNames: Map<number, string>;
  private readonly handlers = new Map<number, SimActor>();
  private readonly operators: SimActor[];
  private readonly dispatchers: SimActor[];
  private readonly recent = new Map<string, Array<ParentFacts & { plan: LifePlan; villageCode: string | null }>>();
  private readonly repeatPool: number;
  readonly eventCounts = new Map<string, number>();
  private readonly ctx: SimContext;
  private readonly life: RequestLife;

  constructor(
    private readonly model: CityModel,
    private readonly options: StreamOptions,
    private readonly mix: CityMix,
    private readonly texts: CityTexts,
  ) {
    this.arrivals = new Random(options.seed);
    this.random = new Random((options.seed ^ Math.imul(options.part.index + 1, 0x9e3779b9)) >>> 0);
    this.uuids = new UuidSource(this.random, options.seed, options.part);
    this.codes = new TrackingCodeSource(this.random, options.seed, options.part);
    this.unitNames = new Map(model.unitNames);

    this.leaves = [];
    const walk = (nodes: TaxonomyNode[], path: string[]) => {
      for (const n of nodes) {
        if (n.children?.length) walk(n.children, [...path, n.name]);
        else {
          // A listed topic the category's names name; otherwise the hotspots fill it from the text, as for any request.
          const topic = topicOf(`${n.name}\n${path.join(' ')}`);
          this.leaves.push({ code: n.code, name: n.name, clockRule: n.clockRule ?? 'rx12345.general', department: n.defaultDepartment ?? 'township', topicKey: topic.listed ? topic.key : null });
        }
      }
    };
    walk(readTaxonomy().categories, []);
    // Zipf–Mandelbrot over the leaves ranked by the demo's category weights.
    const order = this.leaves.map((leaf, i) => ({ i, w: categoryWeight(leaf.code) })).sort((a, b) => b.w - a.w || a.i - b.i);
    this.leafRank = new Array<number>(this.leaves.length);
    order.forEach(({ i }, rank) => (this.leafRank[i] = rank + 1));

    const places = mix.places;
    const countyKind = (name: string) => (name.endsWith('开发区') ? '开发区' : name.endsWith('县') || name.endsWith('市') ? '县' : '区');
    const townshipKind = (name: string) => (name.endsWith('街道') || name.endsWith('街道办事处') ? '街道' : name.endsWith('乡') ? '乡' : '镇');
    const byCode = new Map(model.counties.map((c) => [c.code, c]));
    this.townships = model.townships.map((t) => ({
      code: t.code, name: t.name, unitId: t.unitId, county: byCode.get(t.countyCode)!,
      villages: t.villages.map((v) => ({ code: v.code, short: shortVillageName(v.name) })),
    }));
    const townshipWeights = this.townships.map((t) =>
      (places.countyKinds[countyKind(t.county.name)] ?? 1) * (places.townshipKinds[townshipKind(t.name)] ?? 1) * this.arrivals.logNormal(1, places.spread));
    this.townshipSampler = new Sampler(townshipWeights);
    this.mine = splitTownships(townshipWeights, options.part.count).map((part) => part === options.part.index);

    this.channels = Object.keys(mix.channels.weights);
    this.channelSampler = new Sampler(this.channels.map((c) => mix.channels.weights[c]!));
    this.staffRecorded = new Set(mix.channels.recordedByStaff);
    this.types = Object.keys(mix.requestTypes.weights);
    this.typeSampler = new Sampler(this.types.map((t) => mix.requestTypes.weights[t]!));
    // Questions and praise are never urgent; the others carry the whole urgent share.
    const calm = (mix.requestTypes.weights['咨询'] ?? 0) + (mix.requestTypes.weights['表扬'] ?? 0);
    this.urgentShare = mix.urgent.share / (1 - calm / this.typeSampler.total);
    this.hourSampler = new Sampler(mix.hours.weights);

    this.operators = model.operators.map((id) => simActor('operator', id, model.centerId));
    this.dispatchers = model.dispatchers.map((id) => simActor('dispatcher', id, model.centerId));
    for (const [unitId, userId] of model.handlers) this.handlers.set(unitId, simActor('handler', userId, unitId));
    this.repeatPool = Math.max(100, Math.round(options.requests / mix.requester.repeatPoolPerRequests));

    const config = hotlineConfig();
    this.ctx = {
      now: options.now, sweepPhase: this.arrivals.int(60_000), random: this.random, uuids: this.uuids, rows: emptyRows(), eventCounts: this.eventCounts,
      organUnitId: model.centerId,
      salt: () => this.uuids.next().replace(/-/g, ''),
      dueAt: (rule, start, extended) => this.dues.dueAt(rule, start, extended),
      unitName: (id) => this.unitNames.get(id) ?? '',
      rectificationRule: config.rectificationRule,
      responseRule: (urgency) => (urgency === 'urgent' ? URGENT_RESPONSE_RULE : RESPONSE_RULE),
    };
    const lifeContext: LifeContext = {
      random: this.random, mix, texts,
      operator: () => this.random.pick(this.operators),
      dispatcher: () => this.random.pick(this.dispatchers),
      handler: (unitId) => {
        const actor = this.handlers.get(unitId);
        if (!actor) throw new Error(`unit ${unitId} has no handler account`);
        return actor;
      },
      extensible: (rule) => this.dues.extensible(rule),
    };
    this.life = new RequestLife(lifeContext);
  }

  /** How many requests each day receives: weekday, holiday, month, growth and noise, summing to the total. */
  private dailyCounts(): Array<{ day: number; count: number }> {
    const v = this.mix.volume;
    const endDay = chinaDay(this.options.now);
    const days = Math.max(1, Math.round(this.options.years * 365));
    const hourWeights = this.mix.hours.weights;
    const nowHour = ((this.options.now + CHINA_OFFSET) % DAY) / HOUR;
    const totalHours = hourWeights.reduce((a, b) => a + b, 0);
    const elapsedToday = hourWeights.reduce((sum, w, h) => sum + w * Math.min(1, Math.max(0, nowHour - h)), 0) / totalHours;
    const weights: Array<{ day: number; w: number }> = [];
    for (let day = endDay - days + 1; day <= endDay; day++) {
      const weekday = (((day + 4) % 7) + 7) % 7;
      const working = isWorkingDay(dayString(day));
      let w = working ? (weekday === 0 || weekday === 6 ? 1 : v.weekday[weekday]!) : weekday === 0 || weekday === 6 ? v.weekday[weekday]! : v.holiday;
      w *= v.month[new Date(day * DAY).getUTCMonth()]!;
      w *= (1 + v.yearlyGrowth) ** ((day - endDay) / 365);
      w *= this.arrivals.logNormal(1, v.dailyNoise);
      if (day === endDay) w *= elapsedToday;
      weights.push({ day, w });
    }
    const total = weights.reduce((a, b) => a + b.w, 0);
    let running = 0;
    let given = 0;
    return weights.map(({ day, w }) => {
      running += w;
      const upTo = Math.round((this.options.requests * running) / total);
      const count = upTo - given;
      given = upTo;
      return { day, count };
    });
  }

  /** The category sampler for a day: seasonal factors change the leaves' weights. */
  private leafSampler(day: number): Sampler {
    const date = dayString(day).slice(5);
    const inSeason = (from: string, to: string) => (from <= to ? date >= from && date <= to : date >= from || date <= to);
    const active = this.mix.categories.seasonal.map((s, i) => (inSeason(s.from, s.to) ? i : -1)).filter((i) => i >= 0);
    const key = active.join(',');
    let sampler = this.seasonSamplers.get(key);
    if (!sampler) {
      const { s, q } = this.mix.categories.zipf;
      const weights = this.leaves.map((leaf, i) => {
        let w = 1 / (this.leafRank[i]! + q) ** s;
        for (const a of active) if (this.mix.categories.seasonal[a]!.codes.includes(leaf.code)) w *= this.mix.categories.seasonal[a]!.factor;
        return w;
      });
      this.seasonSamplers.set(key, (sampler = new Sampler(weights)));
    }
    return sampler;
  }

  /** The unit that usually owns a category here: the county's department, sometimes the city's, or the township. */
  private owner(key: string, township: Township): number {
    if (key === 'township') return township.unitId;
    const city = this.model.cityDepartments[key];
    if (city !== undefined && this.random.chance(this.mix.routing.cityDepartment)) return city;
    return township.county.departments[key] ?? city ?? township.unitId;
  }

  /** Where a returned request goes: the township when a department returned it, else a county department. */
  private alternate(first: number, key: string, township: Township): number {
    if (first !== township.unitId) return township.unitId;
    const own = township.county.departments[key];
    if (own !== undefined) return own;
    const all = Object.values(township.county.departments);
    return all.length ? this.random.pick(all) : this.model.cityDepartments[key] ?? first;
  }

  private phone(): string {
    const { requester } = this.mix;
    if (this.random.chance(requester.repeatCallers)) return generatePhone(new Random(this.options.seed ^ (1 + this.random.int(this.repeatPool))).fn);
    return generatePhone(this.random.fn);
  }

  /** This stream's requests in arrival order, in batches of about `size` requests with every row their lives left. */
  *batches(size: number): Generator<Batch> {
    let pending = 0;
    for (const { day, count } of this.dailyCounts()) {
      if (count <= 0) continue;
      const dayStart = day * DAY - CHINA_OFFSET;
      const arrivals: Array<{ at: number; township: number }> = [];
      while (arrivals.length < count) {
        const at = dayStart + (this.hourSampler.draw(this.arrivals) + this.arrivals.next()) * HOUR;
        const township = this.townshipSampler.draw(this.arrivals);
        if (at <= this.options.now) arrivals.push({ at: Math.floor(at), township });
      }
      arrivals.sort((a, b) => a.at - b.at);
      const leaves = this.leafSampler(day);
      for (const { at, township } of arrivals) {
        if (!this.mine[township]) continue;
        this.one(at, this.townships[township]!, leaves);
        if (++pending >= size) {
          yield { rows: this.ctx.rows, requests: pending };
          this.ctx.rows = emptyRows();
          pending = 0;
        }
      }
    }
    if (pending) yield { rows: this.ctx.rows, requests: pending };
  }

  private one(receivedAt: number, township: Township, leaves: Sampler): void {
    const { random, mix, texts } = this;
    const channel = this.channels[this.channelSampler.draw(random)]!;
    const staffRecorded = this.staffRecorded.has(channel);
    let plan: LifePlan;
    let villageCode: string | null;
    let topicKey: string | null;
    const parent = random.chance(mix.lifecycle.merge) ? this.mergeCandidate(township.code, receivedAt) : undefined;
    if (parent) {
      // A duplicate: the same problem at the same place as an open request.
      const bySystem = random.chance(mix.lifecycle.mergeBySystem);
      const at = receivedAt + (bySystem ? (1 + random.next() * 4) * 60_000 : random.logNormal(mix.timing.merge[0], mix.timing.merge[1]) * HOUR);
      plan = { ...parent.plan, staffRecorded, merge: { parent, at, bySystem } };
      villageCode = parent.villageCode;
      topicKey = this.leaves.find((l) => l.code === plan.classification.categoryCode)?.topicKey ?? null;
    } else {
      const leaf = this.leaves[leaves.draw(random)]!;
      const requestType = this.types[this.typeSampler.draw(random)]!;
      const urgent = requestType !== '咨询' && requestType !== '表扬' && random.chance(this.urgentShare);
      const village = township.villages.length && random.chance(mix.places.withVillage) ? random.pick(township.villages) : null;
      villageCode = village?.code ?? null;
      const firstUnitId = this.owner(leaf.department, township);
      plan = {
        classification: { categoryCode: leaf.code, requestType, urgency: urgent ? 'urgent' : 'normal' },
        staffRecorded,
        handlingRule: urgent ? 'rx12345.urgent' : leaf.clockRule,
        firstUnitId,
        alternateUnitId: this.alternate(firstUnitId, leaf.department, township),
        words: { leaf: leaf.name, place: village ? `${township.name}${village.short}` : township.name },
        merge: null,
      };
      topicKey = leaf.topicKey;
    }
    const type = plan.classification.requestType;
    const words = { ...plan.words, duration: random.pick(texts.durations) };
    const phone = random.chance(mix.requester.phone) ? this.phone() : null;
    const sim = new CaseSim(this.ctx, {
      caseId: this.uuids.next(), trackingCode: this.codes.next(), channel,
      requestType: staffRecorded ? type : null,
      categoryCode: staffRecorded ? plan.classification.categoryCode : null,
      urgency: staffRecorded ? plan.classification.urgency : 'normal',
      title: fillWords(random.pick(texts.titles[type] ?? texts.titles['投诉']!), words),
      content: fillWords(random.pick(texts.contents[type] ?? texts.contents['投诉']!), words),
      requesterName: random.chance(mix.requester.named) ? generatePersonName(random.fn) : null,
      requesterPhone: phone,
      townshipCode: township.code, villageCode, receivedAt,
      recordedBy: null, callerKey: phone ? callerKey(phone) : null, topicKey,
    });
    if (staffRecorded) {
      // The operator who takes the call records it; the same one is the intake event's actor.
      const operator = this.random.pick(this.operators);
      sim.request.recordedBy = operator.userId;
      this.life.live(sim, plan, operator);
    } else {
      this.life.live(sim, plan, null);
    }
    sim.finish();
    if (!plan.merge) this.remember(township.code, villageCode, sim, plan);
  }

  private mergeCandidate(townshipCode: string, at: number): (ParentFacts & { plan: LifePlan; villageCode: string | null }) | undefined {
    const list = this.recent.get(townshipCode);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i]!;
      // Still waiting for its first answer a while after this one arrives.
      if (c.receivedAt < at && c.firstReplyAt > at + 6 * HOUR) return c;
    }
    return undefined;
  }

  private remember(townshipCode: string, villageCode: string | null, sim: CaseSim, plan: LifePlan): void {
    let list = this.recent.get(townshipCode);
    if (!list) this.recent.set(townshipCode, (list = []));
    list.push({
      caseId: sim.request.caseId, trackingCode: sim.request.trackingCode, receivedAt: sim.request.receivedAt,
      firstReplyAt: sim.firstAnswer?.at ?? Infinity, replyText: sim.firstAnswer?.text ?? null, repliedByUnitId: sim.firstAnswer?.unitId ?? null,
      plan, villageCode,
    });
    if (list.length > MERGE_CANDIDATES) list.shift();
  }
}

/** Townships dealt to `count` parts, heaviest first to the lightest part, so the threads share the work evenly. */
function splitTownships(weights: number[], count: number): number[] {
  const loads = new Array<number>(count).fill(0);
  const part = new Array<number>(weights.length).fill(0);
  const order = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  for (const { w, i } of order) {
    const lightest = loads.indexOf(Math.min(...loads));
    part[i] = lightest;
    loads[lightest] = loads[lightest]! + w;
  }
  return part;
}
