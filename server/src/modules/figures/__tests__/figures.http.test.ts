import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { SYSTEM } from '../../../platform/actor.js';
import { recordApplication } from '../../reconsideration/index.js';

// GET /api/figures/:module counts a module's figures over the cases the caller may see: the
// 司法局 officer (xzfy.handler for the county government) the whole county, a township's
// respondent officer only the cases the township answers for.
for (const backend of testBackends()) {
  describe(`a module’s figures over HTTP on ${backend.name}`, () => {
    let ctx: TestContext;
    let townA: number;
    let townB: number;

    const makeStaff = (username: string, unitId: number, grants: Array<{ role: string; unitId: number }>) => ctx.makeStaff(username, unitId, grants);
    const figures = async (username: string | null, query: string, module = 'xzfy') =>
      ctx.app.inject({ url: `/api/figures/${module}${query}`, headers: username ? await ctx.as(username) : {} });
    const byKey = (body: { figures: Array<{ key: string }> }) => new Map(body.figures.map((f) => [f.key, f as Record<string, unknown>]));

    before(async () => {
      ctx = await createTestContext(backend.url);
      [townA, townB] = [...ctx.org.townshipIds.values()] as [number, number];
      await makeStaff('county-officer', ctx.org.governmentId, [{ role: 'xzfy.handler', unitId: ctx.org.governmentId }]);
      await makeStaff('town-a-officer', townA, [{ role: 'xzfy.respondent', unitId: townA }]);
      // Three applications against township A, one against township B, all received on 2 March 2026.
      const ids: string[] = [];
      for (const respondentUnitId of [townA, townA, townA, townB]) {
        const { caseId } = await ctx.database.transaction((tx) =>
          recordApplication(tx, {
            organUnitId: ctx.org.governmentId, channel: 'counter', applicantKind: 'citizen', applicantName: '张三',
            respondentUnitId, contestedAct: '行政处罚决定', claims: '撤销该处罚决定',
          }, SYSTEM, ctx.time.now()),
        );
        ids.push(caseId);
      }
      // Two of A's and B's one concluded; one of A's corrected. The figures read the module's own rows,
      // so the conclusions are written there as a decision's effect would.
      const conclude = (caseId: string, key: string) =>
        ctx.database.backend.query(`update xzfy_cases set decision_key = $2, concluded_on = '2026-03-02' where case_id = $1`, [caseId, key], 'object');
      await conclude(ids[0]!, 'revoke');
      await conclude(ids[1]!, 'uphold');
      await conclude(ids[3]!, 'revoke');
    });
    after(async () => ctx?.close());

    test('the county’s officer reads every case of the county, each figure with numerator and denominator', async () => {
      const res = await figures('county-officer', '?from=2026-01-01&to=2026-03-31');
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.module, 'xzfy');
      assert.equal(body.moduleLabel, '行政复议');
      assert.deepEqual(body.period, { from: '2026-01-01', to: '2026-03-31' });
      const f = byKey(body);
      assert.equal(f.get('received')!.numerator, 4);
      assert.equal(f.get('concluded')!.numerator, 3);
      assert.deepEqual([f.get('correctionRate')!.numerator, f.get('correctionRate')!.denominator, f.get('correctionRate')!.display], [2, 3, '67%']);
      const byRespondent = body.breakdowns.find((b: { key: string }) => b.key === 'byRespondent');
      assert.equal(byRespondent.rows.length, 2);
    });

    test('a township’s officer reads only the cases the township answers for', async () => {
      const res = await figures('town-a-officer', '?from=2026-01-01&to=2026-03-31');
      assert.equal(res.statusCode, 200, res.body);
      const f = byKey(res.json());
      assert.equal(f.get('received')!.numerator, 3, 'not the county’s four');
      assert.deepEqual([f.get('correctionRate')!.numerator, f.get('correctionRate')!.denominator], [1, 2]);
      assert.deepEqual(res.json().breakdowns.find((b: { key: string }) => b.key === 'byRespondent').rows.length, 1);
    });

    test('the period: by default this year to today; outside it nothing counts', async () => {
      const thisYear = await figures('county-officer', '');
      assert.equal(thisYear.statusCode, 200, thisYear.body);
      assert.deepEqual(thisYear.json().period, { from: '2026-01-01', to: '2026-03-02' });
      assert.equal(byKey(thisYear.json()).get('received')!.numerator, 4);
      const lastYear = byKey((await figures('county-officer', '?from=2025-01-01&to=2025-12-31')).json());
      assert.equal(lastYear.get('received')!.numerator, 0);
      assert.deepEqual([lastYear.get('correctionRate')!.value, lastYear.get('correctionRate')!.display], [null, '—']);
    });

    test('refusals: signed out, no role in the module, an unknown module, a bad period', async () => {
      assert.equal((await figures(null, '')).statusCode, 401);
      const hotline = await figures('dispatcher', '');
      assert.equal(hotline.statusCode, 403, 'a hotline role reads no reconsideration figures');
      assert.equal(hotline.json().error.code, 'FORBIDDEN');
      assert.equal((await figures('town-a-officer', '', 'xzss')).statusCode, 403);
      for (const module of ['nothing', 'hotline']) {
        const unknown = await figures('admin', '', module);
        assert.equal(unknown.statusCode, 404, module);
        assert.equal(unknown.json().error.code, 'FIGURES_MODULE_UNKNOWN');
      }
      for (const query of ['?from=2026-02-30', '?from=2026-03-02&to=2026-03-01', '?from=2026-04-01']) {
        const bad = await figures('county-officer', query);
        assert.equal(bad.statusCode, 400, query);
        assert.equal(bad.json().error.code, 'FIGURES_PERIOD_INVALID', query);
      }
      for (const query of ['?from=yesterday', '?other=1']) {
        const bad = await figures('county-officer', query);
        assert.equal(bad.statusCode, 400, query);
        assert.equal(bad.json().error.code, 'VALIDATION_FAILED', query);
      }
      const admin = await figures('admin', '?from=2026-01-01&to=2026-03-31');
      assert.equal(admin.statusCode, 200, 'an administrator reads within their scope');
      assert.equal(byKey(admin.json()).get('received')!.numerator, 4);
    });
  });
}
