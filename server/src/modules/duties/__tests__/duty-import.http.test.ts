import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { parseCsvRecords } from '../../../platform/csv.js';
import { repoPath } from '../../../platform/repo-path.js';
import { diffDutyLists } from '../rules/duty-diff.js';
import type { DutyItem } from '../rules/duty-rows.js';

// A county administrator replaces a duty list from its spreadsheet: first a preview of what
// changes, item by item, then the confirmation, which applies exactly the previewed file onto
// exactly the list it was previewed against; a bad row changes nothing and says where it is.

const EXAMPLE = readFileSync(repoPath('docs', 'examples', 'township-items.csv'), 'utf8').replace(/^\uFEFF/, '');
const [HEADER, ...ROWS] = EXAMPLE.trimEnd().split('\n');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const csv = (rows: string[]) => base64([HEADER, ...rows].join('\n'));

const item = (code: string, fields: Partial<DutyItem> = {}): DutyItem => ({
  code, list: 'township', name: code, powerKind: null, unitId: null, level: null, townshipRole: '主责', basis: '依据', keywords: ['词'], categoryCodes: [], ...fields,
});

test('a diff names what is added, removed and changed, field by field', () => {
  const diff = diffDutyLists([item('A'), item('B'), item('C', { keywords: ['油烟'] })], [item('A'), item('C', { keywords: ['油烟', '烧烤'] }), item('D')]);
  assert.deepEqual(diff.added.map((i) => i.code), ['D']);
  assert.deepEqual(diff.removed.map((i) => i.code), ['B']);
  assert.deepEqual(diff.changed, [{ code: 'C', name: 'C', fields: [{ field: 'keywords', before: ['油烟'], after: ['油烟', '烧烤'] }] }]);
  assert.equal(diff.unchanged, 1);
});

