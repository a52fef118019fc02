// The level-1 classifier on raw text: the hand-labelled sample, the inferred stop-words,
// self-training and the token-gap measure. Tests that need ../shared/data skip without it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../../../platform/repo-path.js';
import { defaultFeatureSettings, featurize, tokenize, type FeatureSettings } from '../rules/features.js';
import { inferStopwords } from '../rules/infer-stopwords.js';
import { decodeModel, encodeModel } from '../model-file.js';
import { joinTokens, parseTrainingCsv, trainFromRows } from '../operations/train-classifier.js';
import { keepRowShares, pseudoLabel, trainWithRawPool } from '../operations/self-training.js';
import { OUTSIDE, readReplyDepartments, replyDepartmentLabel } from '../operations/reply-labels.js';
import { measureTokenGap } from '../operations/token-gap.js';
import { haveRawMessages, readHandLabelledFile } from '../operations/hand-labelled.js';
import { drawHandSample, matchTrainingRows } from '../operations/raw-sample.js';
import { readRawMessages, readSegmentedRows, TIPDM_DIR } from '../operations/tipdm-data.js';
import { runRoutingCommand } from '../index.js';

const SEVEN = ['交通运输', '劳动和社会保障', '卫生计生', '商贸旅游', '城乡建设', '教育文体', '环境保护'];
const OTHER_LEVEL1 = ['政法', '民政', '国土资源', '农村农业', '党务政务', '纪检监察', '经济管理', '科技与信息产业'];

test('the hand-labelled sample names each raw message once, by file and id, with a level-1 class and a part', () => {
  const file = readHandLabelledFile();
  assert.match(file.source, /tipdm/i);
  assert.ok(file.how.length > 100, 'says how it was made');
  const keys = file.items.map((i) => `${i.file}#${i.id}`);
  assert.equal(new Set(keys).size, keys.length);
  assert.equal(file.items.length, file.draw.size);
  assert.equal(file.items.filter((i) => i.part === 'dev').length, file.draw.devSize);
  for (const i of file.items) {
    assert.ok(i.file === 'messages_with_replies.csv' || i.file === 'messages_with_votes.csv', i.file);
    assert.match(i.id, /^\d+$/);
    assert.ok(SEVEN.includes(i.label) || OTHER_LEVEL1.includes(i.label), i.label);
    assert.ok(!('title' in i) && !('body' in i), 'no text is copied into the repository');
  }
  // The dev part comes first in draw order, then the test part.
  assert.deepEqual(file.items.slice(0, file.draw.devSize!).map((i) => i.part), file.items.slice(0, file.draw.devSize!).map(() => 'dev'));
});

test('pre-segmented tokens join without spaces, except between latin or digit ends', () => {
  assert.equal(joinTokens(['小区', '噪音', 'A7', '县', 'https', 'baidu', 'com', '2018', '年']), '小区噪音A7县https baidu com 2018年');
  assert.deepEqual(parseTrainingCsv('tokens,label\n网址 https baidu com 噪音,环境保护\n'), [{ text: '网址https baidu com噪音', label: '环境保护' }]);
  assert.deepEqual(tokenize('https://baidu.com'), tokenize(joinTokens(['https', 'baidu', 'com'])));
});

test('stop-words inferred from raw text: common there, never among the rows, minus the words kept by hand', () => {
  const raw = [['简直', '噪音', '广铁集团'], ['简直', '扰民', '广铁集团'], ['简直', '首先'], ['首先', 'abc']];
  const rows = new Set(['噪音', '扰民']);
  assert.deepEqual(inferStopwords(raw, rows, { minMessages: 2, keep: ['广铁集团'] }), ['简直', '首先']);
  assert.deepEqual(inferStopwords(raw, rows, { minMessages: 3, keep: [] }), ['简直']);
});

test('an inferred stop-word list drops those words at run time and travels with the model file', () => {
  const settings: FeatureSettings = { ...defaultFeatureSettings, vocabulary: ['噪音', '扰民', '简直'] };
  assert.deepEqual(tokenize('简直噪音扰民', settings), ['简直', '噪音', '扰民']);
  const withList: FeatureSettings = { ...settings, stopwordList: ['简直'] };
  assert.deepEqual(tokenize('简直噪音扰民', withList), ['噪音', '扰民']);
  assert.deepEqual(featurize('简直，噪音扰民！', withList), featurize('噪音扰民', withList));
  const model = trainFromRows(
    [
      { text: '噪音扰民', label: 'a' },
      { text: '学校收费', label: 'b' },
    ],
    { epochs: 3, features: { hashBits: 10, stopwordList: ['简直'] } },
  );
  const loaded = decodeModel(encodeModel(model));
  assert.deepEqual(loaded.settings.stopwordList, ['简直']);
  assert.deepEqual(tokenize('简直噪音', loaded.settings), tokenize('噪音', loaded.settings));
});

