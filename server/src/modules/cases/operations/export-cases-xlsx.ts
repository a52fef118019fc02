import type { PassThrough } from 'node:stream';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { xlsxStream, type SheetColumn } from '../../../platform/xlsx.js';
import { getCaseType } from '../case-registry.js';
import type { CaseTypeDefinition } from '../case-type.js';
import { caseError } from '../cases.errors.js';
import { CLOCK_STATUS_LABELS, LIST_HEADERS, exportPeriod, exportTitle } from '../cases.strings.js';
import { chinaDateTime } from '../rules/list-values.js';
import { countRows, loadItems, searchConditions, searchOrder, type CaseListItem, type CaseSearchQuery } from './case-list-rows.js';

/** Most rows one export carries; a larger one is refused, to be narrowed by its filters. */
export const EXPORT_LIMIT = 50_000;

/**
 * The same cases as searchCases, all of them rather than one page, as an Excel workbook: the
 * listing's columns under their Chinese labels, then state, organ and the most urgent clock.
 * Only cases the actor sees are counted and written; more than EXPORT_LIMIT is refused.
 */
export async function exportCasesXlsx(tx: Db, actor: Actor, query: CaseSearchQuery, now: Date, limit = EXPORT_LIMIT): Promise<{ fileName: string; body: PassThrough; rows: number }> {
  const type = getCaseType(query.caseType);
  const conditions = searchConditions(type, actor, query);
  const order = searchOrder(type, query.sort);
  const total = await countRows(tx, type, conditions);
  if (total > limit) throw caseError('CASE_EXPORT_TOO_LARGE', { total, limit });
  const items = await loadItems(tx, type, conditions, now, { order });
  const stamp = chinaDateTime(now);
  return {
    fileName: `${exportTitle(type.label)}_${stamp.slice(0, 10)}.xlsx`,
    body: xlsxStream({ sheetName: type.label, title: exportTitle(type.label), period: exportPeriod(stamp), columns: exportColumns(type), rows: items }),
    rows: items.length,
  };
}

export function exportColumns(type: CaseTypeDefinition): Array<SheetColumn<CaseListItem>> {
  const time = (iso: string | null) => (iso ? chinaDateTime(new Date(iso)) : null);
  const declared: Array<SheetColumn<CaseListItem>> = (type.listing?.columns ?? []).map((c) => ({
    header: c.label,
    width: c.kind === 'text' ? 24 : c.kind === 'datetime' ? 18 : 14,
    // Figures stay numbers, so the sheet can sum them.
    cell: (item) => (c.kind === 'money' || c.kind === 'number') && typeof item.values[c.key] === 'number' ? (item.values[c.key] as number) : (item.texts[c.key] ?? null),
  }));
  const platform: Array<SheetColumn<CaseListItem>> = type.listing
    ? []
    : [
        { header: LIST_HEADERS.caseType, width: 14, cell: (item) => item.typeLabel },
      ];
  const after: Array<SheetColumn<CaseListItem>> = [
    { header: LIST_HEADERS.state, width: 12, cell: (item) => item.stateLabel },
    { header: LIST_HEADERS.organ, width: 20, cell: (item) => item.organName },
    ...(type.listing
      ? []
      : [
          { header: LIST_HEADERS.created, width: 18, cell: (item: CaseListItem) => time(item.createdAt) },
          { header: LIST_HEADERS.updated, width: 18, cell: (item: CaseListItem) => time(item.updatedAt) },
        ]),
    { header: LIST_HEADERS.clock, width: 14, cell: (item) => item.clock?.label ?? null },
    { header: LIST_HEADERS.dueAt, width: 18, cell: (item) => time(item.clock?.dueAt ?? null) },
    { header: LIST_HEADERS.clockStatus, width: 10, cell: (item) => (item.clock ? CLOCK_STATUS_LABELS[item.clock.status] : null) },
  ];
  return [...platform, ...declared, ...after];
}
