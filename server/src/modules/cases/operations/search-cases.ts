import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { getCaseType } from '../case-registry.js';
import { countRows, loadItems, searchConditions, searchOrder, type CaseListItem, type CaseSearchQuery } from './case-list-rows.js';

export const MAX_PAGE = 1_000_000;
export const MAX_PAGE_SIZE = 100;

export interface SearchCasesQuery extends CaseSearchQuery {
  page: number;
  pageSize: number;
}

/**
 * One page of a type's cases the actor may see, by its listing's filters and search: only cases
 * in the actor's scope are counted or listed (case-access.ts). An unknown filter or sort, or a
 * value that is not one of its kind, is refused before anything is read.
 */
export async function searchCases(tx: Db, actor: Actor, query: SearchCasesQuery, now: Date): Promise<{ items: CaseListItem[]; total: number }> {
  const type = getCaseType(query.caseType);
  const page = Math.min(Math.max(1, Math.trunc(query.page) || 1), MAX_PAGE);
  const pageSize = Math.min(Math.max(1, Math.trunc(query.pageSize) || 1), MAX_PAGE_SIZE);
  const conditions = searchConditions(type, actor, query);
  const order = searchOrder(type, query.sort);
  const total = await countRows(tx, type, conditions);
  const items = total > (page - 1) * pageSize ? await loadItems(tx, type, conditions, now, { order, limit: pageSize, offset: (page - 1) * pageSize }) : [];
  return { items, total };
}
