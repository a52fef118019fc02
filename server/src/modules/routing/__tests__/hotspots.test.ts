import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../../../platform/repo-path.js';
import { computeHotspots, defaultHotspotSettings, listedTopics, topicOf, type HotspotItem, type HotspotSettings } from '../index.js';
import { parseCsvRecords } from '../../../platform/csv.js';

const HOUR = 3600 * 1000;
const NOW = new Date('2024-03-29T00:00:00Z');
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * HOUR);
const WEEK_H = 7 * 24;
function items(topicKey: string, placeKey: string, perWeek: number[]): HotspotItem[] {
  // perWeek: this week first, then 1, 2, 3, 4 weeks ago; each item in the middle of its week
  return perWeek.flatMap((n, weeksAgo) => Array.from({ length: n }, () => ({ topicKey, placeKey, receivedAt: at(weeksAgo * WEEK_H + 12) })));
}
const settings: HotspotSettings = { minThisWeek: 5, warningGrowth: 1.0, warnWhenNew: true, weekDays: 7, baseWeeks: 4 };

test('topics: listed keywords win, most occurrences decide, fallback to the strongest word', () => {
  assert.equal(topicOf('楼下烧烤店油烟直排，油烟呛人').key, 'cooking_fumes');
  assert.equal(topicOf('夜间施工噪音扰民，吵得睡不着').key, 'noise');
  assert.deepEqual(topicOf('楼下烧烤店油烟直排').keywords, ['油烟', '烧烤']);
  assert.equal(topicOf('小区停水三天了，自来水也没有通知').label, '供水');
  const fallback = topicOf('关于残疾人补贴的残疾人证办理');
  assert.equal(fallback.listed, false);
  assert.equal(fallback.key, 'word:残疾人');
  assert.equal(topicOf('，，。').key, 'other');
  const keys = listedTopics().map((t) => t.key);
  assert.equal(new Set(keys).size, keys.length, 'topic keys are unique');
});

test('hotspots on a hand-computed fixture: weeks, growth, "新增", warnings and order', () => {
  const all = [
    ...items('noise', 'P1', [6, 1, 1, 1, 1]), // mean 1, growth 5 → warning
    ...items('cooking_fumes', 'P1', [5, 0, 0, 0, 0]), // new, 5 ≥ min → warning
    ...items('parking', 'P2', [4, 2, 2, 2, 2]), // growth 1.0 but 4 < min → no warning
    ...items('water_supply', 'P2', [6, 4, 4, 4, 4]), // growth 0.5 → no warning
    ...items('dust', 'P3', [0, 1, 0, 0, 0]), // growth −1
    { topicKey: 'noise', placeKey: 'P9', receivedAt: at(-1) }, // after now: ignored
    { topicKey: 'noise', placeKey: 'P9', receivedAt: at(5 * WEEK_H) }, // exactly 35 days ago: outside
  ];
  const groups = computeHotspots(all, NOW, settings);
  assert.deepEqual(
    groups.map((g) => [g.topicKey, g.placeKey, g.thisWeek, g.lastFourWeeksAverage, g.growth, g.growthLabel, g.warning]),
    [
      ['cooking_fumes', 'P1', 5, 0, null, '新增', true],
      ['noise', 'P1', 6, 1, 5, '+500%', true],
      ['parking', 'P2', 4, 2, 1, '+100%', false],
      ['water_supply', 'P2', 6, 4, 0.5, '+50%', false],
      ['dust', 'P3', 0, 0.25, -1, '-100%', false],
    ],
  );
  assert.deepEqual(groups[1]!.weekly, [1, 1, 1, 1, 6], 'oldest base week first, this week last');
  assert.equal(computeHotspots(all, NOW, { ...settings, warnWhenNew: false })[0]!.topicKey, 'noise');
  assert.equal(computeHotspots(all, NOW, { ...settings, minThisWeek: 4 }).find((g) => g.topicKey === 'parking')!.warning, true);
});

