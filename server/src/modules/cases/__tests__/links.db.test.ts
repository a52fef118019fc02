import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineCaseType, linkCases, listCaseLinks, openCase, performAction, registerModule, verifyAudit } from '../index.js';

// Cases of two modules linked as a reconsideration and the lawsuit against its decision: the
// link is made by the lawsuit's opening action, shows on both sides in each one's words, sits
// in both records, and hides a linked case its reader may not see.
const noInput = { type: 'object', properties: {}, additionalProperties: false } as const;
const nowhere = 'select null::uuid as case_id, null::int as unit_id where false';

const review = defineCaseType({
  name: 'test_link_review', label: '复议案件', module: 'test_link_review',
  states: { decided: { label: '已决定', final: true } }, initialState: 'decided', openEvent: 'recorded', stakeholders: nowhere, actions: {},
});
const lawsuit = defineCaseType({
  name: 'test_link_lawsuit', label: '应诉案件', module: 'test_link_lawsuit',
  states: { filed: { label: '已立案' } }, initialState: 'filed', openEvent: 'filed', stakeholders: nowhere,
  actions: {
    name_review: {
      label: '关联复议案件', from: ['filed'], roles: ['handler'],
      input: { type: 'object', properties: { reviewCaseId: { type: 'string', format: 'uuid' } }, required: ['reviewCaseId'], additionalProperties: false },
      relatedCases: (input: { reviewCaseId: string }) => [input.reviewCaseId],
      effect: async (ctx) => {
        await linkCases(ctx.tx, { fromCaseId: ctx.input.reviewCaseId as string, toCaseId: ctx.caseId, kind: 'test_appealed_as', actor: ctx.actor, at: ctx.now });
      },
    },
    nothing: { label: '无', from: ['filed'], roles: ['handler'], input: noInput },
  },
});
registerModule({ name: 'test_link_review', label: '复议', roles: { handler: { label: '承办人' } }, caseTypes: [review], linkKinds: { test_appealed_as: { label: '被诉', inverseLabel: '源自复议' } } });
registerModule({ name: 'test_link_lawsuit', label: '应诉', roles: { handler: { label: '承办人' } }, caseTypes: [lawsuit] });

const person = (grants: string[]): Actor => ({
  role: 'staff', userId: 1, unitId: 1, scopeUnitId: 1, scopePath: '/1/', displayName: '工作人员',
  grants: grants.map((role) => ({ role, unitId: 1, unitPath: '/1/' })),
});
const both = person(['test_link_review.handler', 'test_link_lawsuit.handler']);
const lawyerOnly = person(['test_link_lawsuit.handler']);

for (const backend of testBackends()) {
  describe(`case links on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      await database.backend.query(`insert into units (id, path, name, kind) values (1, '/1/', '县人民政府', 'government')`, [], 'object');
    });
    after(async () => drop?.());

    const open = async (type: string) => {
      const caseId = randomUUID();
      await database.transaction((tx) => openCase(tx, { caseId, caseType: type, actor: both, at: new Date('2026-04-01T09:00:00+08:00'), organUnitId: 1, payload: {} }));
      return caseId;
    };
    const link = (lawsuitId: string, reviewCaseId: string, actor: Actor) =>
      database.transaction((tx) => performAction(tx, { caseId: lawsuitId, action: 'name_review', actor, input: { reviewCaseId }, now: new Date('2026-04-20T09:00:00+08:00') }));
    const events = async (caseId: string) =>
      (await database.backend.query('select type, payload from case_events where case_id = $1 order by seq', [caseId], 'object')).rows as Array<{ type: string; payload: Record<string, unknown> }>;

    test('a link shows on both sides in each side’s words and is an event of both cases', async () => {
      const reviewId = await open(review.name);
      const lawsuitId = await open(lawsuit.name);
      await link(lawsuitId, reviewId, both);
      const fromReview = await database.transaction((tx) => listCaseLinks(tx, reviewId, both));
      const fromLawsuit = await database.transaction((tx) => listCaseLinks(tx, lawsuitId, both));
      assert.deepEqual(fromReview.map((l) => [l.label, l.otherCaseId, l.otherCaseTypeLabel, l.otherStateLabel]), [['被诉', lawsuitId, '应诉案件', '已立案']]);
      assert.deepEqual(fromLawsuit.map((l) => [l.label, l.otherCaseId, l.otherCaseTypeLabel]), [['源自复议', reviewId, '复议案件']]);
      assert.deepEqual((await events(reviewId)).at(-1), { type: 'case_linked', payload: { kind: 'test_appealed_as', direction: 'to', otherCaseId: lawsuitId } });
      assert.deepEqual((await events(lawsuitId)).map((e) => e.type), ['filed', 'case_linked', 'name_review']);
      assert.deepEqual((await verifyAudit(database)).findings, []);
    });

    test('a link is refused, and nothing written, when the actor may not see the other case, twice, or to itself', async () => {
      const reviewId = await open(review.name);
      const lawsuitId = await open(lawsuit.name);
      const before = (await events(lawsuitId)).length;
      await assert.rejects(link(lawsuitId, reviewId, lawyerOnly), (e: unknown) => e instanceof AppError && e.code === 'CASE_NOT_FOUND');
      assert.equal((await events(lawsuitId)).length, before);
      await link(lawsuitId, reviewId, both);
      await assert.rejects(link(lawsuitId, reviewId, both), (e: unknown) => e instanceof AppError && e.code === 'LINK_EXISTS');
      await assert.rejects(
        database.transaction((tx) => linkCases(tx, { fromCaseId: reviewId, toCaseId: reviewId, kind: 'test_appealed_as', actor: both, at: new Date() })),
        (e: unknown) => e instanceof AppError && e.code === 'LINK_TO_SELF',
      );
      await assert.rejects(
        database.transaction((tx) => linkCases(tx, { fromCaseId: reviewId, toCaseId: lawsuitId, kind: 'made_up', actor: both, at: new Date() })),
        (e: unknown) => e instanceof AppError && e.code === 'LINK_KIND_UNKNOWN',
      );
    });

    test('a reader who may not see the other side does not learn of it', async () => {
      const reviewId = await open(review.name);
      const lawsuitId = await open(lawsuit.name);
      await link(lawsuitId, reviewId, both);
      assert.deepEqual(await database.transaction((tx) => listCaseLinks(tx, lawsuitId, lawyerOnly)), []);
    });
  });
}
