import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { loadPenaltyCases } from '../../demo/city/penalty-load.js';
import type { OversightView } from '../../../../../contracts/enforcement.js';

// The 执法监督 overview through its route, over a few hundred generated cases: one page of the
// irregular cases at a time with the total, narrowed by subject and kind, and refusals of bad
// parameters that never reach the database.

for (const backend of testBackends()) {
  describe(`执法监督 overview paging on ${backend.name}`, () => {
    let ctx: TestContext;
    let h: Record<string, Record<string, string>>;
    const get = async (who: string, query = '') => ctx.app.inject({ method: 'GET', url: `/api/xzzf/oversight${query}`, headers: h[who] });
    const view = async (query = '') => {
      const res = await get('sfj-overseer', query);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as OversightView;
    };

    before(async () => {
      ctx = await createTestContext(backend.url);
      const justice = ctx.org.departmentIds.get('justice')!;
      const market = ctx.org.departmentIds.get('market')!;
      await ctx.makeStaff('sfj-overseer', justice, [{ role: 'xzzf.supervisor', unitId: ctx.org.governmentId }]);
      await ctx.makeStaff('market-officer', market, [{ role: 'xzzf.officer', unitId: market }]);
      const now = ctx.time.now().getTime();
      await loadPenaltyCases(ctx.database, { cases: 600, from: new Date(now - 365 * 86_400_000).toISOString().slice(0, 10), now, seed: 3 });
      h = { 'sfj-overseer': await ctx.as('sfj-overseer'), 'market-officer': await ctx.as('market-officer') };
    });
    after(async () => ctx?.close());

    test('the list comes a page at a time, in one order, with the total and the count of each kind', async () => {
      const all = await view('?limit=200');
      assert.ok(all.irregularityTotal > 10, `irregular cases: ${all.irregularityTotal}`);
      assert.equal(all.irregularityTotal, Object.values(all.irregularityCounts).reduce((a, b) => a + b, 0));
      const first = await view();
      assert.deepEqual([first.limit, first.offset, first.irregularities.length], [20, 0, Math.min(20, all.irregularityTotal)]);
      const page = await view('?limit=5&offset=5');
      assert.equal(page.irregularityTotal, all.irregularityTotal);
      assert.deepEqual(page.irregularities, all.irregularities.slice(5, 10));
      const beyond = await view(`?offset=${all.irregularityTotal + 10}`);
      assert.deepEqual([beyond.irregularities.length, beyond.irregularityTotal], [0, all.irregularityTotal]);
      assert.ok(first.subjects.length > 1 && first.subjects.every((s) => s.officers > 0));
    });

    test('filters by subject and by kind narrow the list and its total', async () => {
      const all = await view('?limit=200');
      const { subjectId, kind } = all.irregularities[0]!;
      const bySubject = await view(`?subjectId=${subjectId}&limit=200`);
      assert.ok(bySubject.irregularities.length > 0 && bySubject.irregularities.every((i) => i.subjectId === subjectId));
      assert.equal(bySubject.irregularityTotal, bySubject.irregularities.length);
      const byKind = await view(`?kind=${kind}&limit=200`);
      assert.ok(byKind.irregularities.every((i) => i.kind === kind));
      assert.equal(byKind.irregularityTotal, all.irregularityCounts[kind]);
      const both = await view(`?subjectId=${subjectId}&kind=${kind}`);
      assert.equal(both.irregularityTotal, bySubject.irregularities.filter((i) => i.kind === kind).length);
      // The subjects' table stays whole whatever the filters.
      assert.equal(both.subjects.length, all.subjects.length);
    });

    test('bad parameters are refused with a stable code, never a server error', async () => {
      for (const query of ['?limit=0', '?limit=201', '?limit=abc', '?limit=1.5', '?offset=-1', '?offset=99999999999', '?kind=late', '?subjectId=0', '?subjectId=x', '?page=2']) {
        const res = await get('sfj-overseer', query);
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED', query);
      }
      const elsewhere = await get('sfj-overseer', '?subjectId=999999');
      assert.deepEqual([elsewhere.statusCode, elsewhere.json().error.code], [404, 'XZZF_SUBJECT_NOT_FOUND']);
      const officer = await get('market-officer', '?limit=5');
      assert.deepEqual([officer.statusCode, officer.json().error.code], [403, 'XZZF_NOT_SUPERVISOR']);
    });
  });
}
