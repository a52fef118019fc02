// Level-1 routing classifier on one core, the run-time path (featurize + predictLabel, no
// jieba): classifications per second over raw messages (title + body as typed, both TipDM raw
// files), median of ROUNDS rounds of COUNT texts after a warm-up round; model load time and file
// size. FAZHI_BENCH_COMPARE=a.bin,b.bin times other model files in the same run, rounds
// interleaved so a busy neighbour slows every model alike. Writes bench/results/classify.json.
//   node dist/bench/classify-bench.js
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { repoPath } from '../server/src/platform/repo-path.js';
import { featurize, loadModelFile, parseCsvRecords, predictLabel, SHIPPED_MODEL_PATH, type LinearModel } from '../server/src/modules/routing/index.js';

const COUNT = Number(process.env.FAZHI_BENCH_CLASSIFY ?? 20000);
const ROUNDS = 7;
const SHARED = join(process.env.FAZHI_SHARED_DATA ?? repoPath('..', 'shared', 'data'), 'tipdm2020');
const RAW = ['messages_with_replies.csv', 'messages_with_votes.csv'].map((f) => join(SHARED, f));
const SEGMENTED = join(SHARED, 'train_segmented.csv');

function texts(): { texts: string[]; source: string } {
  if (RAW.every((f) => existsSync(f))) {
    const t = RAW.flatMap((f) => parseCsvRecords(readFileSync(f, 'utf8')).map((r) => `${r.title ?? ''}\n${r.body ?? ''}`));
    return { texts: t, source: 'messages_with_replies.csv + messages_with_votes.csv, title + body (raw)' };
  }
  if (existsSync(SEGMENTED)) {
    const t = parseCsvRecords(readFileSync(SEGMENTED, 'utf8')).map((r) => (r.tokens ?? '').split(' ').join(''));
    return { texts: t, source: 'train_segmented.csv tokens joined' };
  }
  const t = ['小区夜间施工噪音扰民，请相关部门尽快处理！', '孩子上学难，学校乱收补课费', '公交车经常晚点，希望增加班次', '公司拖欠工资三个月，社保也没交', '医院挂号难，收费不透明', '景区门票涨价，商家欺诈游客'];
  return { texts: t, source: 'built-in sentences' };
}

interface Timed {
  path: string;
  model: LinearModel;
  fileBytes: number;
  loadMs: number;
  rates: number[];
  cpuRates: number[];
}

function load(path: string): Timed {
  const fileBytes = statSync(path).size;
  const t0 = performance.now();
  const model = loadModelFile(path);
  return { path, model, fileBytes, loadMs: performance.now() - t0, rates: [], cpuRates: [] };
}

const shippedPath = repoPath(SHIPPED_MODEL_PATH);
const models = [load(shippedPath), ...(process.env.FAZHI_BENCH_COMPARE ?? '').split(',').filter(Boolean).map(load)];
// Flatten the strings first (CSV parsing builds ropes) so the rounds time classification only.
const pool = texts();
const flat = pool.texts.map((t) => (t.charCodeAt(0), t));
const avgChars = flat.reduce((s, t) => s + t.length, 0) / flat.length;
// Wall-clock rate per round, and the rate by this process's CPU time: on a shared machine
// the second shows what the code costs when other processes take the core away.
const round = (m: Timed, record: boolean): void => {
  const buffer = new Float64Array(m.model.labels.length);
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < COUNT; i++) predictLabel(m.model, featurize(flat[i % flat.length]!, m.model.settings), buffer);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  if (!record) return;
  m.rates.push(COUNT / seconds);
  m.cpuRates.push(COUNT / ((used.user + used.system) / 1e6));
};
for (const m of models) round(m, false); // warm-up: JIT, caches
for (let r = 0; r < ROUNDS; r++) for (const m of models) round(m, true);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const describe = (m: Timed) => ({
  model: m.path === shippedPath ? SHIPPED_MODEL_PATH : basename(m.path),
  featureSettings: { ...m.model.settings, vocabulary: undefined, vocabularySize: m.model.settings.vocabulary.length, stopwordList: undefined, inferredStopwords: m.model.settings.stopwordList?.length ?? 0 },
  classificationsPerSecond: Math.round(median(m.rates)),
  classificationsPerSecondRounds: [...m.rates].sort((a, b) => a - b).map(Math.round),
  classificationsPerCpuSecond: Math.round(median(m.cpuRates)),
  modelLoadMs: Number(m.loadMs.toFixed(1)),
  modelFileBytes: m.fileBytes,
});
const [shipped, ...others] = models;
const result = {
  when: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  texts: COUNT,
  rounds: ROUNDS,
  source: pool.source,
  averageChars: Math.round(avgChars),
  path: 'featurize (vocabulary segmenter, no jieba) + predictLabel, one thread',
  ...describe(shipped!),
  ...(others.length ? { comparedInTheSameRun: others.map(describe) } : {}),
  targets: { classificationsPerSecond: 20000, modelLoadMs: 1000, modelFileBytes: 5 * 1024 * 1024 },
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(repoPath('bench/results'), { recursive: true });
writeFileSync(repoPath('bench/results/classify.json'), JSON.stringify(result, null, 2) + '\n');
