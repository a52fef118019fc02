/**
 * One request's case, acted on the way the app acts on it, without a database: each method
 * mirrors an action of requests/hotline-case-type.ts (its effect, its clocks, its event) and
 * the clock sweep of cases/operations/sweep-clocks.ts, and at the end the case writes the rows
 * those would have left. Event payloads are built with their keys already in canonical order,
 * so JSON.stringify gives canonical-json.ts's text and the hash is event-chain.ts's.
 */
import { hash } from 'node:crypto';
import { platformKeyring } from '../../../platform/keyring.js';
import { bool, int, iso, jsonText, text, time, type CopyRows } from './copy-text.js';
import type { Random, UuidSource } from './random.js';

export const GENESIS = '0'.repeat(64);
const HOTLINE_CASE_TYPE = 'hotline_request';
/** Share of a clock's time after which the sweep urges (cases' WARNING_SHARE). */
const WARNING_SHARE = 0.8;
/** The server sweeps its clocks once a minute (FAZHI_SWEEP_SECONDS); an urge waits for the next sweep. */
const SWEEP_MS = 60_000;

export interface SimActor {
  role: string;
  userId: number | null;
  unitId: number | null;
  /** `"actorRole":…,"actorUnitId":…,"actorUserId":…,"at":"` — the start of the hashed body. */
  bodyHead: string;
  /** The three actor columns of a case_events row. */
  columns: string;
}

export function simActor(role: string, userId: number | null, unitId: number | null): SimActor {
  return {
    role, userId, unitId,
    bodyHead: `{"actorRole":${JSON.stringify(role)},"actorUnitId":${unitId ?? 'null'},"actorUserId":${userId ?? 'null'},"at":"`,
    columns: `${int(userId)}\t${int(unitId)}\t${text(role)}`,
  };
}

export const CITIZEN = simActor('citizen', null, null);
export const SYSTEM = simActor('system', null, null);

/** What the simulation needs from outside: the moment it stops, randomness, ids, due dates. */
export interface SimContext {
  now: number;
  /** Where in each minute the server's sweep runs (ms). */
  sweepPhase: number;
  random: Random;
  uuids: UuidSource;
  rows: CopyRows;
  /** The hotline center: the organ of every request. */
  organUnitId: number;
  /** A salt for a personal value (from the seeded source, so a seed gives the same city). */
  salt(): string;
  /** requests' hotlineDueAt, as epoch ms. */
  dueAt(rule: string, start: number, extended: number): number;
  unitName(unitId: number): string;
  rectificationRule: string;
  responseRule(urgency: string): string;
  /** Counts events by type, for the summary and the tests. */
  eventCounts: Map<string, number>;
}

interface Clock {
  id: string;
  name: 'response' | 'handling' | 'rectification';
  rule: string;
  subjectId: string;
  unitId: number | null;
  start: number;
  due: number;
  extended: number;
  stopped: number | null;
  urgeLevel: number;
  urgeAt: number;
  superviseAt: number;
}

export interface Dispatch {
  id: string;
  unitId: number;
  status: 'pending' | 'signed' | 'returned' | 'replied';
  dispatchedAt: number;
  responseDueAt: number;
  dueAt: number;
  signedAt: number | null;
  contactedAt: number | null;
  returnedAt: number | null;
  returnReason: string | null;
  repliedAt: number | null;
  extensionReason: string | null;
  extended: boolean;
  responseLapsed: boolean;
  handlingLapsed: boolean;
  rule: string;
}

interface Evaluation {
  id: string;
  source: 'citizen' | 'followup';
  at: number;
  resolved: boolean;
  satisfaction: string;
  comment: string | null;
  unitId: number | null;
  rectificationDueAt: number | null;
  rectifiedAt: number | null;
  rectificationLapsed: boolean;
}

/** The request's own facts, as intake recorded them and the actions changed them. */
export interface RequestFacts {
  caseId: string;
  trackingCode: string;
  channel: string;
  requestType: string | null;
  categoryCode: string | null;
  urgency: 'normal' | 'urgent';
  title: string;
  content: string;
  requesterName: string | null;
  requesterPhone: string | null;
  townshipCode: string;
  villageCode: string | null;
  receivedAt: number;
  recordedBy: number | null;
  callerKey: string | null;
  topicKey: string | null;
}

