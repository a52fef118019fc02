import type { StaffRole } from '../../platform/actor.js';

const ROLE_LABELS: Record<StaffRole, string> = {
  operator: '话务员',
  dispatcher: '派单员（调度中心）',
  handler: '承办人员',
  unit_leader: '单位负责人',
  supervisor: '督办员',
  admin: '系统管理员',
};

export function roleLabel(role: StaffRole): string {
  return ROLE_LABELS[role];
}
