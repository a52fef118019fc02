import { readFileSync } from 'node:fs';
import type { Db } from '../../../platform/db/database.js';
import { repoPath } from '../../../platform/repo-path.js';
import type { DutyItem } from '../rules/duty-rows.js';
import { insertDutyItems } from './duty-store.js';

/** The shipped demo lists: data/<county>.json, department keys of orgs/data/demo-county.json. */
export interface DutyListsFile {
  source: string;
  county: string;
  powerItems: Array<{ code: string; name: string; kind: string; department: string; level: string; basis: string; keywords: string[]; categories: string[] }>;
  townshipItems: Array<{ code: string; name: string; role: '主责' | '配合'; cooperatingDepartment: string | null; basis: string; keywords: string[]; categories: string[] }>;
}

export function readDutyListsFile(county: string): DutyListsFile {
  return JSON.parse(readFileSync(repoPath(`server/src/modules/duties/data/${county}.json`), 'utf8')) as DutyListsFile;
}

export async function seedDutyLists(tx: Db, file: DutyListsFile, unitFor: (departmentKey: string) => number | null): Promise<number> {
  const unit = (key: string | null) => {
    if (!key) return null;
    const id = unitFor(key);
    if (id === null) throw new Error(`duty lists: unknown department key ${key}`);
    return id;
  };
  const items: DutyItem[] = [
    ...file.powerItems.map((p) => ({
      code: p.code, list: 'power' as const, name: p.name, powerKind: p.kind, unitId: unit(p.department), level: p.level,
      townshipRole: null, basis: p.basis, keywords: p.keywords, categoryCodes: p.categories,
    })),
    ...file.townshipItems.map((t) => ({
      code: t.code, list: 'township' as const, name: t.name, powerKind: null, unitId: unit(t.cooperatingDepartment), level: null,
      townshipRole: t.role, basis: t.basis, keywords: t.keywords, categoryCodes: t.categories,
    })),
  ];
  await insertDutyItems(tx, items);
  return items.length;
}
