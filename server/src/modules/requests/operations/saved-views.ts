import { and, asc, count, eq } from 'drizzle-orm';
import type { RequestFilters, SavedView } from '../../../../../contracts/requests.js';
import type { StaffActor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { requestError } from '../requests.errors.js';
import { hotlineSavedViews } from '../requests.tables.js';

/** Enough for a person's habits; more would be a list nobody reads. */
export const MAX_SAVED_VIEWS = 20;

const toView = (row: typeof hotlineSavedViews.$inferSelect): SavedView => ({
  id: row.id, name: row.name, filters: row.filters as RequestFilters, createdAt: row.createdAt.toISOString(),
});

export async function listSavedViews(tx: Db, actor: StaffActor): Promise<SavedView[]> {
  const rows = await tx.select().from(hotlineSavedViews).where(eq(hotlineSavedViews.userId, actor.userId)).orderBy(asc(hotlineSavedViews.name));
  return rows.map(toView);
}

/**
 * Keeps the filters under a name for this person. The filters were checked by the list's own
 * schema, and are only ever read back as a list query, where scope applies again.
 */
export async function saveView(tx: Db, actor: StaffActor, name: string, filters: RequestFilters, now: Date): Promise<SavedView> {
  const trimmed = name.trim();
  const [same] = await tx.select({ id: hotlineSavedViews.id }).from(hotlineSavedViews)
    .where(and(eq(hotlineSavedViews.userId, actor.userId), eq(hotlineSavedViews.name, trimmed)));
  if (same) throw requestError('VIEW_NAME_TAKEN', { field: 'name' });
  const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(hotlineSavedViews).where(eq(hotlineSavedViews.userId, actor.userId));
  if (n >= MAX_SAVED_VIEWS) throw requestError('VIEW_LIMIT_REACHED', { max: MAX_SAVED_VIEWS });
  const [row] = await tx.insert(hotlineSavedViews).values({ userId: actor.userId, name: trimmed, filters, createdAt: now }).returning();
  return toView(row!);
}

/** Someone else's view and no view look the same. */
export async function deleteView(tx: Db, actor: StaffActor, id: number): Promise<void> {
  const deleted = await tx.delete(hotlineSavedViews)
    .where(and(eq(hotlineSavedViews.id, id), eq(hotlineSavedViews.userId, actor.userId))).returning({ id: hotlineSavedViews.id });
  if (deleted.length === 0) throw requestError('VIEW_NOT_FOUND');
}
