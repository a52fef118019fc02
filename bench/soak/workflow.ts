// One request's life, as the people of the 12345 center and the units live it: the dispatcher
// dispatches (or merges it into one already being handled), the unit holding the dispatch signs,
// sometimes returns it, contacts the requester and replies; the citizen rates with their key, or
// the operator follows up; a bad rating sends it back for rectification. Every step is driven by
// the case's state, so when a server dies mid-step (outcome unknown) the case is read again and
// the story goes on from wherever the record says it is.
import { setTimeout as sleep } from 'node:timers/promises';
import { generateReplyText } from '../../server/src/modules/demo/index.js';
import type { SoakClient } from './client.js';
import type { Ledger } from './ledger.js';
import type { Category, HandlingUnit, World } from './world.js';

export interface Story {
  caseId: string;
  trackingCode: string;
  /** The requester's key: the citizen rates. Without it (a recorded call) the operator follows up. */
  key?: string;
  requestType: string;
  title: string;
  category: Category;
  state: string;
  /** The unit holding the lead dispatch. */
  unit?: HandlingUnit;
  contacted: boolean;
  returned: boolean;
  rectified: boolean;
  /** The request this one was merged into. */
  parent?: Story;
  refusals: number;
  replied: Promise<void>;
  markReplied: () => void;
}

export interface WorkflowShares {
  merge: number;
  return: number;
  dissatisfied: number;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const REPLIED = new Set(['replied', 'rectifying', 'closed']);

export function newStory(fields: Pick<Story, 'caseId' | 'trackingCode' | 'key' | 'requestType' | 'title' | 'category'>): Story {
  let markReplied = () => {};
  const replied = new Promise<void>((resolve) => (markReplied = resolve));
  return { ...fields, state: 'received', contacted: false, returned: false, rectified: false, refusals: 0, replied, markReplied };
}

export class Workflow {
  /** Stories under way: the dispatcher merges new requests into those being handled. */
  private readonly active = new Set<Story>();
  private readonly running = new Set<Promise<void>>();
  private stopping = false;
  private readonly stopped: Promise<void>;
  private markStopped = () => {};

  constructor(
    private readonly client: SoakClient,
    private readonly ledger: Ledger,
    private readonly world: World,
    private readonly shares: WorkflowShares,
    private readonly thinkMs: [number, number] = [500, 3000],
  ) {
    this.stopped = new Promise((resolve) => (this.markStopped = resolve));
  }

  /** No story takes another step; resolves when every step under way has ended. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.markStopped();
    await Promise.all([...this.running]);
  }

  get open(): number {
    return this.active.size;
  }

  start(story: Story): void {
    const run = this.run(story).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private async run(story: Story): Promise<void> {
    this.active.add(story);
    try {
      while (!this.stopping) {
        await Promise.race([sleep(this.thinkMs[0] + Math.random() * (this.thinkMs[1] - this.thinkMs[0])), this.stopped]);
        if (this.stopping || (await this.step(story)) === 'done') break;
        if (story.refusals > 5) {
          this.ledger.abandoned.push({ caseId: story.caseId, state: story.state, reason: 'refused too often' });
          break;
        }
      }
    } catch (error) {
      this.ledger.abandoned.push({ caseId: story.caseId, state: story.state, reason: String(error) });
    } finally {
      this.active.delete(story);
    }
  }

  private async step(s: Story): Promise<'done' | 'next'> {
    switch (s.state) {
      case 'received': {
        const parents = [...this.active].filter((p) => p !== s && !p.parent && ['dispatched', 'handling'].includes(p.state));
        if (!s.parent && parents.length && Math.random() < this.shares.merge) {
          const parent = pick(parents);
          if ((await this.act(s, 'dispatcher', 'merge', { parentCaseId: parent.caseId })) === 'acked') s.parent = parent;
          return 'next';
        }
        const unit = pick(this.world.units);
        if ((await this.act(s, 'dispatcher', 'dispatch', { unitId: unit.id, requestType: s.requestType, categoryCode: s.category.code })) === 'acked') this.dispatched(s, unit);
        return 'next';
      }
      case 'returned': {
        const unit = pick(this.world.units.filter((u) => u !== s.unit));
        const input = { unitId: unit.id, reason: '经核实该事项不属于原承办单位职责，改派。', requestType: s.requestType, categoryCode: s.category.code };
        if ((await this.act(s, 'dispatcher', 'redispatch', input)) === 'acked') this.dispatched(s, unit);
        return 'next';
      }
      case 'dispatched':
        await this.act(s, this.handler(s), 'sign', {});
        return 'next';
      case 'handling':
        if (!s.returned && Math.random() < this.shares.return) {
          s.returned = true;
          await this.act(s, this.handler(s), 'return', { reason: '该事项不属于本单位职责范围，申请退回。' });
        } else await this.work(s);
        return 'next';
      case 'rectifying':
        await this.work(s);
        return 'next';
      case 'replied':
        await this.rate(s);
        return 'next';
      case 'merged':
        // The lead's reply reaches this request by itself (follow_parent); then its requester rates.
        await Promise.race([s.parent?.replied, this.stopped]);
        await this.refresh(s);
        return s.state === 'merged' && !s.parent ? 'done' : 'next';
      default:
        return 'done';
    }
  }

  /** Contact the requester, then reply (a contact lost to a kill is not repeated blindly: the record says). */
  private async work(s: Story): Promise<void> {
    if (!s.contacted) {
      if ((await this.act(s, this.handler(s), 'contact', { note: '已电话联系诉求人，了解具体情况。' })) === 'acked') s.contacted = true;
      return;
    }
    const reply = generateReplyText(Math.random, { categoryName: s.category.name, categoryCode: s.category.code, unitName: s.unit!.name, title: s.title, repliedAt: new Date() });
    await this.act(s, this.handler(s), 'reply', { reply });
  }