for (const backend of testBackends()) {
  describe(`duty-list import with a preview on ${backend.name}`, () => {
    let ctx: TestContext;
    const post = async (url: string, payload: Record<string, unknown>, user = 'admin') =>
      ctx.app.inject({ method: 'POST', url, headers: await ctx.as(user), payload });
    const codesInForce = async () =>
      ((await ctx.database.backend.query(`select code from duty_items where list = 'township' order by code`, [], 'array')).rows as Array<[string]>).map(([c]) => c);

    before(async () => {
      ctx = await createTestContext(backend.url);
      const loaded = await post('/api/duties/import', { list: 'township', fileName: '属地清单.csv', dataBase64: csv(ROWS) });
      assert.equal(loaded.statusCode, 200, loaded.body);
    });
    after(async () => ctx?.close());

    // The county's next version: one item dropped, one reworded, one new.
    const dropped = () => ROWS[0]!.split(',')[0]!;
    const reworded = () => ROWS[1]!.split(',')[0]!;
    const nextVersion = () => [
      ...ROWS.slice(2),
      ROWS[1]!.replace(/^([^,]+),([^,]+),/, '$1,$2（含学校周边）,'),
      'SD-0900,辖区内电动自行车楼道充电的巡查和劝导,主责,,《山东省消防条例》,电动车、充电、飞线,',
    ];

    test('the preview lists every change by code and changes nothing', async () => {
      const before = await codesInForce();
      const preview = await post('/api/duties/import/preview', { list: 'township', fileName: '属地清单2027.csv', dataBase64: csv(nextVersion()) });
      assert.equal(preview.statusCode, 200, preview.body);
      const body = preview.json();
      assert.deepEqual(body.added.map((i: { code: string }) => i.code), ['SD-0900']);
      assert.deepEqual(body.removed.map((i: { code: string }) => i.code), [dropped()]);
      assert.deepEqual(body.changed.map((c: { code: string; fields: Array<{ field: string }> }) => [c.code, c.fields.map((f) => f.field)]), [[reworded(), ['name']]]);
      assert.equal(body.unchanged, ROWS.length - 2);
      assert.match(body.token, /^[0-9a-f]{64}$/);
      assert.deepEqual(await codesInForce(), before, 'a preview changes nothing');
    });

    test('an .xlsx file previews the same way', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('属地清单');
      for (const record of [HEADER!, ...nextVersion()].map((row) => row.split(','))) sheet.addRow(record);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const preview = await post('/api/duties/import/preview', { list: 'township', fileName: '属地清单.xlsx', dataBase64: bytes.toString('base64') });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.deepEqual(preview.json().added.map((i: { code: string }) => i.code), ['SD-0900']);
    });

    test('a bad row is refused with its line number, in the preview and on confirmation, and nothing changes', async () => {
      const before = await codesInForce();
      const bad = [...nextVersion(), 'SD-0901,无名部门配合的事项,配合,不存在的局,依据,词,999999'];
      for (const url of ['/api/duties/import/preview', '/api/duties/import']) {
        const refused = await post(url, { list: 'township', fileName: 'bad.csv', dataBase64: csv(bad) });
        assert.equal(refused.statusCode, 422, refused.body);
        assert.equal(refused.json().error.code, 'DUTY_IMPORT_INVALID');
        const problems: string[] = refused.json().error.details.problems;
        const line = bad.length + 1;
        assert.ok(problems.includes(`第${line}行：找不到单位“不存在的局”`), problems.join('\n'));
        assert.ok(problems.includes(`第${line}行：诉求类别 999999 不存在`), problems.join('\n'));
      }
      assert.deepEqual(await codesInForce(), before);
    });

    test('confirmation applies exactly the file previewed, onto the list it was previewed against', async () => {
      const file = { list: 'township', fileName: '属地清单2027.csv', dataBase64: csv(nextVersion()) };
      const { token } = (await post('/api/duties/import/preview', file)).json();
      // Another file under the preview's token is refused, and so is the token of another list.
      const other = await post('/api/duties/import', { ...file, dataBase64: csv(ROWS.slice(3)), previewToken: token });
      assert.equal(other.statusCode, 409, other.body);
      assert.equal(other.json().error.code, 'DUTY_PREVIEW_STALE');
      assert.equal((await post('/api/duties/import', { ...file, list: 'power', previewToken: token })).statusCode, 409);
      assert.ok((await codesInForce()).includes(dropped()), 'nothing changed');

      const confirmed = await post('/api/duties/import', { ...file, previewToken: token });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.deepEqual(confirmed.json(), { count: ROWS.length, added: 1, removed: 1, changed: 1 });
      assert.ok(!(await codesInForce()).includes(dropped()));
      // The list in force changed since: the same token no longer fits.
      const again = await post('/api/duties/import', { ...file, previewToken: token });
      assert.equal(again.json().error.code, 'DUTY_PREVIEW_STALE');

      const [entry] = (await ctx.database.backend.query(`select actor_user_id, details from security_events where kind = 'duty_list_imported' order by seq desc limit 1`, [], 'object')).rows as Array<{ actor_user_id: number; details: any }>;
      assert.equal(entry!.details.fileName, '属地清单2027.csv');
      assert.deepEqual([entry!.details.added, entry!.details.removed, entry!.details.changed], [['SD-0900'], [dropped()], [reworded()]]);
      assert.equal(entry!.details.by, 'administrator');
      // What suggestions read has the new item at once.
      const items = (await (await ctx.app.inject({ url: '/api/duties?list=township', headers: await ctx.as('dispatcher') })).json()).items as Array<{ code: string; keywords: string[] }>;
      assert.deepEqual(items.find((i) => i.code === 'SD-0900')?.keywords, ['电动车', '充电', '飞线']);
    });

    test('a township’s administrator may not import the county’s lists', async () => {
      const town = [...ctx.org.townshipIds.values()][0]!;
      const created = (await post('/api/admin/users', { username: 'town-admin', displayName: '镇管理员', role: 'admin', unitId: town })).json();
      await ctx.database.backend.query('update users set password_hash = (select password_hash from users where username = $1), must_change_password = false where id = $2', ['admin', created.id], 'object');
      const refused = await post('/api/duties/import/preview', { list: 'township', fileName: 'a.csv', dataBase64: csv(ROWS) }, 'town-admin');
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'COUNTY_ADMIN_ONLY');
      assert.ok(parseCsvRecords(EXAMPLE).length > 0);
    });
  });
}
