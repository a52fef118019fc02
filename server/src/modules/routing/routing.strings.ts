/** Chinese words the routing command line prints. */
export const ROUTING_TEXT = {
  trainedOnPlatform: (units: number, categories: number) => `已用导入数据训练本平台派单模型：承办单位样本 ${units} 条，三级类别样本 ${categories} 条。`,
  unresolved: (labels: string[]) => `以下标签在本平台找不到对应的类别或单位，已跳过：${labels.slice(0, 20).join('、')}${labels.length > 20 ? ` 等 ${labels.length} 个` : ''}`,
  compared: (what: string) => `比较对象：${what === 'unit' ? '承办单位（建议的第一位）' : what.replace('category level ', '诉求类别第') + (what.startsWith('category') ? '级' : '')}`,
  handLabelled: (part: string, total: number, outOfScope: number) =>
    `手工标注的原始留言（${part === 'all' ? '全部' : part === 'dev' ? '开发部分' : '测试部分'}）：计入 ${total} 条，另有 ${outOfScope} 条属分类器没有的一级类别，未计入。`,
  handLabelledSure: (total: number, macroF1: number) => `其中标注无疑义的 ${total} 条：宏平均F1 macro-F1 ${(macroF1 * 100).toFixed(2)}%`,
  csvWritten: (path: string, rows: number) => `已写出 ${rows} 行 CSV（title,body,label）：${path}`,
};
