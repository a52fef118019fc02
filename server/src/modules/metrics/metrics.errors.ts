import { defineErrors } from '../../platform/errors/app-error.js';

export const metricsError = defineErrors('metrics', {
  PERIOD_INVALID: { status: 400, message: '统计期间不正确：开始日期不能晚于结束日期' },
  PERIOD_TOO_LONG: { status: 400, message: '统计期间过长：一次最多统计三年' },
  UNIT_OUT_OF_SCOPE: { status: 404, message: '未找到该单位，或您无权查看' },
  PUBLIC_STATISTICS_UNPUBLISHED: { status: 404, message: '本地区尚未公开接诉即办统计数据' },
  PUBLIC_PERIOD_TOO_LONG: { status: 400, message: '公开统计一次最多查询一年' },
  PUBLIC_FIGURE_UNKNOWN: { status: 400, message: '公开设置中有不存在的指标，设置未保存' },
  REPORT_PERIOD_NOT_STARTED: { status: 400, message: '报告期尚未开始，无法生成报告' },
});
