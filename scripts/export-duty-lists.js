// Writes a county's duty lists (server/src/modules/duties/data/<county>.json) as the two CSV
// files a county would fill in to import them (layout: docs/duty-lists.md).
//
//   node scripts/export-duty-lists.js [county]           write docs/examples/*.csv (county 371302)
//   node scripts/export-duty-lists.js [county] --check   exit 1 when those files are stale
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const county = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '371302';
const check = process.argv.includes('--check');

const POWER_COLUMNS = ['编码', '事项名称', '权力类型', '实施主体', '层级', '设定依据', '关键词', '对应诉求类别'];
const TOWNSHIP_COLUMNS = ['编码', '事项名称', '乡镇职责', '配合部门', '依据', '关键词', '对应诉求类别'];
// Lists inside a cell use the enumeration comma, as the published lists do.
const LIST_SEPARATOR = '、';

const field = (value) => {
  const s = value == null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
// A BOM so that Excel opens the file as UTF-8; CRLF as RFC 4180 asks.
const csv = (header, rows) => '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

const duties = JSON.parse(readFileSync(join(root, 'server/src/modules/duties/data', `${county}.json`), 'utf8'));
const departments = JSON.parse(readFileSync(join(root, 'server/src/modules/orgs/data/demo-county.json'), 'utf8')).departments;
// Counties write unit names, not our keys.
const unitName = (key) => {
  if (key == null) return '';
  const d = departments.find((x) => x.key === key);
  if (!d) throw new Error(`export-duty-lists: unknown department ${key}`);
  return d.name;
};

const files = {
  'power-items.csv': csv(
    POWER_COLUMNS,
    duties.powerItems.map((i) => [i.code, i.name, i.kind, unitName(i.department), i.level, i.basis, i.keywords.join(LIST_SEPARATOR), i.categories.join(LIST_SEPARATOR)]),
  ),
  'township-items.csv': csv(
    TOWNSHIP_COLUMNS,
    duties.townshipItems.map((i) => [i.code, i.name, i.role, unitName(i.cooperatingDepartment), i.basis, i.keywords.join(LIST_SEPARATOR), i.categories.join(LIST_SEPARATOR)]),
  ),
};

const outDir = join(root, 'docs', 'examples');
let stale = false;
for (const [name, text] of Object.entries(files)) {
  const path = join(outDir, name);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      console.error(`export-duty-lists: docs/examples/${name} is stale; run node scripts/export-duty-lists.js`);
      stale = true;
    }
  } else {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path, text);
    console.log(`export-duty-lists: wrote docs/examples/${name}`);
  }
}
if (stale) process.exit(1);
