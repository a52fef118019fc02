// Derives server/src/modules/requests/data/taxonomy.json from the real category system
// (TipDM 2020 Cup problem C, 附件1; ../shared/data/tipdm2020/taxonomy.csv) and our own
// assignment of departments and clock rules (requests/data/taxonomy-mapping.json).
// The output is committed so the product never reads ../shared at run time.
//
//   node scripts/derive-taxonomy.js            write taxonomy.json
//   node scripts/derive-taxonomy.js --check    exit 1 when the committed file is stale
//   --csv <path>                               another taxonomy.csv (default: $FAZHI_SHARED_DATA or ../shared/data)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'server/src/modules/requests/data/taxonomy.json');
const MAPPING = join(root, 'server/src/modules/requests/data/taxonomy-mapping.json');
const COUNTY = join(root, 'server/src/modules/orgs/data/demo-county.json');
const RULES = join(root, 'server/src/modules/clock/data/rules.json');
const DEFAULT_RULE = 'rx12345.general';
const ALLOWED_RULES = ['rx12345.general', 'rx12345.utility', 'rx12345.complex'];

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const csvPath = argValue('--csv') ?? join(process.env.FAZHI_SHARED_DATA ?? join(root, '..', 'shared', 'data'), 'tipdm2020', 'taxonomy.csv');

/** RFC 4180 rows; the file has no quoted fields today, but a re-export might. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const two = (n) => String(n).padStart(2, '0');

export function derive(csvText, mapping, departmentKeys, ruleIds) {
  const [header, ...rows] = parseCsv(csvText.replace(/^\uFEFF/, ''));
  if (header.join(',') !== 'level1,level2,level3') throw new Error(`taxonomy.csv: unexpected header ${header.join(',')}`);
  const problems = [];
  const tree = [];
  const seenLeaves = new Set();
  for (const [l1, l2, l3] of rows.map((r) => r.map((f) => f.trim()))) {
    if (!l1 || !l2 || !l3) {
      problems.push(`incomplete row ${l1},${l2},${l3}`);
      continue;
    }
    let n1 = tree.find((n) => n.name === l1);
    if (!n1) tree.push((n1 = { code: two(tree.length + 1), name: l1, children: [] }));
    let n2 = n1.children.find((n) => n.name === l2);
    if (!n2) n1.children.push((n2 = { code: n1.code + two(n1.children.length + 1), name: l2, children: [] }));
    if (n2.children.some((n) => n.name === l3)) {
      problems.push(`duplicate leaf ${l1}/${l2}/${l3}`);
      continue;
    }
    const group = mapping.groups[`${l1}/${l2}`];
    if (!group) {
      problems.push(`no mapping for ${l1}/${l2}`);
      continue;
    }
    const own = group.leaves?.[l3] ?? {};
    const defaultDepartment = own.department ?? group.department;
    const clockRule = own.clockRule ?? group.clockRule ?? DEFAULT_RULE;
    if (defaultDepartment !== 'township' && !departmentKeys.has(defaultDepartment)) problems.push(`${l1}/${l2}/${l3}: unknown department ${defaultDepartment}`);
    if (!ruleIds.has(clockRule) || !ALLOWED_RULES.includes(clockRule)) problems.push(`${l1}/${l2}/${l3}: unknown clock rule ${clockRule}`);
    n2.children.push({ code: n2.code + two(n2.children.length + 1), name: l3, defaultDepartment, clockRule });
    seenLeaves.add(`${l1}/${l2}/${l3}`);
    if (n2.children.length > 99 || n1.children.length > 99 || tree.length > 99) problems.push('more than 99 categories on one level');
  }
  // A mapping entry that matches nothing is a typo waiting to misroute requests.
  for (const [key, group] of Object.entries(mapping.groups)) {
    if (!tree.some((n1) => n1.children.some((n2) => `${n1.name}/${n2.name}` === key))) problems.push(`mapping names unknown group ${key}`);
    for (const leaf of Object.keys(group.leaves ?? {})) if (!seenLeaves.has(`${key}/${leaf}`)) problems.push(`mapping names unknown leaf ${key}/${leaf}`);
  }
  if (problems.length > 0) throw new Error(`derive-taxonomy:\n  ${problems.join('\n  ')}`);
  return tree;
}

/** The committed layout: one leaf per line, so a diff shows which category changed. */
export function format(source, tree) {
  const leaf = (n) => `            ${JSON.stringify(n).replace(/":/g, '": ').replace(/,"/g, ', "').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`;
  const level2 = (n) =>
    ['        {', `          "code": "${n.code}",`, `          "name": ${JSON.stringify(n.name)},`, '          "children": [', n.children.map(leaf).join(',\n'), '          ]', '        }'].join('\n');
  const level1 = (n) =>
    ['    {', `      "code": "${n.code}",`, `      "name": ${JSON.stringify(n.name)},`, '      "children": [', n.children.map(level2).join(',\n'), '      ]', '    }'].join('\n');
  return `{\n  "source": ${JSON.stringify(source)},\n  "categories": [\n${tree.map(level1).join(',\n')}\n  ]\n}\n`;
}

const SOURCE =
  'Category names: the three-level category system (诉求分类) used by a city\'s 问政 platform staff, from the 2020 TipDM Cup problem C "智慧政务中的文本挖掘应用", 附件1 (tipdm.org), derived by scripts/derive-taxonomy.js; codes are ours, two digits per level in the order of that file. defaultDepartment and clockRule are Fazhi\'s own assignment for the demo county (data/taxonomy-mapping.json): defaultDepartment is a key of orgs/data/demo-county.json, or "township" for 属地 matters owned by the township (乡镇/街道) of the request; clockRule names a rule of the clock catalogue (STATUTES.md).';

function main() {
  if (!existsSync(csvPath)) {
    console.error(`derive-taxonomy: ${csvPath} not found (set FAZHI_SHARED_DATA or pass --csv)`);
    process.exit(2);
  }
  const mapping = JSON.parse(readFileSync(MAPPING, 'utf8'));
  const departmentKeys = new Set(JSON.parse(readFileSync(COUNTY, 'utf8')).departments.map((d) => d.key));
  const ruleIds = new Set(JSON.parse(readFileSync(RULES, 'utf8')).rules.map((r) => r.id));
  const text = format(SOURCE, derive(readFileSync(csvPath, 'utf8'), mapping, departmentKeys, ruleIds));
  if (process.argv.includes('--check')) {
    const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error('derive-taxonomy: taxonomy.json is stale; run node scripts/derive-taxonomy.js');
      process.exit(1);
    }
    console.log('derive-taxonomy: taxonomy.json is up to date');
    return;
  }
  writeFileSync(OUT, text);
  const leaves = (text.match(/"defaultDepartment"/g) ?? []).length;
  console.log(`derive-taxonomy: wrote ${OUT} (${leaves} leaves)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
