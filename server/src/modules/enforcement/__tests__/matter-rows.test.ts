import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MATTER_COLUMNS as C } from '../enforcement.strings.js';
import { parseMatterRows } from '../rules/matter-rows.js';

const resolve = {
  subject: (name: string) => (name === '兰山区市场监督管理局' ? { id: 7, fields: ['market'] } : undefined),
  dutyExists: (code: string) => code === 'QZ-SC-0001',
};
const base = { [C.code]: 'XZZF-SC-001', [C.name]: '对经营超过保质期的食品的处罚', [C.kind]: '行政处罚', [C.field]: '市场监管', [C.subject]: '兰山区市场监督管理局', [C.basis]: '《中华人民共和国食品安全法》第一百二十四条' };
const grade = (circumstance: string, description: string, fineMin: string, fineMax: string, other = '') =>
  ({ [C.circumstance]: circumstance, [C.description]: description, [C.fineMin]: fineMin, [C.fineMax]: fineMax, [C.otherPenalties]: other });

test('rows sharing a code make one matter with its grades', () => {
  const { matters, problems } = parseMatterRows([
    { ...base, [C.dutyCode]: 'QZ-SC-0001', [C.firstOffenceExempt]: '是', [C.exemptionItem]: '首次经营临近保质期标示不清的预包装食品，及时改正', ...grade('一般', '货值不足一万元', '50,000', '100000', '没收违法所得') },
    { [C.code]: 'XZZF-SC-001', ...grade('较重', '货值一万元以上', '100000', '150000', '没收违法所得、没收非法财物') },
    { ...base, [C.code]: 'XZZF-JC-001', [C.kind]: '行政检查', [C.name]: '食品经营日常监督检查' },
  ], resolve);
  assert.deepEqual(problems, []);
  assert.equal(matters.length, 2);
  const [penalty, inspection] = matters;
  assert.equal(penalty!.subjectId, 7);
  assert.equal(penalty!.field, 'market');
  assert.equal(penalty!.firstOffenceExempt, true);
  assert.equal(penalty!.minorExempt, false);
  assert.deepEqual(penalty!.discretion, [
    { circumstance: 'ordinary', description: '货值不足一万元', fineMin: 50_000, fineMax: 100_000, otherPenalties: ['没收违法所得'] },
    { circumstance: 'serious', description: '货值一万元以上', fineMin: 100_000, fineMax: 150_000, otherPenalties: ['没收违法所得', '没收非法财物'] },
  ]);
  assert.deepEqual(inspection!.discretion, []);
});

test('every bad row is named by its line (the header is line 1), and nothing is returned', () => {
  const { matters, problems } = parseMatterRows([
    { ...base, [C.subject]: '某某局', ...grade('一般', '情节一般', '100', '50') },
    { ...base, [C.code]: 'X2', [C.kind]: '行政奖励', [C.field]: '航天' },
    { ...base, [C.code]: 'X3', [C.firstOffenceExempt]: '可以', [C.dutyCode]: 'NONE', ...grade('特别严重', '', 'abc', '', '罚酒三杯') },
    { [C.code]: 'X4', [C.name]: '' },
    { ...base, [C.code]: 'X5', [C.minorExempt]: '是', [C.exemptionItem]: '轻微违法及时改正', ...grade('一般', '一般', '5000', '20000') },
    { [C.code]: 'X5', [C.name]: '另一个名称', ...grade('较重', '较重', '20000', '30000') },
    { ...base, [C.code]: 'X6', ...grade('', '', '100', '') },
    { ...base, [C.code]: 'X7', [C.minorExempt]: '是' },
  ], resolve);
  assert.deepEqual(matters, []);
  assert.deepEqual(problems, [
    '第 2 行：没有名为「某某局」的执法主体',
    '第 3 行：事项类别「行政奖励」不在 行政处罚、行政强制、行政检查、行政征收、行政确认、其他行政权力 之中',
    '第 3 行：执法领域「航天」不在执法领域清单中',
    '第 4 行：权责清单中没有编码为「NONE」的事项',
    '第 4 行：「首违不罚」只能填 是 或 否，不能是「可以」',
    '第 4 行：违法情节「特别严重」只能是 轻微、一般、较重、严重',
    '第 4 行：「情节描述」不能为空',
    '第 4 行：「罚款下限（元）」应为不小于 0 的整数元，不能是「abc」',
    '第 4 行：其他处罚「罚酒三杯」不是行政处罚法第九条规定的处罚种类',
    '第 5 行：「事项名称」不能为空',
    '第 5 行：「事项类别」不能为空',
    '第 5 行：「执法领域」不能为空',
    '第 5 行：「实施主体」不能为空',
    '第 5 行：「法律依据」不能为空',
    '第 7 行：「事项名称」与第 6 行同一事项的填写不一致',
    '第 8 行：填写了裁量内容却没有「违法情节」',
    '第 9 行：列入首违不罚或轻微不罚清单的事项须填写「不罚清单事项」',
  ]);
});

test('a benchmark whose fine runs backwards is refused at its line', () => {
  const { problems } = parseMatterRows([{ ...base, ...grade('一般', '情节一般', '100', '50') }], resolve);
  assert.deepEqual(problems, ['第 2 行：罚款下限大于上限']);
  assert.deepEqual(parseMatterRows([], resolve).problems, ['文件没有数据行']);
  assert.deepEqual(parseMatterRows([{ [C.code]: 'A' }], resolve).problems, ['缺少列：事项名称、事项类别、执法领域、实施主体、法律依据']);
});

test('the later rows of a refused matter are not refused again for what its first row holds', () => {
  const { problems } = parseMatterRows([
    { ...base, [C.subject]: '某某局', ...grade('一般', '情节一般', '100', '200') },
    { [C.code]: 'XZZF-SC-001', ...grade('较重', '情节较重', '200', '300') },
    { [C.code]: 'XZZF-SC-001', ...grade('严重', '情节严重', 'x', '400') },
  ], resolve);
  assert.deepEqual(problems, ['第 2 行：没有名为「某某局」的执法主体', '第 4 行：「罚款下限（元）」应为不小于 0 的整数元，不能是「x」']);
});
