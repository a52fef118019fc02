import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { demoEntries, publishDemoEntries } from './demo-entries.js';

// The knowledge base searched as operators search it on a call: a few words, or the caller's
// whole sentence, over the demo county's published entries. Each query names the entry that
// answers it; it must come first.
const T0 = new Date('2026-03-02T09:00:00+08:00');

const ANSWERS: Array<[query: string, expectedQuestionStart: string]> = [
  ['灵活就业 养老保险 缴费基数', '灵活就业人员怎样参加职工基本养老保险'],
  ['我没有单位，是打零工的，想自己交养老保险，缴费档次怎么选', '灵活就业人员怎样参加职工基本养老保险'],
  ['公司干了半年了一直不跟我签劳动合同，能要双倍工资吗', '单位一直不和我签书面劳动合同'],
  ['我老家参的医保，现在在外地住院，能直接报销吗', '去外地看病，医保怎么办理异地就医备案'],
  ['身份证丢了去哪里补办', '身份证丢了怎么补办'],
  ['在网上买了件衣服不想要了，商家不给退货', '网上买的东西不想要了，能七天无理由退货吗'],
  ['晚上十一点了旁边工地还在施工，吵得睡不着', '附近工地夜里施工太吵，能管吗'],
  ['老板欠了我三个月工资不发，去哪里告他', '被拖欠工资去哪里投诉'],
  ['专项附加扣除 赡养老人', '个人所得税专项附加扣除有哪些'],
  ['住房公积金能不能取出来付房租', '哪些情况可以提取住房公积金'],
];

for (const backend of testBackends()) {
  describe(`知识库 search on ${backend.name}`, () => {
    let ctx: TestContext;
    let ids: Map<string, string>;
    const search = async (user: string, q: string) =>
      ctx.app.inject({ method: 'GET', url: `/api/kb/entries?q=${encodeURIComponent(q)}&pageSize=5`, headers: await ctx.as(user) });

    before(async () => {
      ctx = await createTestContext(backend.url, T0);
      await ctx.makeStaff('kb-admin', ctx.org.centerId, [{ role: 'kb.publisher', unitId: ctx.org.governmentId }, { role: 'kb.editor', unitId: ctx.org.centerId }]);
      ids = await publishDemoEntries(ctx, 'kb-admin', '2026-03-02');
    });
    after(async () => ctx?.close());

    for (const [query, expected] of ANSWERS) {
      test(`“${query}” finds “${expected}…” first`, async () => {
        const res = await search('operator', query);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json() as { items: Array<{ question: string; usable: boolean; matched: string[] }>; terms: string[] };
        assert.ok(body.items.length > 0, `nothing for ${query} (terms ${body.terms.join('/')})`);
        assert.ok(body.items[0]!.question.startsWith(expected), `first: ${body.items.map((i) => i.question).join(' | ')}`);
        assert.equal(body.items[0]!.usable, true);
        assert.ok(body.items[0]!.matched.length > 0);
      });
    }

    test('the ranking is the same however often the query repeats a word, and words no entry has find nothing', async () => {
      const once = (await search('operator', '身份证 补办')).json().items.map((i: { entryId: string }) => i.entryId);
      const twice = (await search('operator', '身份证 身份证 补办 补办')).json().items.map((i: { entryId: string }) => i.entryId);
      assert.deepEqual(twice, once);
      const none = (await search('operator', '量子纠缠')).json();
      assert.deepEqual(none.items, []);
      // A stray shared word (无 of 无理由, 提前) brings no unrelated entry along.
      const returns = (await search('operator', '网购 七天无理由退货')).json().items.map((i: { question: string }) => i.question);
      assert.ok(returns[0].startsWith('网上买的东西不想要了'));
      assert.ok(!returns.some((q: string) => /结婚|法律援助|低保/.test(q)), returns.join(' | '));
      const stopwordsOnly = (await search('operator', '请问怎么办呢？')).json();
      assert.deepEqual([stopwordsOnly.items, stopwordsOnly.terms], [[], []]);
    });

    test('without a query every readable entry is listed, paged', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/kb/entries?pageSize=10&page=2', headers: await ctx.as('operator') });
      const body = res.json();
      assert.equal(body.total, demoEntries().length);
      assert.equal(body.items.length, 10);
      assert.equal(ids.size, demoEntries().length);
    });
  });
}
