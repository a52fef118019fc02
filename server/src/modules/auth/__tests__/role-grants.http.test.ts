import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, TEST_PASSWORD, type TestContext } from '../../../../test/test-context.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { and, eq } from 'drizzle-orm';
import { actsAs, availableActionsFor, caseEvents, canSeeCase, defineCaseType, openCase, performAction, registerModule, type ActionContext } from '../../cases/index.js';
import { resolveSession } from '../index.js';

// Roles per module and per unit: a 司法局 officer handles a module's cases for the county
// government, a township's officer answers for the township, and neither gains anything in
// another module or for another unit. The module here is a test's own; reconsideration
// declares the same shape.
const noInput = { type: 'object', properties: {}, additionalProperties: false } as const;
const forOrgan = async (ctx: ActionContext) => actsAs(ctx.actor, 'test_grants', ['handler'], ctx.organUnitId);
const forRespondent = async (ctx: ActionContext) => {
  const [opening] = await ctx.tx.select({ payload: caseEvents.payload }).from(caseEvents).where(and(eq(caseEvents.caseId, ctx.caseId), eq(caseEvents.seq, 1)));
  return actsAs(ctx.actor, 'test_grants', ['respondent'], (opening?.payload as { respondentUnitId?: number } | undefined)?.respondentUnitId);
};
const appeal = defineCaseType({
  name: 'test_grants_appeal',
  label: '测试申请',
  module: 'test_grants',
  states: { open: { label: '审理中' }, answered: { label: '已答复' }, decided: { label: '已决定', final: true } },
  initialState: 'open',
  openEvent: 'test_applied',
  // The respondent named at opening holds a stake in the case.
  stakeholders: `select case_id, (payload->>'respondentUnitId')::int as unit_id from case_events where seq = 1 and type = 'test_applied'`,
  actions: {
    answer: { label: '答复', from: ['open'], to: 'answered', roles: ['respondent'], input: noInput, authorize: forRespondent },
    decide: { label: '决定', from: ['answered'], to: 'decided', roles: ['handler'], input: noInput, authorize: forOrgan },
  },
});
registerModule({
  name: 'test_grants',
  label: '测试模块',
  roles: { handler: { label: '承办人', unitKinds: ['government'] }, respondent: { label: '被申请人', unitKinds: ['department', 'township'] } },
  caseTypes: [appeal],
});

