import { defineErrors } from '../../platform/errors/app-error.js';

export const requestError = defineErrors('requests', {
  REQUEST_NOT_FOUND: { status: 404, message: '未找到该查询码对应的诉求' },
  CONTENT_EMPTY: { status: 400, message: '请填写诉求内容' },
  CONTENT_TOO_LONG: { status: 400, message: '诉求内容过长，请精简后再提交' },
  REGION_UNKNOWN: { status: 400, message: '所选乡镇（街道）或村（社区）不存在' },
  CATEGORY_UNKNOWN: { status: 400, message: '诉求类别不存在' },
  PLACE_REQUIRED: { status: 400, message: '这类诉求由所在乡镇（街道）办理，请选择发生地点所在的乡镇（街道）' },
  PHONE_INVALID: { status: 400, message: '联系电话格式不正确' },
  UNIT_UNKNOWN: { status: 400, message: '所选承办单位不存在或不在您的管辖范围内' },
  UNIT_NOT_OFFERED: { status: 400, message: '所选单位不能承接此项办理，请从列表中选择' },
  REPLY_BY_OUT_OF_RANGE: { status: 400, message: '回复期限须在今天至主办单位办理时限之间' },
  NOT_CLASSIFIED: { status: 409, message: '派单前请先确定诉求类型和类别' },
  NO_ACTIVE_DISPATCH: { status: 409, message: '本单位没有待办理的派单' },
  EXTENSION_PENDING: { status: 409, message: '已有待审批的延期申请' },
  NO_EXTENSION_PENDING: { status: 409, message: '没有待审批的延期申请' },
  EXTENSION_NOT_ALLOWED: { status: 409, message: '该类诉求的办理时限不能延期' },
  ALREADY_EVALUATED: { status: 409, message: '您已评价过本次答复' },
  NOT_SIGNED: { status: 409, message: '请先签收派单' },
  MERGE_TARGET_INVALID: { status: 409, message: '不能合并到该诉求：它不存在、已办结、本身已被合并，或就是本件' },
});