test('self-training adds the raw texts the first model is sure of, with its label, and learns their words', () => {
  const rows = [
    ...['工厂废气污染', '河道污水直排', '化工厂偷排废水', '空气污染严重'].map((text) => ({ text, label: '环境保护' })),
    ...['学校乱收费', '老师体罚学生', '幼儿园入园难', '小学招生不公'].map((text) => ({ text, label: '教育文体' })),
  ];
  const words = rows.map((r) => [...r.text]);
  const pool = [
    { text: '化工厂偷排废水，河道污染，臭气熏天', words: ['化工厂', '偷排', '废水', '河道', '污染', '臭气熏天'] },
    { text: '今天天气不错', words: ['今天', '天气', '不错'] },
  ];
  const first = trainWithRawPool(rows, words, { hashBits: 12, vocabularyMinCount: 1 }, { epochs: 20, seed: 1 }, pool);
  assert.deepEqual(first.pseudoLabelled, {});
  const sure = pseudoLabel(first.model, pool, 0.6);
  assert.deepEqual(sure.map((s) => [s.text, s.label]), [['化工厂偷排废水，河道污染，臭气熏天', '环境保护']]);
  const second = trainWithRawPool(rows, words, { hashBits: 12, vocabularyMinCount: 1 }, { epochs: 20, seed: 1 }, pool, { threshold: 0.6 });
  assert.deepEqual(second.pseudoLabelled, { 环境保护: 1 });
  assert.ok(second.model.settings.vocabulary.includes('臭气熏天'), 'the raw message\'s words joined the vocabulary');
  assert.ok(!first.model.settings.vocabulary.includes('臭气熏天'));
});

test('a reply gives its message the class of the department it names first; other level-1 departments are outside', () => {
  const departments = { source: 'test', classes: { 环境保护: ['环保局', '生态环境局'], 城乡建设: ['住建局'] }, outside: ['公安局'] };
  assert.equal(replyDepartmentLabel('经区环保局现场核查，已责令整改，并抄送住建局。', departments), '环境保护');
  assert.equal(replyDepartmentLabel('已转住建局，环保局配合。', departments), '城乡建设');
  assert.equal(replyDepartmentLabel('经县公安局调查，住建局配合。', departments), OUTSIDE);
  assert.equal(replyDepartmentLabel('我局高度重视，现回复如下。', departments), undefined);
});

test('the shipped reply-department mapping names its source and maps each name to one of the seven classes once', () => {
  const departments = readReplyDepartments();
  assert.match(departments.source, /messages_with_replies/);
  const names = [...Object.values(departments.classes).flat(), ...departments.outside];
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(Object.keys(departments.classes).sort(), [...SEVEN].sort());
});

test('self-training can label a message by its reply, or only where message and reply agree', () => {
  const rows = [
    ...['工厂废气污染', '河道污水直排', '化工厂偷排废水', '空气污染严重'].map((text) => ({ text, label: '环境保护' })),
    ...['学校乱收费', '老师体罚学生', '幼儿园入园难', '小学招生不公'].map((text) => ({ text, label: '教育文体' })),
  ];
  const { model } = trainWithRawPool(rows, rows.map((r) => [...r.text]), { hashBits: 12, vocabularyMinCount: 1 }, { epochs: 20, seed: 1 }, []);
  const pool = [
    { text: '化工厂偷排废水，河道污染', words: ['化工厂'], reply: '学校乱收费问题已查，老师体罚学生已处理' },
    { text: '空气污染严重，工厂废气', words: ['空气'], reply: '工厂废气污染已整改，河道污水直排已查处' },
    { text: '学校乱收费', words: ['学校'] },
  ];
  const label = (labelBy: 'message' | 'reply' | 'agree') => pseudoLabel(model, pool, 0.6, labelBy).map((j) => [j.text, j.label]);
  assert.deepEqual(label('message'), [['化工厂偷排废水，河道污染', '环境保护'], ['空气污染严重，工厂废气', '环境保护'], ['学校乱收费', '教育文体']]);
  assert.deepEqual(label('reply'), [['化工厂偷排废水，河道污染', '教育文体'], ['空气污染严重，工厂废气', '环境保护'], ['学校乱收费', '教育文体']]);
  assert.deepEqual(label('agree'), [['空气污染严重，工厂废气', '环境保护'], ['学校乱收费', '教育文体']]);
});

test('joined raw messages can be held to the rows\' class shares, the most probable kept', () => {
  const rows = [{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }, { text: 'c', label: 'x' }, { text: 'd', label: 'y' }];
  const joined = [
    { text: '1', label: 'y', probability: 0.9 },
    { text: '2', label: 'y', probability: 0.95 },
    { text: '3', label: 'y', probability: 0.7 },
    { text: '4', label: 'x', probability: 0.8 },
  ];
  // 4 joined: x may have 3, y 1 (the most probable).
  assert.deepEqual(keepRowShares(joined, rows).map((j) => j.text), ['2', '4']);
});

