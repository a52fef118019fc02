export const CLI_HELP = `用法：fazhi <命令>
  serve                              启动平台（环境变量 PORT、FAZHI_DATA_DIR、DATABASE_URL、FAZHI_DEMO）
  deadline <规则编号> <YYYY-MM-DD> [--extend]   计算法定期限的届满日
  rules [--json]                     列出全部期限规则及其法律依据
  audit verify [--json]              校验全部案件的事件哈希链
  routing eval --from <文件.csv> [--json]    用 CSV（title、body、label 列）评估诉求分类模型
  routing train --from <文件.csv> [--out <模型文件>]   用 CSV 训练诉求分类模型
  routing train                      用本平台已办结的诉求重新训练派单模型（承办单位、诉求类别）
  duties import --power <文件> [--township <文件>]   导入权责清单、属地管理事项清单（.xlsx 或 .csv）
  stats [--unit <单位>] [--from <日期>] [--to <日期>] [--json]   输出单位在统计期间的考核指标（含分子、分母、同比、环比）
  stats verify [--json]              按事件重算全部指标，核对汇总表是否一致
  backup <文件>                      把数据库（FAZHI_DATA_DIR 或 DATABASE_URL）备份到一个文件；--check <文件> 只校验备份文件
  restore <文件>                     把备份恢复到一个空数据库，并升级到本版本
  demo generate [--requests N] [--years Y] [--end YYYY-MM-DD] [--city 3713] [--seed S] [--append]
                                     生成一个城市（真实区划的县区、部门、乡镇）及其诉求，供大规模测试（docs/city-scale.md）`;

export const CLI_TEXT = {
  unknownCommand: (cmd: string) => `未知命令：${cmd}`,
  auditSummary: (cases: number, events: number, seconds: number) =>
    `已校验 ${cases} 件案件、${events} 条事件，用时 ${seconds.toFixed(2)} 秒（${Math.round(events / Math.max(seconds, 1e-9))} 条/秒）。`,
  auditBroken: (caseId: string, seq: number, reason: string) => `  ✗ 案件 ${caseId} 第 ${seq} 条事件：${reason}`,
  auditFailed: (n: number) => `校验失败：${n} 件案件的记录被改动。`,
  auditOk: '校验通过：全部事件记录完整，未被改动。',
  historyTrained: (rows: number, units: number, categories: number, seconds: number) =>
    `已用 ${rows} 件已办结诉求训练派单模型：承办单位 ${units} 个、诉求类别 ${categories} 个，用时 ${seconds.toFixed(1)} 秒。`,
  nothingToLearn: '还没有已办结的诉求，无法从历史数据训练。',
};

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
