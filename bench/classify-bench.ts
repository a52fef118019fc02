// Level-1 routing classifier: classifications per second on one core (20,000 texts),
// model load time and file size. Writes bench/results/classify.json.
//   node dist/bench/classify-bench.js
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { repoPath } from '../server/src/platform/repo-path.js';
import { classifyText, featurize, loadModelFile, parseCsvRecords, predictLabel, SHIPPED_MODEL_PATH } from '../server/src/modules/routing/index.js';

const COUNT = Number(process.env.FAZHI_BENCH_CLASSIFY ?? 20000);
const RAW = '/work/shared/data/tipdm2020/messages_with_replies.csv';
const SEGMENTED = '/work/shared/data/tipdm2020/train_segmented.csv';

function texts(): { texts: string[]; source: string } {
  if (existsSync(RAW)) {
    const t = parseCsvRecords(readFileSync(RAW, 'utf8')).map((r) => `${r.title ?? ''}\n${r.body ?? ''}`);
    return { texts: t, source: 'messages_with_replies.csv title + body (raw)' };
  }
  if (existsSync(SEGMENTED)) {
    const t = parseCsvRecords(readFileSync(SEGMENTED, 'utf8')).map((r) => (r.tokens ?? '').split(' ').join(''));
    return { texts: t, source: 'train_segmented.csv tokens joined' };
  }
  const t = ['小区夜间施工噪音扰民，请相关部门尽快处理！', '孩子上学难，学校乱收补课费', '公交车经常晚点，希望增加班次', '公司拖欠工资三个月，社保也没交', '医院挂号难，收费不透明', '景区门票涨价，商家欺诈游客'];
  return { texts: t, source: 'built-in sentences' };
}

const path = repoPath(SHIPPED_MODEL_PATH);
const fileBytes = statSync(path).size;
let t0 = performance.now();
const model = loadModelFile(path);
const loadMs = performance.now() - t0;
classifyText('预热 warm-up：加载分词词典', model); // jieba's dictionary loads on first use
const { texts: pool, source } = texts();
const avgChars = pool.reduce((s, t) => s + t.length, 0) / pool.length;
const buffer = new Float64Array(model.labels.length);
t0 = performance.now();
for (let i = 0; i < COUNT; i++) predictLabel(model, featurize(pool[i % pool.length]!, model.settings), buffer);
const seconds = (performance.now() - t0) / 1000;
const result = {
  when: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  texts: COUNT,
  source,
  averageChars: Math.round(avgChars),
  featureSettings: model.settings,
  classificationsPerSecond: Math.round(COUNT / seconds),
  modelLoadMs: Number(loadMs.toFixed(1)),
  modelFileBytes: fileBytes,
  targets: { classificationsPerSecond: 20000, modelLoadMs: 1000, modelFileBytes: 20 * 1024 * 1024 },
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(repoPath('bench/results'), { recursive: true });
writeFileSync(repoPath('bench/results/classify.json'), JSON.stringify(result, null, 2) + '\n');
