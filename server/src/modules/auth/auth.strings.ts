import { STAFF_ROLE_LABELS as ROLE_LABELS } from '../../../../contracts/accounts.js';
import type { StaffRole } from '../../platform/actor.js';

export function roleLabel(role: StaffRole): string {
  return ROLE_LABELS[role];
}

/** What `fazhi users` prints. */
export const USERS_CLI_TEXT = {
  usage: `用法：fazhi users <命令>
  list                                         列出全部账户及其状态
  add <用户名> --role <角色> --unit <单位编号或标识> [--name <姓名>] [--scope <单位>]
                                               新建账户，打印一次性密码（本人首次登录须修改）
  reset-password <用户名>                      重置密码，打印一次性密码，结束其全部登录
  unlock <用户名>                              解除登录锁定
  disable <用户名> | enable <用户名>           停用或启用账户
  grants <用户名>                              列出其模块角色
  grant <用户名> <模块.角色> --unit <单位>     授予模块角色（如 xzfy.handler，为县政府办理复议）
  revoke <用户名> <模块.角色> --unit <单位>    收回模块角色
角色：${Object.keys(ROLE_LABELS).join('、')}（staff 只有授予的模块角色）`,
  created: (username: string, password: string) => `已新建账户 ${username}。一次性密码（只显示这一次）：${password}\n本人用它登录后须立即设置自己的密码。`,
  reset: (username: string, password: string) => `已重置 ${username} 的密码。一次性密码（只显示这一次）：${password}`,
  unlocked: (username: string) => `已解除 ${username} 的登录锁定。`,
  disabled: (username: string) => `已停用 ${username}，其全部登录已结束。`,
  enabled: (username: string) => `已启用 ${username}。`,
  unknownUser: (username: string) => `没有账户 ${username}。`,
  unknownUnit: (unit: string) => `没有单位 ${unit}（可用单位编号，或标识如 government、center、township:371302001）。`,
  unknownRole: (role: string) => `没有角色 ${role}。`,
  granted: (username: string, role: string, unit: string) => `已授予 ${username}：${role}（${unit}），其全部登录已结束。`,
  revoked: (username: string, role: string, unit: string) => `已收回 ${username}：${role}（${unit}），其全部登录已结束。`,
  grantRow: (g: { role: string; unitId: number }) => `${g.role.padEnd(28)} 单位 ${g.unitId}`,
  noGrants: (username: string) => `${username} 没有模块角色。`,
  failed: (message: string, code: string) => `错误：${message} [${code}]`,
  row: (u: { username: string; displayName: string; role: StaffRole; unitName: string; disabled: boolean; lockedUntil: string | null; mustChangePassword: boolean }) =>
    `${u.username.padEnd(24)} ${u.displayName}，${ROLE_LABELS[u.role]}，${u.unitName}${u.disabled ? '（已停用）' : ''}${u.lockedUntil ? `（锁定至 ${u.lockedUntil}）` : ''}${u.mustChangePassword ? '（待改初始密码）' : ''}`,
};
