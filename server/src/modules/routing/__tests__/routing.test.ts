import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildVocabulary, defaultFeatureSettings, featurize, normaliseText, tokenize, type FeatureSettings } from '../rules/features.js';
import { parseCsv } from '../../../platform/csv.js';
import { predict, quantizeInt8, trainLinearModel } from '../rules/linear-model.js';
import { decodeModel, encodeModel, loadModelFile, saveModel } from '../model-file.js';
import { evaluate } from '../operations/evaluate-classifier.js';
import { parseTrainingCsv, readTrainingCsv, stratifiedSplit, trainFromRows } from '../operations/train-classifier.js';
import { shippedTrainOptions, SPLIT_SEED, TEST_FRACTION } from '../operations/shipped-settings.js';
import { TIPDM_TRAIN_CSV } from '../operations/build-shipped-model.js';
import { classifyText, loadModel, runRoutingCommand } from '../index.js';

test('normalisation: full-width to half-width, lower case, digit runs collapsed', () => {
  assert.equal(normaliseText('ＡＢＣ１２３，Ｘ市2019年'), 'abc0,x市0年');
});

test('features are deterministic and ignore punctuation and spacing', () => {
  const a = featurize('油烟扰民！');
  const b = featurize('油烟 扰民');
  assert.deepEqual([...a.indices], [...b.indices]);
  assert.deepEqual([...a.values], [...b.values]);
  assert.deepEqual(featurize('小区噪音扰民，请处理。'), featurize('小区噪音扰民，请处理。'));
  assert.ok(a.indices.length > 0);
  const norm = a.values.reduce((s, v) => s + v * v, 0);
  assert.ok(Math.abs(norm - 1) < 1e-5);
  assert.ok(!tokenize('A市A2区的小区，油烟扰民！！').some((w) => /[，！]|^a$|^的$/.test(w)));
  assert.equal(featurize('，。！？').indices.length, 0);
});

test('the run-time segmenter takes the longest vocabulary word and drops stop-words', () => {
  const settings: FeatureSettings = { ...defaultFeatureSettings, vocabulary: ['油烟', '油烟机', '扰民', '噪音'] };
  assert.deepEqual(tokenize('油烟机的油烟扰民，噪音！', settings), ['油烟机', '油烟', '扰民', '噪音']);
  // Unknown characters are words of their own; latin/digit runs are one token, bare numbers and single letters go.
  assert.deepEqual(tokenize('A市的wifi坏了3天', settings), ['市', 'wifi', '坏', '天']);
  // Training rows arrive joined without spaces or stop-words; live text has both: same features.
  assert.deepEqual(featurize('油烟机油烟扰民', settings), featurize('油烟机的油烟，扰民！', settings));
  assert.notDeepEqual(featurize('油烟机油烟扰民', settings), featurize('油烟机油烟扰民', { ...settings, vocabulary: [] }));
  // Without a segmenter there are no word features: character n-grams of every CJK character.
  const none: FeatureSettings = { ...settings, segmenter: 'none', words: false };
  assert.deepEqual(tokenize('油烟扰民', none), []);
  assert.equal(featurize('油烟扰民', none).indices.length, 4 + 3);
});

test('the vocabulary keeps multi-character CJK words seen often enough, sorted', () => {
  assert.deepEqual(buildVocabulary([['噪音', '扰民', '的', 'wifi'], ['扰民', '噪音'], ['油烟']], 2), ['噪音', '扰民']);
  assert.deepEqual(buildVocabulary([['噪音', '油烟']], 1), ['噪音', '油烟']);
});

test('CSV parser handles quotes, commas, newlines, doubled quotes, CRLF and BOM', () => {
  const text = '\ufefftitle,body,label\r\n"a, b","line1\nline2 ""quoted""",x\r\nplain,,y\n"",z,\n';
  assert.deepEqual(parseCsv(text), [
    ['title', 'body', 'label'],
    ['a, b', 'line1\nline2 "quoted"', 'x'],
    ['plain', '', 'y'],
    ['', 'z', ''],
  ]);
  assert.deepEqual(parseTrainingCsv(text), [
    { text: 'a, b\nline1\nline2 "quoted"', label: 'x' },
    { text: 'plain', label: 'y' },
  ]);
  assert.deepEqual(parseTrainingCsv('row_no,tokens,label\n1,油烟 扰民 噪音,环境保护\n'), [{ text: '油烟扰民噪音', label: '环境保护' }]);
});

