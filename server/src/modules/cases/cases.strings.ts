/** Every Chinese word the case platform shows on its own (a type's states and actions carry theirs). */

/** Events the platform records beside a type's workflow, and the escalation steps' defaults. */
export const PLATFORM_EVENT_LABELS: Readonly<Record<string, string>> = {
  opened: '收案登记',
  auto_urge: '系统催办',
  auto_supervise: '超期督办',
  case_linked: '关联案件',
  attachment_added: '添加附件',
  document_drafted: '起草文书',
  document_issued: '签发文书',
  personal_data_erased: '删除个人信息',
};

export const CLOCK_STATUS_LABELS = { green: '正常', yellow: '临期', red: '已超期', paused: '已中止', stopped: '已结束' } as const;

/** Who acted, when no person did. */
export const ACTOR_LABELS: Readonly<Record<string, string>> = { system: '系统', citizen: '当事人' };

/** The platform's own columns and the export's headers. */
export const LIST_HEADERS = {
  caseType: '案件类型',
  state: '状态',
  organ: '受理机关',
  created: '登记时间',
  updated: '更新时间',
  clock: '期限',
  dueAt: '期限届满',
  clockStatus: '期限状态',
} as const;

export const exportPeriod = (at: string) => `导出时间：${at}`;
export const exportTitle = (typeLabel: string) => `${typeLabel}清单`;
