// Retraining from a county's history: how long `fazhi routing train` takes on a year of
// answered requests. The requests are the demo generator's, labelled the way the platform
// labels them (the unit that answered, the leaf category). Writes bench/results/history-training.json.
//   FAZHI_BENCH_HISTORY_ROWS=100000 node dist/bench/history-train-bench.js
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { generateRequestText, seededRng } from '../server/src/modules/demo/index.js';
import { readTaxonomy, type TaxonomyNode } from '../server/src/modules/requests/index.js';
import { encodeModel, featurize, predictLabel, trainHistoryModel, type LabelledText } from '../server/src/modules/routing/index.js';
import { repoPath } from '../server/src/platform/repo-path.js';

const ROWS = Number(process.env.FAZHI_BENCH_HISTORY_ROWS ?? 100_000);
const TOWNSHIPS = 11;

const leaves: Array<{ code: string; name: string; level1: string; department: string }> = [];
for (const l1 of readTaxonomy().categories) {
  const walk = (n: TaxonomyNode) => (n.children ? n.children.forEach(walk) : leaves.push({ code: n.code, name: n.name, level1: l1.name, department: n.defaultDepartment ?? 'township' }));
  walk(l1);
}
const rng = seededRng(20261123);
const units: LabelledText[] = [];
const categories: LabelledText[] = [];
for (let i = 0; i < ROWS; i++) {
  const leaf = leaves[Math.floor(rng() * leaves.length)]!;
  const township = Math.floor(rng() * TOWNSHIPS);
  const t = generateRequestText(rng, { categoryCode: leaf.code, categoryName: leaf.name, level1Name: leaf.level1, townshipName: `第${township}街道`, villageName: '' });
  const text = `${t.title}\n${t.content}`;
  units.push({ text, label: leaf.department === 'township' ? `township-${township}` : leaf.department });
  categories.push({ text, label: leaf.code });
}

const timed = (rows: LabelledText[]) => {
  const started = performance.now();
  const model = trainHistoryModel(rows)!;
  const seconds = (performance.now() - started) / 1000;
  const holdout = rows.slice(0, 2000);
  const correct = holdout.filter((r) => predictLabel(model, featurize(r.text, model.settings)) === r.label).length;
  return { rows: rows.length, labels: model.labels.length, seconds: Number(seconds.toFixed(1)), modelBytes: encodeModel(model).length, trainingAccuracyOn2000: Number((correct / holdout.length).toFixed(3)) };
};
const result = {
  when: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  source: 'demo generator texts (server/src/modules/demo), labels as the platform assigns them',
  unitModel: timed(units),
  categoryModel: timed(categories),
  target: 'minutes, not hours, for a county’s year of history',
};
mkdirSync(repoPath('bench', 'results'), { recursive: true });
writeFileSync(repoPath('bench', 'results', 'history-training.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
