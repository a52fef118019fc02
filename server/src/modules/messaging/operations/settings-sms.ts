import type { Database } from '../../../platform/db/database.js';
import { postSms, type SmsGateway, type SmsSender, type SmsTemplate } from '../../../platform/sms.js';
import { currentGateway } from './sms-settings.js';

/**
 * The sender the platform uses: the gateway an administrator saved, read again when older than
 * `maxAgeMs` (a change on another app server arrives within that) or at once after a save here;
 * until anything is saved, the one the server was started with.
 */
export class SettingsSms implements SmsSender {
  private gateway: { value: SmsGateway | null | undefined; at: number } | undefined;
  constructor(
    private readonly database: Database,
    private readonly fallback: SmsSender | undefined,
    private readonly maxAgeMs: number,
    private readonly log: (problem: string) => void,
  ) {}

  /** True while there may be somewhere to send to; `send` decides with fresh settings. */
  get configured(): boolean {
    // A stale answer is refreshed for next time; a change made elsewhere shows within maxAgeMs.
    if (this.gateway && Date.now() - this.gateway.at > this.maxAgeMs) void this.current().catch((error: unknown) => this.log(String(error)));
    const known = this.gateway?.value;
    return known === undefined ? (this.fallback?.configured ?? false) : known !== null;
  }

  invalidate(): void {
    this.gateway = undefined;
  }

  async current(): Promise<SmsGateway | null | undefined> {
    if (!this.gateway || Date.now() - this.gateway.at > this.maxAgeMs) this.gateway = { value: await currentGateway(this.database.db), at: Date.now() };
    return this.gateway.value;
  }

  async send(phone: string, text: string, template?: SmsTemplate): Promise<void> {
    const gateway = await this.current();
    if (gateway === undefined) return this.fallback?.send(phone, text, template);
    if (gateway === null) return;
    const outcome = await postSms(gateway, phone, text, template);
    if (outcome.problem) this.log(`SMS gateway: ${outcome.problem}`);
  }
}
