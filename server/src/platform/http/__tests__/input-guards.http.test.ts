import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';

const TOWNSHIP = '371302001';

// PostgreSQL refuses U+0000 in text and jsonb; before the guard it surfaced as 500 INTERNAL.
for (const backend of testBackends()) {
  describe(`U+0000 in any input is refused as bad input (${backend.name})`, () => {
    let ctx: TestContext;
    before(async () => (ctx = await createTestContext(backend.url)));
    after(async () => ctx?.close());

    const count = async (table: string) => ((await ctx.database.backend.query(`select count(*)::int from ${table}`, [], 'array')).rows[0] as [number])[0];
    const refusedNaming = (res: { statusCode: number; json(): any }, field: string, problem = /空字符/) => {
      assert.equal(res.statusCode, 400, JSON.stringify(res.json()));
      const { error } = res.json();
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.match(error.message, /[\u4e00-\u9fa5]/);
      assert.equal(error.details[0].field, field);
      assert.match(error.details[0].message, problem);
    };

    test('in a JSON body, at the top, nested, in an array and in a key', async () => {
      const submit = (payload: Record<string, unknown>) =>
        ctx.app.inject({ method: 'POST', url: '/api/public/requests', payload: { content: '小区电梯坏了一周', townshipCode: TOWNSHIP, ...payload } });
      refusedNaming(await submit({ content: '电梯\u0000坏了' }), 'content');
      refusedNaming(await submit({ photo: { mimeType: 'image/png\u0000', dataBase64: 'AAAA' } }), 'photo.mimeType');
      const admin = await ctx.as('admin');
      refusedNaming(await ctx.app.inject({ method: 'PUT', url: '/api/stats/public-settings', headers: admin, payload: { published: true, figures: ['a', 'b\u0000'], showVolume: true, showCategories: true, showTrend: true } }), 'figures.1');
      assert.equal(await count('hotline_requests'), 0);
      assert.equal(await count('public_statistics_settings'), 0);
    });

    test('in the body of an action, whose input the case engine validates', async () => {
      const created = await ctx.app.inject({ method: 'POST', url: '/api/public/requests', payload: { content: '路灯不亮', townshipCode: TOWNSHIP } });
      assert.equal(created.statusCode, 201);
      const [caseId] = (await ctx.database.backend.query('select case_id from hotline_requests', [], 'array')).rows[0] as [string];
      const events = await count('case_events');
      const operator = await ctx.as('operator');
      const act = (payload: Record<string, unknown>) =>
        ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/answer_directly`, headers: operator, payload });
      refusedNaming(await act({ reply: '已答复\u0000' }), 'reply');
      refusedNaming(await act({ ['re\u0000ply']: '已答复' }), 're\\u0000ply');
      assert.equal(await count('case_events'), events);
    });

    // JSON can escape half a surrogate pair; jsonb refused it, a text column would keep U+FFFD.
    test('half a surrogate pair in a JSON body, as a value or a key', async () => {
      const requests = await count('hotline_requests');
      const send = (payload: string) =>
        ctx.app.inject({ method: 'POST', url: '/api/public/requests', headers: { 'content-type': 'application/json' }, payload });
      refusedNaming(await send(`{"content":"电梯坏了\\udfff","townshipCode":"${TOWNSHIP}"}`), 'content', /代理项/);
      const action = await ctx.app.inject({
        method: 'POST', url: '/api/requests/00000000-0000-4000-8000-000000000000/actions/contact',
        headers: { ...(await ctx.as('housing')), 'content-type': 'application/json' }, payload: '{"note":{"\\ud800":"已联系"}}',
      });
      refusedNaming(action, 'note.\uFFFD', /代理项/);
      assert.equal(await count('hotline_requests'), requests);
    });

    test('in the query string and in path parameters', async () => {
      const dispatcher = await ctx.as('dispatcher');
      refusedNaming(await ctx.app.inject({ url: '/api/requests?view=all&q=%E7%94%B5%00%E6%A2%AF', headers: dispatcher }), 'q');
      refusedNaming(await ctx.app.inject({ url: '/api/public/requests/AB%00CD' }), 'code');
    });
  });
}

// Ajv coerces "1e999" to Infinity, calls it an integer and skips minimum and maximum for it;
// JSON.parse reads 1e999 as Infinity. A rule saved with it read back as a threshold of null.
for (const backend of testBackends()) {
  describe(`a number that is not finite is refused as bad input (${backend.name})`, () => {
    let ctx: TestContext;
    before(async () => (ctx = await createTestContext(backend.url)));
    after(async () => ctx?.close());

    const refused = (res: { statusCode: number; json(): any }, field: string) => {
      assert.equal(res.statusCode, 400, JSON.stringify(res.json()));
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(res.json().error.details, [{ field, message: '数值超出允许范围' }]);
    };

    test('in the query string and in a JSON body, as a number or as a string coerced to one', async () => {
      const leader = await ctx.as('leader');
      refused(await ctx.app.inject({ url: '/api/stats/cases?kind=open&page=1e999', headers: leader }), 'page');
      refused(await ctx.app.inject({ url: '/api/stats/reports/annual.docx?year=-1e999', headers: leader }), 'year');
      const admin = await ctx.as('admin');
      const rules = (threshold: string) => `{"rules":[{"categoryCode":"011003","threshold":${threshold}}]}`;
      for (const threshold of ['"1e999"', '1e999']) {
        const res = await ctx.app.inject({ method: 'PUT', url: '/api/routing/auto-dispatch', headers: { ...admin, 'content-type': 'application/json' }, payload: rules(threshold) });
        assert.equal(res.statusCode, 400, res.body);
      }
      refused(await ctx.app.inject({ method: 'PUT', url: '/api/routing/auto-dispatch', headers: { ...admin, 'content-type': 'application/json' }, payload: rules('"1e999"') }), 'rules.0.threshold');
      const saved = (await ctx.database.backend.query('select count(*)::int from routing_auto_dispatch_rules', [], 'array')).rows[0] as [number];
      assert.equal(saved[0], 0);
    });
  });
}
