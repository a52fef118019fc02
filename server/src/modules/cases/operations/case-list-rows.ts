import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { CaseTypeDefinition, ListColumn } from '../case-type.js';
import { caseError } from '../cases.errors.js';
import { cases } from '../cases.tables.js';
import { PLATFORM_FILTERS } from '../rules/check-listing.js';
import { chinaDayBounds, clockStatus, displayValue, normaliseValue, parseDay, parseRowId, type ClockStatus } from '../rules/list-values.js';
import { visibleCaseSql } from './case-access.js';
import { escalationOf } from './clock-effects.js';
import { rowsOf } from '../../../platform/db/rows-of.js';

// The machinery every list shares (search, to-do, export): the type's listing joined to its
// cases, the filters as parameters, the visibility condition of case-access.ts on every query,
// and each row turned into the same item. Not a use case of its own: the use cases are
// search-cases.ts, todo-cases.ts and export-cases-xlsx.ts.

export interface CaseSearchQuery {
  caseType: string;
  state?: string;
  /** Free text looked for in the listing's `search` columns. */
  q?: string;
  /** Filter parameters by name: `<key>`, or `<key>_from` / `<key>_to` for a date range. */
  filters?: Readonly<Record<string, string>>;
  /** A column key, `created`, `updated` or `due`; `-` first for descending. `-created` by default. */
  sort?: string;
}

export interface CaseClockSummary {
  name: string;
  label: string;
  dueAt: string;
  status: ClockStatus;
}

