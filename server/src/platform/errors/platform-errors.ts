import { defineErrors } from './app-error.js';

/** Errors every module can raise through the platform's HTTP layer. */
export const platformError = defineErrors('platform', {
  VALIDATION_FAILED: { status: 400, message: '提交的内容不符合要求' },
  NOT_FOUND: { status: 404, message: '未找到该记录，或您无权查看' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的地址不存在' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '您没有执行此操作的权限' },
  CSRF_INVALID: { status: 403, message: '页面已过期，请刷新后重试' },
  RATE_LIMITED: { status: 429, message: '提交过于频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  INTERNAL: { status: 500, message: '系统内部错误，请稍后重试' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂时无法访问，请稍后重试' },
  CALENDAR_UNKNOWN: { status: 503, message: '节假日日历不包含该日期，无法计算期限；请管理员更新节假日日历（npm update chinese-days，或填写节假日文件 FAZHI_HOLIDAYS_FILE）' },
});
