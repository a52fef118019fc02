/**
 * Text messages to citizens' phones. Fazhi ships no SMS contract of its own: a county points
 * it at its gateway (FAZHI_SMS_WEBHOOK_URL receives `{ phone, text }` as JSON, with an
 * optional bearer token). Without one, messages are not sent and the count says so.
 * Messages go out after the transaction that caused them has committed, and their text is
 * never stored: it may carry a secret meant for the phone's owner alone.
 */
export interface SmsSender {
  readonly configured: boolean;
  send(phone: string, text: string): Promise<void>;
}

export function smsFromConfig(config: { webhookUrl?: string | null; webhookToken?: string | null }, log: (line: string) => void = () => undefined): SmsSender {
  const url = config.webhookUrl;
  if (!url) return { configured: false, send: async () => undefined };
  return {
    configured: true,
    async send(phone, text) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(config.webhookToken ? { authorization: `Bearer ${config.webhookToken}` } : {}) },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) log(`SMS gateway answered ${response.status}`);
    },
  };
}

/** Keeps what would have been sent, for tests. */
export function capturingSms(): SmsSender & { sent: Array<{ phone: string; text: string }> } {
  const sent: Array<{ phone: string; text: string }> = [];
  return { configured: true, sent, send: async (phone, text) => void sent.push({ phone, text }) };
}
