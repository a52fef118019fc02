import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DutyItem } from '../../duties/index.js';
import { suggestRouting, suggestPlace, suggestRequestType, suggestUrgency, type RoutingKnowledge } from '../rules/suggest.js';
import { requestCues } from '../operations/routing-knowledge.js';

const item = (over: Partial<DutyItem> & Pick<DutyItem, 'code' | 'list' | 'keywords'>): DutyItem => ({
  name: over.code, powerKind: null, unitId: null, level: null, townshipRole: null, basis: '某法第一条', categoryCodes: [], ...over,
});

// A tiny county: two departments, two townships, four leaves.
function knowledge(over: Partial<RoutingKnowledge> = {}): RoutingKnowledge {
  const categories = new Map([
    ['01', { code: '01', name: '环境保护', level: 1, parentCode: null, defaultUnitId: null }],
    ['0101', { code: '0101', name: '大气污染', level: 2, parentCode: '01', defaultUnitId: null }],
    ['010101', { code: '010101', name: '餐饮油烟', level: 3, parentCode: '0101', defaultUnitId: 10 }],
    ['010102', { code: '010102', name: '工业废气', level: 3, parentCode: '0101', defaultUnitId: 11 }],
    ['02', { code: '02', name: '城乡建设', level: 1, parentCode: null, defaultUnitId: null }],
    ['0201', { code: '0201', name: '物业管理', level: 2, parentCode: '02', defaultUnitId: null }],
    ['020101', { code: '020101', name: '物业服务', level: 3, parentCode: '0201', defaultUnitId: 12 }],
    ['020102', { code: '020102', name: '邻里纠纷', level: 3, parentCode: '0201', defaultUnitId: null }],
  ]);
  return {
    categories,
    leafTerms: new Map([
      ['010101', { own: ['餐饮', '油烟'], parent: ['大气', '污染'] }],
      ['010102', { own: ['工业', '废气'], parent: ['大气', '污染'] }],
      ['020101', { own: ['物业'], parent: ['物业'] }],
      ['020102', { own: ['邻里', '纠纷'], parent: ['物业'] }],
    ]),
    dutyItems: [
      item({ code: 'P1', list: 'power', name: '餐饮油烟处罚', unitId: 10, keywords: ['油烟', '烧烤'], categoryCodes: ['010101'], basis: '《大气污染防治法》第一百一十八条' }),
      item({ code: 'P2', list: 'power', name: '工业废气检查', unitId: 11, keywords: ['废气', '工厂'], categoryCodes: ['010102'] }),
      item({ code: 'T1', list: 'township', name: '邻里纠纷调解', unitId: 13, townshipRole: '主责', keywords: ['邻居', '纠纷'], categoryCodes: ['020102'] }),
    ],
    units: new Map([
      [10, { id: 10, name: '综合行政执法局', shortName: '区执法局' }],
      [11, { id: 11, name: '生态环境分局', shortName: '环境分局' }],
      [12, { id: 12, name: '住房和城乡建设局', shortName: '区住建局' }],
      [13, { id: 13, name: '司法局', shortName: '区司法局' }],
      [20, { id: 20, name: '东城街道办事处', shortName: '东城街道' }],
      [21, { id: 21, name: '西城镇人民政府', shortName: '西城镇' }],
    ]),
    townshipUnits: new Map([['T01', 20], ['T02', 21]]),
    townships: new Map([
      ['T01', { code: 'T01', name: '东城街道', villages: new Map([['T01001', '幸福社区'], ['T01002', '和平社区']]) }],
      ['T02', { code: 'T02', name: '西城镇', villages: new Map([['T02001', '柳庄村']]) }],
    ]),
    cues: requestCues(),
    level1: (text) => (/油烟|废气|烧烤/.test(text)
      ? { label: '环境保护', probabilities: [{ label: '环境保护', probability: 0.8 }, { label: '城乡建设', probability: 0.2 }] }
      : { label: '城乡建设', probabilities: [{ label: '城乡建设', probability: 0.7 }, { label: '环境保护', probability: 0.3 }] }),
    ...over,
  };
}

