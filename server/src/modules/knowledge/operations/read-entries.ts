import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { canSeeCase } from '../../cases/index.js';
import { shanghaiDay } from '../../clock/index.js';
import { hotlineCategories, HOTLINE_CASE_TYPE } from '../../requests/index.js';
import { STATE_LABELS, UNAVAILABLE_LABELS } from '../knowledge.strings.js';
import { knowledgeCitations } from '../knowledge.tables.js';
import type { KnowledgeEntryView } from '../../../../../contracts/knowledge.js';
import { unavailableReason } from '../rules/availability.js';
import { publishesFor, readableCondition, writesFor } from './entry-access.js';
import { rowsOf } from '../../../platform/db/rows-of.js';

export type EntryView = KnowledgeEntryView;

interface EntryRow {
  case_id: string;
  question: string;
  answer: string;
  legal_basis: string;
  keywords: string;
  category_code: string | null;
  owner_unit_id: number;
  owner_name: string;
  owner_path: string;
  valid_from: string;
  valid_until: string | null;
  review_on: string;
  state: string;
  revision: number;
  expired_reason: 'validity' | 'review' | null;
  source_case_id: string | null;
  updated_at: Date | string;
}

const SELECT = `select e.case_id, e.question, e.answer, e.legal_basis, e.keywords, e.category_code, e.owner_unit_id, u.name as owner_name, u.path as owner_path,
       e.valid_from, e.valid_until, e.review_on, c.state, e.revision, e.expired_reason, e.source_case_id, c.updated_at
  from kb_entries e join cases c on c.id = e.case_id join units u on u.id = e.owner_unit_id`;

/** The entries of these ids the actor may read, in the order given. */
export async function readEntries(tx: Db, actor: Actor, ids: readonly string[], now: Date): Promise<EntryView[]> {
  if (ids.length === 0) return [];
  const params: unknown[] = [[...ids]];
  const where = readableCondition(actor, params);
  const rows = rowsOf<EntryRow>(await tx.execute(positional(`${SELECT} where e.case_id = any($1::uuid[]) and ${where}`, params)));
  const byId = new Map(rows.map((r) => [r.case_id, r]));
  const found = ids.map((id) => byId.get(id)).filter((r): r is EntryRow => r !== undefined);
  return viewsOf(tx, actor, found, now);
}

/** A page of the entries the actor may read, without a query: usable ones first, then by question. */
export async function listEntries(tx: Db, actor: Actor, filter: { ownerUnitId?: number; page: number; pageSize: number }, now: Date) {
  const params: unknown[] = [];
  let where = readableCondition(actor, params);
  if (filter.ownerUnitId) {
    params.push(filter.ownerUnitId);
    where += ` and e.owner_unit_id = $${params.length}`;
  }
  const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(await tx.execute(positional(`select count(*)::int as n from kb_entries e join cases c on c.id = e.case_id join units u on u.id = e.owner_unit_id where ${where}`, params)));
  params.push(filter.pageSize, (filter.page - 1) * filter.pageSize);
  const rows = rowsOf<EntryRow>(await tx.execute(positional(
    `${SELECT} where ${where} order by (c.state = 'published') desc, e.question, e.case_id limit $${params.length - 1} offset $${params.length}`, params)));
  return { total: Number(n), items: await viewsOf(tx, actor, rows, now) };
}

async function viewsOf(tx: Db, actor: Actor, rows: EntryRow[], now: Date): Promise<EntryView[]> {
  if (rows.length === 0) return [];
  const today = shanghaiDay(now);
  const ids = rows.map((r) => r.case_id);
  const [categories, uses] = await Promise.all([
    tx.select({ code: hotlineCategories.code, name: hotlineCategories.name }).from(hotlineCategories)
      .where(inArray(hotlineCategories.code, rows.map((r) => r.category_code ?? '').filter(Boolean).concat(['-']))),
    tx.select({ caseId: knowledgeCitations.caseId, n: sql<number>`count(*)::int` }).from(knowledgeCitations)
      .where(inArray(knowledgeCitations.caseId, ids)).groupBy(knowledgeCitations.caseId),
  ]);
  const categoryName = new Map(categories.map((c) => [c.code, c.name]));
  const useCount = new Map(uses.map((u) => [u.caseId, Number(u.n)]));
  const views: EntryView[] = [];
  for (const r of rows) {
    const unavailable = unavailableReason({ state: r.state, validFrom: r.valid_from, validUntil: r.valid_until, reviewOn: r.review_on, expiredReason: r.expired_reason }, today);
    const sourceVisible = r.source_case_id !== null && (await canSeeCase(tx, r.source_case_id, actor, HOTLINE_CASE_TYPE));
    views.push({
      entryId: r.case_id,
      question: r.question,
      answer: r.answer,
      legalBasis: r.legal_basis,
      keywords: r.keywords ? r.keywords.split(' ') : [],
      categoryCode: r.category_code,
      categoryName: r.category_code ? (categoryName.get(r.category_code) ?? null) : null,
      ownerUnitId: Number(r.owner_unit_id),
      ownerName: r.owner_name,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      reviewOn: r.review_on,
      state: r.state,
      stateLabel: STATE_LABELS[r.state as keyof typeof STATE_LABELS] ?? r.state,
      revision: Number(r.revision),
      usable: unavailable === null,
      unavailable,
      unavailableLabel: unavailable ? UNAVAILABLE_LABELS[unavailable] : null,
      sourceCaseId: sourceVisible ? r.source_case_id : null,
      uses: useCount.get(r.case_id) ?? 0,
      maintainable: writesFor(actor, { id: Number(r.owner_unit_id), path: r.owner_path }),
      publishable: publishesFor(actor, r.owner_path),
      updatedAt: new Date(r.updated_at).toISOString(),
    });
  }
  return views;
}

/**
 * Raw SQL with positional parameters ($1 …, as the platform's visibility condition writes them)
 * as a query of the builder, each value still sent as a parameter.
 */
export function positional(text: string, params: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${sql.param(params[Number(part) - 1])}`));
  return sql.join(chunks, sql``);
}

