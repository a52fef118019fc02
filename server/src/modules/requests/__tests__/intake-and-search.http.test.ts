import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { readDutyListsFile, seedDutyLists } from '../../duties/index.js';

// What an operator and a citizen meet at intake: a question needs no place, a township matter
// does (and the text suggests it); a number finds its caller's past requests; a category is
// found by its name or by the word citizens use for it.
const QUESTION = '请问灵活就业人员养老保险每年最低缴费基数是多少？';
const ESTATE = '010212'; // 小区管理: the township of the place handles it (属地)
const STREET = '010211'; // 基础设施: the 市政 department, wherever it is

for (const backend of testBackends()) {
  describe(`intake without a place, caller history and search on ${backend.name}`, () => {
    let ctx: TestContext;
    let operator: Record<string, string>;
    let township: { code: string; name: string; villages: Array<{ code: string; name: string }> };
    before(async () => {
      ctx = await createTestContext(backend.url);
      await ctx.database.transaction((tx) => seedDutyLists(tx, readDutyListsFile('371302'), (key) => ctx.org.departmentIds.get(key) ?? null));
      operator = await ctx.as('operator');
      township = (await ctx.app.inject({ url: '/api/public/meta' })).json().townships[1];
    });
    after(async () => ctx?.close());

    const submit = (payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: '/api/public/requests', payload });
    const record = (payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: '/api/requests', headers: operator, payload });

    test('a consultation is taken without a place, from the public page and from the operator', async () => {
      assert.equal((await submit({ content: QUESTION })).statusCode, 201);
      const recorded = await record({ content: QUESTION, requestType: '咨询', categoryCode: ESTATE, phone: '13900001111' });
      assert.equal(recorded.statusCode, 201, recorded.body);
      const detail = (await ctx.app.inject({ url: `/api/requests/${recorded.json().caseId}`, headers: operator })).json();
      assert.deepEqual([detail.request.townshipCode, detail.request.townshipName, detail.request.categoryName], [null, null, '小区管理']);
    });

    test('a township matter needs its township; a department’s matter and an uncategorised message do not', async () => {
      const refused = await record({ content: '小区物业不管楼道堆放杂物', requestType: '投诉', categoryCode: ESTATE });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.code, 'PLACE_REQUIRED');
      assert.match(refused.json().error.message, /乡镇（街道）/);
      const placed = await record({ content: '小区物业不管楼道堆放杂物', requestType: '投诉', categoryCode: ESTATE, townshipCode: township.code, phone: '13900001111' });
      assert.equal(placed.statusCode, 201, placed.body);
      assert.equal((await record({ content: '路灯不亮', requestType: '求助', categoryCode: STREET, phone: '0539-8123456' })).statusCode, 201);
      assert.equal((await submit({ content: '楼道堆放杂物', categoryCode: ESTATE })).json().error.code, 'PLACE_REQUIRED');
      assert.equal((await submit({ content: '楼道堆放杂物', townshipCode: '999999999' })).json().error.code, 'REGION_UNKNOWN');
    });

    test('the text suggests the place: a community, else a township, else nothing', async () => {
      const suggest = async (text: string) => (await ctx.app.inject({ method: 'POST', url: '/api/public/place-suggestion', payload: { text } })).json();
      const village = township.villages[0]!;
      const bareVillage = village.name.replace(/(社区居民委员会|村民委员会|居民委员会|居委会|村委会|社区|村)$/u, '');
      const byVillage = await suggest(`${bareVillage}门口的垃圾三天没人清运`);
      assert.equal(byVillage.villageCode, village.code);
      assert.equal(byVillage.townshipCode, township.code);
      const byTownship = await suggest(`我在${township.name}，道路坑洼`);
      assert.deepEqual([byTownship.townshipCode, byTownship.villageCode], [township.code, null]);
      assert.deepEqual(await suggest(QUESTION), { townshipCode: null, townshipName: null, villageCode: null, villageName: null });
    });

    test('a number finds its caller’s requests, for the center only, and at intake the caller is recognised', async () => {
      const search = async (q: string, who = operator) => (await ctx.app.inject({ url: `/api/requests?view=all&q=${encodeURIComponent(q)}`, headers: who })).json();
      assert.equal((await search('13900001111')).total, 2);
      assert.equal((await search('139 0000 1111')).total, 2, 'spaces as people type them');
      assert.equal((await search('05398123456')).total, 1, 'a landline with or without its dash');
      const housing = await ctx.as('housing');
      assert.equal((await search('13900001111', housing)).total, 0, 'a department does not search callers');

      const history = await ctx.app.inject({ method: 'POST', url: '/api/requests/caller-history', headers: operator, payload: { phone: '13900001111' } });
      assert.equal(history.statusCode, 200);
      const body = history.json();
      assert.equal(body.total, 2);
      assert.deepEqual(body.items.map((i: { title: string }) => i.title).sort(), [QUESTION.slice(0, 30), '小区物业不管楼道堆放杂物'].sort());
      assert.doesNotMatch(history.body, /13900001111/, 'the answer carries no number');
      assert.equal((await ctx.app.inject({ method: 'POST', url: '/api/requests/caller-history', headers: housing, payload: { phone: '13900001111' } })).statusCode, 403);
      const bad = await ctx.app.inject({ method: 'POST', url: '/api/requests/caller-history', headers: operator, payload: { phone: '12345' } });
      assert.deepEqual([bad.statusCode, bad.json().error.code], [400, 'PHONE_INVALID']);
      assert.equal((await ctx.app.inject({ method: 'POST', url: '/api/requests/caller-history', headers: operator, payload: { phone: '13700000000' } })).json().total, 0);
    });

    test('a category is found by its name and by the word citizens use for it', async () => {
      const search = async (q: string) => (await ctx.app.inject({ url: `/api/requests?view=all&q=${encodeURIComponent(q)}`, headers: operator })).json();
      assert.equal((await search('小区管理')).total, 2, 'the category by its name (the question filed under it, and the complaint)');
      const lamps = await search('路灯');
      assert.equal(lamps.total, 1);
      // The duty lists file 路灯 under 基础设施: a request there is found even when its text says 灯 only.
      assert.equal((await record({ content: '我家门口那盏灯坏了', requestType: '求助', categoryCode: STREET })).statusCode, 201);
      assert.equal((await search('路灯')).total, 2);
    });
  });
}
