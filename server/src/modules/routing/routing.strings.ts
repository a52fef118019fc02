/** Chinese words the routing command line prints. */
export const ROUTING_TEXT = {
  trainedOnPlatform: (units: number, categories: number) => `已用导入数据训练本平台派单模型：承办单位样本 ${units} 条，三级类别样本 ${categories} 条。`,
  unresolved: (labels: string[]) => `以下标签在本平台找不到对应的类别或单位，已跳过：${labels.slice(0, 20).join('、')}${labels.length > 20 ? ` 等 ${labels.length} 个` : ''}`,
  compared: (what: string) => `比较对象：${what === 'unit' ? '承办单位（建议的第一位）' : what.replace('category level ', '诉求类别第') + (what.startsWith('category') ? '级' : '')}`,
};
