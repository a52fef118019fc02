import { inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { getCaseType, registeredTypes } from '../case-registry.js';
import type { CaseTypeDefinition } from '../case-type.js';
import { cases } from '../cases.tables.js';
import { clockStatus } from '../rules/list-values.js';
import { loadItems, type CaseListItem } from './case-list-rows.js';
import { rowsOf } from '../../../platform/db/rows-of.js';
import { visibleCaseSql } from './case-access.js';
import { escalationOf } from './clock-effects.js';
import { rolesIn } from './module-roles.js';

/** Most cases a to-do list carries; `total` says how many wait in all. */
export const TODO_LIMIT = 500;

export interface TodoQuery {
  caseType?: string;
  module?: string;
}

/**
 * The actor's work, by one rule for every type: a case not in a final state with a clock
 * still running (not stopped) that belongs to a unit the actor acts for in the type's module
 * (each role they hold there, at its unit). Whoever a clock runs against is whoever must act
 * before it runs out. Running clocks come first, soonest due first; clocks that stand still
 * (中止) follow, shown as paused. A quiet clock (months ahead) is listed once its first step is
 * taken. Only cases the actor sees are listed. Whether an action is
 * available now is not asked here: it would cost a check of every case per list.
 */
export async function todoCases(tx: Db, actor: Actor, query: TodoQuery, now: Date): Promise<{ items: CaseListItem[]; total: number }> {
  const types = query.caseType ? [getCaseType(query.caseType)] : registeredTypes().filter((t) => !query.module || t.module === query.module);
  const found: Array<{ type: CaseTypeDefinition; id: string; name: string; startedAt: Date; dueAt: Date; pausedAt: Date | null }> = [];
  let total = 0;
  for (const type of types) {
    const units = [...new Set(rolesIn(actor, type.module).map((held) => held.unitId))];
    const open = Object.entries(type.states).filter(([, s]) => !s.final).map(([name]) => name);
    if (units.length === 0 || open.length === 0) continue;
    // A quiet clock waits out of the list until its first escalation step.
    const quiet = Object.entries(type.clocks ?? {}).filter(([, c]) => c.quiet).map(([name]) => name);
    const near = quiet.length ? sql` and (k.urge_level > 0 or k.name not in (${sql.join(quiet.map((q) => sql`${q}`), sql`, `)}))` : sql``;
    const from = sql`${cases} join lateral (select k.name, k.started_at, k.due_at, k.paused_at from case_clocks k
        where k.case_id = ${cases.id} and k.stopped_at is null and k.unit_id in (${sql.join(units.map((u) => sql`${u}`), sql`, `)})${near}
        order by (k.paused_at is not null), k.due_at limit 1) k on true`;
    const where = sql`${cases.caseType} = ${type.name} and ${inArray(cases.state, open)} and ${visibleCaseSql(type.name, actor)}`;
    const [counted] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${from} where ${where}`));
    total += Number(counted?.n ?? 0);
    const rows = rowsOf<{ id: string; name: string; started_at: Date | string; due_at: Date | string; paused_at: Date | string | null }>(
      await tx.execute(sql`select ${cases.id} as id, k.name, k.started_at, k.due_at, k.paused_at from ${from} where ${where}
        order by (k.paused_at is not null), k.due_at, ${cases.id} limit ${TODO_LIMIT}`),
    );
    for (const r of rows) {
      found.push({ type, id: r.id, name: r.name, startedAt: new Date(r.started_at), dueAt: new Date(r.due_at), pausedAt: r.paused_at ? new Date(r.paused_at) : null });
    }
  }
  found.sort((a, b) => Number(a.pausedAt !== null) - Number(b.pausedAt !== null) || a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  const shown = found.slice(0, TODO_LIMIT);
  const items = new Map<string, CaseListItem>();
  for (const type of new Set(shown.map((f) => f.type))) {
    const ids = shown.filter((f) => f.type === type).map((f) => f.id);
    for (const item of await loadItems(tx, type, [inArray(cases.id, ids)], now)) items.set(item.caseId, item);
  }
  return {
    total,
    items: shown.flatMap((f) => {
      const item = items.get(f.id);
      if (!item) return [];
      // The clock shown is the one that runs against the actor's unit.
      const status = clockStatus({ startedAt: f.startedAt, dueAt: f.dueAt, pausedAt: f.pausedAt }, escalationOf(f.type, f.name), now);
      return [{ ...item, clock: { name: f.name, label: f.type.clocks?.[f.name]?.label ?? f.name, dueAt: f.dueAt.toISOString(), status } }];
    }),
  };
}
