import { defineErrors } from '../../platform/errors/app-error.js';

/** 社会监督员's refusals, by stable code (listed in docs/errors.md with the module's others). */
export const supervisorError = defineErrors('enforcement', {
  XZZF_SUPERVISOR_NOT_FOUND: { status: 404, message: '未找到该社会监督员，或您无权查看' },
  XZZF_SUPERVISOR_TERM: { status: 400, message: '聘期截止日不能早于起始日' },
  XZZF_SUPERVISOR_DISMISSED: { status: 409, message: '该社会监督员已经解聘' },
  XZZF_CARD_UNKNOWN: { status: 404, message: '监督卡号无效：未找到对应的社会监督员，请核对卡号' },
  XZZF_CARD_SECRET_WRONG: { status: 401, message: '监督卡号或查询密码不正确' },
  XZZF_CARD_NOT_IN_FORCE: { status: 403, message: '该监督卡已失效（聘期已满或已解聘），不能提交监督意见' },
  XZZF_OBSERVATION_SUBJECT_UNKNOWN: { status: 400, message: '被监督的执法主体须是聘任机关所辖的执法主体' },
  XZZF_OBSERVATION_NOT_FOUND: { status: 404, message: '未找到该监督意见，或不是用这张监督卡提交的' },
  XZZF_OBSERVATION_DAY_INVALID: { status: 400, message: '发现日期不能晚于今天' },
});
