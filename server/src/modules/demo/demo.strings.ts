/** Every Chinese word the demo module shows: the city generator's progress, refusals and summary. */
const n = (value: number) => value.toLocaleString('en-US');
const rate = (count: number, seconds: number) => n(Math.round(count / Math.max(seconds, 1e-9)));

export const CITY_TEXT = {
  refusePglite: (requested: number, max: number) =>
    `内置数据库（PGlite）最多生成 ${n(max)} 件诉求，本次要求 ${n(requested)} 件。请设置 DATABASE_URL 使用 PostgreSQL，或减少 --requests。`,
  refuseExisting: (requests: number) =>
    `数据库中已有 ${n(requests)} 件诉求，未做任何改动。加 --append 可在同一城市上追加生成（已有数据保留，汇总表重算）；或换一个空数据库。`,
  refuseOtherOrganisation: (region: string) => `数据库中已有另一个组织（根单位区划代码 ${region}），未做任何改动。请换一个空数据库。`,
  noDivisions: (code: string) => `没有城市 ${code} 的区划数据。请先运行：node scripts/extract-divisions.js ${code}`,
  badCity: (value: string) => `城市代码应为 4 位（如 3713）或 6 位（如 371300）数字：${value}`,
  badNumber: (name: string, value: string) => `${name} 应为正数：${value}`,
  badEnd: (value: string) => `--end 应为 YYYY-MM-DD 格式的日期：${value}`,
  futureEnd: (value: string) => `--end 不能晚于今天：${value}`,
  unknownOption: (value: string) => `未知选项：${value}`,
  seeding: (city: string) => `正在生成城市组织机构：${city}……`,
  seeded: (units: number, users: number) => `组织机构已生成：${n(units)} 个单位、${n(users)} 个账号。`,
  reusing: (city: string) => `沿用数据库中已有的城市组织机构：${city}。`,
  plan: (requests: number, from: string, to: string, database: string) =>
    `开始生成 ${n(requests)} 件诉求（${from} 至 ${to}），写入${database}……`,
  triggersKept: '当前数据库账号不能关闭汇总触发器（需超级用户）：每批写入时同步更新汇总表，较慢。',
  indexesDropped: (count: number) => `写入期间暂时删除 ${count} 个索引和约束，写入后按迁移的定义原样重建。`,
  progress: (done: number, total: number, events: number, seconds: number) =>
    `  已写入 ${n(done)} / ${n(total)} 件诉求（${((100 * done) / Math.max(total, 1)).toFixed(1)}%）、${n(events)} 条事件，${seconds.toFixed(0)} 秒，${rate(done, seconds)} 件/秒`,
  loadSplit: (busy: number[], seconds: number) =>
    `  写入用时 ${seconds.toFixed(1)} 秒，其中各数据库连接执行 COPY ${busy.map((b) => `${b.toFixed(1)} 秒`).join('、')}（其余时间在等待生成）。`,
  rebuildingIndexes: '正在重建索引和约束……',
  committing: '正在提交……',
  rebuildingRollups: '正在重算每日汇总表（rebuild_hotline_rollups）……',
  analyzing: '正在整理表并更新统计信息（VACUUM ANALYZE）……',
  stepDone: (seconds: number) => `  用时 ${seconds.toFixed(1)} 秒。`,
  summary: (requests: number, events: number, rows: number, seconds: number) =>
    `完成：${n(requests)} 件诉求、${n(events)} 条事件，共写入 ${n(rows)} 行，用时 ${seconds.toFixed(1)} 秒（${rate(requests, seconds)} 件诉求/秒，${rate(rows, seconds)} 行/秒）。`,
  accountsTitle: (password: string) => `演示账号（密码均为 ${password}）：`,
  account: (username: string, displayName: string, unitName: string) => `    ${username.padEnd(24)} ${displayName}，${unitName}`,
  moreAccounts: (count: number) =>
    `    …… 另有 ${n(count)} 个账号：话务员 operator-NN、派单员 dispatcher-NN、县区负责人 leader-<县区代码>、承办人 dept-<部门>（市直）、<县区代码>-<部门>、town-<乡镇代码>`,
};

/** The words of the 行政处罚 cases `fazhi demo generate --penalty-cases` writes. */
export const PENALTY_LOAD_TEXT = {
  /** Which departments enforce in which field, by their name. */
  fieldsByUnitName: [
    [/市场监督/, 'market'], [/生态环境/, 'ecology'], [/综合行政执法|城市管理/, 'urban'], [/交通运输/, 'transport'], [/农业农村/, 'agriculture'], [/文化和旅游|文化旅游/, 'culture'],
  ] as Array<[RegExp, string]>,
  teamName: (township: string) => `${township}综合行政执法队`,
  basisOrgan: '本级人民政府机构改革方案（三定方案）',
  basisTeam: '省人民政府关于赋予乡镇（街道）行政执法权的决定',
  basisArticle: '《中华人民共和国行政处罚法》第十八条',
  officer: (subject: string, n: number) => `${subject}执法员${String(n).padStart(2, '0')}`,
  issuer: '省人民政府',
  caseNumber: (subjectId: number, year: string, n: number) => `执${subjectId}罚立〔${year}〕${n}号`,
  decisionNumber: (subjectId: number, year: string, n: number) => `执${subjectId}罚决〔${year}〕${n}号`,
  summaries: ['销售不合格产品', '未按规定明码标价', '占道经营', '超标排放污染物', '超限运输', '无证经营', '虚假宣传', '未按规定公示信息'],
  parties: ['商贸有限公司', '建材经营部', '餐饮店', '运输有限公司', '农资店', '网吧', '食品厂', '加油站'],
  partyPrefixes: ['兴', '华', '顺', '鑫', '盛', '德', '恒', '广', '宏', '泰'],
  noPenaltyGround: '首违不罚',
  plan: (cases: number, from: string, to: string) => `开始生成 ${n(cases)} 件行政处罚案件（${from} 至 ${to}）……`,
  registers: (subjects: number, officers: number) => `执法主体 ${n(subjects)} 个、执法人员 ${n(officers)} 名。`,
  progress: (done: number, total: number, events: number, seconds: number) =>
    `  已写入 ${n(done)} / ${n(total)} 件行政处罚案件、${n(events)} 条事件，${seconds.toFixed(0)} 秒，${rate(done, seconds)} 件/秒`,
  noSubjects: '城市组织机构中没有可作为执法主体的部门或乡镇，未生成行政处罚案件。',
  done: (cases: number, events: number, seconds: number) => `完成：${n(cases)} 件行政处罚案件、${n(events)} 条事件，用时 ${seconds.toFixed(1)} 秒。`,
};
