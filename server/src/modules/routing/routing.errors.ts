import { defineErrors } from '../../platform/errors/app-error.js';

export const routingError = defineErrors('routing', {
  RULE_DUPLICATE: { status: 400, message: '同一诉求类别只能设置一条自动派单规则' },
  NOTHING_TO_LEARN: { status: 409, message: '还没有已办结的诉求，无法从历史数据训练' },
});