export interface CaseListItem {
  caseId: string;
  caseType: string;
  typeLabel: string;
  state: string;
  stateLabel: string;
  organUnitId: number | null;
  organName: string | null;
  createdAt: string;
  updatedAt: string;
  /** The listing's title and code columns as people read them; null without a listing. */
  title: string | null;
  code: string | null;
  /** The listing's columns by key, as stored (dates, ISO instants, numbers, unit ids). */
  values: Record<string, string | number | null>;
  /** The same as people read them (a choice's label, a unit's name, China time). */
  texts: Record<string, string | null>;
  /** The most urgent clock still running, or a paused one when none runs. */
  clock: CaseClockSummary | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');
const column = (key: string) => sql.raw(`l."${key}"`);
const unitSubtree = (id: number) => sql`(select u.id from units u where u.path like (select p.path || '%' from units p where p.id = ${id}))`;

/** The FROM of every list of a type: its cases, the receiving organ, the listing's row, the most urgent clock. */
function fromClause(type: CaseTypeDefinition): SQL {
  const listing = type.listing ? sql` left join (${sql.raw(type.listing.source)}) l on l.case_id = ${cases.id}` : sql``;
  return sql`${cases} left join units ou on ou.id = ${cases.organUnitId}${listing}
    left join lateral (select k.name, k.started_at, k.due_at, k.paused_at from case_clocks k
                        where k.case_id = ${cases.id} and k.stopped_at is null
                        order by (k.paused_at is not null), k.due_at limit 1) k on true`;
}

/** The conditions of a search, every value a parameter; an unknown filter or a bad value is refused. */
export function searchConditions(type: CaseTypeDefinition, actor: Actor, query: CaseSearchQuery): SQL[] {
  const conditions: SQL[] = [sql`${cases.caseType} = ${type.name}`, visibleCaseSql(type.name, actor)];
  const invalid = (field: string) => caseError('CASE_FILTER_INVALID', { field });
  if (query.state !== undefined) {
    if (!Object.hasOwn(type.states, query.state)) throw invalid('state');
    conditions.push(sql`${cases.state} = ${query.state}`);
  }
  const listing = type.listing;
  if (query.q !== undefined) {
    if (!listing?.search?.length) throw caseError('CASE_FILTER_UNKNOWN', { field: 'q' });
    const like = `%${escapeLike(query.q)}%`;
    conditions.push(sql`(${sql.join(listing.search.map((key) => sql`${column(key)}::text ilike ${like}`), sql` or `)})`);
  }
  const columns = new Map((listing?.columns ?? []).map((c) => [c.key, c]));
  const declared = new Map((listing?.filters ?? []).map((f) => [f.key, f]));
  for (const [name, value] of Object.entries(query.filters ?? {})) {
    // A column's own key comes first: `valid_to` may be a column, not the end of a range over `valid`.
    const exact = declared.has(name) || Object.hasOwn(PLATFORM_FILTERS, name);
    const range = exact ? null : /^(.+)_(from|to)$/.exec(name);
    const key = range ? range[1]! : name;
    const kind = Object.hasOwn(PLATFORM_FILTERS, key) ? PLATFORM_FILTERS[key] : declared.get(key)?.kind;
    if (!kind || key === 'state' || (kind === 'date_range') !== Boolean(range)) throw caseError('CASE_FILTER_UNKNOWN', { field: name });
    if (kind === 'date_range') {
      const day = parseDay(value);
      if (!day) throw invalid(name);
      const bounds = chinaDayBounds(day);
      const isDate = key !== 'received' && columns.get(key)?.kind === 'date';
      const target = key === 'received' ? sql`${cases.createdAt}` : column(key);
      if (isDate) conditions.push(range![2] === 'from' ? sql`${target} >= ${day}::date` : sql`${target} <= ${day}::date`);
      else conditions.push(range![2] === 'from' ? sql`${target} >= ${bounds.start}::timestamptz` : sql`${target} < ${bounds.end}::timestamptz`);
    } else if (kind === 'unit') {
      const id = parseRowId(value);
      if (id === null) throw invalid(name);
      const target = key === 'organ' ? sql`${cases.organUnitId}` : sql`(${column(key)})::int`;
      conditions.push(sql`${target} in ${unitSubtree(id)}`);
    } else if (kind === 'text') {
      conditions.push(sql`${column(key)}::text ilike ${`%${escapeLike(value)}%`}`);
    } else {
      const options = columns.get(key)?.options;
      if (options && !Object.hasOwn(options, value)) throw invalid(name);
      conditions.push(sql`${column(key)}::text = ${value}`);
    }
  }
  return conditions;
}

/** The order of a search: a column, `created`, `updated` or `due`, each way; ties by case id, so pages never overlap. */
export function searchOrder(type: CaseTypeDefinition, sort = '-created'): SQL {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const platform: Record<string, SQL> = {
    created: sql`${cases.createdAt}`,
    updated: sql`${cases.updatedAt}`,
    due: sql`(case when k.paused_at is null then k.due_at end)`,
  };
  const target = Object.hasOwn(platform, key) ? platform[key] : type.listing?.columns.some((c) => c.key === key) ? column(key) : undefined;
  if (!target) throw caseError('CASE_SORT_UNKNOWN', { sort });
  return sql`${target} ${sql.raw(descending ? 'desc' : 'asc')} nulls last, ${cases.id}`;
}

export async function countRows(tx: Db, type: CaseTypeDefinition, conditions: SQL[]): Promise<number> {
  const rows = rowsOf<{ total: number }>(await tx.execute(sql`select count(*)::int as total from ${fromClause(type)} where ${sql.join(conditions, sql` and `)}`));
  return Number(rows[0]?.total ?? 0);
}

interface RawRow {
  id: string;
  case_type: string;
  state: string;
  organ_unit_id: number | null;
  organ_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  clock_name: string | null;
  clock_started_at: Date | string | null;
  clock_due_at: Date | string | null;
  clock_paused_at: Date | string | null;
  vals: Record<string, unknown> | string | null;
  unit_names: Record<string, string | null> | string | null;
}

/** The rows of one type that meet the conditions, in order, as list items. */
export async function loadItems(
  tx: Db,
  type: CaseTypeDefinition,
  conditions: SQL[],
  now: Date,
  page?: { order: SQL; limit?: number; offset?: number },
): Promise<CaseListItem[]> {
  const listing = type.listing;
  const unitColumns = (listing?.columns ?? []).filter((c) => c.kind === 'unit');
  const unitNames = unitColumns.length
    ? sql`jsonb_build_object(${sql.join(unitColumns.map((c) => sql`${c.key}::text, (select u.name from units u where u.id = (${column(c.key)})::int)`), sql`, `)})`
    : sql`null::jsonb`;
  const query = sql`select ${cases.id} as id, ${cases.caseType} as case_type, ${cases.state} as state, ${cases.organUnitId} as organ_unit_id,
      ou.name as organ_name, ${cases.createdAt} as created_at, ${cases.updatedAt} as updated_at,
      k.name as clock_name, k.started_at as clock_started_at, k.due_at as clock_due_at, k.paused_at as clock_paused_at,
      ${listing ? sql`to_jsonb(l)` : sql`null::jsonb`} as vals, ${unitNames} as unit_names
    from ${fromClause(type)}
    where ${sql.join(conditions, sql` and `)}
    ${page ? sql`order by ${page.order}` : sql``}
    ${page?.limit !== undefined ? sql`limit ${page.limit}` : sql``}
    ${page?.offset ? sql`offset ${page.offset}` : sql``}`;
  const rows = rowsOf<RawRow>(await tx.execute(query));
  return rows.map((row) => toItem(type, row, now));
}

function toItem(type: CaseTypeDefinition, row: RawRow, now: Date): CaseListItem {
  const listing = type.listing;
  const raw = (typeof row.vals === 'string' ? JSON.parse(row.vals) : row.vals) ?? {};
  const names = (typeof row.unit_names === 'string' ? JSON.parse(row.unit_names) : row.unit_names) ?? {};
  const values: Record<string, string | number | null> = {};
  const texts: Record<string, string | null> = {};
  for (const c of listing?.columns ?? []) {
    values[c.key] = normaliseValue(c, (raw as Record<string, unknown>)[c.key]);
    texts[c.key] = displayValue(c, values[c.key]!, () => (names as Record<string, string | null>)[c.key] ?? null);
  }
  const at = (v: Date | string) => new Date(v);
  let clock: CaseClockSummary | null = null;
  if (row.clock_name && row.clock_due_at && row.clock_started_at) {
    clock = {
      name: row.clock_name,
      label: type.clocks?.[row.clock_name]?.label ?? row.clock_name,
      dueAt: at(row.clock_due_at).toISOString(),
      status: clockStatus(
        { startedAt: at(row.clock_started_at), dueAt: at(row.clock_due_at), pausedAt: row.clock_paused_at ? at(row.clock_paused_at) : null },
        escalationOf(type, row.clock_name),
        now,
      ),
    };
  }
  return {
    caseId: row.id,
    caseType: type.name,
    typeLabel: type.label,
    state: row.state,
    stateLabel: type.states[row.state]?.label ?? row.state,
    organUnitId: row.organ_unit_id === null ? null : Number(row.organ_unit_id),
    organName: row.organ_name,
    createdAt: at(row.created_at).toISOString(),
    updatedAt: at(row.updated_at).toISOString(),
    title: listing ? (texts[listing.title] ?? null) : null,
    code: listing?.code ? (texts[listing.code] ?? null) : null,
    values,
    texts,
    clock,
  };
}

/** The columns a type's lists show, in order: its listing's, or none (the platform's own follow in every list). */
export function listColumns(type: CaseTypeDefinition): readonly ListColumn[] {
  return type.listing?.columns ?? [];
}