test('week edges: (now − 7 d, now] is this week; exactly 7 days ago is last week', () => {
  const edge = [
    { topicKey: 't', placeKey: 'p', receivedAt: NOW },
    { topicKey: 't', placeKey: 'p', receivedAt: at(WEEK_H) },
    { topicKey: 't', placeKey: 'p', receivedAt: at(WEEK_H - 0.001) },
  ];
  const [g] = computeHotspots(edge, NOW, settings);
  assert.deepEqual(g!.weekly, [0, 0, 0, 1, 2]);
  assert.equal(defaultHotspotSettings().baseWeeks, 4);
});

// ---- real messages (2020 TipDM Cup), only where the shared data is present ----

const VOTES = join(process.env.FAZHI_SHARED_DATA ?? repoPath('..', 'shared', 'data'), 'tipdm2020', 'messages_with_votes.csv');
const noData = existsSync(VOTES) ? false : `shared data not found at ${VOTES} (set FAZHI_SHARED_DATA): real-data hotspot test skipped`;

test('real messages: topic coverage, the known heavy topics, and the 丽发新城 dust surge', { skip: noData }, (t) => {
  const rows = parseCsvRecords(readFileSync(VOTES, 'utf8')).map((r) => ({ time: r.time!, text: `${r.title}\n${r.body}` }));
  const topics = rows.map((r) => topicOf(r.text));
  const coverage = topics.filter((x) => x.listed).length / rows.length;
  const counts = new Map<string, number>();
  for (const x of topics) counts.set(x.label, (counts.get(x.label) ?? 0) + 1);
  t.diagnostic(`topic coverage ${(100 * coverage).toFixed(1)} % of ${rows.length}`);
  t.diagnostic(`largest topics: ${[...counts].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  assert.ok(coverage >= 0.85, `coverage ${coverage}`);

  // Two problems the data is known for (they are what its hot-problem task was built around).
  const share = (mention: RegExp, topicKey: string) => {
    const picked = rows.map((r, i) => ({ r, topic: topics[i]! })).filter((x) => mention.test(x.r.text));
    return { n: picked.length, share: picked.filter((x) => x.topic.key === topicKey).length / picked.length };
  };
  const parking = share(/伊景园滨河苑.*车位|车位.*伊景园滨河苑/s, 'housing_sales');
  const dust = share(/丽发新城.*搅拌|搅拌.*丽发新城/s, 'dust');
  t.diagnostic(`伊景园滨河苑 车位: ${parking.n} messages, ${(100 * parking.share).toFixed(0)} % 商品房与开发商`);
  t.diagnostic(`丽发新城 搅拌站: ${dust.n} messages, ${(100 * dust.share).toFixed(0)} % 扬尘与搅拌站`);
  assert.ok(parking.n >= 30 && parking.share >= 0.8);
  assert.ok(dust.n >= 30 && dust.share >= 0.8);

  // Place: the masked district the text names (the data has no community codes).
  const items: HotspotItem[] = rows.map((r, i) => ({
    topicKey: topics[i]!.key,
    placeKey: /A\d+[区县市]/.exec(r.text.normalize('NFKC'))?.[0] ?? 'A市',
    receivedAt: new Date(r.time.replace(' ', 'T') + '+08:00'),
  }));
  for (let week = new Date('2019-02-04T00:00:00+08:00'); week < new Date('2020-01-20T00:00:00+08:00'); week = new Date(week.getTime() + 28 * 24 * HOUR)) {
    const warned = computeHotspots(items, week, defaultHotspotSettings()).filter((g) => g.warning);
    t.diagnostic(`week ending ${new Date(week.getTime() + 8 * HOUR).toISOString().slice(0, 10)} 00:00 (UTC+8): ${warned.map((g) => `${g.topicKey}@${g.placeKey} ${g.thisWeek} (${g.growthLabel})`).join('; ') || 'no warning'}`);
  }
  const december = computeHotspots(items, new Date('2019-12-09T00:00:00+08:00'), defaultHotspotSettings());
  assert.equal(december[0]!.topicKey, 'dust', 'the 丽发新城 mixing plant is the fastest-growing warned group in early December 2019');
  assert.ok(december[0]!.warning);
});
