import { defineErrors } from '../../platform/errors/app-error.js';

export const figuresError = defineErrors('figures', {
  FIGURES_MODULE_UNKNOWN: { status: 404, message: '没有该模块的统计指标' },
  FIGURES_PERIOD_INVALID: { status: 400, message: '统计期间不正确：日期格式为 YYYY-MM-DD，开始日期不能晚于结束日期' },
});
