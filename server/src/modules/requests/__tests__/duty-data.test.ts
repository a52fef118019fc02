// The demo county's duty lists (duties/data/371302.json) must point at categories and
// departments that exist, or the dispatcher's suggestions would name nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../../../platform/repo-path.js';

interface PowerItem {
  code: string;
  name: string;
  kind: string;
  department: string;
  level: string;
  basis: string;
  keywords: string[];
  categories: string[];
}
interface TownshipItem {
  code: string;
  name: string;
  role: string;
  cooperatingDepartment: string | null;
  basis: string;
  keywords: string[];
  categories: string[];
}
interface TaxonomyNode {
  code: string;
  children?: TaxonomyNode[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(repoPath(path), 'utf8')) as T;
const duties = readJson<{ source: string; county: string; powerItems: PowerItem[]; townshipItems: TownshipItem[] }>('server/src/modules/duties/data/371302.json');
const departments = new Set(readJson<{ departments: Array<{ key: string }> }>('server/src/modules/orgs/data/demo-county.json').departments.map((d) => d.key));
const leafCodes = new Set<string>();
const walk = (nodes: TaxonomyNode[]): void => {
  for (const n of nodes) {
    if (n.children) walk(n.children);
    else leafCodes.add(n.code);
  }
};
walk(readJson<{ categories: TaxonomyNode[] }>('server/src/modules/requests/data/taxonomy.json').categories);

const KINDS = ['行政许可', '行政处罚', '行政强制', '行政检查', '行政确认', '行政给付', '其他行政权力', '公共服务'];

function checkCommon(item: { code: string; name: string; basis: string; keywords: string[]; categories: string[] }): void {
  assert.ok(item.name.length >= 4, `${item.code}: name`);
  assert.match(item.basis, /《[^》]+》/, `${item.code}: basis names no statute`);
  assert.ok(item.keywords.length > 0, `${item.code}: no keywords`);
  for (const k of item.keywords) assert.match(k, /^[\u4e00-\u9fa5A-Za-z0-9]{1,8}$/, `${item.code}: keyword "${k}"`);
  assert.equal(new Set(item.keywords).size, item.keywords.length, `${item.code}: repeated keyword`);
  assert.ok(item.categories.length > 0, `${item.code}: no categories`);
  for (const c of item.categories) assert.ok(leafCodes.has(c), `${item.code}: ${c} is not a level-3 code of the taxonomy`);
}

describe('duty lists of 371302', () => {
  it('names its source and county', () => {
    assert.equal(duties.county, '371302');
    assert.match(duties.source, /权责清单/);
    assert.match(duties.source, /属地管理事项清单/);
    assert.match(duties.source, /not .*official/);
  });

  it('power items: enough of them, unique codes, known kinds, departments and categories', () => {
    assert.ok(duties.powerItems.length >= 120, `${duties.powerItems.length} power items`);
    const codes = new Set(duties.powerItems.map((i) => i.code));
    assert.equal(codes.size, duties.powerItems.length, 'power item codes are unique');
    for (const item of duties.powerItems) {
      assert.match(item.code, /^QZ-[A-Z]{2}-\d{4}$/);
      assert.ok(KINDS.includes(item.kind), `${item.code}: kind ${item.kind}`);
      assert.ok(departments.has(item.department), `${item.code}: department ${item.department}`);
      assert.equal(item.level, '区级');
      checkCommon(item);
    }
    // Spread over the departments, not piled on one.
    assert.ok(new Set(duties.powerItems.map((i) => i.department)).size >= 25);
    assert.ok(new Set(duties.powerItems.map((i) => i.kind)).size === KINDS.length, 'every kind occurs');
  });

  it('township items: enough of them, unique codes, a role, and the department a 配合 item works with', () => {
    assert.ok(duties.townshipItems.length >= 40, `${duties.townshipItems.length} township items`);
    const codes = new Set(duties.townshipItems.map((i) => i.code));
    assert.equal(codes.size, duties.townshipItems.length, 'township item codes are unique');
    for (const item of duties.townshipItems) {
      assert.match(item.code, /^SD-\d{4}$/);
      assert.ok(item.role === '主责' || item.role === '配合', `${item.code}: role ${item.role}`);
      if (item.role === '配合') assert.ok(item.cooperatingDepartment !== null, `${item.code}: 配合 without a department`);
      if (item.cooperatingDepartment !== null) assert.ok(departments.has(item.cooperatingDepartment), `${item.code}: department ${item.cooperatingDepartment}`);
      checkCommon(item);
    }
  });

  it('the example CSV files in docs/examples are what scripts/export-duty-lists.js makes of the JSON', () => {
    const run = spawnSync(process.execPath, [repoPath('scripts/export-duty-lists.js'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
