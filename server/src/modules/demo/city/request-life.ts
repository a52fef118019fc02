/**
 * The life of one generated request: which actions happen to it and when, drawn from the
 * mix (data/city-mix.json). The actions themselves are CaseSim's, which mirrors the app.
 */
import { CITIZEN, SYSTEM, type CaseSim, type Classification, type SimActor } from './case-sim.js';
import type { CityMix, CityTexts, Delay, Satisfaction } from './city-data.js';
import type { Random } from './random.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;
const WEEK = 7 * DAY;
const ONLINE = new Set(['app', 'wechat', 'web']);

/** The actors and words a life needs; the stream gives one per run. */
export interface LifeContext {
  random: Random;
  mix: CityMix;
  texts: CityTexts;
  operator(): SimActor;
  dispatcher(): SimActor;
  handler(unitId: number): SimActor;
  extensible(rule: string): boolean;
}

/** What was decided about the request before its life: where it goes, what it is. */
export interface LifePlan {
  classification: Classification;
  staffRecorded: boolean;
  handlingRule: string;
  firstUnitId: number;
  /** Where a returned request goes next. */
  alternateUnitId: number;
  /** Words for the texts: the leaf's name and the place. */
  words: { leaf: string; place: string };
  merge: { parent: ParentFacts; at: number; bySystem: boolean } | null;
}

/** What a later duplicate needs of a request it may be merged into. */
export interface ParentFacts {
  caseId: string;
  trackingCode: string;
  receivedAt: number;
  /** The first answer (reply or direct answer), Infinity when none by now. */
  firstReplyAt: number;
  replyText: string | null;
  repliedByUnitId: number | null;
}

export function fillWords(template: string, words: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => words[name] ?? '');
}

export class RequestLife {
  private readonly timing: CityMix['timing'];
  private readonly shares: CityMix['lifecycle'];

  constructor(private readonly ctx: LifeContext) {
    this.timing = ctx.mix.timing;
    this.shares = ctx.mix.lifecycle;
  }

  private hours(delay: Delay, scale = 1): number {
    return this.ctx.random.logNormal(delay[0], delay[1]) * HOUR * scale;
  }

  /** Staff act in office hours (China time): a step outside them waits for the next morning. */
  private office(at: number): number {
    const [from, to] = this.timing.staffHours;
    const local = at + CHINA_OFFSET;
    const hour = (local % DAY) / HOUR;
    if (hour >= from && hour < to) return at;
    const dayStart = local - (local % DAY) - CHINA_OFFSET;
    const morning = (hour < from ? dayStart : dayStart + DAY) + from * HOUR;
    return morning + this.ctx.random.next() * 1.5 * HOUR;
  }

  private text(list: readonly string[], words: Record<string, string>): string {
    return fillWords(this.ctx.random.pick(list), words);
  }

  /** Lives the request from intake (recorded by `operator`, or the citizen's own) to where it is now. */
  live(sim: CaseSim, plan: LifePlan, operator: SimActor | null): void {
    const { random } = this.ctx;
    sim.submit(operator ?? CITIZEN);
    if (plan.merge && this.liveMerged(sim, plan)) return;
    const directShare = this.ctx.mix.requestTypes.answeredDirectly[plan.classification.requestType] ?? 0;
    if (random.chance(directShare)) return this.liveAnswered(sim, plan);
    this.liveDispatched(sim, plan);
  }

  /** Citizens' own submissions arrive unclassified; the center classifies before it acts itself. */
  private classifyFirst(sim: CaseSim, plan: LifePlan, at: number): number | null {
    if (plan.staffRecorded || sim.request.categoryCode) return at;
    const t = this.office(at + this.hours(this.timing.classify));
    if (!sim.go(t)) return null;
    sim.classify(this.ctx.operator(), plan.classification);
    return t + fewMinutes(this.ctx.random);
  }

  /**
   * Merged into an earlier open request at the same place, then answered with it. False when
   * the parent was answered before the merge could happen: the request then lives on its own.
   */
  private liveMerged(sim: CaseSim, plan: LifePlan): boolean {
    const merge = plan.merge!;
    let t: number | null = merge.at;
    if (!merge.bySystem) t = this.classifyFirst(sim, plan, sim.t);
    if (t === null) return true;
    t = Math.max(t, merge.at);
    if (t >= merge.parent.firstReplyAt) return false;
    if (!sim.go(t)) return true;
    sim.merge(merge.bySystem ? SYSTEM : this.ctx.operator(), merge.parent);
    if (!sim.go(merge.parent.firstReplyAt)) return true;
    sim.followParent(merge.parent);
    this.evaluate(sim, plan, true, 0);
    return true;
  }

