/** What `fazhi stats --module` prints. */
export const FIGURES_CLI_TEXT = {
  usage: '用法：fazhi stats --module <模块> [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>] [--unit <单位>] [--json]',
  unknownModule: (module: string, known: string[]) => `没有模块 ${module} 的统计指标（可用：${known.join('、')}）`,
  badPeriod: '统计期间不正确：日期格式为 YYYY-MM-DD，开始日期不能晚于结束日期',
  unknownUnit: (unit: string) => `未找到单位：${unit}（可用单位标识、行政区划代码或单位编号）`,
  heading: (module: string, scope: string, from: string, to: string) => `${module}　${scope}　${from} 至 ${to}`,
  wholeTree: '全部',
  line: (label: string, display: string, numerator: number, denominator: number | null) =>
    `  ${label.padEnd(8, '　')} ${display.padStart(8)}${denominator === null ? '' : `  (${numerator}/${denominator})`}`,
  breakdown: (label: string) => `${label}：`,
  row: (label: string, parts: string) => `    ${label}　${parts}`,
} as const;