const fixture = [
  ...['公交车晚点严重', '地铁站出口拥堵', '公交线路调整不合理', '出租车拒载乘客', '道路上货车超载', '高速公路收费站排队', '公交站台破损', '网约车乱收费', '驾驶证年审办理', '地铁票价太高'].map((text) => ({ text, label: '交通运输' })),
  ...['学校乱收补课费', '幼儿园入园难', '老师体罚学生', '中学食堂饭菜差', '小学招生划片不公', '教师工资拖欠', '高考报名咨询', '学生课业负担重', '民办学校收费', '大学宿舍条件差'].map((text) => ({ text, label: '教育文体' })),
  ...['工厂排放废气污染', '河道污水直排', '夜间施工噪音扰民', '餐馆油烟扰民', '垃圾焚烧臭味', '空气污染严重', '化工厂偷排废水', '养猪场臭气熏天', '砂石场粉尘污染', '湖泊水质变差'].map((text) => ({ text, label: '环境保护' })),
];

test('trainer fits a small fixture and predicts clearly worded new sentences', () => {
  const model = trainFromRows(fixture, { epochs: 30, l2: 1e-6, seed: 1 });
  for (const r of fixture) assert.equal(predict(model, featurize(r.text, model.settings)).label, r.label, r.text);
  assert.equal(classifyText('这所学校的老师乱收费，学生家长很不满', model).label, '教育文体');
  assert.equal(classifyText('公交车经常晚点，地铁也拥堵', model).label, '交通运输');
  assert.equal(classifyText('工厂排放的废水污染了河道', model).label, '环境保护');
  const p = classifyText('公交车晚点', model).probabilities;
  assert.equal(p.length, 3);
  assert.ok(Math.abs(p.reduce((s, x) => s + x.probability, 0) - 1) < 1e-9);
  for (let i = 1; i < p.length; i++) assert.ok(p[i - 1]!.probability >= p[i]!.probability);
  const again = trainFromRows(fixture, { epochs: 30, l2: 1e-6, seed: 1 });
  assert.deepEqual(again.weights, model.weights);
  // jieba built the vocabulary from the training text; the segmenter uses it afterwards.
  const vocabulary = model.settings.vocabulary;
  assert.ok(vocabulary.length > 0);
  assert.deepEqual([...vocabulary].sort(), vocabulary);
  assert.ok(vocabulary.every((w) => w.length >= 2 && /^[\u4e00-\u9fff]+$/.test(w)), vocabulary.join(' '));
});

test('a finished model is on an int8 grid, one scale per class', () => {
  const x = (i: number) => ({ indices: Int32Array.of(i), values: Float32Array.of(1) });
  const model = trainLinearModel([{ x: x(1), label: 'a' }, { x: x(2), label: 'b' }, { x: x(3), label: 'a' }], { ...defaultFeatureSettings, hashBits: 4 }, { epochs: 20 });
  const { weights: q, scales } = model.int8!;
  assert.equal(q.length, model.weights.length);
  let extreme = 0;
  for (let j = 0; j < q.length; j++) {
    assert.equal(model.weights[j], Math.fround(q[j]! * scales[j % 2]!));
    extreme = Math.max(extreme, Math.abs(q[j]!));
  }
  assert.equal(extreme, 127);
  assert.equal(predict(model, x(2)).label, 'b');
  assert.equal(predict(model, x(1)).label, 'a');
  const copy = { ...model, weights: model.weights.slice(), int8: undefined };
  assert.deepEqual(quantizeInt8(copy).int8!.weights, q);
});

