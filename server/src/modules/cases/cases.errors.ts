import { defineErrors } from '../../platform/errors/app-error.js';

export const caseError = defineErrors('cases', {
  CASE_NOT_FOUND: { status: 404, message: '未找到该案件，或您无权查看' },
  CASE_TYPE_UNKNOWN: { status: 400, message: '未知的案件类型' },
  ACTION_UNKNOWN: { status: 400, message: '该案件类型没有此操作' },
  ACTION_NOT_ALLOWED_IN_STATE: { status: 409, message: '案件当前状态下不能执行此操作' },
  ACTION_ROLE_FORBIDDEN: { status: 403, message: '您的角色不能执行此操作' },
  ACTION_NOT_FOR_ACTOR: { status: 403, message: '您所在单位不是本案件此项工作的承办方，不能代为办理' },
  NOTICE_TOO_LATE: { status: 409, message: '通知期限已过：按法定要求，应在事件日前规定的期限内通知' },
  LINK_KIND_UNKNOWN: { status: 400, message: '未知的案件关联类型' },
  LINK_TO_SELF: { status: 400, message: '案件不能关联自身' },
  LINK_EXISTS: { status: 409, message: '两案已有此关联' },
  CASE_FILTER_UNKNOWN: { status: 400, message: '该案件类型没有此筛选条件' },
  CASE_FILTER_INVALID: { status: 400, message: '筛选条件的值不正确' },
  CASE_SORT_UNKNOWN: { status: 400, message: '不能按此项排序' },
  CASE_EXPORT_TOO_LARGE: { status: 400, message: '符合条件的案件超过 50000 件，请缩小筛选范围后分批导出' },
  ACTION_INPUT_INVALID: { status: 400, message: '操作所需的信息不完整或不正确' },
  REQUESTER_KEY_INVALID: { status: 403, message: '评价码不正确，请核对提交时显示或短信收到的评价码' },
  REQUESTER_KEY_LOCKED: { status: 423, message: '评价码输入错误次数过多，已停止在线评价；如需评价，请致电受理机构' },
  REQUESTER_KEY_MISSING: { status: 409, message: '该件没有评价码，不能在线评价；工作人员回访时可以评价' },
});
