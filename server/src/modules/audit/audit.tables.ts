import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Which platform key seals this database's record (its id, never the key). */
export const auditKeys = pgTable('audit_keys', {
  keyId: text('key_id').primaryKey(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
});