  private async rate(s: Story): Promise<void> {
    // A merged request rated dissatisfied waits in rectifying with no unit able to act (it has no
    // dispatch of its own; an open question of the workflow, not of the soak): not sent back here.
    const dissatisfied = !s.rectified && s.unit !== undefined && Math.random() < this.shares.dissatisfied;
    const input = { resolved: !dissatisfied, satisfaction: dissatisfied ? 'dissatisfied' : pick(['satisfied', 'basically_satisfied']) };
    if (!s.key) {
      await this.act(s, 'operator', 'follow_up', input);
    } else {
      const outcome = await this.client.send('POST', `/api/public/requests/${s.trackingCode}/evaluation`, { key: s.key, ...input });
      if (outcome.kind === 'answer' && outcome.status === 201) {
        this.ledger.ratings.push({ at: outcome.at, ms: outcome.ms, server: outcome.server.name, caseId: s.caseId, state: outcome.body.status });
        s.state = outcome.body.status;
      } else {
        if (outcome.kind === 'answer') this.refused(s, 'citizen_evaluate', outcome);
        await this.refresh(s);
      }
    }
    if (dissatisfied) s.rectified = true;
    if (s.state === 'rectifying') s.contacted = false;
  }

  private handler(s: Story): string {
    if (!s.unit) throw new Error(`no unit holds ${s.caseId} in state ${s.state}`);
    return s.unit.handler;
  }

  private dispatched(s: Story, unit: HandlingUnit): void {
    s.unit = unit;
    s.contacted = false;
  }

  /** One action; its acknowledgement is recorded. Anything else: the case is read again. */
  private async act(s: Story, username: string, action: string, input: Record<string, unknown>): Promise<'acked' | 'refused' | 'unknown'> {
    const outcome = await this.client.asStaff(username, 'POST', `/api/requests/${s.caseId}/actions/${action}`, input);
    if (outcome.kind === 'answer' && outcome.status === 200) {
      const { state, seq } = outcome.body as { state: string; seq: number };
      this.ledger.actions.push({ at: outcome.at, ms: outcome.ms, server: outcome.server.name, caseId: s.caseId, action, seq, state });
      s.state = state;
      if (REPLIED.has(state)) s.markReplied();
      return 'acked';
    }
    if (outcome.kind === 'answer') this.refused(s, action, outcome);
    await this.refresh(s);
    return outcome.kind === 'answer' ? 'refused' : 'unknown';
  }

  private refused(s: Story, action: string, outcome: { status: number; body: any }): void {
    s.refusals++;
    this.ledger.refuse(`${action} ${outcome.status} ${outcome.body?.error?.code ?? ''}`.trim());
  }

  /** What the record says now: state, the unit holding the lead dispatch, whether it has called. */
  private async refresh(s: Story): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.client.asStaff('dispatcher', 'GET', `/api/requests/${s.caseId}`);
      if (outcome.kind === 'answer' && outcome.status === 200) {
        const detail = outcome.body as { state: string; dispatches: Array<{ unitId: number; role: string; status: string; contactedAt: string | null }> };
        const lead = detail.dispatches.filter((d) => d.role === 'lead' && !['returned', 'withdrawn'].includes(d.status)).at(-1);
        if (detail.state !== s.state && detail.state === 'rectifying') s.contacted = false;
        else if (lead && detail.state === 'handling') s.contacted = lead.contactedAt !== null;
        s.state = detail.state;
        s.unit = lead ? this.world.units.find((u) => u.id === lead.unitId) : s.unit;
        if (REPLIED.has(s.state)) s.markReplied();
        return;
      }
      if (outcome.kind === 'answer' || attempt >= 20) throw new Error(`cannot read ${s.caseId}: ${outcome.kind === 'answer' ? outcome.status : outcome.why}`);
      await sleep(500);
    }
  }
}
