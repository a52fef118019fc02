import type { FigureKey } from '../../../../contracts/metrics.js';

/**
 * Every word of the Word reports (月报 and the 接诉即办 part of the annual 法治政府建设
 * report). Our own templates; the numbers come from the Dashboard the JSON route returns.
 */

/** What each figure's numerator and denominator count, for "响应率50.00%（按时响应2件，应响应4件）". */
export const FIGURE_PARTS: Record<FigureKey, { numerator: string; denominator: string }> = {
  responseRate: { numerator: '按时响应', denominator: '应响应' },
  onTimeRate: { numerator: '按时办结', denominator: '应办结' },
  replyRate: { numerator: '答复诉求人', denominator: '办结' },
  resolutionRate: { numerator: '回访已解决', denominator: '回访' },
  satisfactionRate: { numerator: '满意和基本满意', denominator: '回访评价' },
  goodRatingRate: { numerator: '好评', denominator: '群众评价' },
  rectificationRate: { numerator: '按期整改', denominator: '应整改差评' },
  firstTimeClosingRate: { numerator: '首次派单即办结', denominator: '派单办结' },
  returnRate: { numerator: '退单', denominator: '派单' },
  repeatRate: { numerator: '重复诉求', denominator: '受理诉求' },
};

/** The 三率 of 接诉即办 assessment, in the order reports name them. */
export const THREE_RATES: FigureKey[] = ['responseRate', 'resolutionRate', 'satisfactionRate'];

/** "全区", "全县", "全镇" … by the last characters of the place's name; a unit without a region says "本单位". */
export const AREA_WORDS: Array<[suffix: string, word: string]> = [
  ['街道', '全街道'], ['区', '全区'], ['县', '全县'], ['市', '全市'], ['旗', '全旗'], ['镇', '全镇'], ['乡', '全乡'],
];
export const OWN_UNIT = '本单位';

export const UNIT_KIND_LABELS: Record<string, string> = {
  department: '部门',
  township: '乡镇（街道）',
  government: '区县（市）',
  community: '村（社区）',
  grid: '网格',
  center: '热线中心',
};

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const chineseNumber = (n: number) => CHINESE_NUMBERS[n - 1] ?? String(n);
export const listJoin = (items: string[]) => items.join('、');

/** "2026年3月5日" from "2026-03-05". */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

export const REPORT = {
  hotline: '12345政务服务便民热线',
  noBase: (basis: string) => `${basis}无可比数据`,
  count: (n: number) => `${n}件`,
  share: (rate: string) => `占${rate}`,
  rateWithParts: (label: string, rate: string, parts: { numerator: string; denominator: string }, numerator: string, denominator: number) =>
    `${label}${rate}（${parts.numerator}${numerator}件，${parts.denominator}${denominator}件）`,
  rateWithoutBase: (label: string, parts: { denominator: string }) => `${label}无统计基数（${parts.denominator}0件）`,
  basisPreviousMonth: '上月',
  basisPreviousPeriod: '上期',
  basisLastYearSame: '去年同期',
  basisYear: (year: number) => `${year}年`,
  basisYearSame: (year: number) => `${year}年同期`,
  others: '其他',
  periodLine: (from: string, to: string) => `（统计期间：${chineseDate(from)}至${chineseDate(to)}）`,
  asOf: (when: string) => `截至${when}`,
  chartCaption: (n: number, title: string) => `图${n}　${title}`,
  tableCaption: (n: number, title: string) => `表${n}　${title}`,
} as const;

export const MONTHLY = {
  title: (place: string, month: number) => `${place}${REPORT.hotline}${month}月运行情况`,
  fileName: (place: string, year: number, month: number) => `${place}${REPORT.hotline}${year}年${month}月运行情况.docx`,
  heading1: '一、总体情况',
  heading2: '二、诉求分布',
  heading3: '三、办理质效',
  heading4: '四、排名情况',
  heading5: '五、工作建议',
  received: (when: string, area: string, count: number, changes: string) =>
    `${when}，${area}${REPORT.hotline}共受理群众诉求${count}件，${changes}。`,
  dispatched: (when: string, name: string, count: number, changes: string) =>
    `${when}，${name}共接收12345热线派单${count}件，${changes}。`,
  channels: (list: string) => `从受理渠道看，${list}。`,
  types: (list: string) => `从诉求类型看，${list}。`,
  live: (asOf: string, area: string, open: number, overdue: number, dueSoon: number) =>
    `${asOf}，${area}尚有在办诉求${open}件，其中已超期${overdue}件、即将到期${dueSoon}件。`,
  awaiting: (count: number) => `另有${count}件诉求尚待派单。`,
  nothingReceived: '本期未受理群众诉求。',
  categories: (list: string) => `按诉求类别统计，${list}。`,
  topCategories: (list: string) => `具体事项中，群众反映较多的是${list}。`,
  townships: (list: string) => `从属地分布看，诉求量居前的乡镇（街道）是${list}。`,
  townshipsOverdue: (list: string) => `目前超期诉求较多的是${list}。`,
  threeRates: (area: string, clauses: string) => `${area}接诉即办“三率”情况如下：${clauses}。`,
  otherFigures: (clauses: string) => `其他指标方面，${clauses}。`,
  ranking: (rankBy: string, ranked: number, unranked: number) =>
    `按${rankBy}排名，共${ranked}个单位参与排名${unranked > 0 ? `，另有${unranked}个单位本期无相关数据、未参与排名` : ''}。`,
  rankingLeaders: (kind: string, list: string) => `${kind}中，排名靠前的是${list}`,
  rankingNone: '本期各单位均无可排名的数据。',
  chartDaily: '每日诉求受理量',
  chartDailyDispatched: '每日接收派单量',
  chartTopCategories: '诉求量居前的具体事项',
  chartChannels: '受理渠道构成',
  tableTopCategories: '诉求量居前的具体事项',
  tableTownships: '各乡镇（街道）诉求及办理情况',
  tableFigures: '接诉即办各项指标',
  tableRanking: '各单位排名情况',
} as const;