for (const backend of testBackends()) {
  describe(`module roles granted per unit on ${backend.name}`, () => {
    let ctx: TestContext;
    let officerId: number;
    let townId: number;
    let otherTownId: number;
    let justiceId: number;
    before(async () => {
      ctx = await createTestContext(backend.url);
      [townId, otherTownId] = [...ctx.org.townshipIds.values()] as [number, number];
      justiceId = [...ctx.org.departmentIds.values()][0]!;
      const created = await ctx.app.inject({
        method: 'POST', url: '/api/admin/users', headers: await ctx.as('admin'),
        payload: { username: 'justice-officer', displayName: '司法局复议科', role: 'staff', unitId: justiceId },
      });
      assert.equal(created.statusCode, 201, created.body);
      officerId = created.json().id;
      await ctx.database.backend.query('update users set password_hash = (select password_hash from users where username = $1), must_change_password = false where id = $2', ['admin', officerId], 'object');
    });
    after(async () => ctx?.close());

    const grant = async (userId: number, grants: Array<{ role: string; unitId: number }>) =>
      ctx.app.inject({ method: 'PUT', url: `/api/admin/users/${userId}/grants`, headers: await ctx.as('admin'), payload: { grants } });
    const userId = async (username: string) =>
      ((await ctx.database.backend.query('select id from users where username = $1', [username], 'array')).rows[0] as [number])[0];
    /** The actor the server builds for a signed-in person, grants and all. */
    const actorOf = async (username: string): Promise<Actor> => {
      const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      const session = await resolveSession(ctx.database.db, login.json().token, ctx.time.now());
      return session!.actor;
    };
    const openAppeal = async (respondentUnitId: number) => {
      const caseId = randomUUID();
      await ctx.database.transaction((tx) =>
        openCase(tx, { caseId, caseType: appeal.name, actor: { role: 'citizen' }, at: ctx.time.now(), organUnitId: ctx.org.governmentId, payload: { respondentUnitId } }));
      return caseId;
    };

    test('a grant names a role a module declares, for a unit of a kind the role allows', async () => {
      const refused: Array<[Array<{ role: string; unitId: number }>, string]> = [
        [[{ role: 'test_grants.handler', unitId: townId }], 'ROLE_UNIT_KIND'],
        [[{ role: 'test_grants.judge', unitId: ctx.org.governmentId }], 'ROLE_UNKNOWN'],
        [[{ role: 'hotline.operator', unitId: ctx.org.centerId }], 'ROLE_UNKNOWN'],
      ];
      for (const [grants, code] of refused) {
        const res = await grant(officerId, grants);
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, code);
      }
      assert.equal((await ctx.app.inject({ url: `/api/admin/users/${officerId}/grants`, headers: await ctx.as('admin') })).json().grants.length, 0, 'nothing was granted');
      const roles = (await ctx.app.inject({ url: '/api/admin/module-roles', headers: await ctx.as('admin') })).json().modules;
      assert.deepEqual(roles.find((m: { name: string }) => m.name === 'test_grants').roles.map((r: { role: string }) => r.role), ['test_grants.handler', 'test_grants.respondent']);
      assert.equal(roles.some((m: { name: string }) => m.name === 'hotline'), false, 'the hotline’s roles are the accounts’ own, not granted');
    });

    test('the officer granted the handler role for the government sees and decides its cases, and nothing of the hotline', async () => {
      assert.equal((await grant(officerId, [{ role: 'test_grants.handler', unitId: ctx.org.governmentId }])).statusCode, 200);
      assert.equal((await grant(await userId('town'), [{ role: 'test_grants.respondent', unitId: townId }])).statusCode, 200);
      const caseId = await openAppeal(townId);
      const officer = await actorOf('justice-officer');
      const town = await actorOf('town');
      const me = (await ctx.app.inject({ url: '/api/auth/me', headers: await ctx.as('justice-officer') })).json();
      assert.deepEqual(me.modules, [{ name: 'test_grants', label: '测试模块', roles: [{ role: 'handler', label: '承办人', unitId: ctx.org.governmentId }] }]);
      assert.equal((await ctx.app.inject({ url: '/api/requests', headers: await ctx.as('justice-officer') })).statusCode, 403, 'no hotline role, no hotline list');

      assert.equal(await canSeeCase(ctx.database.db, caseId, officer), true);
      assert.equal(await canSeeCase(ctx.database.db, caseId, town), true, 'the respondent township sees the case against it');
      assert.deepEqual(await availableActionsFor(ctx.database.db, caseId, town, ctx.time.now()), ['answer']);
      assert.deepEqual(await availableActionsFor(ctx.database.db, caseId, officer, ctx.time.now()), [], 'the handler does not answer for the township');
      await assert.rejects(
        ctx.database.transaction((tx) => performAction(tx, { caseId, action: 'answer', actor: officer, input: {}, now: ctx.time.now() })),
        (e: unknown) => e instanceof AppError && e.code === 'ACTION_ROLE_FORBIDDEN',
      );
      await ctx.database.transaction((tx) => performAction(tx, { caseId, action: 'answer', actor: town, input: {}, now: ctx.time.now() }));
      assert.deepEqual(await availableActionsFor(ctx.database.db, caseId, officer, ctx.time.now()), ['decide']);
      const decided = await ctx.database.transaction((tx) => performAction(tx, { caseId, action: 'decide', actor: officer, input: {}, now: ctx.time.now() }));
      assert.equal(decided.state, 'decided');
    });

    test('a role held for one township opens nothing of another, and a hotline role alone opens no module case', async () => {
      const elsewhere = await openAppeal(otherTownId);
      assert.equal(await canSeeCase(ctx.database.db, elsewhere, await actorOf('town')), false);
      // The county supervisor sees every hotline request of the county, but holds no role in this module.
      assert.equal(await canSeeCase(ctx.database.db, elsewhere, await actorOf('supervisor')), false);
      assert.equal(await canSeeCase(ctx.database.db, elsewhere, await actorOf('admin')), true, 'the administrator answers for the record');
    });

    test('taking a role away ends the person’s sessions and their access at once', async () => {
      const caseId = await openAppeal(townId);
      const headers = await ctx.as('town');
      assert.equal((await grant(await userId('town'), [])).statusCode, 200);
      assert.equal((await ctx.app.inject({ url: '/api/auth/me', headers })).statusCode, 401, 'the old session ended');
      assert.equal(await canSeeCase(ctx.database.db, caseId, await actorOf('town')), false);
      const log = (await ctx.database.backend.query(`select details from security_events where kind = 'user_updated' order by seq desc limit 1`, [], 'array')).rows[0] as [{ before: { grants: unknown[] }; after: { grants: unknown[] } }];
      assert.deepEqual(log[0].before.grants, [{ role: 'test_grants.respondent', unitId: townId }]);
      assert.deepEqual(log[0].after.grants, []);
    });
  });
}
