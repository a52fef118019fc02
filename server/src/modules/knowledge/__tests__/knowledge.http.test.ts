import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { sweepClocks, verifyAudit } from '../../cases/index.js';

// The knowledge base as a county runs it: the 人社局's editor writes an entry, the 12345
// center's knowledge administrator publishes it, an operator answers a caller from it with the
// entry recorded on the request, its review day passes and it leaves service into its owner's
// to-do until confirmed, and a good reply grows into a new draft. Another department and the
// operators see and do exactly what the rules give them, through every route.
const T0 = new Date('2026-03-02T09:00:00+08:00'); // a Monday
const TOWNSHIP = '371302001';
const entry = {
  question: '灵活就业人员怎样参加职工基本养老保险？',
  answer: '可以以个人身份参加职工基本养老保险，到社会保险经办机构办理参保登记；缴费基数在当地公布的上下限之间自行选择。',
  legalBasis: '《中华人民共和国社会保险法》第十条、第十二条',
  keywords: '灵活就业，个体户、缴费基数',
  categoryCode: '1502',
  reviewOn: '2026-03-11',
};

for (const backend of testBackends()) {
  describe(`知识库 over HTTP on ${backend.name}`, () => {
    let ctx: TestContext;
    let hrss: number;
    let market: number;
    let entryId: string;

    const call = async (method: 'GET' | 'POST', url: string, user: string, payload?: unknown) =>
      ctx.app.inject({ method, url, headers: await ctx.as(user), ...(payload !== undefined ? { payload: payload as object } : {}) });
    const act = (user: string, caseId: string, action: string, input: Record<string, unknown> = {}) => call('POST', `/api/cases/${caseId}/actions/${action}`, user, input);
    const code = (res: { json(): unknown }) => (res.json() as { error?: { code: string } }).error?.code;
    const count = async (sql: string, params: unknown[] = []) => ((await ctx.database.backend.query(sql, params, 'array')).rows[0] as [number])[0];
    const search = async (user: string, q: string) => (await call('GET', `/api/kb/entries?q=${encodeURIComponent(q)}`, user)).json() as { items: Array<Record<string, any>> };
    const record = async (content: string) => {
      const res = await call('POST', '/api/requests', 'operator', { content, townshipCode: TOWNSHIP, requestType: '咨询', channel: 'phone' });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().caseId as string;
    };
    const answer = (user: string, caseId: string, input: Record<string, unknown>) => call('POST', `/api/requests/${caseId}/actions/answer_directly`, user, input);
    const todo = async (user: string) => ((await call('GET', '/api/cases/todo?caseType=kb_entry', user)).json() as { items: Array<{ caseId: string; clock: { name: string; status: string } }> }).items;

    before(async () => {
      ctx = await createTestContext(backend.url, T0);
      hrss = ctx.org.departmentIds.get('hrss')!;
      market = ctx.org.departmentIds.get('market')!;
      await ctx.makeStaff('kb-admin', ctx.org.centerId, [{ role: 'kb.publisher', unitId: ctx.org.governmentId }, { role: 'kb.editor', unitId: ctx.org.centerId }]);
      await ctx.makeStaff('hrss-editor', hrss, [{ role: 'kb.editor', unitId: hrss }]);
      await ctx.makeStaff('market-editor', market, [{ role: 'kb.editor', unitId: market }]);
    });
    after(async () => ctx?.close());

    test('the owner writes and submits, the center publishes; until then operators see nothing of it', async () => {
      const refused = await call('POST', '/api/kb/entries', 'market-editor', { ...entry, ownerUnitId: hrss });
      assert.deepEqual([refused.statusCode, code(refused)], [403, 'KB_OWNER_NOT_HELD']);
      const byOperator = await call('POST', '/api/kb/entries', 'operator', entry);
      assert.deepEqual([byOperator.statusCode, code(byOperator)], [403, 'KB_NOT_EDITOR']);
      const pastReview = await call('POST', '/api/kb/entries', 'hrss-editor', { ...entry, reviewOn: '2026-03-01' });
      assert.equal(code(pastReview), 'KB_REVIEW_DATE_PAST');
      const backwards = await call('POST', '/api/kb/entries', 'hrss-editor', { ...entry, validFrom: '2026-04-01', validUntil: '2026-03-31' });
      assert.equal(code(backwards), 'KB_VALIDITY_INVALID');
      const badCategory = await call('POST', '/api/kb/entries', 'hrss-editor', { ...entry, categoryCode: '9999' });
      assert.equal(code(badCategory), 'KB_CATEGORY_UNKNOWN');
      assert.equal(await count('select count(*)::int from kb_entries'), 0, 'nothing refused was written');

      const created = await call('POST', '/api/kb/entries', 'hrss-editor', entry);
      assert.equal(created.statusCode, 201, created.body);
      entryId = created.json().entryId;
      const own = (await call('GET', `/api/kb/entries/${entryId}`, 'hrss-editor')).json();
      assert.deepEqual([own.state, own.ownerUnitId, own.keywords, own.usable, own.unavailable, own.maintainable], ['draft', hrss, ['灵活就业', '个体户', '缴费基数'], false, 'draft', true]);

      // A draft is its owner's alone: not the operator's, not another department's.
      assert.equal((await call('GET', `/api/kb/entries/${entryId}`, 'operator')).statusCode, 404);
      assert.equal((await call('GET', `/api/kb/entries/${entryId}`, 'market-editor')).statusCode, 404);
      assert.deepEqual((await search('operator', '灵活就业')).items, []);
      assert.equal((await search('hrss-editor', '灵活就业')).items[0]?.entryId, entryId);
      assert.equal((await act('market-editor', entryId, 'submit')).statusCode, 404);
      assert.equal((await call('GET', `/api/cases/${entryId}`, 'market-editor')).statusCode, 404);

      assert.equal((await act('hrss-editor', entryId, 'submit')).statusCode, 200);
      // The owner may not publish their own entry; it waits in the publisher's to-do.
      assert.equal((await act('hrss-editor', entryId, 'publish')).statusCode, 403);
      assert.deepEqual((await todo('kb-admin')).map((i) => [i.caseId, i.clock.name]), [[entryId, 'publication']]);
      ctx.time.advance(2 * 3600_000);
      assert.equal((await act('kb-admin', entryId, 'publish')).statusCode, 200);
      assert.deepEqual(await todo('kb-admin'), []);
      assert.deepEqual(await todo('hrss-editor'), [], 'a review day nine days ahead is not yet the owner’s work');

      const found = (await search('operator', '灵活就业 养老保险 缴费基数')).items;
      assert.deepEqual([found[0]?.entryId, found[0]?.usable, found[0]?.maintainable], [entryId, true, false]);
      // A department's hotline handlers read only their own department's published entries.
      assert.deepEqual((await search('housing', '灵活就业')).items, []);
      const menu = (await call('GET', '/api/auth/me', 'hrss-editor')).json().modules.map((m: { name: string }) => m.name);
      assert.ok(menu.includes('kb'));
    });

    test('an operator answers a caller from the entry; the request records it, and an unusable entry is refused', async () => {
      const caseId = await record('我是打零工的，想自己交养老保险，电话13900001111，缴费基数怎么选？');
      const unknown = await answer('operator', caseId, { reply: '答复', knowledgeEntryId: '00000000-0000-4000-8000-000000000000' });
      assert.deepEqual([unknown.statusCode, code(unknown)], [404, 'KB_ENTRY_NOT_FOUND']);

      const given = await answer('operator', caseId, { reply: entry.answer, knowledgeEntryId: entryId });
      assert.equal(given.statusCode, 200, given.body);
      const detail = (await call('GET', `/api/requests/${caseId}`, 'operator')).json();
      assert.equal(detail.state, 'replied');
      assert.deepEqual(detail.request.knowledgeEntry, { caseId: entryId, question: entry.question, revision: 1 });
      assert.match(detail.timeline.at(-1).text, /依据知识库：灵活就业人员/);
      const [event] = (await ctx.database.backend.query(`select payload from case_events where case_id = $1 and type = 'answer_directly'`, [caseId], 'array')).rows as Array<[{ input: Record<string, unknown>; facts: Record<string, any> }]>;
      assert.equal(event![0].input.knowledgeEntryId, entryId);
      assert.equal(event![0].facts.knowledgeEntry.revision, 1);
      assert.equal((await call('GET', `/api/kb/entries/${entryId}`, 'kb-admin')).json().uses, 1);

      // A draft of the center's own, seen by a dispatcher who also edits for the center: known, but not published.
      await ctx.app.inject({ method: 'PUT', url: `/api/admin/users/${await userId('dispatcher')}/grants`, headers: await ctx.as('admin'), payload: { grants: [{ role: 'kb.editor', unitId: ctx.org.centerId }] } });
      const draft = (await call('POST', '/api/kb/entries', 'kb-admin', { ...entry, question: '12345热线受理哪些事项？', categoryCode: undefined })).json().entryId as string;
      const second = await record('12345都管什么事？');
      const unpublished = await answer('dispatcher', second, { reply: '答复', knowledgeEntryId: draft });
      assert.deepEqual([unpublished.statusCode, code(unpublished)], [409, 'KB_ENTRY_NOT_PUBLISHED']);
      const hidden = await answer('operator', second, { reply: '答复', knowledgeEntryId: draft });
      assert.equal(code(hidden), 'KB_ENTRY_NOT_FOUND', 'an operator learns nothing of a draft');
      const stillOpen = (await call('GET', `/api/requests/${second}`, 'operator')).json();
      assert.deepEqual([stillOpen.state, stillOpen.request.reply], ['received', null], 'a refused answer changes nothing');
      assert.equal(await count('select count(*)::int from kb_citations'), 1);
    });

    test('the review day passes: the entry leaves service, waits in its owner’s to-do, and comes back when confirmed', async () => {
      // Nine tenths of the time to the review day used (published 03-02 11:00, due at the end of 03-11): the owner sees it coming.
      ctx.time.set(new Date('2026-03-10T12:00:00+08:00'));
      await sweepClocks(ctx.database, ctx.time.now());
      assert.deepEqual(await todo('hrss-editor'), []);
      ctx.time.set(new Date('2026-03-11T09:00:00+08:00'));
      await sweepClocks(ctx.database, ctx.time.now());
      assert.deepEqual((await todo('hrss-editor')).map((i) => [i.caseId, i.clock.name, i.clock.status]), [[entryId, 'review', 'yellow']]);
      assert.equal((await search('operator', '灵活就业')).items[0]?.usable, true, 'still in force on its review day');

      // The day after the review day: refused at once by its dates, before any sweep.
      ctx.time.set(new Date('2026-03-12T08:00:00+08:00'));
      const caseId = await record('灵活就业人员怎么交养老保险？');
      const late = await answer('operator', caseId, { reply: entry.answer, knowledgeEntryId: entryId });
      assert.deepEqual([late.statusCode, code(late)], [409, 'KB_ENTRY_EXPIRED']);
      await sweepClocks(ctx.database, ctx.time.now());
      const greyed = (await search('operator', '灵活就业')).items[0]!;
      assert.deepEqual([greyed.entryId, greyed.state, greyed.usable, greyed.unavailable, greyed.unavailableLabel], [entryId, 'expired', false, 'review_overdue', '已过复核日期，待所属单位复核']);
      assert.deepEqual((await todo('hrss-editor')).map((i) => [i.caseId, i.clock.status]), [[entryId, 'red']]);
      const events = (await ctx.database.backend.query(`select type from case_events where case_id = $1 order by seq`, [entryId], 'array')).rows.map((r) => (r as [string])[0]);
      assert.deepEqual(events.slice(-3), ['kb_review_soon', 'kb_review_due', 'expire']);

      // Confirmed by its owner with a new review day: in service again, out of the to-do.
      const stale = await act('hrss-editor', entryId, 'renew', { reviewOn: '2026-03-11' });
      assert.equal(code(stale), 'KB_REVIEW_DATE_PAST');
      assert.equal((await act('market-editor', entryId, 'renew', { reviewOn: '2027-03-12' })).statusCode, 404);
      assert.equal((await act('hrss-editor', entryId, 'renew', { reviewOn: '2027-03-12' })).statusCode, 200);
      assert.deepEqual(await todo('hrss-editor'), []);
      assert.equal((await answer('operator', caseId, { reply: entry.answer, knowledgeEntryId: entryId })).statusCode, 200);
    });

    test('a revision leaves service until published again, and the search follows the new text', async () => {
      const detail = (await call('GET', `/api/cases/${entryId}`, 'hrss-editor')).json();
      const revise = detail.actions.find((a: { action: string }) => a.action === 'revise');
      assert.equal(revise.input.properties.question.default, entry.question, 'the form starts from the text');
      assert.equal(revise.input.properties.categoryCode['x-labels']['1502'], '劳动和社会保障 / 城镇职工社会保险');
      const revised = await act('hrss-editor', entryId, 'revise', {
        question: '灵活就业人员怎样参加职工基本养老保险？可以按月缴费吗？', answer: `${entry.answer}可以按月、按季或者按年缴费。`, legalBasis: entry.legalBasis,
        keywords: '灵活就业 按月缴费', categoryCode: '1502', validFrom: '2026-03-02', reviewOn: '2027-03-12',
      });
      assert.equal(revised.statusCode, 200, revised.body);
      assert.deepEqual((await search('operator', '按月缴费')).items, [], 'out of service while revised');
      const own = (await search('hrss-editor', '按月缴费')).items[0]!;
      assert.deepEqual([own.entryId, own.revision, own.state], [entryId, 2, 'draft']);
      await act('hrss-editor', entryId, 'submit');
      await act('kb-admin', entryId, 'publish');
      assert.equal((await search('operator', '按月缴费')).items[0]?.entryId, entryId);
    });

    test('a good reply grows into a draft with its source; an unanswered or badly rated one does not', async () => {
      // The dispatcher also keeps the center's entries (granted above): they see the center's requests.
      const caseId = await record('居民医保在哪里交？我的手机号13612345678');
      assert.equal(code(await call('GET', `/api/kb/drafts/from-request/${caseId}`, 'dispatcher')), 'KB_SOURCE_NOT_ELIGIBLE');
      await answer('operator', caseId, { reply: '可以通过税务部门的线上缴费渠道缴纳，具体时间以公布为准。' });
      const draft = await call('GET', `/api/kb/drafts/from-request/${caseId}`, 'dispatcher');
      assert.equal(draft.statusCode, 200, draft.body);
      const pre = draft.json();
      assert.ok(pre.question.startsWith('居民医保在哪里交') && !pre.question.includes('13612345678'), pre.question);
      assert.deepEqual([pre.answer, pre.sourceCaseId, pre.ownerUnitId], ['可以通过税务部门的线上缴费渠道缴纳，具体时间以公布为准。', caseId, ctx.org.centerId]);
      assert.equal(code(await call('GET', `/api/kb/drafts/from-request/${caseId}`, 'market-editor')), 'KB_SOURCE_NOT_FOUND', 'a unit that never saw the request');
      assert.equal(code(await call('GET', `/api/kb/drafts/from-request/${caseId}`, 'kb-admin')), 'KB_SOURCE_NOT_FOUND', 'publishing entries is not reading requests');
      assert.equal(code(await call('GET', `/api/kb/drafts/from-request/${caseId}`, 'operator')), 'KB_NOT_EDITOR');

      const made = await call('POST', '/api/kb/entries', 'dispatcher', { question: '城乡居民医保在哪里缴费？', answer: pre.answer, legalBasis: '《中华人民共和国社会保险法》第二十五条', reviewOn: '2026-09-01', sourceCaseId: caseId });
      assert.equal(made.statusCode, 201, made.body);
      const grown = (await call('GET', `/api/kb/entries/${made.json().entryId}`, 'dispatcher')).json();
      assert.deepEqual([grown.sourceCaseId, grown.ownerUnitId, grown.state], [caseId, ctx.org.centerId, 'draft']);

      // Rated 不满意 on follow-up: the reply is being put right, not a model answer.
      const rated = await record('低保怎么申请？');
      await answer('operator', rated, { reply: '请到民政局咨询。' });
      assert.equal((await call('POST', `/api/requests/${rated}/actions/follow_up`, 'operator', { resolved: false, satisfaction: 'dissatisfied' })).statusCode, 200);
      const refused = await call('POST', '/api/kb/entries', 'dispatcher', { ...entry, reviewOn: '2027-03-12', sourceCaseId: rated, categoryCode: undefined });
      assert.deepEqual([refused.statusCode, code(refused)], [409, 'KB_SOURCE_NOT_ELIGIBLE']);
    });

    test('withdrawn entries are gone for readers; the record verifies, and a text changed behind its back is named', async () => {
      assert.equal((await act('hrss-editor', entryId, 'withdraw', { reason: '政策调整' })).statusCode, 200);
      assert.deepEqual((await search('operator', '灵活就业')).items, []);
      assert.equal((await search('hrss-editor', '灵活就业')).items[0]?.unavailable, 'withdrawn');
      assert.deepEqual((await verifyAudit(ctx.database, { witnessFile: null })).findings, []);
      await ctx.database.backend.query(`update kb_entries set answer = '可以不交。' where case_id = $1`, [entryId], 'object');
      const findings = (await verifyAudit(ctx.database, { witnessFile: null })).findings;
      assert.deepEqual(findings.map((f) => [f.caseId, f.reason]), [[entryId, 'projection_mismatch']]);
    });

    async function userId(username: string): Promise<number> {
      return ((await ctx.database.backend.query('select id from users where username = $1', [username], 'array')).rows[0] as [number])[0];
    }
  });
}
