import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';

const TOWNSHIP = '371302001';
const LEAF = '011003'; // 物业服务 → housing, rx12345.general: 5 working days
const at = (iso: string) => new Date(`${iso}+08:00`);

// A county small enough to compute by hand. Expected figures for March 2026:
//              response  on time  reply  resolution  satisfaction  return
//   housing      1/3       1/2     1/1      1/2          1/2         1/3
//   township     1/2       1/2     1/1      1/1          1/1         0/2
//   total        2/5       2/4     2/2      2/3          2/3         1/5
for (const backend of testBackends()) {
  describe(`metrics by hand on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend.url, at('2026-03-02T08:00:00'));
      const housing = ctx.org.departmentIds.get('housing')!;
      const town = ctx.org.townshipIds.get(TOWNSHIP)!;
      const townUser = await ensureTownUser(ctx, town);
      const step = async (when: string, user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) => {
        ctx.time.set(at(when));
        const res = await ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
        assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
      };
      const newRequest = async (when: string) => {
        ctx.time.set(at(when));
        const res = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: await ctx.as('operator'), payload: { content: '测试诉求', townshipCode: TOWNSHIP, requestType: '投诉', categoryCode: LEAF } });
        return res.json().caseId as string;
      };
      const r1 = await newRequest('2026-03-02T08:30:00');
      await step('2026-03-02T09:00:00', 'dispatcher', r1, 'dispatch', { unitId: housing });
      await step('2026-03-02T10:00:00', 'housing', r1, 'sign');
      await step('2026-03-02T11:00:00', 'housing', r1, 'contact', { note: '已联系' });
      await step('2026-03-04T10:00:00', 'housing', r1, 'reply', { reply: '已处理' });
      await step('2026-03-05T10:00:00', 'operator', r1, 'follow_up', { resolved: true, satisfaction: 'satisfied' });

      const r2 = await newRequest('2026-03-02T08:40:00');
      await step('2026-03-02T09:00:00', 'dispatcher', r2, 'dispatch', { unitId: housing });
      await step('2026-03-03T10:00:00', 'housing', r2, 'sign'); // after the 24-hour response limit
      await step('2026-03-03T11:00:00', 'housing', r2, 'contact', { note: '已联系' });
      await step('2026-03-12T10:00:00', 'housing', r2, 'reply', { reply: '已处理' }); // due end of 03-09
      await step('2026-03-13T10:00:00', 'operator', r2, 'follow_up', { resolved: false, satisfaction: 'dissatisfied' });

      const r3 = await newRequest('2026-03-02T08:50:00');
      await step('2026-03-02T09:00:00', 'dispatcher', r3, 'dispatch', { unitId: housing });
      await step('2026-03-02T12:00:00', 'housing', r3, 'return', { reason: '属地事项' });
      await step('2026-03-02T13:00:00', 'dispatcher', r3, 'redispatch', { unitId: town, reason: '属地' });
      await step('2026-03-02T14:00:00', townUser, r3, 'sign');
      await step('2026-03-02T15:00:00', townUser, r3, 'contact', { note: '已联系' });
      await step('2026-03-05T10:00:00', townUser, r3, 'reply', { reply: '已处理' });
      await step('2026-03-06T10:00:00', 'operator', r3, 'follow_up', { resolved: true, satisfaction: 'basically_satisfied' });

      const r4 = await newRequest('2026-03-16T08:00:00');
      await step('2026-03-16T09:00:00', 'dispatcher', r4, 'dispatch', { unitId: town }); // never signed
      ctx.time.set(at('2026-04-01T10:00:00'));
    });
    after(async () => ctx?.close());

    const fetchFigures = async () => {
      const res = await ctx.app.inject({ url: `/api/metrics?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers: await ctx.as('leader') });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const pairs = (figures: Record<string, { numerator: number; denominator: number }>) =>
      Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, `${f.numerator}/${f.denominator}`]));

    test('every figure matches the hand count, with numerator and denominator', async () => {
      const body = await fetchFigures();
      const housing = body.rows.find((r: { unitId: number }) => r.unitId === ctx.org.departmentIds.get('housing'));
      const town = body.rows.find((r: { unitId: number }) => r.unitId === ctx.org.townshipIds.get(TOWNSHIP));
      assert.deepEqual(pairs(housing.figures), { responseRate: '1/3', onTimeRate: '1/2', replyRate: '1/1', resolutionRate: '1/2', satisfactionRate: '1/2', returnRate: '1/3' });
      assert.deepEqual(pairs(town.figures), { responseRate: '1/2', onTimeRate: '1/2', replyRate: '1/1', resolutionRate: '1/1', satisfactionRate: '1/1', returnRate: '0/2' });
      assert.deepEqual(pairs(body.total.figures), { responseRate: '2/5', onTimeRate: '2/4', replyRate: '2/2', resolutionRate: '2/3', satisfactionRate: '2/3', returnRate: '1/5' });
      assert.equal(town.rank, 1);
      assert.equal(housing.rank, 2);
      assert.equal(body.rows.find((r: { unitId: number; rank: number | null }) => r.unitId !== housing.unitId && r.unitId !== town.unitId).rank, null);
    });

    test('the Excel export carries the same figures', async () => {
      const res = await ctx.app.inject({ url: `/api/metrics/export.xlsx?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers: await ctx.as('leader') });
      assert.equal(res.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const total = rows.find((r) => r[0] === '合计')!;
      assert.deepEqual(total.slice(2, 5), ['40.00%', 2, 5]);
      assert.deepEqual(total.slice(14, 17), ['66.67%', 2, 3]);
    });

    test('a unit cannot read figures outside its scope', async () => {
      const res = await ctx.app.inject({ url: `/api/metrics?unitId=${ctx.org.governmentId}&from=2026-03-01&to=2026-03-31`, headers: await ctx.as('housing') });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'UNIT_OUT_OF_SCOPE');
    });
  });
}

async function ensureTownUser(ctx: TestContext, townId: number): Promise<string> {
  const rows = await ctx.database.backend.query('select username from users where unit_id = $1', [townId], 'array');
  return (rows.rows[0] as [string])[0];
}
