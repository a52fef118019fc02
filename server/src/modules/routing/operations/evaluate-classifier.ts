export interface ClassMetrics {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  total: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** Row = true label, column = predicted label, both in `labels` order. */
  labels: string[];
  confusion: number[][];
}

/** Accuracy, per-class precision/recall/F1 (0 when undefined), macro-F1 over the labels seen, confusion matrix. */
export function evaluate(actual: readonly string[], predicted: readonly string[], labelOrder?: readonly string[]): Evaluation {
  if (actual.length !== predicted.length) throw new Error('actual and predicted differ in length');
  const labels = labelOrder ? [...labelOrder] : [...new Set([...actual, ...predicted])].sort();
  for (const l of [...actual, ...predicted]) if (!labels.includes(l)) labels.push(l);
  const at = new Map(labels.map((l, i) => [l, i] as const));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    confusion[at.get(actual[i]!)!]![at.get(predicted[i]!)!]!++;
    if (actual[i] === predicted[i]) correct++;
  }
  const perClass = labels.map((label, k) => {
    const tp = confusion[k]![k]!;
    const support = confusion[k]!.reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + row[k]!, 0);
    const precision = predictedK ? tp / predictedK : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, precision, recall, f1 };
  });
  const counted = perClass.filter((c) => c.support > 0 || confusion.some((row) => row[labels.indexOf(c.label)]! > 0));
  const macroF1 = counted.length ? counted.reduce((a, c) => a + c.f1, 0) / counted.length : 0;
  return { total: actual.length, accuracy: actual.length ? correct / actual.length : 0, macroF1, perClass, labels, confusion };
}

export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => (x * 100).toFixed(2) + '%';
  const lines = [`样本数 ${e.total}  准确率 accuracy ${pct(e.accuracy)}  宏平均F1 macro-F1 ${pct(e.macroF1)}`, ''];
  lines.push(['类别', '样本', '精确率', '召回率', 'F1'].join('\t'));
  for (const c of e.perClass) lines.push([c.label, c.support, pct(c.precision), pct(c.recall), pct(c.f1)].join('\t'));
  lines.push('', '混淆矩阵（行 = 实际，列 = 预测）');
  lines.push(['实际\\预测', ...e.labels].join('\t'));
  e.labels.forEach((l, i) => lines.push([l, ...e.confusion[i]!].join('\t')));
  return lines.join('\n');
}