describe('routing suggestions', () => {
  test('a barbecue-smoke complaint goes to the unit holding the power, with reasons a person can check', () => {
    const s = suggestRouting({ text: '楼下烧烤店油烟太大，每天晚上熏得没法开窗', townshipCode: 'T01', villageCode: null }, knowledge());
    assert.equal(s.category?.code, '010101');
    assert.deepEqual(s.category?.path, ['环境保护', '大气污染', '餐饮油烟']);
    assert.equal(s.units[0]?.unitId, 10);
    assert.ok(s.units[0]!.confidence > 0.5 && s.units[0]!.confidence < 1, `confidence ${s.units[0]!.confidence}`);
    const reasons = s.units[0]!.reasons.join(' | ');
    assert.match(reasons, /关键词: (油烟、烧烤|烧烤、油烟)/);
    assert.match(reasons, /权责清单: 餐饮油烟处罚 → 区执法局（依据 《大气污染防治法》第一百一十八条）/);
    assert.match(reasons, /诉求类别: 环境保护\/大气污染\/餐饮油烟 → 区执法局/);
    assert.ok(s.units.length <= 3);
  });

  test('a township-list matter goes to the township of the place, the department second', () => {
    const s = suggestRouting({ text: '和邻居因为楼道堆物起了纠纷，希望有人来调解', townshipCode: 'T02', villageCode: 'T02001' }, knowledge());
    assert.equal(s.units[0]?.unitId, 21, JSON.stringify(s.units));
    assert.ok(s.units[0]!.reasons.includes('属地: 西城镇'));
    assert.ok(s.units[0]!.reasons.some((r) => r.startsWith('属地清单: 邻里纠纷调解 → 西城镇（主责）')));
    assert.equal(s.units[1]?.unitId, 13);
    assert.equal(s.place.villageName, '柳庄村');
  });

  test('what the county learned from corrections outweighs a weak keyword', () => {
    const base = knowledge();
    const before = suggestRouting({ text: '工厂半夜排放刺鼻气味', townshipCode: 'T01', villageCode: null }, base);
    assert.equal(before.units[0]?.unitId, 11);
    const learned = knowledge({
      history: { unit: () => ({ label: '10', probabilities: [{ label: '10', probability: 0.9 }, { label: '11', probability: 0.1 }] }), trainedAt: new Date(), rows: 30 },
    });
    const after = suggestRouting({ text: '工厂半夜排放刺鼻气味', townshipCode: 'T01', villageCode: null }, learned);
    assert.equal(after.units[0]?.unitId, 10);
    assert.ok(after.units[0]!.reasons.includes('历史办结: 相似诉求 90% 由该单位办结'));
  });

  test('with no finer evidence only the level-1 class is suggested, and no unit is invented', () => {
    const s = suggestRouting({ text: '想了解一下相关情况', townshipCode: null, villageCode: null }, knowledge({ dutyItems: [] }));
    assert.equal(s.category?.code, '02');
    assert.equal(s.units.length, 0);
  });

  test('type, urgency and place come from cue words and the division list', () => {
    const cues = requestCues();
    assert.equal(suggestRequestType('请问新生儿落户需要什么材料？', cues).value, '咨询');
    assert.equal(suggestRequestType('举报某饭店无证经营', cues).value, '举报');
    assert.equal(suggestRequestType('感谢社区工作人员帮忙修好了路灯', cues).value, '表扬');
    assert.equal(suggestRequestType('路面坑洼', cues).value, cues.defaultType);
    assert.equal(suggestUrgency('楼道里有很重的煤气味，怀疑燃气泄漏', cues).value, 'urgent');
    assert.equal(suggestUrgency('路灯不亮', cues).value, 'normal');
    const place = suggestPlace({ text: '和平社区门口的路灯坏了', townshipCode: 'T01', villageCode: null }, knowledge());
    assert.equal(place.villageCode, 'T01002');
    assert.ok(place.reasons.includes('文本提及: 和平（东城街道）'));
  });
});
