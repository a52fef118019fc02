// Generates server/src/modules/reconsideration/data/hainan-2019.csv: Hainan's published
// reconsideration figures (seed 000: since 2019-07-01, 457 cases, 399 concluded; 82 撤销,
// 25 确认违法, 55 被申请人自行纠正, 1 责令答复; 纠错率 41%) as one row per case in the
// `fazhi xzfy import` layout. Only those counts are published; dates, respondents, fields and
// the split of the other 236 conclusions are invented (hainan-2019.source.md says which).
// Seeded, so the same file comes out every time.
//
//   node scripts/generate-hainan-xzfy.js            write the file
//   node scripts/generate-hainan-xzfy.js --check    exit 1 when the committed file differs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'server/src/modules/reconsideration/data/hainan-2019.csv');

const FIRST_DAY = '2019-07-01'; // 省司法厅 began handling cases centrally (seed 000)
const LAST_DAY = '2020-08-20'; // assumed cut-off of the published figures (see the source note)
const RECEIVED = 457;
const CONCLUDED = 399;
const PUBLISHED = { 撤销: 82, 确认违法: 25, 被申请人自行纠正: 55, 责令答复: 1 };
const ASSUMED = { 维持: 118, 驳回: 54, 撤回: 52, 终止: 12 }; // not published: 236 in all

// Province-level departments (cases that moved to the 省政府 with the 2019 reform), city and
// county governments, and two bodies set up by the province; weights are invented.
const RESPONDENTS = [
  ['海南省公安厅', ['公安'], 14],
  ['海南省自然资源和规划厅', ['自然资源'], 12],
  ['海南省市场监督管理局', ['市场监管'], 10],
  ['海南省住房和城乡建设厅', ['住房城乡建设'], 7],
  ['海南省人力资源和社会保障厅', ['人力资源社会保障'], 8],
  ['海南省生态环境厅', ['生态环境'], 5],
  ['海南省交通运输厅', ['交通运输'], 4],
  ['海南省卫生健康委员会', ['卫生健康'], 3],
  ['海南省教育厅', ['教育', '政府信息公开'], 2],
  ['海南省农业农村厅', ['农业农村'], 3],
  ['海南省应急管理厅', ['应急管理'], 2],
  ['海南省旅游和文化广电体育厅', ['文化旅游'], 2],
  ['海南省水务厅', ['水利'], 2],
  ['海口市人民政府', ['自然资源', '政府信息公开', '住房城乡建设'], 9],
  ['三亚市人民政府', ['自然资源', '政府信息公开', '住房城乡建设'], 6],
  ['儋州市人民政府', ['自然资源', '政府信息公开'], 3],
  ['琼海市人民政府', ['自然资源', '政府信息公开'], 2],
  ['文昌市人民政府', ['自然资源', '政府信息公开'], 2],
  ['万宁市人民政府', ['自然资源'], 1],
  ['洋浦经济开发区管理委员会', ['自然资源', '市场监管'], 1],
  ['海南省大数据管理局', ['政府信息公开'], 1],
];

// mulberry32: small, seeded, good enough to scatter dates.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20190701);
const pick = (items) => items[Math.floor(rand() * items.length)];
const weighted = (items) => {
  let r = rand() * items.reduce((s, i) => s + i[2], 0);
  for (const item of items) if ((r -= item[2]) < 0) return item;
  return items[items.length - 1];
};
const shuffle = (items) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
};

const DAY = 86_400_000;
const dayNumber = (text) => Date.parse(`${text}T00:00:00Z`) / DAY;
const dayText = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const weekday = (n) => ![0, 6].includes(new Date(n * DAY).getUTCDay());
const first = dayNumber(FIRST_DAY);
const last = dayNumber(LAST_DAY);

// Applications arrive on working days, evenly over the period.
const weekdays = [];
for (let d = first; d <= last; d++) if (weekday(d)) weekdays.push(d);
const received = Array.from({ length: RECEIVED }, () => pick(weekdays)).sort((a, b) => a - b);

// Mostly within the 60-day limit (art. 62), some extended by up to 30 days or suspended longer;
// the cases ending last are the ones still open at the cut-off.
const cases = received.map((r) => {
  const u = rand();
  const days = u < 0.15 ? 8 + Math.floor(rand() * 25) : u < 0.85 ? 30 + Math.floor(rand() * 31) : 60 + Math.floor(rand() * 45);
  let end = r + days;
  while (!weekday(end)) end++;
  const [respondent, fields] = weighted(RESPONDENTS);
  return { received: r, end, respondent, field: pick(fields) };
});
// Still open at the cut-off: those that would end after it, the latest received first; if fewer
// than 58 would, the latest received of the rest are taken as suspended (art. 39).
const open = [...cases].sort((a, b) => Number(b.end > last) - Number(a.end > last) || b.received - a.received).slice(0, RECEIVED - CONCLUDED);
for (const c of open) c.end = null;
const concluded = cases.filter((c) => c.end !== null);
for (const c of concluded) {
  // Would end after the cut-off but is among the 399: it ended on a working day before it.
  while (c.end > last || !weekday(c.end)) c.end = c.received + Math.floor(rand() * (last - c.received + 1));
}
const decisions = shuffle(Object.entries({ ...PUBLISHED, ...ASSUMED }).flatMap(([name, n]) => Array(n).fill(name)));
if (decisions.length !== CONCLUDED) throw new Error(`decisions add up to ${decisions.length}, not ${CONCLUDED}`);
concluded.forEach((c, i) => (c.decision = decisions[i]));

const lines = ['received_on,concluded_on,respondent,field,decision'];
for (const c of cases) {
  lines.push([dayText(c.received), c.end === null ? '' : dayText(c.end), c.respondent, c.field, c.decision ?? ''].join(','));
}
const csv = `${lines.join('\n')}\n`;

if (process.argv.includes('--check')) {
  const committed = readFileSync(OUT, 'utf8');
  if (committed !== csv) {
    console.error('hainan-2019.csv is stale: run node scripts/generate-hainan-xzfy.js');
    process.exit(1);
  }
  console.log('hainan-2019.csv is up to date');
} else {
  writeFileSync(OUT, csv);
  console.log(`wrote ${OUT}: ${cases.length} cases, ${concluded.length} concluded`);
}
