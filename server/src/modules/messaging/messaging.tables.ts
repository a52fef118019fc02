import { boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The county's SMS gateway, as an administrator set it (one row). Until it exists the gateway of
 * the server's environment (FAZHI_SMS_WEBHOOK_URL) is used. The token is kept encrypted under the
 * platform key and never leaves the server.
 */
export const smsSettings = pgTable('sms_settings', {
  id: integer('id').primaryKey(),
  enabled: boolean('enabled').notNull(),
  /** Where messages are posted as JSON (http or https). */
  endpoint: text('endpoint'),
  /** 短信签名, the bracketed name a Chinese SMS must begin with (【兰山区12345】). */
  signName: text('sign_name'),
  /** The gateway's template id for each message the platform sends (`receipt` …). */
  templates: jsonb('templates').$type<Record<string, string>>().notNull(),
  /** AES-GCM under a subkey of the platform key; null: no token. */
  tokenCipher: text('token_cipher'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: integer('updated_by'),
});