export interface Classification {
  categoryCode: string;
  requestType: string;
  urgency: 'normal' | 'urgent';
}

const json = JSON.stringify;

export class CaseSim {
  /** The moment of the last step; actions happen at `t`. */
  t: number;
  state = 'received';
  stoppedByNow = false;
  private seq = 0;
  private lastHash = GENESIS;
  private owner: number | null = null;
  private readonly clocks: Clock[] = [];
  readonly dispatches: Dispatch[] = [];
  private readonly evaluations: Evaluation[] = [];
  replyText: string | null = null;
  repliedAt: number | null = null;
  /** The first answer (reply or direct answer): what requests merged into this one follow. */
  firstAnswer: { at: number; text: string; unitId: number | null } | null = null;
  repliedByUnitId: number | null = null;
  private closedAt: number | null = null;
  private dueAtValue: number | null = null;
  private ruleId: string | null = null;
  private mergedInto: string | null = null;
  private reopened = false;

  constructor(
    private readonly ctx: SimContext,
    readonly request: RequestFacts,
  ) {
    this.t = request.receivedAt;
  }

  /** Moves the case to `at`, letting the sweep urge on the way; false once `at` is past now. */
  go(moment: number): boolean {
    // Whole milliseconds, as a JavaScript Date (and so the hash) has them.
    const at = Math.floor(moment);
    if (at > this.ctx.now) {
      this.stoppedByNow = true;
      return false;
    }
    this.sweepUntil(at);
    this.t = Math.max(this.t, at);
    return true;
  }

  /** The latest dispatch: the one the center made last. */
  get lead(): Dispatch | undefined {
    return this.dispatches[this.dispatches.length - 1];
  }

  /**
   * The dispatch a unit's action works on, found as requests.access.ts openDispatchFor finds
   * it: the actor's unit's dispatch in one of the statuses, the earliest first. (After a
   * reopening that is the first answered dispatch, not the newest.)
   */
  private dispatchOf(actor: SimActor, statuses: ReadonlyArray<Dispatch['status']>): Dispatch {
    const found = this.dispatches.find((d) => d.unitId === actor.unitId && statuses.includes(d.status));
    if (!found) throw new Error(`no ${statuses.join('/')} dispatch of unit ${actor.unitId} on ${this.request.caseId}`);
    return found;
  }

  // --- intake (requests/operations/submit-request.ts insertRequests → openCases) ---

  submit(actor: SimActor): void {
    const r = this.request;
    const contentSha256 = hash('sha256', r.content, 'hex');
    const titleSha256 = r.title ? `"${hash('sha256', r.title, 'hex')}"` : 'null';
    // The record keeps salted hashes of the requester's details, in key order (openCases).
    const given = [['requesterName', r.requesterName], ['requesterPhone', r.requesterPhone]].filter((f): f is [string, string] => !!f[1]);
    const personal = given.length ? `"personal":{${given.map(([field, value]) => `"${field}":"${this.personal(field, value)}"`).join(',')}},` : '';
    this.event('submitted', actor, `{"categoryCode":${json(r.categoryCode)},"channel":${json(r.channel)},"contentSha256":"${contentSha256}",${personal}"photoSha256":null,"requestType":${json(r.requestType)},"titleSha256":${titleSha256},"townshipCode":${json(r.townshipCode)},"trackingCode":${json(r.trackingCode)},"villageCode":${json(r.villageCode)}}`);
  }

  /** A personal value of the next event: kept beside the record, its salted hash returned for the payload. */
  private personal(field: string, value: string): string {
    const salt = this.ctx.salt();
    this.ctx.rows.case_personal_data.write(`${this.request.caseId}\t${this.seq + 1}\t${field}\t${text(value)}\t${salt}\n`);
    return hash('sha256', `${salt}\n${value}`, 'hex');
  }

  // --- actions (requests/hotline-case-type.ts) ---

