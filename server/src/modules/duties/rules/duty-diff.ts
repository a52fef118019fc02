import type { DutyItem } from './duty-rows.js';

/** The fields of an item a county edits, in the order the preview lists them. */
export const DUTY_FIELDS = ['name', 'powerKind', 'unitId', 'level', 'townshipRole', 'basis', 'keywords', 'categoryCodes'] as const;
export type DutyField = (typeof DUTY_FIELDS)[number];

export interface DutyChange {
  code: string;
  name: string;
  fields: Array<{ field: DutyField; before: unknown; after: unknown }>;
}

export interface DutyDiff {
  added: DutyItem[];
  removed: DutyItem[];
  changed: DutyChange[];
  unchanged: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What replacing a list with `next` would do, item by item (matched by code). */
export function diffDutyLists(current: readonly DutyItem[], next: readonly DutyItem[]): DutyDiff {
  const before = new Map(current.map((i) => [i.code, i]));
  const after = new Map(next.map((i) => [i.code, i]));
  const diff: DutyDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const item of next) {
    const old = before.get(item.code);
    if (!old) {
      diff.added.push(item);
      continue;
    }
    const fields = DUTY_FIELDS.filter((f) => !same(old[f], item[f])).map((field) => ({ field, before: old[field], after: item[field] }));
    if (fields.length) diff.changed.push({ code: item.code, name: item.name, fields });
    else diff.unchanged++;
  }
  for (const item of current) if (!after.has(item.code)) diff.removed.push(item);
  return diff;
}
