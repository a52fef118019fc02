import { defineErrors } from '../../platform/errors/app-error.js';

export const caseError = defineErrors('cases', {
  CASE_NOT_FOUND: { status: 404, message: '未找到该案件，或您无权查看' },
  CASE_TYPE_UNKNOWN: { status: 400, message: '未知的案件类型' },
  ACTION_UNKNOWN: { status: 400, message: '该案件类型没有此操作' },
  ACTION_NOT_ALLOWED_IN_STATE: { status: 409, message: '案件当前状态下不能执行此操作' },
  ACTION_ROLE_FORBIDDEN: { status: 403, message: '您的角色不能执行此操作' },
  ACTION_INPUT_INVALID: { status: 400, message: '操作所需的信息不完整或不正确' },
});
