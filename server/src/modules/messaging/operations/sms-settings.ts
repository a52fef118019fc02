import { eq } from 'drizzle-orm';
import type { StaffActor } from '../../../platform/actor.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { openSecret, sealSecret } from '../../../platform/secret-box.js';
import type { SmsGateway } from '../../../platform/sms.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { messagingError } from '../messaging.errors.js';
import { smsSettings } from '../messaging.tables.js';

const TOKEN_CONTEXT = 'sms.token';

/** The settings as a page sees them: never the token, only whether one is kept. */
export interface SmsSettingsView {
  /** False until an administrator first saves: the environment's gateway (FAZHI_SMS_WEBHOOK_URL) is used meanwhile. */
  saved: boolean;
  enabled: boolean;
  endpoint: string | null;
  signName: string | null;
  templates: Record<string, string>;
  hasToken: boolean;
  updatedAt: string | null;
  updatedBy: number | null;
}

export async function readSmsSettings(tx: Db): Promise<SmsSettingsView> {
  const [row] = await tx.select().from(smsSettings).where(eq(smsSettings.id, 1));
  if (!row) return { saved: false, enabled: false, endpoint: null, signName: null, templates: {}, hasToken: false, updatedAt: null, updatedBy: null };
  return {
    saved: true, enabled: row.enabled, endpoint: row.endpoint, signName: row.signName, templates: row.templates, hasToken: row.tokenCipher !== null,
    updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy,
  };
}

/** The gateway to send through now: the saved settings once there are any (disabled: none), the environment's until then. */
export async function currentGateway(tx: Db): Promise<SmsGateway | null | undefined> {
  const [row] = await tx.select().from(smsSettings).where(eq(smsSettings.id, 1));
  if (!row) return undefined;
  if (!row.enabled || !row.endpoint) return null;
  return { webhookUrl: row.endpoint, webhookToken: row.tokenCipher ? openSecret(row.tokenCipher, TOKEN_CONTEXT) : null, signName: row.signName, templates: row.templates };
}

export interface SmsSettingsInput {
  enabled: boolean;
  endpoint: string | null;
  signName: string | null;
  templates: Record<string, string>;
  /** A new token; omitted keeps the one stored; null removes it. Never read back. */
  token?: string | null;
}

/** Saves the county's gateway; the security log keeps before and after, and whether the token changed (never the token). */
export async function saveSmsSettings(database: Database, actor: StaffActor, input: SmsSettingsInput, now: Date): Promise<SmsSettingsView> {
  if (input.enabled && !input.endpoint) throw messagingError('SMS_ENDPOINT_REQUIRED', { field: 'endpoint' });
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(smsSettings).where(eq(smsSettings.id, 1)).for('update');
    const tokenCipher = input.token === undefined ? (row?.tokenCipher ?? null) : input.token === null ? null : sealSecret(input.token, TOKEN_CONTEXT);
    const values = { enabled: input.enabled, endpoint: input.endpoint, signName: input.signName, templates: input.templates, tokenCipher, updatedAt: now, updatedBy: actor.userId };
    await tx.insert(smsSettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: smsSettings.id, set: values });
    const shown = (r: { enabled: boolean; endpoint: string | null; signName: string | null; templates: Record<string, string> } | undefined) =>
      r ? { enabled: r.enabled, endpoint: r.endpoint, signName: r.signName, templates: r.templates } : null;
    await recordSecurityEvent(tx, {
      kind: 'sms_settings_changed', at: now, actorUserId: actor.userId,
      details: { before: shown(row), after: shown(input), tokenChanged: input.token !== undefined, ...(input.token !== undefined ? { tokenKept: input.token !== null } : {}) },
    });
    return readSmsSettings(tx);
  });
}