  classify(actor: SimActor, c: Classification): void {
    this.applyClassification(c);
    this.action('classify', actor, `{"categoryCode":${json(c.categoryCode)},"requestType":${json(c.requestType)},"urgency":"${c.urgency}"}`, null, this.state);
  }

  answerDirectly(actor: SimActor, reply: string): void {
    this.replyText = reply;
    this.repliedAt = this.t;
    this.repliedByUnitId = actor.unitId;
    this.firstAnswer ??= { at: this.t, text: reply, unitId: actor.unitId };
    this.action('answer_directly', actor, `{"reply":${json(reply)}}`, null, 'replied');
  }

  dispatch(actor: SimActor, unitId: number, c: Classification, handlingRule: string): Dispatch {
    this.applyClassification(c);
    const input = `{"categoryCode":${json(c.categoryCode)},"requestType":${json(c.requestType)},"unitId":${unitId},"urgency":"${c.urgency}"}`;
    return this.dispatchTo('dispatch', actor, unitId, handlingRule, input);
  }

  redispatch(actor: SimActor, unitId: number, reason: string, handlingRule: string): Dispatch {
    return this.dispatchTo('redispatch', actor, unitId, handlingRule, `{"reason":${json(reason)},"unitId":${unitId}}`);
  }

  sign(actor: SimActor): void {
    const d = this.dispatchOf(actor, ['pending']);
    d.status = 'signed';
    d.signedAt = this.t;
    this.action('sign', actor, '{}', `{"dispatchId":"${d.id}","role":"lead"}`, 'handling');
  }

  contact(actor: SimActor, note: string): void {
    const d = this.dispatchOf(actor, this.state === 'rectifying' ? ['replied'] : ['signed']);
    this.stopClocks('response');
    d.contactedAt ??= this.t;
    this.action('contact', actor, `{"note":{"$personal":"${this.personal('note', note)}"}}`, `{"dispatchId":"${d.id}","role":"lead"}`, this.state);
  }

  returnDispatch(actor: SimActor, reason: string): void {
    const d = this.dispatchOf(actor, ['pending', 'signed']);
    this.stopClocks('response', 'handling');
    d.status = 'returned';
    d.returnedAt = this.t;
    d.returnReason = reason;
    this.owner = null;
    this.action('return', actor, `{"reason":${json(reason)}}`, `{"dispatchId":"${d.id}","unitId":${d.unitId}}`, 'returned');
  }

  requestExtension(actor: SimActor, reason: string): void {
    const d = this.dispatchOf(actor, ['signed']);
    d.extensionReason = reason;
    this.action('request_extension', actor, `{"reason":${json(reason)}}`, `{"dispatchId":"${d.id}"}`, this.state);
  }

  approveExtension(actor: SimActor): void {
    const d = this.lead!;
    const due = this.ctx.dueAt(d.rule, d.dispatchedAt, 1);
    d.extended = true;
    d.dueAt = due;
    d.handlingLapsed = false;
    this.dueAtValue = due;
    // The engine extends the running handling clock from its own start: the same instant.
    let clockDue = due;
    for (const c of this.clocks) {
      if (c.name !== 'handling' || c.stopped !== null) continue;
      c.extended += 1;
      c.due = this.ctx.dueAt(c.rule, c.start, c.extended);
      c.urgeLevel = 0;
      this.arm(c, this.t);
      clockDue = c.due;
    }
    this.action('approve_extension', actor, '{}', `{"dispatchId":"${d.id}","dueAt":"${iso(due)}","handlingDueAt":"${iso(clockDue)}"}`, this.state);
  }

  rejectExtension(actor: SimActor, reason: string): void {
    const d = this.lead!;
    d.extensionReason = null;
    this.action('reject_extension', actor, `{"reason":${json(reason)}}`, `{"dispatchId":"${d.id}"}`, this.state);
  }

