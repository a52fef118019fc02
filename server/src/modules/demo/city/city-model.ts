import type { Database } from '../../../platform/db/database.js';

/** What the request generator needs to know of the city, as plain data for its worker thread. */
export interface CityModel {
  cityCode: string;
  rootId: number;
  centerId: number;
  /** Unit id → name, for the dispatch events' facts. */
  unitNames: Array<[number, string]>;
  /** Department key → unit id of the city's departments. */
  cityDepartments: Record<string, number>;
  counties: Array<{ code: string; name: string; departments: Record<string, number> }>;
  townships: Array<{ code: string; name: string; countyCode: string; unitId: number; villages: Array<{ code: string; name: string }> }>;
  /** Unit id → the user who acts for it (its handler). */
  handlers: Array<[number, number]>;
  operators: number[];
  dispatchers: number[];
}

/**
 * Reads the city back from the database, whether seeded just now or by an earlier run
 * (--append): unit keys say what each unit is (government, center, <dept>, county:<code>,
 * <county>:<dept>, township:<code>).
 */
export async function loadCityModel(database: Database): Promise<CityModel> {
  const q = async <T>(sql: string) => (await database.backend.query(sql, [], 'array')).rows as T[];
  const unitRows = await q<[number, number | null, string, string | null, string, string | null]>(
    'select id, parent_id, kind, key, name, region_code from units order by id');
  const userRows = await q<[number, string, number]>('select id, role, unit_id from users order by id');
  const villageRows = await q<[string, string, string]>(`select code, name, parent_code from regions where level = 'village' order by code`);
  const root = unitRows.find((u) => u[1] === null);
  const center = unitRows.find((u) => u[3] === 'center');
  if (!root || !center || !root[5]) throw new Error('not a generated city: no root government with a region or no hotline center');
  const model: CityModel = {
    cityCode: root[5], rootId: root[0], centerId: center[0], unitNames: unitRows.map((u) => [u[0], u[4]]),
    cityDepartments: {}, counties: [], townships: [], handlers: [], operators: [], dispatchers: [],
  };
  const countyByUnit = new Map<number, CityModel['counties'][number]>();
  for (const [id, parentId, kind, , name, region] of unitRows) {
    if (kind === 'government' && parentId === root[0] && region) {
      const county = { code: region, name, departments: {} };
      model.counties.push(county);
      countyByUnit.set(id, county);
    }
  }
  const villages = new Map<string, Array<{ code: string; name: string }>>();
  for (const [code, name, parent] of villageRows) {
    if (!villages.has(parent)) villages.set(parent, []);
    villages.get(parent)!.push({ code, name });
  }
  for (const [id, parentId, kind, key, name, region] of unitRows) {
    if (kind === 'department' && key && parentId === root[0]) model.cityDepartments[key] = id;
    const county = parentId === null ? undefined : countyByUnit.get(parentId);
    if (kind === 'department' && key && county) county.departments[key.slice(key.indexOf(':') + 1)] = id;
    if (kind === 'township' && region && county) {
      model.townships.push({ code: region, name, countyCode: county.code, unitId: id, villages: villages.get(region) ?? [] });
    }
  }
  const handled = new Set<number>();
  for (const [id, role, unitId] of userRows) {
    if (role === 'handler' && !handled.has(unitId)) {
      handled.add(unitId);
      model.handlers.push([unitId, id]);
    }
    if (role === 'operator' && unitId === center[0]) model.operators.push(id);
    if (role === 'dispatcher' && unitId === center[0]) model.dispatchers.push(id);
  }
  if (!model.townships.length || !model.operators.length || !model.dispatchers.length) {
    throw new Error('not a generated city: it needs townships, operators and dispatchers');
  }
  return model;
}
