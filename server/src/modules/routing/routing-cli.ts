// `routing train --from file.csv [--out path]` and `routing eval --from file.csv [--json] [--model path]`.
import { repoPath } from '../../platform/repo-path.js';
import { featurize } from './rules/features.js';
import { predictLabel } from './rules/linear-model.js';
import { loadModelFile, saveModel } from './model-file.js';
import { evaluate, formatEvaluation } from './operations/evaluate-classifier.js';
import { readTrainingCsv, trainFromRows } from './operations/train-classifier.js';
import { shippedTrainOptions } from './operations/shipped-settings.js';

export const SHIPPED_MODEL_PATH = 'server/src/modules/routing/data/level1-model.bin';

const USAGE = [
  '用法 usage:',
  '  routing train --from file.csv [--out model.bin]   训练分类模型（CSV 列：title,body,label 或 tokens,label）',
  '  routing eval --from file.csv [--model model.bin] [--json]   评估模型：准确率、宏平均F1、混淆矩阵',
].join('\n');

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runRoutingCommand(args: string[]): Promise<{ exitCode: number; output: string }> {
  const rest = args[0] === 'routing' ? args.slice(1) : args;
  const [command, ...opts] = rest;
  const from = option(opts, '--from');
  try {
    if ((command !== 'train' && command !== 'eval') || !from) return { exitCode: 2, output: USAGE };
    const rows = readTrainingCsv(from);
    if (rows.length === 0) return { exitCode: 1, output: `${from}: 没有带标签的行 (no labelled rows)` };
    if (command === 'train') {
      const out = option(opts, '--out') ?? repoPath(SHIPPED_MODEL_PATH);
      const started = performance.now();
      const model = trainFromRows(rows, shippedTrainOptions);
      const bytes = saveModel(model, out);
      const seconds = (performance.now() - started) / 1000;
      return { exitCode: 0, output: `已训练 trained on ${rows.length} rows, ${model.labels.length} labels (${model.labels.join('、')}) in ${seconds.toFixed(1)} s → ${out} (${(bytes / 1048576).toFixed(1)} MB)` };
    }
    const model = loadModelFile(option(opts, '--model') ?? repoPath(SHIPPED_MODEL_PATH));
    const predicted = rows.map((r) => predictLabel(model, featurize(r.text, model.settings)));
    const result = evaluate(rows.map((r) => r.label), predicted, model.labels);
    return { exitCode: 0, output: opts.includes('--json') ? JSON.stringify(result, null, 2) : formatEvaluation(result) };
  } catch (error) {
    return { exitCode: 1, output: `routing ${command}: ${(error as Error).message}` };
  }
}
