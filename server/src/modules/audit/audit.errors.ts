import { defineErrors } from '../../platform/errors/app-error.js';

export const auditError = defineErrors('audit', {
  SECURITY_LOG_PERIOD_INVALID: { status: 400, message: '查询期间不正确：开始时间不能晚于结束时间' },
});
