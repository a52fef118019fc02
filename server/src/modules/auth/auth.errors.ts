import { defineErrors } from '../../platform/errors/app-error.js';

export const authError = defineErrors('auth', {
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
});
