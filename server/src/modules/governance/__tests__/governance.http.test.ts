import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { volumeChange } from '../rules/volume-change.js';

const TOWNSHIP = '371302001';
const OTHER_TOWNSHIP = '371302002';
const DAY = 86_400_000;

describe('volume before and after a governance topic', () => {
  test('weekly counts around the start, per-week rates and the change', () => {
    const start = new Date('2026-03-02T00:00:00Z');
    const at = (days: number) => new Date(start.getTime() + days * DAY);
    // 8 before in the eight weeks before (one a week), 2 in the two weeks after.
    const times = [...Array.from({ length: 8 }, (_, i) => at(-1 - 7 * i)), at(3), at(10), at(-100)];
    const v = volumeChange(times, start, at(14), 8);
    assert.equal(v.beforePerWeek, 1);
    assert.equal(v.afterPerWeek, 1);
    assert.equal(v.change, 0);
    assert.deepEqual(v.weekly.map((w) => w.count), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    assert.equal(v.weekly.filter((w) => w.after).length, 3, 'the week that has just begun is shown');
    assert.equal(volumeChange([], start, at(0.5)).afterPerWeek, null);
    assert.equal(volumeChange([at(2)], start, at(7)).change, null, 'no base, no change');
  });
});

for (const backend of testBackends()) {
  describe(`hotspots and 每月一题 over HTTP on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend.url, new Date('2026-03-02T09:00:00+08:00'));
    });
    after(async () => ctx?.close());

    const record = async (content: string, townshipCode = TOWNSHIP) => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: await ctx.as('operator'), payload: { content, townshipCode } });
      assert.equal(res.statusCode, 201, res.body);
    };

    test('a topic growing fast at one township raises a warning and becomes a governance topic', async () => {
      // One smoke complaint a week for four weeks, then six this week; noise elsewhere stays flat.
      for (let week = 0; week < 4; week++) {
        await record('楼下烧烤店油烟很大，窗户都不敢开');
        await record('晚上广场舞噪音扰民', OTHER_TOWNSHIP);
        ctx.time.advance(7 * DAY);
      }
      for (let i = 0; i < 6; i++) await record(`小区门口新开的烧烤摊油烟太呛了（第${i + 1}次反映）`);
      await record('晚上广场舞噪音扰民', OTHER_TOWNSHIP);
      ctx.time.advance(DAY);

      const res = await ctx.app.inject({ url: '/api/hotspots', headers: await ctx.as('supervisor') });
      assert.equal(res.statusCode, 200, res.body);
      const { groups } = res.json() as { groups: Array<{ topicKey: string; topicLabel: string; placeKey: string; placeName: string; thisWeek: number; lastFourWeeksAverage: number; growthLabel: string; warning: boolean }> };
      const smoke = groups[0]!;
      assert.equal(smoke.placeKey, TOWNSHIP);
      assert.equal(smoke.thisWeek, 6);
      assert.equal(smoke.lastFourWeeksAverage, 1);
      assert.equal(smoke.growthLabel, '+500%');
      assert.equal(smoke.warning, true);
      const noise = groups.find((g) => g.placeKey === OTHER_TOWNSHIP)!;
      assert.equal(noise.warning, false);
      assert.equal(noise.growthLabel, '+0%');
      const oneTownship = (await ctx.app.inject({ url: `/api/hotspots?townshipCode=${OTHER_TOWNSHIP}`, headers: await ctx.as('supervisor') })).json();
      assert.ok(oneTownship.groups.every((g: { placeKey: string }) => g.placeKey === OTHER_TOWNSHIP));

      const lead = ctx.org.departmentIds.get('housing')!;
      const bad = await ctx.app.inject({ method: 'POST', url: '/api/governance-topics', headers: await ctx.as('supervisor'), payload: { title: 'x', topicKey: smoke.topicKey, townshipCode: '999', leadUnitId: lead } });
      assert.equal(bad.json().error.code, 'TOPIC_PLACE_UNKNOWN');
      const huge = await ctx.app.inject({ method: 'POST', url: '/api/governance-topics', headers: await ctx.as('supervisor'), payload: { title: 'x', topicKey: smoke.topicKey, leadUnitId: 2 ** 31 } });
      assert.equal(huge.json().error.details[0].field, 'leadUnitId', 'an id beyond any row is refused before the database');
      const forbidden = await ctx.app.inject({ method: 'POST', url: '/api/governance-topics', headers: await ctx.as('housing'), payload: { title: 'x', topicKey: smoke.topicKey, leadUnitId: lead } });
      assert.equal(forbidden.statusCode, 403);
      // The form offers exactly the units the server accepts: every one offered is taken, the center and the government are not offered and are refused.
      const offered = (await ctx.app.inject({ url: '/api/governance-topics/lead-units', headers: await ctx.as('supervisor') })).json().units as Array<{ id: number; kind: string; kindLabel: string }>;
      assert.ok(offered.some((u) => u.id === lead) && offered.every((u) => u.kind === 'department' || u.kind === 'township'));
      assert.equal(offered.length, ctx.org.departmentIds.size + ctx.org.townshipIds.size);
      for (const refused of [ctx.org.centerId, ctx.org.governmentId]) {
        assert.ok(!offered.some((u) => u.id === refused));
        const res = await ctx.app.inject({ method: 'POST', url: '/api/governance-topics', headers: await ctx.as('supervisor'), payload: { title: 'x', topicKey: smoke.topicKey, leadUnitId: refused } });
        assert.equal(res.json().error.code, 'LEAD_UNIT_UNKNOWN');
      }
      assert.equal((await ctx.app.inject({ url: '/api/governance-topics/lead-units', headers: await ctx.as('housing') })).statusCode, 403);
      const made = await ctx.app.inject({
        method: 'POST', url: '/api/governance-topics', headers: await ctx.as('supervisor'),
        payload: { title: `${smoke.placeName}${smoke.topicLabel}专项治理`, topicKey: smoke.topicKey, townshipCode: TOWNSHIP, leadUnitId: lead },
      });
      assert.equal(made.statusCode, 201, made.body);

      // A week later only one more complaint came in.
      ctx.time.advance(7 * DAY);
      await record('烧烤油烟问题还有一家没整改');
      const list = (await ctx.app.inject({ url: '/api/governance-topics', headers: await ctx.as('leader') })).json();
      const topic = list.topics[0];
      assert.equal(topic.placeName, '兰山街道');
      assert.equal(topic.volume.weekly.filter((w: { after: boolean }) => w.after).reduce((s: number, w: { count: number }) => s + w.count, 0), 1);
      assert.equal(topic.volume.weekly.filter((w: { after: boolean }) => !w.after).reduce((s: number, w: { count: number }) => s + w.count, 0), 10);
      assert.ok(topic.volume.change < 0, 'fewer requests after the topic started');
    });
  });
}