  reply(actor: SimActor, reply: string): void {
    const d = this.dispatchOf(actor, this.state === 'rectifying' ? ['replied'] : ['signed']);
    d.status = 'replied';
    d.repliedAt ??= this.t;
    this.replyText = reply;
    this.repliedAt = this.t;
    this.repliedByUnitId = d.unitId;
    this.firstAnswer ??= { at: this.t, text: reply, unitId: d.unitId };
    if (this.state === 'rectifying') {
      const open = this.evaluations.filter((e) => e.satisfaction === 'dissatisfied').sort((a, b) => b.at - a.at)[0];
      if (open && open.rectifiedAt === null) open.rectifiedAt = this.t;
    }
    this.stopClocks('response', 'handling', 'rectification');
    this.action('reply', actor, `{"reply":${json(reply)}}`, `{"dispatchId":"${d.id}"}`, 'replied');
  }

  /** follow_up (operator) or citizen_evaluate (the requester). */
  evaluate(source: 'followup' | 'citizen', actor: SimActor, input: { resolved: boolean; satisfaction: string; comment: string }): Evaluation {
    const dissatisfied = input.satisfaction === 'dissatisfied';
    const evaluation: Evaluation = {
      id: this.ctx.uuids.next(), source, at: this.t, resolved: input.resolved, satisfaction: input.satisfaction, comment: input.comment,
      unitId: this.repliedByUnitId, rectificationDueAt: dissatisfied ? this.ctx.dueAt(this.ctx.rectificationRule, this.t, 0) : null,
      rectifiedAt: null, rectificationLapsed: false,
    };
    this.evaluations.push(evaluation);
    let facts = `{"evaluationId":"${evaluation.id}"}`;
    if (dissatisfied) {
      const clock = this.startClock('rectification', this.ctx.rectificationRule, evaluation.id, this.repliedByUnitId);
      facts = `{"evaluationId":"${evaluation.id}","rectificationDueAt":"${iso(clock.due)}","rectificationRule":${json(clock.rule)}}`;
    } else if (this.state !== 'closed') {
      this.closedAt = this.t;
    }
    const comment = input.comment ? `{"$personal":"${this.personal('comment', input.comment)}"}` : json(input.comment);
    const inputJson = `{"comment":${comment},"resolved":${input.resolved},"satisfaction":"${input.satisfaction}"}`;
    this.action(source === 'followup' ? 'follow_up' : 'citizen_evaluate', actor, inputJson, facts, dissatisfied ? 'rectifying' : 'closed');
    return evaluation;
  }

  merge(actor: SimActor, parent: { caseId: string; trackingCode: string }): void {
    this.mergedInto = parent.caseId;
    this.action('merge', actor, `{"parentCaseId":"${parent.caseId}"}`, `{"parentCaseId":"${parent.caseId}","parentTrackingCode":${json(parent.trackingCode)}}`, 'merged');
  }

  /** Run by the platform inside the parent's reply, at the parent's moment. */
  followParent(parent: { caseId: string; replyText: string | null; repliedByUnitId: number | null }): void {
    this.replyText = parent.replyText;
    this.repliedAt = this.t;
    this.repliedByUnitId = parent.repliedByUnitId;
    this.action('follow_parent', SYSTEM, '{}', `{"parentCaseId":"${parent.caseId}","unitId":${parent.repliedByUnitId ?? 'null'}}`, 'replied');
  }

  reopen(actor: SimActor, reason: string): void {
    this.closedAt = null;
    this.reopened = true;
    this.owner = null;
    this.action('reopen', actor, `{"reason":${json(reason)}}`, null, 'received');
  }

  // --- the engine's pieces ---

  private applyClassification(c: Classification): void {
    this.request.requestType = c.requestType;
    this.request.categoryCode = c.categoryCode;
    this.request.urgency = c.urgency;
  }

