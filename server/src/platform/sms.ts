/**
 * Text messages to citizens' phones. Fazhi ships no SMS contract of its own: a county points
 * it at its gateway, which receives `{ phone, text, signName?, templateId?, params? }` as JSON,
 * with an optional bearer token (an adapter there speaks the provider's own API: a Chinese SMS
 * goes out under an approved 签名 and template). Without one, messages are not sent.
 * Messages go out after the transaction that caused them has committed, and their text is
 * never stored: it may carry a secret meant for the phone's owner alone.
 */
export interface SmsSender {
  readonly configured: boolean;
  /** `template` names the message (`receipt` …) and its values, for gateways that send by template. */
  send(phone: string, text: string, template?: SmsTemplate): Promise<void>;
}

export interface SmsTemplate {
  name: string;
  params: Record<string, string>;
}

export interface SmsGateway {
  webhookUrl?: string | null;
  webhookToken?: string | null;
  /** 短信签名: replaces the bracketed name the text begins with. */
  signName?: string | null;
  /** The gateway's template id for each message name. */
  templates?: Record<string, string>;
}

/** What a gateway answered: its HTTP status, or the network failure. */
export interface SmsOutcome {
  status: number | null;
  problem: string | null;
}

/** A Chinese SMS begins with its 签名 in 【】; a county's own replaces the platform's default. */
export function withSignName(text: string, signName: string | null | undefined): string {
  if (!signName) return text;
  return `【${signName}】${text.replace(/^【[^】]*】/u, '')}`;
}

/** Posts one message to the gateway and says how it went; never throws. */
export async function postSms(gateway: SmsGateway, phone: string, text: string, template?: SmsTemplate, timeoutMs = 10_000): Promise<SmsOutcome> {
  if (!gateway.webhookUrl) return { status: null, problem: 'no gateway' };
  const templateId = template ? gateway.templates?.[template.name] : undefined;
  try {
    const response = await fetch(gateway.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(gateway.webhookToken ? { authorization: `Bearer ${gateway.webhookToken}` } : {}) },
      body: JSON.stringify({
        phone, text: withSignName(text, gateway.signName),
        ...(gateway.signName ? { signName: gateway.signName } : {}),
        ...(templateId ? { templateId, params: template!.params } : {}),
      }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    await response.body?.cancel();
    return { status: response.status, problem: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { status: null, problem: error instanceof Error ? (error.name === 'TimeoutError' ? 'timeout' : error.message) : String(error) };
  }
}

export function smsFromConfig(config: SmsGateway, log: (line: string) => void = () => undefined): SmsSender {
  if (!config.webhookUrl) return { configured: false, send: async () => undefined };
  return {
    configured: true,
    async send(phone, text, template) {
      const outcome = await postSms(config, phone, text, template);
      if (outcome.problem) log(`SMS gateway: ${outcome.problem}`);
    },
  };
}

/** Keeps what would have been sent, for tests. */
export function capturingSms(): SmsSender & { sent: Array<{ phone: string; text: string; template?: SmsTemplate }> } {
  const sent: Array<{ phone: string; text: string; template?: SmsTemplate }> = [];
  return { configured: true, sent, send: async (phone, text, template) => void sent.push({ phone, text, ...(template ? { template } : {}) }) };
}
