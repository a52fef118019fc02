import { defineErrors } from '../../platform/errors/app-error.js';

export const authError = defineErrors('auth', {
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  LOGIN_TOO_FAST: { status: 429, message: '登录失败次数较多，请稍候几秒再试' },
  ACCOUNT_LOCKED: { status: 423, message: '该账户因多次密码错误已被暂时锁定，请稍后再试，或请系统管理员解锁' },
  CLIENT_LOCKED: { status: 429, message: '本机登录失败次数过多，已暂停登录，请稍后再试' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  STAFF_NOT_CITIZEN: { status: 403, message: '工作人员不能代替群众评价；请退出工作台登录，由诉求人本人评价' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改初始密码或弱密码，再使用系统' },
  PASSWORD_WRONG: { status: 403, message: '当前密码不正确' },
  PASSWORD_TOO_WEAK: { status: 400, message: '新密码不符合要求：至少 10 位，包含大写字母、小写字母、数字、符号中的三类，不含用户名，不是常见密码' },
  PASSWORD_UNCHANGED: { status: 400, message: '新密码不能与当前密码相同' },
  CLIENT_LOCK_NOT_FOUND: { status: 404, message: '该地址没有被锁定' },
  USER_NOT_FOUND: { status: 404, message: '未找到该用户，或不在您的管理范围内' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  USER_UNIT_OUT_OF_SCOPE: { status: 400, message: '所选单位不存在或不在您的管理范围内' },
  ROLE_UNKNOWN: { status: 400, message: '没有这个模块角色' },
  ROLE_UNIT_KIND: { status: 400, message: '该角色不能授予这类单位' },
  COUNTY_ADMIN_ONLY: { status: 403, message: '这是全县（区）范围的设置，只有管理范围为全县（区）的系统管理员可以修改' },
  ADMIN_LOCK_INVALID: { status: 400, message: '锁定截止时间须晚于现在，且不超过一年' },
  ACCOUNT_LOCKED_BY_ADMIN: { status: 423, message: '该账户已被系统管理员锁定，请联系系统管理员' },
  CANNOT_MANAGE_SELF: { status: 409, message: '不能在用户管理中停用、重置或修改自己的账户；修改自己的密码请用“修改密码”' },
});
