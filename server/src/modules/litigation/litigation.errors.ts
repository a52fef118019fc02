import { defineErrors } from '../../platform/errors/app-error.js';

export const litigationError = defineErrors('litigation', {
  XZSS_CASE_NOT_FOUND: { status: 404, message: '未找到该应诉案件，或您无权查看' },
  XZSS_DEFENDANT_UNKNOWN: { status: 400, message: '被诉机关必须是本级政府、部门或乡镇（街道）' },
  XZSS_SERVED_IN_FUTURE: { status: 400, message: '起诉状副本送达日期不能晚于今天' },
  XZSS_HEARING_UNKNOWN: { status: 400, message: '没有这次开庭，或已记录' },
  XZSS_DEFENDANT_NOT_HELD: { status: 403, message: '您不能为该机关登记应诉案件：请由被诉机关的应诉经办人或本级政府的应诉协调人登记' },
  XZSS_APPEARANCE_NAME_REQUIRED: { status: 400, message: '负责人出庭的，请填写出庭负责人的姓名和职务' },
});