test('model save and load round-trip gives identical probabilities', () => {
  const model = trainFromRows(fixture, { epochs: 5, seed: 3, features: { hashBits: 12 } });
  const dir = mkdtempSync(join(tmpdir(), 'routing-'));
  try {
    const path = join(dir, 'm.bin');
    saveModel(model, path);
    const loaded = loadModelFile(path);
    assert.deepEqual(loaded.labels, model.labels);
    assert.deepEqual(loaded.settings, model.settings);
    for (const text of ['学校收费', '公交晚点，地铁拥堵！', '噪音扰民']) assert.deepEqual(classifyText(text, loaded), classifyText(text, model));
    assert.deepEqual(decodeModel(encodeModel(loaded)).weights, model.weights);
    assert.throws(() => decodeModel(Buffer.from('nope')), /not a Fazhi routing model/);
    // A version-1 file (jieba per message, f32) is refused with a way forward.
    const v1 = Buffer.from(encodeModel(model));
    const headerLength = v1.readUInt32LE(4);
    const header = v1.toString('utf8', 8, 8 + headerLength).replace('"version":2', '"version":1').padEnd(headerLength);
    v1.write(header, 8, 'utf8');
    assert.throws(() => decodeModel(v1), /version 1 is not supported.*retrain/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evaluation metrics match a hand-computed example', () => {
  // actual a a a b b c ; predicted a a b b c c
  const e = evaluate(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c']);
  assert.deepEqual(e.labels, ['a', 'b', 'c']);
  assert.deepEqual(e.confusion, [[2, 1, 0], [0, 1, 1], [0, 0, 1]]);
  assert.equal(e.accuracy, 4 / 6);
  const [a, b, c] = e.perClass;
  assert.equal(a!.precision, 1);
  assert.equal(a!.recall, 2 / 3);
  assert.ok(Math.abs(a!.f1 - 0.8) < 1e-12);
  assert.equal(b!.precision, 0.5);
  assert.equal(b!.recall, 0.5);
  assert.ok(Math.abs(c!.f1 - 2 / 3) < 1e-12);
  assert.ok(Math.abs(e.macroF1 - (0.8 + 0.5 + 2 / 3) / 3) < 1e-12);
});

test('routing CLI prints usage for bad arguments', async () => {
  const r = await runRoutingCommand(['routing', 'frobnicate']);
  assert.equal(r.exitCode, 2);
  assert.match(r.output, /routing train/);
});

const haveData = existsSync(TIPDM_TRAIN_CSV);
test('trained on the seeded 80 %, the model reaches macro-F1 ≥ 0.90 on the untouched 20 % of the TipDM data', { skip: haveData ? false : `skipped: ${TIPDM_TRAIN_CSV} is absent`, timeout: 300_000 }, () => {
  const rows = readTrainingCsv(TIPDM_TRAIN_CSV);
  const { train, test: heldOut } = stratifiedSplit(rows, TEST_FRACTION, SPLIT_SEED);
  const model = trainFromRows(train, shippedTrainOptions);
  // Raw-ish: the joined tokens with punctuation put back must still classify.
  const predicted = heldOut.map((r) => classifyText(r.text.replace(/(.{12})/g, '$1，'), model).label);
  const e = evaluate(heldOut.map((r) => r.label), predicted, model.labels);
  console.log(`# routing: held-out macro-F1 ${e.macroF1.toFixed(4)} over ${heldOut.length} messages`);
  assert.ok(e.macroF1 >= 0.9, `macro-F1 ${e.macroF1}`);
});

test('the shipped model file loads and reads plain complaints right', () => {
  const model = loadModel();
  assert.equal(model.labels.length, 7);
  assert.ok(model.settings.vocabulary.length > 10_000, 'the shipped model carries its vocabulary');
  assert.equal(classifyText('孩子就读的小学违规收取课后补课费，请教育局查处。', model).label, '教育文体');
  assert.equal(classifyText('公司拖欠我们三个月工资不发，社保也一直没有缴纳。', model).label, '劳动和社会保障');
});
if (!haveData) console.log(`routing: ${TIPDM_TRAIN_CSV} is absent; the real-data test is skipped.`);
