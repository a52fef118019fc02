import { FIGURE_LABELS } from '../../../../contracts/metrics';

/** Every string the assessment (考核统计) pages show. */
export const metricsStrings = {
  title: '考核统计',
  unit: '考核单位',
  unitPlaceholder: '请选择单位',
  period: '统计周期',
  query: '查询',
  export: '导出Excel',
  chartTitle: '满意率（按单位）',
  chartSeries: '满意率',
  empty: '该周期内没有可统计的数据',
  note: '各项指标由办理过程记录按统一考核口径计算；百分比保留两位小数（四舍五入），下方小字为分子/分母；无可统计数据时显示“—”。',
  columns: {
    rank: '排名',
    unit: '单位',
    total: '合计',
  },
  figures: FIGURE_LABELS,
  presets: {
    thisMonth: '本月',
    lastMonth: '上月',
    thisQuarter: '本季度',
    thisYear: '本年',
  },
  none: '—',
} as const;
