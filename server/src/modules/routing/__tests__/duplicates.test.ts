import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../../../platform/repo-path.js';
import { seededRandom } from '../../../platform/seeded-random.js';
import {
  defaultDuplicateSettings,
  extractPlaceWords,
  findDuplicates,
  fingerprint,
  textSimilarity,
  type DuplicateCandidate,
  type DuplicateSettings,
  type TextFingerprint,
} from '../index.js';
import { parseCsvRecords } from '../../../platform/csv.js';

const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 24 * 3600 * 1000);
function candidate(id: string, text: string, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate {
  return { id, text, placeKey: null, receivedAt: day(0), callerKey: null, ...over };
}

const FUMES_A = '劳动东路魅力之城小区临街门面烧烤店油烟直排，晚上烟味呛人，窗户都不敢开，请环保部门查处油烟。';
const FUMES_B = '魅力之城小区楼下烧烤摊油烟太大，每天晚上油烟直排进家里，希望尽快整治。';
const FUMES_ELSEWHERE = '梅溪湖看云路润芳园小区临街门面烧烤店油烟直排，晚上烟味呛人，请查处油烟。';
const CRACKS_SAME_ESTATE = '魅力之城小区的房屋楼板严重开裂，开发商一直不维修。';

test('place words: estate and road names, without the masked district or a verb in front', () => {
  const words = extractPlaceWords('A5区劳动东路魅力之城小区临街门面油烟扰民');
  assert.ok(words.includes('魅力之城小区'), words.join(','));
  assert.ok(words.includes('劳动东路'));
  assert.ok(!words.some((w) => w.includes('区劳动')), 'a masked district (A5区) is not part of a name');
  assert.ok(!words.some((w) => w.startsWith('路魅力')), 'a name does not reach back over the road before it');
  assert.deepEqual(extractPlaceWords('我们小区附近的马路上'), []);
  assert.ok(extractPlaceWords('反映暮云街道丽发新城小区的问题').includes('丽发新城小区'));
});

test('fingerprints are plain JSON, deterministic, and leave out place names and generic words', () => {
  const fp = fingerprint(FUMES_A);
  assert.deepEqual(JSON.parse(JSON.stringify(fp)), fp);
  assert.deepEqual(fingerprint(FUMES_A), fp);
  assert.ok(fp.keywords.includes('油烟'));
  assert.ok(!fp.keywords.includes('魅力'), 'place characters are not problem words');
  assert.ok(!fp.keywords.includes('小区'));
  assert.equal(fp.topic?.key, 'cooking_fumes');
  assert.deepEqual([...fp.shingles].sort((a, b) => a - b), fp.shingles);
});

test('text similarity: 1 for the same text, symmetric, low for unrelated text, 0 when empty', () => {
  const a = fingerprint(FUMES_A);
  const b = fingerprint(FUMES_B);
  const c = fingerprint('公交车晚点严重，地铁站出口拥堵');
  assert.equal(textSimilarity(a, a), 1);
  assert.equal(textSimilarity(a, b), textSimilarity(b, a));
  assert.ok(textSimilarity(a, b) > textSimilarity(a, c), `${textSimilarity(a, b)} vs ${textSimilarity(a, c)}`);
  assert.ok(textSimilarity(a, c) < 0.1);
  assert.equal(textSimilarity(a, fingerprint('')), 0);
  const older: TextFingerprint = { ...a, version: a.version - 1 };
  assert.throws(() => textSimilarity(a, older), /versions differ/);
});

test('same problem at the same place (from the texts) is flagged with the earlier case', () => {
  const open = [
    candidate('elsewhere', FUMES_ELSEWHERE, { receivedAt: day(-2) }),
    candidate('same', FUMES_A, { receivedAt: day(-3) }),
    candidate('other-problem', CRACKS_SAME_ESTATE, { receivedAt: day(-1) }),
  ];
  const matches = findDuplicates(candidate('new', FUMES_B), open);
  assert.deepEqual(matches.map((m) => m.id), ['same']);
  const [m] = matches;
  assert.equal(m!.kind, 'same_problem');
  assert.ok(m!.reasons.some((r) => r.startsWith('同一地点: ') && r.includes('魅力之城')), m!.reasons.join(' | '));
  assert.ok(m!.reasons.some((r) => /^文本相似度 0\.\d\d$/.test(r)));
  assert.ok(m!.reasons.some((r) => r.startsWith('共同关键词: ') && r.includes('油烟')));
});

test('place keys: equal keys establish the place, different keys block all but the place words', () => {
  const settings = defaultDuplicateSettings();
  const a = '小区门口垃圾堆积很久没人清运，臭气熏天，蚊蝇很多。';
  const b = '门口的垃圾很多天没人清运了，臭气熏天。';
  const withKey = findDuplicates(candidate('n', b, { placeKey: 'c-1', placeLabel: '杉仙岭社区' }), [candidate('o', a, { placeKey: 'c-1' })]);
  assert.equal(withKey.length, 1);
  assert.ok(withKey[0]!.reasons.includes('同一地点: 杉仙岭社区'));
  assert.deepEqual(findDuplicates(candidate('n', b, { placeKey: 'c-2' }), [candidate('o', a, { placeKey: 'c-1' })]), []);
  assert.deepEqual(findDuplicates(candidate('n', b), [candidate('o', a)]), [], 'no place known: not the same place');
  // Identical text counts as the same report when no place key contradicts it…
  assert.equal(findDuplicates(candidate('n', a), [candidate('o', a)])[0]?.kind, 'same_problem');
  // …but not when the platform knows the two places differ.
  assert.deepEqual(findDuplicates(candidate('n', a, { placeKey: 'c-2' }), [candidate('o', a, { placeKey: 'c-1' })]), []);
  assert.ok(settings.mergeThreshold > settings.flagThreshold);
});

test('merge above the merge threshold, flag below it; outside the window nothing', () => {
  const settings: DuplicateSettings = { ...defaultDuplicateSettings(), flagThreshold: 0.2, mergeThreshold: 0.9, windowDays: 10 };
  const open = [candidate('o', FUMES_A, { receivedAt: day(-1) })];
  assert.equal(findDuplicates(candidate('n', FUMES_A), open, settings)[0]?.action, 'merge');
  assert.equal(findDuplicates(candidate('n', FUMES_B), open, settings)[0]?.action, 'flag');
  assert.deepEqual(findDuplicates(candidate('n', FUMES_A, { receivedAt: day(11) }), open, settings), []);
  assert.deepEqual(findDuplicates(candidate('o', FUMES_A), open, settings), [], 'a request is not its own duplicate');
});

test('repeat requests by the same caller are linked, same-problem matches ranked first', () => {
  const open = [
    candidate('caller-other', '我家楼上漏水，物业不管。', { callerKey: 'tel-1', receivedAt: day(-5) }),
    candidate('same', FUMES_A, { receivedAt: day(-2) }),
    candidate('caller-old', '我家楼上漏水。', { callerKey: 'tel-1', receivedAt: day(-45) }),
  ];
  const matches = findDuplicates(candidate('n', FUMES_B, { callerKey: 'tel-1' }), open);
  assert.deepEqual(matches.map((m) => [m.id, m.kind, m.action]), [
    ['same', 'same_problem', 'flag'],
    ['caller-other', 'same_caller', 'link'],
  ]);
  assert.ok(matches[1]!.reasons.includes('同一来电号码'));
  for (let i = 1; i < matches.length; i++) if (matches[i]!.kind === matches[i - 1]!.kind) assert.ok(matches[i]!.score <= matches[i - 1]!.score);
});

// ---- real messages (2020 TipDM Cup), only where the shared data is present ----

const VOTES = join(process.env.FAZHI_SHARED_DATA ?? repoPath('..', 'shared', 'data'), 'tipdm2020', 'messages_with_votes.csv');
const PAIRS = repoPath('server/src/modules/routing/__tests__/fixtures/duplicate-pairs.json');
const noData = existsSync(VOTES) ? false : `shared data not found at ${VOTES} (set FAZHI_SHARED_DATA): real-pair test skipped`;

test('real near-duplicate pairs are flagged and hard negatives are not', { skip: noData }, (t) => {
  const fixture = JSON.parse(readFileSync(PAIRS, 'utf8')) as { duplicates: { a: string; b: string }[]; nonDuplicates: { a: string; b: string }[] };
  assert.ok(fixture.duplicates.length >= 20 && fixture.nonDuplicates.length >= 20);
  const rows = parseCsvRecords(readFileSync(VOTES, 'utf8'));
  const byId = new Map(rows.map((r) => [r.id!, r]));
  const fps = new Map<string, TextFingerprint>();
  const asCandidate = (id: string): DuplicateCandidate => {
    const r = byId.get(id);
    assert.ok(r, `message ${id} not in ${VOTES}`);
    const text = `${r.title}\n${r.body}`;
    if (!fps.has(id)) fps.set(id, fingerprint(text));
    // The data knows no community codes: the place has to come from the texts.
    return { id, text, placeKey: null, receivedAt: new Date(r.time!.replace(' ', 'T') + '+08:00'), callerKey: r.user!, fingerprint: fps.get(id)! };
  };
  // Pairs lie up to a year apart in the data; the window is not what this test is about.
  const settings: DuplicateSettings = { ...defaultDuplicateSettings(), windowDays: 366, callerWindowDays: 0 };
  const flagged = (a: string, b: string) => findDuplicates(asCandidate(b), [asCandidate(a)], settings).some((m) => m.kind === 'same_problem');

  const missed = fixture.duplicates.filter((p) => !flagged(p.a, p.b));
  const wrong = fixture.nonDuplicates.filter((p) => flagged(p.a, p.b));
  const tp = fixture.duplicates.length - missed.length;
  const recall = tp / fixture.duplicates.length;
  const precision = tp / (tp + wrong.length);
  t.diagnostic(`pairs ${fixture.duplicates.length}, hard negatives ${fixture.nonDuplicates.length}`);
  t.diagnostic(`recall ${recall.toFixed(3)} (missed ${missed.map((p) => `${p.a}/${p.b}`).join(' ') || 'none'})`);
  t.diagnostic(`hard negatives flagged ${wrong.length} (${wrong.map((p) => `${p.a}/${p.b}`).join(' ') || 'none'}), precision on the fixture ${precision.toFixed(3)}`);

  // Random pairs of different messages: almost none are duplicates, so the flag rate bounds the false-positive rate.
  const random = seededRandom(12345);
  const known = new Set(fixture.duplicates.map((p) => [p.a, p.b].sort().join('/')));
  let tried = 0;
  let hits = 0;
  while (tried < 20000) {
    const a = rows[Math.floor(random() * rows.length)]!.id!;
    const b = rows[Math.floor(random() * rows.length)]!.id!;
    if (a === b || known.has([a, b].sort().join('/'))) continue;
    tried++;
    if (flagged(a, b)) hits++;
  }
  t.diagnostic(`random pairs flagged ${hits}/${tried} = ${((100 * hits) / tried).toFixed(3)} %`);

  assert.ok(recall >= 0.85, `recall ${recall}`);
  assert.ok(wrong.length <= 2, `hard negatives flagged: ${wrong.length}`);
  assert.ok(hits / tried <= 0.005, `random-pair flag rate ${hits / tried}`);
});
