export const CLI_HELP = `用法：fazhi <命令>
  serve                              启动平台（环境变量 PORT、FAZHI_DATA_DIR、DATABASE_URL、FAZHI_DEMO）
  deadline <规则编号> <YYYY-MM-DD> [--extend]   计算法定期限的届满日
  rules [--json]                     列出全部期限规则及其法律依据
  org init [--county 371302]         不用演示数据上线时：建立本县（区）的单位树、诉求分类和清单（空数据库）
  users list|add|reset-password|unlock|disable|enable …   在服务器上管理账户（首个管理员用 users add 建立）
  open311 keys create <系统名称> | keys list | keys revoke <编号>
                                     签发（只显示一次）、列出、吊销 Open311 接口密钥（docs/open311.md）
  audit verify [--json]              校验全部记录：事件哈希链与签封、检查点、案件数据与事件是否一致、附件与文书、安全日志
  audit checkpoint                   立即生成一个审计检查点（升级或备份前使用）
  routing eval --from <文件.csv> [--json]    用 CSV（title、body、label 列）评估诉求分类模型
  routing train --from <文件.csv> [--out <模型文件>]   用 CSV 训练诉求分类模型
  routing train                      用本平台已办结的诉求重新训练派单模型（承办单位、诉求类别）
  duties import --power <文件> [--township <文件>]   导入权责清单、属地管理事项清单（.xlsx 或 .csv）
  stats [--unit <单位>] [--from <日期>] [--to <日期>] [--json]   输出单位在统计期间的考核指标（含分子、分母、同比、环比）
  stats --module <模块> [--from <日期>] [--to <日期>] [--unit <单位>] [--json]
                                     输出模块（如 xzfy 行政复议）的全部指标，含分子、分母和分组排名
  stats verify [--json]              按事件重算全部指标，核对汇总表是否一致
  xzfy import <文件.csv|.xlsx> [--organ <单位>]
                                     导入往年行政复议案件（表头 received_on,concluded_on,respondent,field,decision）；有错行则全部不导入
  xzzf import-matters --from <文件.csv|.xlsx>
                                     导入执法事项及其裁量基准、首违不罚与轻微不罚清单（表头见 docs/enforcement-registers.md）；有错行则全部不导入
  xzzf expiring [--days 60]          列出各执法主体在期限内到期的执法证
  backup <文件>                      把数据库（FAZHI_DATA_DIR 或 DATABASE_URL）备份到一个文件；--check <文件> 只校验备份文件
  restore <文件>                     把备份恢复到一个空数据库，并升级到本版本
  demo generate [--requests N] [--years Y] [--end YYYY-MM-DD] [--city 3713] [--seed S] [--append] [--penalty-cases N]
                                     生成一个城市（真实区划的县区、部门、乡镇）及其诉求，供大规模测试（docs/city-scale.md）；
                                     --penalty-cases 另生成 N 件行政处罚案件（执法主体、人员、执法证随之生成）；只给它时不生成诉求`;

export const CLI_TEXT = {
  unknownCommand: (cmd: string) => `未知命令：${cmd}`,
  auditSummary: (cases: number, events: number, seconds: number) =>
    `已校验 ${cases} 件案件、${events} 条事件，用时 ${seconds.toFixed(2)} 秒（${Math.round(events / Math.max(seconds, 1e-9))} 条/秒）。`,
  auditCheckpoint: (seq: number, events: number) => `最近的审计检查点：第 ${seq} 号，覆盖 ${events} 条事件。`,
  auditFiles: (attachments: number, documents: number) => `已核对 ${attachments} 个案件附件、${documents} 份文书的内容哈希。`,
  auditNoCheckpoint: '尚无审计检查点：删除整件案件或截断记录尚不能被发现（服务器运行后每分钟生成一个）。',
  auditFinding: (where: string, reason: string, detail?: string) => `  ✗ ${where}${reason}${detail ? `（${detail}）` : ''}`,
  auditFailed: (n: number) => `校验失败：发现 ${n} 处记录被改动。`,
  auditOk: '校验通过：全部记录完整，未被改动。',
  checkpointMade: (seq: number, events: number) => `已生成审计检查点第 ${seq} 号，覆盖 ${events} 条事件。`,
  holidays: (added: number[], alreadyKnown: number[]) =>
    [
      added.length ? `已采用节假日文件中的 ${added.join('、')} 年安排` : '',
      alreadyKnown.length ? `节假日文件中的 ${alreadyKnown.join('、')} 年已由 chinese-days 提供，以其为准` : '',
    ].filter(Boolean).join('；') || '节假日文件中没有新的年份',
  checkpointSkipped: '本次未生成检查点：另一台服务器正在生成，或有长时间运行的事务尚未结束；请稍后再试。',
  historyTrained: (rows: number, units: number, categories: number, seconds: number) =>
    `已用 ${rows} 件已办结诉求训练派单模型：承办单位 ${units} 个、诉求类别 ${categories} 个，用时 ${seconds.toFixed(1)} 秒。`,
  nothingToLearn: '还没有已办结的诉求，无法从历史数据训练。',
  orgInitialised: (units: number) => `已建立单位树（${units} 个单位）、诉求分类和清单。下一步：fazhi users add <用户名> --role admin --unit government 建立首个系统管理员。`,
  orgExists: '数据库中已有单位，未做任何改动。',
};