  private liveAnswered(sim: CaseSim, plan: LifePlan): void {
    let t = this.classifyFirst(sim, plan, sim.t);
    if (t === null) return;
    t = plan.staffRecorded ? t + this.hours(this.timing.answerByPhone) : this.office(t + this.hours(this.timing.answerOnline));
    if (!sim.go(t)) return;
    sim.answerDirectly(this.ctx.operator(), this.text(this.ctx.texts.answers, plan.words));
    this.evaluate(sim, plan, true, 0);
  }

  private liveDispatched(sim: CaseSim, plan: LifePlan): void {
    const { random } = this.ctx;
    // Urgent requests are passed on at once, day or night.
    const urgent = plan.classification.urgency === 'urgent';
    if (!sim.go(urgent ? sim.t + this.hours(this.timing.dispatch, 0.05) : this.office(sim.t + this.hours(this.timing.dispatch)))) return;
    sim.dispatch(this.ctx.dispatcher(), plan.firstUnitId, plan.classification, plan.handlingRule);
    if (!this.handle(sim, plan, plan.firstUnitId, true)) return;
    if (!this.evaluate(sim, plan, false, 0)) return;
    if (sim.state !== 'closed' || !random.chance(this.shares.reopen)) return;
    if (!sim.go(this.office(sim.t + this.hours(this.timing.reopen)))) return;
    sim.reopen(this.ctx.dispatcher(), random.pick(this.ctx.texts.reopenReasons));
    const unitId = sim.lead!.unitId;
    if (!sim.go(this.office(sim.t + this.hours(this.timing.dispatch)))) return;
    sim.dispatch(this.ctx.dispatcher(), unitId, plan.classification, plan.handlingRule);
    if (!this.handle(sim, plan, unitId, false)) return;
    this.evaluate(sim, plan, false, 0);
  }

  /**
   * A unit's handling of the lead dispatch: maybe a return (then the center redispatches),
   * sign, contact, maybe an extension, reply. False when now came first.
   */
  private handle(sim: CaseSim, plan: LifePlan, unitId: number, mayReturn: boolean): boolean {
    const { random } = this.ctx;
    const shares = this.shares;
    const d = sim.lead!;
    const handler = this.ctx.handler(unitId);
    // Hour limits (urgent, utilities) are worked round the clock and fast; day limits in office hours.
    const limit = d.dueAt - d.dispatchedAt;
    const speed = Math.min(1, Math.max(0.02, limit / WEEK));
    const when = (at: number) => (speed < 1 ? at : this.office(at));
    const returning = mayReturn && random.chance(shares.return);
    const returnEarly = returning && random.chance(shares.returnBeforeSign);
    if (returnEarly) return this.returnAndRedispatch(sim, plan, handler, when(sim.t + this.hours(this.timing.return, speed)));

    if (!sim.go(when(sim.t + this.hours(this.timing.sign, speed)))) return false;
    sim.sign(handler);
    let t = sim.t + this.hours(this.timing.contact, speed);
    if (random.chance(shares.lateContact)) t = d.responseDueAt + this.hours(this.timing.late, speed);
    else if (t >= d.responseDueAt && d.responseDueAt > sim.t) t = sim.t + (d.responseDueAt - sim.t) * random.next();
    if (!sim.go(when(t))) return false;
    sim.contact(handler, random.pick(this.ctx.texts.contactNotes));
    if (returning) return this.returnAndRedispatch(sim, plan, handler, when(sim.t + this.hours(this.timing.return, speed)));

    let rejected = false;
    if (this.ctx.extensible(d.rule) && random.chance(shares.extension)) {
      const share = Math.min(0.9, random.logNormal(this.timing.extensionShare[0], this.timing.extensionShare[1]));
      if (!sim.go(when(Math.max(sim.t + 10 * MINUTE, d.dispatchedAt + share * (d.dueAt - d.dispatchedAt))))) return false;
      sim.requestExtension(handler, random.pick(this.ctx.texts.extensionReasons));
      if (!sim.go(when(sim.t + this.hours(this.timing.approveExtension)))) return false;
      rejected = random.chance(shares.extensionRejected);
      if (rejected) sim.rejectExtension(this.ctx.dispatcher(), random.pick(this.ctx.texts.extensionRejections));
      else sim.approveExtension(this.ctx.dispatcher());
    }
    const late = random.chance(rejected ? shares.lateReplyAfterRejection : shares.lateReply);
    let reply = late
      ? d.dueAt + this.hours(this.timing.late, speed)
      : d.dispatchedAt + random.next() ** this.timing.replyShape * 0.95 * (d.dueAt - d.dispatchedAt);
    if (reply <= sim.t) reply = sim.t + (5 + random.next() * 60) * MINUTE * speed;
    if (!sim.go(when(reply))) return false;
    sim.reply(handler, this.text(this.ctx.texts.replies, plan.words));
    return true;
  }

