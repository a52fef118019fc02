/** Accounts and the security log: what the server answers and the pages show, with the labels both use. */

export const STAFF_ROLE_LABELS = {
  operator: '话务员',
  dispatcher: '派单员（调度中心）',
  handler: '承办人员',
  unit_leader: '单位负责人',
  supervisor: '督办员',
  admin: '系统管理员',
  staff: '工作人员（按模块授权）',
} as const;

export type StaffRoleName = keyof typeof STAFF_ROLE_LABELS;

/** Every kind of entry of the security log, as the pages and reports name it. */
export const SECURITY_EVENT_LABELS: Record<string, string> = {
  login_succeeded: '登录成功',
  login_failed: '登录失败',
  login_refused: '登录被拒绝',
  account_locked: '账户锁定',
  client_locked: '客户端锁定',
  account_unlocked: '解除锁定',
  user_locked: '管理员锁定账户',
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
  unit_created: '添加单位',
  unit_renamed: '单位改名',
  unit_moved: '调整上级单位',
  unit_merged: '合并单位',
  category_created: '添加诉求类别',
  category_updated: '修改诉求类别',
  auto_dispatch_changed: '修改自动派单',
  duty_list_imported: '导入清单',
  sms_settings_changed: '修改短信网关',
  sms_test_sent: '发送测试短信',
  routing_candidate_trained: '训练候选模型',
  routing_model_activated: '启用新模型',
  routing_model_restored: '恢复上一版模型',
  routing_candidate_discarded: '放弃候选模型',
  personal_data_erased: '删除个人信息',
  key_registered: '登记平台密钥',
  open311_key_created: '签发Open311接口密钥',
  open311_key_revoked: '吊销Open311接口密钥',
  xzzf_subject_created: '登记执法主体',
  xzzf_subject_updated: '修改执法主体',
  xzzf_officer_created: '登记执法人员',
  xzzf_certificate_added: '登记执法证',
  xzzf_certificate_status_changed: '变更执法证状态',
  xzzf_matters_imported: '导入执法事项',
  xzzf_object_erased: '删除执法对象的个人信息',
  xzzf_review_campaign_created: '发起案卷评查',
  xzzf_review_files_selected: '选取评查案卷并分配评查专家',
  xzjc_plan_created: '制定涉企检查计划',
  xzjc_plan_drawn: '双随机抽取检查对象和执法人员',
  xzjc_result_recorded: '登记涉企检查结果',
  xzjc_follow_up_opened: '涉企检查转立案',
  xzjc_settings_updated: '修改涉企检查频次上限',
};

/** An account as GET /api/admin/users lists it. */
export interface ManagedUser {
  id: number;
  username: string;
  displayName: string;
  role: StaffRoleName;
  roleLabel: string;
  unitId: number;
  unitName: string;
  scopeUnitId: number;
  mustChangePassword: boolean;
  disabled: boolean;
  /** While a sign-in lock lasts, its end (the later of the wrong passwords' and the administrator's). */
  lockedUntil: string | null;
  /** An administrator locked it (till `lockedUntil` or before). */
  lockedByAdministrator: boolean;
  failures: number;
}

/** An address kept from signing in (GET /api/admin/sign-in-locks). */
export interface ClientLock {
  address: string;
  failures: number;
  lockedUntil: string;
}

/** One entry of GET /api/admin/security-events. */
export interface SecurityEventView {
  seq: number;
  at: string;
  kind: string;
  kindLabel: string;
  actorUserId: number | null;
  username: string | null;
  client: string | null;
  details: Record<string, unknown>;
}
