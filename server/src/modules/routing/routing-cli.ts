// `routing train --from file.csv [--out path]`, `routing eval --from file.csv [--json] [--model path]`
// and `routing eval --hand-labelled [dev|test|all] [--csv out.csv] [--json] [--model path]`.
import { writeFileSync } from 'node:fs';
import { repoPath } from '../../platform/repo-path.js';
import { featurize } from './rules/features.js';
import { predictLabel } from './rules/linear-model.js';
import { loadModelFile, saveModel } from './model-file.js';
import { evaluate, formatEvaluation } from './operations/evaluate-classifier.js';
import { readTrainingCsv, trainFromRows, type LabelledText } from './operations/train-classifier.js';
import { evaluateOnPlatform, trainOnPlatform } from './operations/platform-labels.js';
import type { LinearModel } from './rules/linear-model.js';
import type { Database } from '../../platform/db/database.js';
import { ROUTING_TEXT } from './routing.strings.js';
import { shippedTrainOptions } from './operations/shipped-settings.js';
import { handLabelledCsv, handLabelledRows, type SamplePart } from './operations/hand-labelled.js';

export const SHIPPED_MODEL_PATH = 'server/src/modules/routing/data/level1-model.bin';

const USAGE = [
  '用法 usage:',
  '  routing train --from file.csv [--out model.bin]   训练分类模型（CSV 列：title,body,label 或 tokens,label）',
  '  routing eval --from file.csv [--model model.bin] [--json]   评估模型：准确率、宏平均F1、各类F1、混淆矩阵',
  '  routing eval --hand-labelled [dev|test|all] [--csv out.csv] [--model model.bin] [--json]   用手工标注的原始留言样本评估一级分类器（文本取自 ../shared/data/tipdm2020；--csv 同时写出 title,body,label 文件）',
  '  label 为七个一级类别之一时训练/评估文本分类模型；为任一级诉求类别（编码、名称或“一级/二级/三级”路径）或承办单位名称时，训练/评估本平台的派单模型',
].join('\n');

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

type WithDatabase = <T>(run: (database: Database) => Promise<T>) => Promise<T>;

/** Labels that are not the shipped model's level-1 classes name the platform's categories or units. */
function platformLabels(rows: LabelledText[], model: LinearModel): boolean {
  const known = new Set(model.labels);
  return rows.some((r) => !known.has(r.label));
}

function evalHandLabelled(opts: string[]): { exitCode: number; output: string } {
  const which = option(opts, '--hand-labelled');
  const part = which === 'dev' || which === 'test' ? which : which === undefined || which === 'all' || which.startsWith('--') ? undefined : null;
  if (part === null) return { exitCode: 2, output: USAGE };
  const model = loadModelFile(option(opts, '--model') ?? repoPath(SHIPPED_MODEL_PATH));
  const { rows, outOfScope, missing } = handLabelledRows(model.labels, part as SamplePart | undefined);
  if (missing.length) return { exitCode: 1, output: `routing eval: ${missing.length} hand-labelled messages are not in the raw files (${missing.slice(0, 5).join(', ')})` };
  const score = (subset: typeof rows) =>
    evaluate(subset.map((r) => r.label), subset.map((r) => predictLabel(model, featurize(`${r.title}\n${r.body}`, model.settings))), model.labels);
  const all = score(rows);
  const sure = score(rows.filter((r) => !r.unsure));
  const csv = option(opts, '--csv');
  if (csv) writeFileSync(csv, handLabelledCsv(rows));
  const written = csv ? [ROUTING_TEXT.csvWritten(csv, rows.length)] : [];
  if (opts.includes('--json')) return { exitCode: 0, output: JSON.stringify({ part: part ?? 'all', outOfScope, all, sure }, null, 2) };
  return {
    exitCode: 0,
    output: [ROUTING_TEXT.handLabelled(part ?? 'all', rows.length, outOfScope), formatEvaluation(all), '', ROUTING_TEXT.handLabelledSure(sure.total, sure.macroF1), ...written].join('\n'),
  };
}

export async function runRoutingCommand(args: string[], withDatabase?: WithDatabase): Promise<{ exitCode: number; output: string }> {
  const rest = args[0] === 'routing' ? args.slice(1) : args;
  const [command, ...opts] = rest;
  const from = option(opts, '--from');
  try {
    if (command === 'eval' && opts.includes('--hand-labelled')) return evalHandLabelled(opts);
    if ((command !== 'train' && command !== 'eval') || !from) return { exitCode: 2, output: USAGE };
    const rows = readTrainingCsv(from);
    if (rows.length === 0) return { exitCode: 1, output: `${from}: 没有带标签的行 (no labelled rows)` };
    const onPlatform = withDatabase && !option(opts, '--model') && !option(opts, '--out') && platformLabels(rows, loadModelFile(repoPath(SHIPPED_MODEL_PATH)));
    if (onPlatform && command === 'train') {
      const r = await withDatabase((database) => trainOnPlatform(database, rows, new Date()));
      return { exitCode: 0, output: [ROUTING_TEXT.trainedOnPlatform(r.unitRows, r.categoryRows), ...(r.unresolved.length ? [ROUTING_TEXT.unresolved(r.unresolved)] : [])].join('\n') };
    }
    if (onPlatform) {
      const result = await withDatabase((database) => evaluateOnPlatform(database, rows));
      if (opts.includes('--json')) return { exitCode: 0, output: JSON.stringify(result, null, 2) };
      return { exitCode: 0, output: [ROUTING_TEXT.compared(result.compared), formatEvaluation(result), ...(result.unresolved.length ? [ROUTING_TEXT.unresolved(result.unresolved)] : [])].join('\n') };
    }
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
