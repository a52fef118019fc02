// The load of a county's hotline, spread over both servers: citizens submitting at a steady
// rate, operators recording calls, the workflow on many of those requests, and leaders reading
// the dashboard and lists. Paced by timers, so the soak itself sleeps between requests.
import { generatePersonName, generatePhone, generateRequestText } from '../../server/src/modules/demo/index.js';
import type { SoakClient } from './client.js';
import type { Ledger } from './ledger.js';
import { newStory, Workflow, type WorkflowShares } from './workflow.js';
import type { World } from './world.js';

export interface LoadRates {
  /** Public submissions a second, over both servers. */
  intakePerSecond: number;
  /** Calls recorded by operators a second. */
  recordPerSecond: number;
  /** Share of public submissions the center takes through the workflow (every recorded call is). */
  publicWorkflowShare: number;
  /** Seconds between a leader's reads (dashboard, lists). */
  readEverySeconds: number;
  shares: WorkflowShares;
}

/** Submissions still open beyond this skip their tick rather than pile up on a stalled server. */
const MAX_OPEN_SUBMISSIONS = 100;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

export class Load {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly submissions = new Set<Promise<void>>();
  readonly workflow: Workflow;
  private reads = 0;

  constructor(
    private readonly client: SoakClient,
    private readonly ledger: Ledger,
    private readonly world: World,
    private readonly rates: LoadRates,
  ) {
    this.workflow = new Workflow(client, ledger, world, rates.shares);
  }

  start(): void {
    this.every(1000 / this.rates.intakePerSecond, () => this.submit('public'));
    this.every(1000 / this.rates.recordPerSecond, () => this.submit('recorded'));
    this.every(this.rates.readEverySeconds * 1000, () => this.track(this.read()));
  }

  /** Stops new work, lets what is under way finish. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all([...this.submissions]);
    await this.workflow.stop();
  }

  private every(ms: number, tick: () => void): void {
    this.timers.push(setInterval(tick, ms));
  }

  private track(work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((error: unknown) => void this.ledger.abandoned.push({ caseId: '', state: '', reason: String(error) }))
      .finally(() => this.submissions.delete(tracked));
    this.submissions.add(tracked);
  }

  private submit(kind: 'public' | 'recorded'): void {
    if (this.submissions.size >= MAX_OPEN_SUBMISSIONS) {
      this.ledger.skippedTicks++;
      return;
    }
    this.track(kind === 'public' ? this.submitPublic() : this.record());
  }

  private request() {
    const township = pick(this.world.townships);
    const village = township.villages.length && Math.random() < 0.7 ? pick(township.villages) : undefined;
    const category = pick(this.world.categories);
    const text = generateRequestText(Math.random, { categoryCode: category.code, categoryName: category.name, level1Name: category.level1Name, townshipName: township.name, villageName: village?.name ?? '' });
    const body = { title: text.title, content: text.content, townshipCode: township.code, ...(village ? { villageCode: village.code } : {}), name: generatePersonName(Math.random), phone: generatePhone(Math.random) };
    return { body, category, requestType: text.type };
  }

  /** A citizen on the public page; the center picks up some of these requests from its list. */
  private async submitPublic(): Promise<void> {
    const { body, category, requestType } = this.request();
    const outcome = await this.client.send('POST', '/api/public/requests', body);
    if (outcome.kind !== 'answer') return;
    if (outcome.status !== 201) return this.ledger.refuse(`submit ${outcome.status} ${outcome.body?.error?.code ?? ''}`);
    const { trackingCode, requesterKey } = outcome.body as { trackingCode: string; requesterKey: string };
    this.ledger.requests.push({ at: outcome.at, ms: outcome.ms, server: outcome.server.name, kind: 'public', trackingCode });
    if (Math.random() >= this.rates.publicWorkflowShare) return;
    const found = await this.client.asStaff('dispatcher', 'GET', `/api/requests?view=all&q=${trackingCode}&pageSize=1`);
    if (found.kind !== 'answer') return;
    const caseId = (found.body as { items?: Array<{ caseId: string }> }).items?.[0]?.caseId;
    if (!caseId) return void this.ledger.abandoned.push({ caseId: '', state: '', reason: `acknowledged ${trackingCode} not in the dispatcher's list` });
    this.workflow.start(newStory({ caseId, trackingCode, key: requesterKey, requestType, title: body.title, category }));
  }

  /** An operator records a call, already typed; the caller's key goes to their phone, not to the soak. */
  private async record(): Promise<void> {
    const { body, category, requestType } = this.request();
    const outcome = await this.client.asStaff('operator', 'POST', '/api/requests', { ...body, requestType, channel: 'phone' });
    if (outcome.kind !== 'answer') return;
    if (outcome.status !== 201) return this.ledger.refuse(`record ${outcome.status} ${outcome.body?.error?.code ?? ''}`);
    const { caseId, trackingCode } = outcome.body as { caseId: string; trackingCode: string };
    this.ledger.requests.push({ at: outcome.at, ms: outcome.ms, server: outcome.server.name, kind: 'recorded', trackingCode, caseId });
    this.workflow.start(newStory({ caseId, trackingCode, requestType, title: body.title, category }));
  }

  /** Leaders read the dashboard of this month and the lists; the dispatcher reads its to-do list. */
  private async read(): Promise<void> {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const reads: Array<[string, string, string]> = [
      ['dashboard', 'leader', `/api/stats/dashboard?from=${today.slice(0, 8)}01&to=${today}`],
      ['list', 'leader', '/api/requests?view=all&pageSize=20'],
      ['todo', 'dispatcher', '/api/requests?view=todo&pageSize=50'],
    ];
    const [what, username, path] = reads[this.reads++ % reads.length]!;
    const outcome = await this.client.asStaff(username, 'GET', path);
    if (outcome.kind !== 'answer') return;
    if (outcome.status !== 200) return this.ledger.refuse(`read ${what} ${outcome.status} ${outcome.body?.error?.code ?? ''}`);
    this.ledger.reads.push({ at: outcome.at, ms: outcome.ms, server: outcome.server.name, what });
  }
}
