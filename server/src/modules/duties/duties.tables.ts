import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * One item of a county's duty lists: the 权责清单 (powers of departments, `list = 'power'`)
 * or the 属地管理事项清单 (what townships own or help with, `list = 'township'`).
 * Keywords are the words citizens write; categories are taxonomy codes the item covers.
 */
export const dutyItems = pgTable(
  'duty_items',
  {
    code: text('code').primaryKey(),
    list: text('list', { enum: ['power', 'township'] }).notNull(),
    name: text('name').notNull(),
    /** 权力类型 of a power item (行政处罚 …). */
    powerKind: text('power_kind'),
    /** The department holding the power; for a township item, the department it works with. */
    unitId: integer('unit_id'),
    /** 层级 of a power item (区级 …). */
    level: text('level'),
    /** 主责 or 配合, for township items. */
    townshipRole: text('township_role', { enum: ['主责', '配合'] }),
    basis: text('basis').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    categoryCodes: jsonb('category_codes').$type<string[]>().notNull(),
  },
  (t) => [index('duty_items_list_idx').on(t.list)],
);