  /** dispatchTo() of the case type and the two clocks every dispatch starts. */
  private dispatchTo(type: string, actor: SimActor, unitId: number, rule: string, input: string): Dispatch {
    const responseRule = this.ctx.responseRule(this.request.urgency);
    const d: Dispatch = {
      id: this.ctx.uuids.next(), unitId, status: 'pending', dispatchedAt: this.t,
      responseDueAt: this.ctx.dueAt(responseRule, this.t, 0), dueAt: this.ctx.dueAt(rule, this.t, 0),
      signedAt: null, contactedAt: null, returnedAt: null, returnReason: null, repliedAt: null,
      extensionReason: null, extended: false, responseLapsed: false, handlingLapsed: false, rule,
    };
    this.dispatches.push(d);
    this.dueAtValue = d.dueAt;
    this.ruleId = rule;
    this.owner = unitId;
    const response = this.startClock('response', responseRule, d.id, unitId);
    const handling = this.startClock('handling', rule, d.id, unitId);
    const facts = `{"dispatchId":"${d.id}","handlingDueAt":"${iso(handling.due)}","handlingRule":${json(rule)},"responseDueAt":"${iso(response.due)}","responseRule":${json(responseRule)},"unitName":${json(this.ctx.unitName(unitId))}}`;
    this.action(type, actor, input, facts, 'dispatched');
    return d;
  }

  private startClock(name: Clock['name'], rule: string, subjectId: string, unitId: number | null): Clock {
    const clock: Clock = {
      id: this.ctx.uuids.next(), name, rule, subjectId, unitId, start: this.t, due: this.ctx.dueAt(rule, this.t, 0),
      extended: 0, stopped: null, urgeLevel: 0, urgeAt: 0, superviseAt: 0,
    };
    this.arm(clock, this.t);
    this.clocks.push(clock);
    return clock;
  }

  /** The first sweep at or after `moment`. */
  private sweepAfter(moment: number): number {
    const phase = this.ctx.sweepPhase;
    return Math.ceil((moment - phase) / SWEEP_MS) * SWEEP_MS + phase;
  }

  /** The sweeps that will urge (80% of the time used) and supervise (overdue) this clock, from `from` on. */
  private arm(clock: Clock, from: number): void {
    const warning = clock.start + (clock.due - clock.start) * WARNING_SHARE;
    clock.urgeAt = this.sweepAfter(Math.max(warning, from + 1));
    clock.superviseAt = this.sweepAfter(Math.max(clock.due, from + 1));
  }

  private stopClocks(...names: Array<Clock['name']>): void {
    for (const c of this.clocks) if (c.stopped === null && names.includes(c.name)) c.stopped = this.t;
  }

  /** The sweep's auto_urge / auto_supervise events before `until` (and not after now). */
  private sweepUntil(until: number): void {
    for (;;) {
      let next: Clock | undefined;
      let at = Infinity;
      for (const c of this.clocks) {
        if (c.stopped !== null || c.urgeLevel >= 2) continue;
        const moment = c.urgeLevel === 0 ? c.urgeAt : c.superviseAt;
        // One sweep takes its clocks in due order, as its query does.
        if (moment < at || (moment === at && next && c.due < next.due)) {
          at = moment;
          next = c;
        }
      }
      if (!next || at >= until || at > this.ctx.now) return;
      const level = at >= next.due ? 2 : 1;
      this.t = at;
      next.urgeLevel = level;
      const payload = `{"clock":"${next.name}","dueAt":"${iso(next.due)}","level":${level},"subjectId":"${next.subjectId}","unitId":${next.unitId ?? 'null'}}`;
      this.event(level === 2 ? 'auto_supervise' : 'auto_urge', SYSTEM, payload);
      if (level === 2) this.lapse(next);
    }
  }

  /** The case type's onClockLapsed: the figures count a missed limit once its clock ran out. */
  private lapse(clock: Clock): void {
    if (clock.name === 'rectification') {
      const e = this.evaluations.find((x) => x.id === clock.subjectId);
      if (e) e.rectificationLapsed = true;
      return;
    }
    const d = this.dispatches.find((x) => x.id === clock.subjectId);
    if (d && clock.name === 'response') d.responseLapsed = true;
    if (d && clock.name === 'handling') d.handlingLapsed = true;
  }

  private action(type: string, actor: SimActor, input: string, facts: string | null, toState: string): void {
    const payload = facts === null
      ? `{"fromState":"${this.state}","input":${input},"toState":"${toState}"}`
      : `{"facts":${facts},"fromState":"${this.state}","input":${input},"toState":"${toState}"}`;
    this.event(type, actor, payload);
    this.state = toState;
  }

