import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { STAFF_ROLES } from '../../platform/actor.js';

/** Administrative divisions (GB/T 2260 codes), from city or county down to 村/社区. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['city', 'county', 'township', 'village'] }).notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/**
 * Every organisation in one tree: the hotline center, departments, townships,
 * communities and grids. `path` lists ancestor ids ("/1/4/17/") so a unit's
 * subtree is one prefix match.
 */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey(),
    parentId: integer('parent_id'),
    path: text('path').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** One of data/unit-kinds.json (government, department, township, court, committee…). */
    kind: text('kind').notNull(),
    key: text('key'),
    regionCode: text('region_code'),
    /**
     * Set when an administrator merged this unit into another: it stays in the tree (under the
     * unit it was merged into) so its history keeps its name and its scope; no new work goes to it.
     */
    mergedIntoId: integer('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
  },
  (t) => [index('units_path_idx').on(t.path), uniqueIndex('units_key_idx').on(t.key), index('units_region_idx').on(t.regionCode)],
);

export const users = pgTable('users', {
  id: integer('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** The account's own role; module roles beyond it are granted per unit (role_grants). */
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  /** Where the person works. */
  unitId: integer('unit_id').notNull(),
  /** What the person may see and act on: this unit and everything under it. */
  scopeUnitId: integer('scope_unit_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when an administrator gave the password: the person must choose their own first. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  /** A disabled account cannot sign in; its sessions ended when it was disabled. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** An administrator's lock: until then the right password is refused too (sessions ended when it was set). */
  adminLockedUntil: timestamp('admin_locked_until', { withTimezone: true }),
});

/**
 * Module roles granted to a person for a unit: the 司法局 officer who handles reconsideration
 * for the county government (`xzfy.handler` at the government), the township's legal officer
 * who answers for the township (`xzfy.respondent` at the township). The person acts for that
 * unit in that role and sees the module's cases of its subtree.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    userId: integer('user_id').notNull(),
    /** `module.role` */
    role: text('role').notNull(),
    unitId: integer('unit_id').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role, t.unitId] }), index('role_grants_unit_idx').on(t.unitId)],
);
