/** What each kind of security-log entry is called in the pages and reports. */
export const SECURITY_EVENT_LABELS: Record<string, string> = {
  login_succeeded: '登录成功',
  login_failed: '登录失败',
  login_refused: '登录被拒绝',
  account_locked: '账户锁定',
  client_locked: '客户端锁定',
  account_unlocked: '解除锁定',
  client_unlocked: '解除客户端锁定',
  logout: '退出登录',
  logout_all: '退出全部登录',
  password_changed: '修改密码',
  password_reset: '重置密码',
  user_created: '新建用户',
  user_updated: '修改用户',
  user_disabled: '停用用户',
  user_enabled: '启用用户',
  settings_changed: '修改设置',
  personal_data_erased: '删除个人信息',
  key_registered: '登记平台密钥',
  audit_checkpoint_missing: '审计检查点缺失',
};

export const AUDIT_TEXT = {
  keyMismatch: (file: string, fileKey: string, databaseKeys: string) =>
    `平台密钥与数据库不符：${file} 中的密钥（${fileKey}）不是本数据库使用的密钥（${databaseKeys}）。多台服务器必须使用同一个密钥文件；请从首台服务器复制 ${file}，或设置 FAZHI_KEY_FILE 指向它。`,
  keyMissing: (file: string, databaseKeys: string) =>
    `找不到平台密钥文件 ${file}，而本数据库的记录已由密钥 ${databaseKeys} 签封。请从备份恢复该密钥文件（或设置 FAZHI_KEY_FILE 指向它）；不要生成新密钥，否则无法校验已有记录。`,
};
