import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { CONCLUSION_LABELS } from '../../reconsideration/rules/conclusions.js';
import { STATE_LABELS } from '../../reconsideration/reconsideration.strings.js';

// The pages draw each module's lists and search forms from GET /api/case-types: a person sees
// the types of the modules they hold a role in, and nothing of the others.
for (const backend of testBackends()) {
  describe(`the case types a person works with on ${backend.name}`, () => {
    let ctx: TestContext;

    const makeStaff = (username: string, unitId: number, grants: Array<{ role: string; unitId: number }>) => ctx.makeStaff(username, unitId, grants);
    const typesOf = async (username: string) => {
      const res = await ctx.app.inject({ url: '/api/case-types', headers: await ctx.as(username) });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().caseTypes as Array<Record<string, any>>;
    };

    before(async () => {
      ctx = await createTestContext(backend.url);
      await makeStaff('xzfy-officer', ctx.org.governmentId, [{ role: 'xzfy.handler', unitId: ctx.org.governmentId }]);
      await makeStaff('xzss-officer', ctx.org.governmentId, [{ role: 'xzss.handler', unitId: ctx.org.governmentId }]);
    });
    after(async () => ctx?.close());

    test('each person sees the types of the modules they hold a role in; administrators all', async () => {
      assert.deepEqual((await typesOf('xzfy-officer')).map((t) => t.name), ['xzfy_case']);
      assert.deepEqual((await typesOf('xzss-officer')).map((t) => t.name), ['xzss_case']);
      assert.deepEqual((await typesOf('dispatcher')).map((t) => t.name), ['hotline_request'], 'a hotline role opens no reconsideration');
      assert.deepEqual((await typesOf('housing')).map((t) => t.name), ['hotline_request']);
      assert.deepEqual((await typesOf('admin')).map((t) => t.name).sort(), ['hotline_request', 'kb_entry', 'xzcf_case', 'xzfy_case', 'xzss_case', 'xzzf_certificate_expiry', 'xzzf_file_review', 'xzzf_observation', 'xzzf_supervision']);
    });

    test('a type carries its states and its listing, with each choice filter’s options', async () => {
      const [xzfy] = await typesOf('xzfy-officer');
      assert.equal(xzfy!.label, '行政复议案件');
      assert.equal(xzfy!.module, 'xzfy');
      assert.equal(xzfy!.moduleLabel, '行政复议');
      assert.deepEqual(xzfy!.states.find((s: { key: string }) => s.key === 'applied'), { key: 'applied', label: STATE_LABELS.applied, final: false });
      assert.deepEqual(xzfy!.states.find((s: { key: string }) => s.key === 'closed'), { key: 'closed', label: STATE_LABELS.closed, final: true });
      const listing = xzfy!.listing;
      assert.equal(listing.title, 'contested_act');
      assert.equal(listing.code, 'case_number');
      assert.deepEqual(listing.search, ['case_number', 'contested_act', 'respondent_name', 'field']);
      assert.deepEqual(listing.columns[0], { key: 'case_number', label: '案号', kind: 'text' });
      assert.deepEqual(listing.columns.find((c: { key: string }) => c.key === 'decision_key').options, CONCLUSION_LABELS);
      const filter = (key: string) => listing.filters.find((f: { key: string }) => f.key === key);
      assert.deepEqual(filter('state').options, STATE_LABELS, 'the state filter offers the type’s states');
      assert.deepEqual(filter('decision_key').options, CONCLUSION_LABELS, 'a column’s choice filter offers its options');
      assert.equal(filter('received_on').kind, 'date_range');
      assert.equal(filter('received_on').options, undefined);
      assert.equal(filter('respondent_unit_id').kind, 'unit');
    });

    test('a type without a listing says so; no one signed out learns anything', async () => {
      const [hotline] = await typesOf('dispatcher');
      assert.equal(hotline!.listing, null);
      assert.ok(hotline!.states.length > 3);
      const unsigned = await ctx.app.inject({ url: '/api/case-types' });
      assert.equal(unsigned.statusCode, 401);
      assert.equal(unsigned.json().error.code, 'UNAUTHENTICATED');
    });
  });
}