  private returnAndRedispatch(sim: CaseSim, plan: LifePlan, handler: SimActor, at: number): boolean {
    if (!sim.go(at)) return false;
    sim.returnDispatch(handler, this.ctx.random.pick(this.ctx.texts.returnReasons));
    if (!sim.go(this.office(sim.t + this.hours(this.timing.redispatch)))) return false;
    sim.redispatch(this.ctx.dispatcher(), plan.alternateUnitId, this.ctx.random.pick(this.ctx.texts.redispatchReasons), plan.handlingRule);
    return this.handle(sim, plan, plan.alternateUnitId, false);
  }

  /**
   * The follow-up call, or the requester's own rating for online requests; a bad one opens a
   * rectification the unit answers (on time or late), then the next rating. `noDispatch`: the
   * workflow offers no way out of rectification without a dispatch, so no bad rating is drawn.
   */
  private evaluate(sim: CaseSim, plan: LifePlan, noDispatch: boolean, round: number): boolean {
    const { random } = this.ctx;
    const shares = this.shares;
    const byCitizen = ONLINE.has(sim.request.channel) && random.chance(shares.citizenRates);
    const wait = sim.t + this.hours(this.timing.followUp);
    if (!sim.go(byCitizen ? wait : this.office(wait))) return false;
    const mix = round === 0 ? shares.satisfaction : shares.satisfactionAfterRectification;
    let satisfaction = drawSatisfaction(random, mix);
    if (satisfaction === 'dissatisfied' && (noDispatch || round >= 2)) satisfaction = drawSatisfaction(random, { ...mix, dissatisfied: 0 });
    const input = { resolved: random.chance(shares.resolved[satisfaction]), satisfaction, comment: random.pick(this.ctx.texts.comments[satisfaction]) };
    const evaluation = byCitizen ? sim.evaluate('citizen', CITIZEN, input) : sim.evaluate('followup', this.ctx.operator(), input);
    if (satisfaction !== 'dissatisfied') return true;

    const handler = this.ctx.handler(sim.lead!.unitId);
    if (random.chance(shares.rectificationContact)) {
      if (!sim.go(this.office(sim.t + this.hours(this.timing.contact)))) return false;
      sim.contact(handler, random.pick(this.ctx.texts.contactNotes));
    }
    const due = evaluation.rectificationDueAt!;
    const late = random.chance(shares.rectificationLate);
    let t = late ? due + this.hours(this.timing.late) : sim.t + this.hours(this.timing.rectify);
    // An on-time answer whose draw overran the limit is folded back inside it.
    if (!late && t >= due && due > sim.t) t = sim.t + (due - sim.t) * random.next();
    if (!sim.go(this.office(t))) return false;
    sim.reply(handler, this.text(this.ctx.texts.rectifications, plan.words));
    return this.evaluate(sim, plan, noDispatch, round + 1);
  }
}

function drawSatisfaction(random: Random, weights: Record<Satisfaction, number>): Satisfaction {
  const total = weights.satisfied + weights.basically_satisfied + weights.dissatisfied;
  let x = random.next() * total;
  if ((x -= weights.satisfied) < 0) return 'satisfied';
  if ((x -= weights.basically_satisfied) < 0) return 'basically_satisfied';
  return 'dissatisfied';
}

/** The few minutes between classifying a request and acting on it. */
function fewMinutes(random: Random): number {
  return (1 + random.next() * 4) * MINUTE;
}