/** What `fazhi audit verify` calls each kind of tampering it finds. */
export const AUDIT_FINDINGS: Record<string, string> = {
  event_edited: '事件内容被改动（哈希不符）',
  chain_broken: '哈希链断开（事件被删除、插入或顺序被改）',
  event_forged: '事件签封无效（记录被人重新计算过哈希链）',
  event_unsealed: '事件缺少签封',
  head_mismatch: '案件的链头与事件不符',
  state_mismatch: '案件状态与事件重放结果不符',
  case_truncated: '案件记录被截短（检查点之后被删去了事件）',
  case_deleted: '整件案件被删除',
  case_rewritten: '案件记录被重写',
  case_row_missing: '案件主记录缺失',
  projection_mismatch: '业务数据与事件重放结果不符',
  personal_data_mismatch: '个人信息与记录中的哈希不符',
  events_missing: '检查点之前的事件少了',
  events_added: '检查点之前多出了事件（事后补写）',
  record_digest_mismatch: '检查点之前的事件被改动',
  sealed_heads_altered: '检查点所封的各案链头被改动',
  checkpoint_missing: '审计检查点缺失',
  checkpoint_forged: '审计检查点签封无效',
  checkpoint_key_unknown: '审计检查点使用了未知的密钥',
  security_log_entry_missing: '安全日志条目缺失',
  security_log_entry_edited: '安全日志条目被改动',
  security_log_entry_forged: '安全日志条目签封无效',
  security_log_truncated: '安全日志被截短',
};

export function findingPlace(f: { caseId?: string; seq?: number; field?: string }): string {
  if (f.caseId) return `案件 ${f.caseId}${f.seq ? ` 第 ${f.seq} 条事件` : ''}${f.field ? ` ${f.field}` : ''}：`;
  return f.seq ? `第 ${f.seq} 号：` : '';
}

const n = (value: number) => value.toLocaleString('en-US');

export const BACKUP_CLI_TEXT = {
  usage: '用法：fazhi backup <文件>        把数据库备份到一个文件（- 表示标准输出）\n      fazhi backup --check <文件>  只校验备份文件是否完整，不连接数据库\n      fazhi restore <文件>       把备份恢复到一个空数据库（- 表示标准输入）',
  backedUp: (tables: number, rows: number, file: string, bytes: number, seconds: number) =>
    `已备份 ${n(tables)} 张表、${n(rows)} 行到 ${file}（${(bytes / 1048576).toFixed(1)} MB），用时 ${seconds.toFixed(1)} 秒。`,
  checked: (tables: number, rows: number, createdAt: string, database: string, migrations: number) =>
    `备份文件完整：${n(tables)} 张表、${n(rows)} 行，写于 ${createdAt}（${database === 'postgres' ? 'PostgreSQL' : '内置数据库 PGlite'}，${n(migrations)} 个数据库迁移）。`,
  restored: (tables: number, rows: number, seconds: number) => `已恢复 ${n(tables)} 张表、${n(rows)} 行，用时 ${seconds.toFixed(1)} 秒。`,
  migrated: (before: number, after: number) =>
    after ? `按备份的版本建表（${n(before)} 个迁移），载入数据后又升级了 ${n(after)} 个迁移到本版本。` : `按备份的版本建表（${n(before)} 个迁移），与本版本相同。`,
  nextSteps: '建议接着运行 fazhi audit verify 和 fazhi stats verify 核对；已在运行的 app 服务器请重启。',
  error: (message: string, code: string) => `错误：${message} [${code}]`,
};
