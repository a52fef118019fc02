import { defineErrors } from '../../platform/errors/app-error.js';

export const routingError = defineErrors('routing', {
  RULE_DUPLICATE: { status: 400, message: '同一诉求类别只能设置一条自动派单规则' },
  NOTHING_TO_LEARN: { status: 409, message: '还没有已办结的诉求，无法从历史数据训练' },
  TOO_FEW_TO_COMPARE: { status: 409, message: '已答复的诉求太少，留不出足够的测试样本来比较新旧模型；请待更多诉求办结后再训练' },
  NO_CANDIDATE: { status: 409, message: '没有待启用的新模型；请先重新训练' },
  NO_PREVIOUS_MODEL: { status: 409, message: '没有可恢复的上一版模型' },
});