  private event(type: string, actor: SimActor, payload: string): void {
    const seq = ++this.seq;
    const at = iso(this.t);
    const body = `${actor.bodyHead}${at}","caseId":"${this.request.caseId}","payload":${payload},"seq":${seq},"type":"${type}"}`;
    const digest = hash('sha256', `${this.lastHash}\n${body}`, 'hex');
    const seal = platformKeyring().mac('audit.event', digest);
    this.ctx.rows.case_events.write(`${this.request.caseId}\t${seq}\t${type}\t${at}\t${actor.columns}\t${jsonText(payload)}\t${this.lastHash}\t${digest}\t${seal}\n`);
    this.lastHash = digest;
    this.ctx.eventCounts.set(type, (this.ctx.eventCounts.get(type) ?? 0) + 1);
  }

  /** Lets the sweep run up to now, then writes every row the case left. */
  finish(): void {
    this.sweepUntil(this.ctx.now + 1);
    const r = this.request;
    const rows = this.ctx.rows;
    const caseId = r.caseId;
    rows.cases.write(`${caseId}\t${HOTLINE_CASE_TYPE}\t${this.state}\t${this.ctx.organUnitId}\t${int(this.owner)}\t${text(r.villageCode ?? r.townshipCode)}\t${this.seq}\t${this.lastHash}\t${time(r.receivedAt)}\t${time(this.t)}\n`);
    rows.hotline_requests.write(
      `${caseId}\t${text(r.trackingCode)}\t${text(r.channel)}\t${text(r.requestType)}\t${text(r.categoryCode)}\t${r.urgency}\t${text(r.title)}\t${text(r.content)}\t` +
      `${text(r.requesterName)}\t${text(r.requesterPhone)}\t${text(r.townshipCode)}\t${text(r.villageCode)}\t\\N\t${time(r.receivedAt)}\t${int(r.recordedBy)}\t` +
      `${text(this.replyText)}\t${time(this.repliedAt)}\t${int(this.repliedByUnitId)}\t${time(this.closedAt)}\t${time(this.dueAtValue)}\t${text(this.ruleId)}\t` +
      `${text(r.callerKey)}\t${text(r.topicKey)}\t${text(this.mergedInto)}\t${this.dispatches.length}\t${int(this.dispatches[0]?.unitId ?? null)}\t${bool(this.reopened)}\n`,
    );
    for (const d of this.dispatches) {
      rows.hotline_dispatches.write(
        `${d.id}\t${caseId}\t${d.unitId}\tlead\t${d.status}\t${time(d.dispatchedAt)}\t${time(d.responseDueAt)}\t${time(d.dueAt)}\t${time(d.signedAt)}\t` +
        `${time(d.contactedAt)}\t${time(d.returnedAt)}\t${text(d.returnReason)}\t${time(d.repliedAt)}\t\\N\t${text(d.extensionReason)}\t` +
        `${bool(d.extended)}\t${bool(d.responseLapsed)}\t${bool(d.handlingLapsed)}\n`,
      );
    }
    for (const e of this.evaluations) {
      rows.hotline_evaluations.write(
        `${e.id}\t${caseId}\t${e.source}\t${time(e.at)}\t${bool(e.resolved)}\t${e.satisfaction}\t${text(e.comment)}\t${int(e.unitId)}\t` +
        `${time(e.rectificationDueAt)}\t${time(e.rectifiedAt)}\t${bool(e.rectificationLapsed)}\n`,
      );
    }
    for (const c of this.clocks) {
      rows.case_clocks.write(
        `${c.id}\t${caseId}\t${c.name}\t${text(c.rule)}\t${c.subjectId}\t${int(c.unitId)}\t${time(c.start)}\t${time(c.due)}\t${c.extended}\t\\N\t${time(c.stopped)}\t${c.urgeLevel}\t${time(nextUrgeAt(c))}\n`,
      );
    }
  }
}

/** When the sweep would next urge this clock, as the engine schedules it (null once stopped or supervised). */
function nextUrgeAt(clock: Clock): number | null {
  if (clock.stopped !== null || clock.urgeLevel >= 2) return null;
  return clock.urgeLevel === 0 ? clock.start + Math.round((clock.due - clock.start) * WARNING_SHARE) : clock.due;
}