export const SUGGESTIONS = {
  weakUnits: (n: string, label: string, list: string, area: string, total: string) =>
    `（${n}）补齐${label}短板。${label}低于${area}整体水平（${total}）的单位有：${list}。建议逐件复盘相关诉求的办理过程，查找响应、沟通和解决环节的薄弱点，限期提升。`,
  unitRate: (name: string, rate: string) => `${name}（${rate}）`,
  growing: (n: string, list: string, basis: string) =>
    `（${n}）关注增长较快的诉求。${list}（均与${basis}相比）。建议相关部门研判增长原因，对反映集中的问题开展主动治理，从源头减少同类诉求。`,
  growingItem: (label: string, count: number, change: string) => `${label}类诉求${count}件，${change}`,
  newItem: (label: string, count: number, basis: string) => `${label}类诉求${count}件，${basis}无此类诉求`,
  overdue: (n: string, asOf: string, count: number, places: string) =>
    `（${n}）加快超期诉求办理。${asOf}，尚有${count}件诉求超过办理时限${places ? `，主要集中在${places}` : ''}。建议热线中心逐件督办，承办单位说明原因并明确办结时间。`,
  overduePlace: (name: string, count: number) => `${name}（${count}件）`,
  returns: (n: string, list: string) =>
    `（${n}）减少退单。退单率偏高的单位有：${list}。建议对照权责清单和属地管理事项清单厘清职责边界，能办的不退、该协办的协办，减少群众等待。`,
  steady: (n: string) => `（${n}）保持工作成效。本期各项指标总体平稳，未发现明显短板。建议继续落实首接负责和限时办结，巩固接诉即办工作成效。`,
} as const;

export const ANNUAL = {
  heading: '接诉即办工作情况',
  fileName: (place: string, year: number) => `${place}${year}年度法治政府建设报告（接诉即办部分）.docx`,
  period: (year: number, to: string | null) => (to ? `${year}年1月1日至${chineseDate(to).slice(5)}` : `${year}年`),
  volume: (when: string, area: string, count: number, change: string, lastYear: number, basis: string) =>
    `${when}，${area}坚持把接诉即办作为践行以人民为中心发展思想的重要抓手，依法规范诉求受理、派单、办理和回访各环节，${REPORT.hotline}共受理群众诉求${count}件，${change}（${basis}${lastYear}件）。`,
  volumeDispatched: (when: string, name: string, count: number, change: string, lastYear: number, basis: string) =>
    `${when}，${name}共接收12345热线派单${count}件，${change}（${basis}${lastYear}件）。`,
  threeRates: (clauses: string) => `诉求办理质效方面，${clauses}。`,
  otherFigures: (clauses: string) => `此外，${clauses}。`,
  categories: (list: string) => `从诉求内容看，群众反映较多的是${list}等方面的问题。`,
  declines: (list: string) => `同时也要看到，${list}，办理质效仍有提升空间。下一步，将针对薄弱环节加强督办和考核，推动群众诉求依法、及时、有效解决。`,
  steady: '下一步，将继续完善接诉即办工作机制，加强诉求办理的全过程监督，推动群众诉求依法、及时、有效解决。',
  chart: (year: number, lastYear: number) => `${year}年与${lastYear}年各月诉求受理量`,
  table: '接诉即办主要指标',
  column: { figure: '指标', change: '变化' },
  month: (m: number) => `${m}月`,
} as const;

export const TABLE_HEADERS = {
  figure: '指标',
  current: '本期',
  currentMonth: '本月',
  previousMonth: '上月',
  changeFrom: (basis: string) => `较${basis}`,
  total: '合计',
  numerator: '分子',
  denominator: '分母',
  previous: '上期',
  lastYear: '去年同期',
  changeFromPrevious: '较上期',
  changeFromLastYear: '较去年同期',
  category: '具体事项',
  count: '件数',
  share: '占比',
  township: '乡镇（街道）',
  requests: '受理量',
  open: '在办',
  overdue: '超期',
  rank: '排名',
  unit: '单位',
  kind: '类别',
  compositeScore: '综合得分',
  volume: '诉求量',
  volumeLabel: '受理量',
} as const;

export const CHART_TEXT = {
  /** ECharts label template of a pie slice: name, count, share. */
  pieLabel: '{b}：{c}件（{d}%）',
} as const;
