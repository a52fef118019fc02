import { defineErrors } from '../../platform/errors/app-error.js';

export const reconsiderationError = defineErrors('reconsideration', {
  XZFY_CASE_NOT_FOUND: { status: 404, message: '未找到该复议案件，或您无权查看' },
  XZFY_CREDIT_CODE_INVALID: { status: 400, message: '统一社会信用代码不正确，请核对 18 位代码' },
  XZFY_RESPONDENT_UNKNOWN: { status: 400, message: '被申请人不是本级政府的部门或乡镇（街道）；外部机关请填写名称' },
  XZFY_RECEIVED_IN_FUTURE: { status: 400, message: '收到申请的日期不能晚于今天' },
  XZFY_SUPPLEMENT_UNKNOWN: { status: 400, message: '没有这项补正通知，或已收到补正材料' },
  XZFY_ALREADY_EXTENDED: { status: 409, message: '审理期限已延长过一次，法律规定延长不得超过三十日' },
  XZFY_SIMPLE_NO_EXTENSION: { status: 409, message: '简易程序案件不能延长审理期限' },
  XZFY_COPY_ALREADY_SENT: { status: 409, message: '答复通知书已经发送' },
  XZFY_DECISION_NOT_FOUND: { status: 404, message: '未找到该复议决定书，或尚未公开' },
  XZFY_ORGAN_NOT_HELD: { status: 403, message: '您不是该复议机关的复议承办人' },
  XZFY_OPINION_UNKNOWN: { status: 400, message: '没有这份意见书，或已报告落实情况' },
});
