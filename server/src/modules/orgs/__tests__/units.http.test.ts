import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';

// The unit pickers: a person sees the units of their scope, and in one module's forms also the
// units that module's roles were granted for — nothing of another module's grants.
for (const backend of testBackends()) {
  describe(`/api/units on ${backend.name}`, () => {
    let ctx: TestContext;
    let justice: number;
    before(async () => {
      ctx = await createTestContext(backend.url);
      justice = ctx.org.departmentIds.get('justice')!;
      await ctx.makeStaff('units-officer', justice, [{ role: 'xzfy.handler', unitId: ctx.org.governmentId }]);
    });
    after(async () => ctx?.close());

    const unitsOf = async (query: string) => {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/units${query}`, headers: await ctx.as('units-officer') });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().units as Array<{ id: number; kind: string }>);
    };

    test('without a module: the officer’s own department only', async () => {
      assert.deepEqual((await unitsOf('')).map((u) => u.id), [justice]);
    });

    test('in the module they hold a role of: every unit under the organ, once each, no grids', async () => {
      const units = await unitsOf('?module=xzfy');
      const ids = units.map((u) => u.id);
      assert.ok(ids.includes(ctx.org.governmentId) && ids.includes(justice));
      for (const town of ctx.org.townshipIds.values()) assert.ok(ids.includes(town), 'each township is offered');
      assert.equal(new Set(ids).size, ids.length);
      assert.ok(units.every((u) => u.kind !== 'grid'));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    });

    test('another module’s grants widen nothing, and a malformed module is a 400 with a code', async () => {
      assert.deepEqual((await unitsOf('?module=xzss')).map((u) => u.id), [justice]);
      const res = await ctx.app.inject({ method: 'GET', url: '/api/units?module=..%2Fx', headers: await ctx.as('units-officer') });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    });
  });
}
