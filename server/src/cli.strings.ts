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
