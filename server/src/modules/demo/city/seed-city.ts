import type { StaffRole } from '../../../platform/actor.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { childPath, insertUsers, regions, units, type CityDivisionsFile, type NewUser } from '../../orgs/index.js';
import { seedTaxonomy } from '../../requests/index.js';
import { readCityDepartments, type CityDepartmentsFile } from './city-data.js';
import { Random } from './random.js';

type NewUnit = typeof units.$inferInsert;
type NewRegion = typeof regions.$inferInsert;

/** 兰山区 → 兰山, 临沂高新技术产业开发区 → 高新技术产业开发区; and the 区/县/市 of its short names. */
function countyWords(countyName: string, cityShort: string): { short: string; level: string } {
  if (countyName.endsWith('开发区')) return { short: countyName.replace(cityShort, ''), level: '区' };
  const level = /[区县市旗]$/.test(countyName) ? countyName.slice(-1) : '区';
  return { short: countyName.length > 2 ? countyName.slice(0, -1) : countyName, level };
}

function fill(pattern: string, words: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => words[name] ?? '');
}

/** The departments a county has: every core one, then a seeded draw of the others up to its count. */
function countyDepartmentKeys(file: CityDepartmentsFile, zone: boolean, random: Random): string[] {
  const core = file.departments.filter((d) => d.core).map((d) => d.key);
  const range = zone ? file.zoneDepartments : file.countyDepartments;
  const count = range.min + random.int(range.max - range.min + 1);
  if (count <= core.length) return core.slice(0, count);
  const optional = file.departments.filter((d) => !d.core).map((d) => d.key);
  for (let i = optional.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [optional[i], optional[j]] = [optional[j]!, optional[i]!];
  }
  const chosen = new Set([...core, ...optional.slice(0, count - core.length)]);
  return file.departments.map((d) => d.key).filter((k) => chosen.has(k));
}

export interface CityAccountsPlan {
  operators: number;
  dispatchers: number;
}

/**
 * Builds a whole city's unit tree and regions: the city government at the root; under it the
 * hotline center, the city's departments and each county's government; under a county its
 * departments and townships; communities under townships. Users: the center's staff, the city
 * leader, a leader per county, and one handler per unit that receives dispatches.
 */
export async function seedCity(
  database: Database,
  divisions: CityDivisionsFile,
  options: { seed: number; passwordHash: string; staff: CityAccountsPlan },
): Promise<{ units: number; users: number }> {
  const file = readCityDepartments();
  const random = new Random(options.seed ^ 0x0c17);
  const cityName = divisions.city.name;
  const cityShort = cityName.replace(/市$/, '');
  const rows: NewUnit[] = [];
  const regionRows: NewRegion[] = [];
  const users: NewUser[] = [];
  let nextId = 1;
  const add = (parent: NewUnit | null, fields: Omit<NewUnit, 'id' | 'path' | 'parentId'>): NewUnit => {
    const id = nextId++;
    const unit: NewUnit = { ...fields, id, parentId: parent?.id ?? null, path: childPath(parent?.path ?? '/', id) };
    rows.push(unit);
    return unit;
  };
  const user = (username: string, displayName: string, role: StaffRole, unitId: number, scopeUnitId = unitId) =>
    users.push({ username, displayName, role, unitId, scopeUnitId, passwordHash: options.passwordHash });

  const root = add(null, { name: `${cityName}人民政府`, kind: 'government', key: 'government', regionCode: divisions.city.code });
  regionRows.push({ code: divisions.city.code, name: cityName, level: 'city', parentCode: null });
  const cityWords = { city: cityName, cityShort };
  const center = add(root, { name: fill(file.center.name, cityWords), shortName: file.center.shortName, kind: 'center', key: file.center.key });
  user('admin', '系统管理员', 'admin', center.id!, root.id!);
  user('leader', `${cityShort}市领导`, 'unit_leader', root.id!, root.id!);
  user('supervisor', '督办员', 'supervisor', center.id!, root.id!);
  for (let i = 1; i <= options.staff.operators; i++) user(i === 1 ? 'operator' : `operator-${String(i).padStart(2, '0')}`, `话务员${i}`, 'operator', center.id!, root.id!);
  for (let i = 1; i <= options.staff.dispatchers; i++) user(i === 1 ? 'dispatcher' : `dispatcher-${String(i).padStart(2, '0')}`, `派单员${i}`, 'dispatcher', center.id!, root.id!);

  const cityDepartments = new Map<string, number>();
  for (const d of file.departments) {
    if (!d.city) continue;
    const unit = add(root, { name: fill(d.city, cityWords), shortName: d.cityShort ? fill(d.cityShort, cityWords) : null, kind: 'department', key: d.key });
    cityDepartments.set(d.key, unit.id!);
    user(`dept-${d.key}`, `${unit.shortName ?? unit.name}承办人`, 'handler', unit.id!);
  }
  const templates = new Map(file.departments.map((d) => [d.key, d]));
  for (const county of divisions.counties) {
    const zone = county.name.endsWith('开发区');
    const { short, level } = countyWords(county.name, cityShort);
    const words = { ...cityWords, county: county.name, countyShort: short, lv: level };
    const government = add(root, { name: `${county.name}${zone ? '管理委员会' : '人民政府'}`, kind: 'government', key: `county:${county.code}`, regionCode: county.code });
    regionRows.push({ code: county.code, name: county.name, level: 'county', parentCode: divisions.city.code });
    user(`leader-${county.code}`, `${county.name}领导`, 'unit_leader', government.id!);
    for (const key of countyDepartmentKeys(file, zone, random)) {
      const d = templates.get(key)!;
      const unit = add(government, { name: fill(d.county, words), shortName: fill(d.countyShort, words), kind: 'department', key: `${county.code}:${key}` });
      user(`${county.code}-${key}`, `${unit.shortName}承办人`, 'handler', unit.id!);
    }
    for (const t of county.townships) {
      const township = add(government, { name: t.name, kind: 'township', regionCode: t.code, key: `township:${t.code}` });
      regionRows.push({ code: t.code, name: t.name, level: 'township', parentCode: county.code });
      user(`town-${t.code}`, `${t.name}承办人`, 'handler', township.id!);
      for (const v of t.villages) {
        add(township, { name: v.name, kind: 'community', regionCode: v.code });
        regionRows.push({ code: v.code, name: v.name, level: 'village', parentCode: t.code });
      }
    }
  }

  await database.transaction(async (tx: Db) => {
    for (let i = 0; i < regionRows.length; i += 500) await tx.insert(regions).values(regionRows.slice(i, i + 500));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(units).values(rows.slice(i, i + 500));
    await insertUsers(tx, users);
    // A category's usual owner is the city's department; the generator routes most to the county's.
    await seedTaxonomy(tx, (key) => cityDepartments.get(key) ?? null);
  });
  return { units: rows.length, users: users.length };
}