test('the token gap compares the run-time tokens of rows and raw text', () => {
  const settings: FeatureSettings = { ...defaultFeatureSettings, vocabulary: ['小区', '噪音', '扰民'] };
  const gap = measureTokenGap([['小区', '噪音'], ['扰民']], ['小区的噪音扰民', '邻居噪音'], settings, 3);
  // raw tokens: 小区 噪音 扰民 | 邻 居 噪音 (的 is a stop-word; 邻居 is not in the vocabulary).
  assert.deepEqual(gap.tokensPerMessage, { training: 1.5, raw: 3 });
  assert.equal(gap.rawTokensSeenInTraining, 0.6667);
  assert.deepEqual(gap.rawOnly, [['居', 0.5], ['邻', 0.5]]);
  assert.deepEqual(gap.trainingOnly, []);
  assert.deepEqual(gap.looseCharacters, { training: 0, raw: 0.3333 });
});

const noData = haveRawMessages() ? false : `the raw TipDM messages are not at ${TIPDM_DIR} (set FAZHI_SHARED_DATA): skipped`;

test('`routing eval --hand-labelled test` reproduces the raw figure recorded with the shipped model, and its CSV scores the same through --from', { skip: noData, timeout: 300_000 }, async () => {
  const meta = JSON.parse(readFileSync(repoPath('server/src/modules/routing/data/level1-model.json'), 'utf8')) as {
    rawHandLabelled: { test: { outOfScope: number; all: { macroF1: number; total: number; perClassF1: Record<string, number> } } };
  };
  const dir = mkdtempSync(join(tmpdir(), 'routing-raw-'));
  try {
    const csv = join(dir, 'test.csv');
    const r = await runRoutingCommand(['routing', 'eval', '--hand-labelled', 'test', '--json', '--csv', csv]);
    assert.equal(r.exitCode, 0, r.output);
    const result = JSON.parse(r.output) as { outOfScope: number; all: { macroF1: number; total: number; perClass: { label: string; f1: number }[] } };
    const recorded = meta.rawHandLabelled.test;
    assert.equal(result.all.total, recorded.all.total);
    assert.equal(result.outOfScope, recorded.outOfScope);
    assert.equal(Number(result.all.macroF1.toFixed(4)), recorded.all.macroF1);
    for (const c of result.all.perClass) assert.equal(Number(c.f1.toFixed(4)), recorded.all.perClassF1[c.label], c.label);
    const fromCsv = await runRoutingCommand(['routing', 'eval', '--from', csv, '--json']);
    assert.equal(fromCsv.exitCode, 0, fromCsv.output);
    assert.equal((JSON.parse(fromCsv.output) as { macroF1: number }).macroF1, result.all.macroF1);
    const text = await runRoutingCommand(['routing', 'eval', '--hand-labelled', 'dev']);
    assert.match(text.output, /宏平均F1/);
    assert.match(text.output, /环境保护\t\d+\t/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the sample is what operations/raw-sample.ts draws from the raw files', { skip: noData, timeout: 600_000 }, () => {
  const file = readHandLabelledFile();
  const { drawn, excludedAsTraining, skippedAsRepeat } = drawHandSample(file.draw.size, file.draw.devSize, file.draw.seed);
  assert.deepEqual(
    drawn.map((m) => [m.file, m.id, m.part]),
    file.items.map((i) => [i.file, i.id, i.part]),
  );
  assert.equal(excludedAsTraining, file.draw.excludedAsTraining);
  assert.equal(skippedAsRepeat, file.draw.skippedAsRepeat);
});

test('the source-labelled raw figure scores every raw message that is a training row, and its F1s follow from its confusion matrix', { skip: noData, timeout: 300_000 }, () => {
  const meta = JSON.parse(readFileSync(repoPath('server/src/modules/routing/data/level1-model.json'), 'utf8')) as {
    rawSourceLabelled: { raw: { total: number; macroF1: number; perClassF1: Record<string, number>; support: Record<string, number>; confusion: { labels: string[]; matrix: number[][] } }; segmented: { total: number } };
  };
  const { raw, segmented } = meta.rawSourceLabelled;
  const { matches } = matchTrainingRows(readRawMessages(), readSegmentedRows());
  assert.equal(raw.total, matches.length);
  assert.equal(segmented.total, matches.length);
  const { labels, matrix } = raw.confusion;
  const f1s = labels.map((label, k) => {
    const tp = matrix[k]![k]!;
    const support = matrix[k]!.reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, row) => a + row[k]!, 0);
    assert.equal(support, raw.support[label], label);
    const f1 = tp ? (2 * tp) / (support + predicted) : 0;
    assert.equal(Number(f1.toFixed(4)), raw.perClassF1[label], label);
    return f1;
  });
  assert.equal(Number((f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(4)), raw.macroF1);
});
