import { FIELD_KINDS, type CaseListing, type CaseTypeDefinition } from '../case-type.js';

/** Keys a column may not take: the search's own parameters and the platform's filters. */
export const RESERVED_KEYS = new Set(['state', 'organ', 'received', 'q', 'page', 'sort']);
const COLUMN_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const COLUMN_KINDS = new Set(['text', 'date', 'datetime', 'choice', 'money', 'number', 'unit']);

/** The platform's filters: what each key means and the one kind it takes. */
export const PLATFORM_FILTERS: Readonly<Record<string, 'choice' | 'unit' | 'date_range'>> = { state: 'choice', organ: 'unit', received: 'date_range' };

/**
 * Checks a type's listing when its module registers, so a mistake stops the start rather than
 * a search: keys the SQL can name, filters and search over declared columns, a filter's kind
 * that fits its column.
 */
export function checkListing(typeName: string, listing: CaseListing): void {
  const fail = (problem: string) => {
    throw new Error(`case type ${typeName}: listing ${problem}`);
  };
  if (typeof listing.source !== 'string' || !/\bcase_id\b/.test(listing.source)) fail('source must be SQL yielding case_id');
  const columns = new Map<string, CaseListing['columns'][number]>();
  for (const column of listing.columns) {
    if (!COLUMN_KEY.test(column.key)) fail(`column key ${column.key} must be lower-case snake case (a column of the source)`);
    if (RESERVED_KEYS.has(column.key) || column.key === 'case_id') fail(`column key ${column.key} is reserved`);
    if (columns.has(column.key)) fail(`column ${column.key} is declared twice`);
    if (!COLUMN_KINDS.has(column.kind)) fail(`column ${column.key} has unknown kind ${column.kind}`);
    if (column.options && column.kind !== 'choice') fail(`column ${column.key} has options but is not a choice`);
    columns.set(column.key, column);
  }
  if (!columns.has(listing.title)) fail(`title ${listing.title} is not a column`);
  if (listing.code !== undefined && !columns.has(listing.code)) fail(`code ${listing.code} is not a column`);
  const filters = new Set<string>();
  for (const filter of listing.filters ?? []) {
    if (filters.has(filter.key)) fail(`filter ${filter.key} is declared twice`);
    filters.add(filter.key);
    const platform = Object.hasOwn(PLATFORM_FILTERS, filter.key) ? PLATFORM_FILTERS[filter.key] : undefined;
    if (platform) {
      if (filter.kind !== platform) fail(`filter ${filter.key} must be a ${platform}`);
      continue;
    }
    const column = columns.get(filter.key);
    if (!column) fail(`filter ${filter.key} names no column`);
    const fits =
      filter.kind === 'date_range' ? column!.kind === 'date' || column!.kind === 'datetime'
      : filter.kind === 'unit' ? column!.kind === 'unit'
      : column!.kind !== 'date' && column!.kind !== 'datetime';
    if (!fits) fail(`filter ${filter.key} (${filter.kind}) does not fit its ${column!.kind} column`);
  }
  for (const key of listing.search ?? []) {
    if (!columns.has(key)) fail(`search names ${key}, which is not a column`);
  }
}

/** Every `x-kind` in the type's action inputs is one a page knows how to show. */
export function checkFieldKinds(type: CaseTypeDefinition): void {
  for (const [name, action] of Object.entries(type.actions)) {
    for (const [field, property] of Object.entries(action.input.properties)) {
      const kind = (property as { 'x-kind'?: unknown })['x-kind'];
      if (kind !== undefined && !(FIELD_KINDS as readonly unknown[]).includes(kind)) {
        throw new Error(`case type ${type.name}: action ${name} field ${field} has unknown x-kind ${String(kind)}`);
      }
      // A page shows a choice by its labels, never by the stored value.
      const { enum: values, 'x-labels': labels } = property as { enum?: readonly unknown[]; 'x-labels'?: Record<string, unknown> };
      if (kind === 'choice' && values) {
        const missing = values.filter((v) => typeof labels?.[String(v)] !== 'string');
        if (missing.length) throw new Error(`case type ${type.name}: action ${name} field ${field} has no x-labels for ${missing.join(', ')}`);
      }
    }
  }
}
