import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { annualReport } from '../rules/annual-report.js';
import { monthlyReport } from '../rules/monthly-report.js';
import { reportText, type ReportModel } from '../rules/report-model.js';
import { fabricatedDashboard, figures, row, UNITS } from './fabricated-dashboard.js';

const blocksOf = (model: ReportModel, kind: string) => model.blocks.filter((b) => b.kind === kind);
const paragraphs = (model: ReportModel) => model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('月报 from a Dashboard', () => {
  const dashboard = fabricatedDashboard();
  const base = fabricatedDashboard({ period: dashboard.previousPeriod, categories: [['01', '城乡建设', 500], ['02', '市场监管', 490]] });
  const model = monthlyReport({ dashboard, base, place: '兰山区', isArea: true });
  const text = reportText(model);

  test('title, period and the five sections in order', () => {
    assert.equal(model.title, '兰山区12345政务服务便民热线3月运行情况');
    assert.equal(model.subtitle, '（统计期间：2026年3月1日至2026年3月31日）');
    assert.deepEqual(blocksOf(model, 'heading').map((b) => (b as { text: string }).text), ['一、总体情况', '二、诉求分布', '三、办理质效', '四、排名情况', '五、工作建议']);
    assert.equal(model.fileName, '兰山区12345政务服务便民热线2026年3月运行情况.docx');
  });

  test('the volume with 环比 and 同比 as the seeds write them', () => {
    assert.ok(text.includes('2026年3月，全区12345政务服务便民热线共受理群众诉求1200件，较上月增加20%，较去年同期增加50%。'), text);
    assert.ok(text.includes('从受理渠道看，12345电话840件，占70.00%；网站360件，占30.00%。'));
    assert.ok(text.includes('截至2026年4月1日10:00，全区尚有在办诉求50件，其中已超期3件、即将到期7件。另有4件诉求尚待派单。'));
  });

  test('the 三率 and every other figure with numerator, denominator and change in points', () => {
    assert.ok(text.includes('响应率98.00%（按时响应980件，应响应1000件），较上月提高8.00个百分点，较去年同期提高13.00个百分点'), text);
    assert.ok(text.includes('满意率95.00%（满意和基本满意950件，回访评价1000件），较上月提高5.00个百分点，较去年同期提高10.00个百分点'));
    assert.ok(text.includes('退单率3.00%（退单30件，派单1000件），较上月下降87.00个百分点'));
    const figuresTable = blocksOf(model, 'table').find((b) => b.kind === 'table' && b.caption.endsWith('接诉即办各项指标'));
    assert.ok(figuresTable && figuresTable.kind === 'table');
    assert.deepEqual(figuresTable.rows[0], ['受理量', '1200', '—', '—', '1000', '较上月增加20%', '800', '较去年同期增加50%']);
    assert.equal(figuresTable.rows.length, 11, 'the volume and ten figures');
    assert.ok(text.includes('一次办结率95.00%（首次派单即办结950件，派单办结1000件），较上月提高5.00个百分点'), text);
  });

  test('the ranking lists ranked units side by side with their kind, the total last', () => {
    const ranking = blocksOf(model, 'table').at(-1)!;
    assert.ok(ranking.kind === 'table');
    assert.deepEqual(ranking.rows.map((r) => [r[0], r[1], r[2]]), [['1', '兰山街道', '乡镇（街道）'], ['2', '兰山区住房和城乡建设局', '部门'], ['3', '兰山区市场监督管理局', '部门'], ['合计', '兰山区人民政府', '—']]);
    assert.ok(text.includes('按综合得分排名，共3个单位参与排名，另有1个单位本期无相关数据、未参与排名。'));
  });

  test('suggestions follow from the data: weak units, growth, overdue, returns', () => {
    const advice = paragraphs(model).filter((p) => /^（[一二三四五六七八九十]）/.test(p));
    assert.equal(advice.length, 4, advice.join('\n'));
    assert.ok(advice[0]!.startsWith('（一）补齐满意率短板。满意率低于全区整体水平（95.00%）的单位有：兰山区住房和城乡建设局（82.50%）。'));
    assert.ok(advice[1]!.includes('城乡建设类诉求700件，较上月增加40%'), advice[1]);
    assert.ok(!advice[1]!.includes('市场监管'), 'a 2 % rise is not "fast"');
    assert.ok(advice[2]!.includes('尚有3件诉求超过办理时限，主要集中在兰山街道（3件）'));
    assert.ok(advice[3]!.includes('退单率偏高的单位有：兰山区住房和城乡建设局（15.00%）'));
  });

  test('two charts at least, each with data', () => {
    const charts = blocksOf(model, 'chart');
    assert.ok(charts.length >= 2);
    const daily = charts[0]!;
    assert.ok(daily.kind === 'chart' && daily.chart.kind === 'line');
    assert.equal(daily.chart.series[0]!.data.reduce((s, n) => s + n, 0), 1200);
  });

  test('with nothing to point at, the advice is to keep going', () => {
    const calm = fabricatedDashboard({
      overdue: 0,
      rows: [row(UNITS.town, 1, figures(95, 100, { returnRate: [1, 100] }), 100), row(UNITS.housing, 2, figures(94, 100, { returnRate: [2, 100] }), 100)],
      current: figures(95, 100, { returnRate: [3, 200] }),
    });
    const advice = paragraphs(monthlyReport({ dashboard: calm, base: calm, place: '兰山区', isArea: true })).filter((p) => p.startsWith('（一）'));
    assert.equal(advice.length, 1);
    assert.match(advice[0]!, /^（一）保持工作成效。/);
  });

  test('a department reports what it was dispatched, as 本单位; a month so far compares with 上期', () => {
    const dept = fabricatedDashboard({ basis: 'dispatched', scope: UNITS.housing, period: { from: '2026-03-01', to: '2026-03-15' } });
    const m = monthlyReport({ dashboard: dept, base: dept, place: UNITS.housing.name, isArea: false });
    const t = reportText(m);
    assert.ok(t.includes('2026年3月1日至3月15日，兰山区住房和城乡建设局共接收12345热线派单1200件，较上期增加20%，较去年同期增加50%。'), t);
    assert.ok(t.includes('本单位接诉即办“三率”情况如下'));
  });

  test('a figure without a denominator says so instead of "—%"', () => {
    const empty = fabricatedDashboard({ current: figures(0, 0) });
    const t = reportText(monthlyReport({ dashboard: empty, base: empty, place: '兰山区', isArea: true }));
    assert.ok(t.includes('差评整改率无统计基数（应整改差评0件）'));
    assert.ok(!t.includes('—%'));
  });
});

describe('the 接诉即办 part of the annual report', () => {
  const year = { from: '2026-01-01', to: '2026-12-31' };
  const dashboard = fabricatedDashboard({ period: year, lastYear: figures(970, 1000) });
  const base = fabricatedDashboard({ period: { from: '2025-01-01', to: '2025-12-31' }, volume: [800, 700, 600] });
  const model = annualReport({ dashboard, base, place: '兰山区', isArea: true });
  const text = reportText(model);

  test('a few paragraphs comparing with the year before, one table, one chart', () => {
    assert.ok(text.includes('12345政务服务便民热线共受理群众诉求1200件，较2025年增加50%（2025年800件）。'), text);
    assert.ok(text.includes('满意率95.00%（满意和基本满意950件，回访评价1000件），较2025年下降2.00个百分点'));
    assert.equal(blocksOf(model, 'table').length, 1);
    assert.equal(blocksOf(model, 'chart').length, 1);
    const chart = blocksOf(model, 'chart')[0]!;
    assert.ok(chart.kind === 'chart' && chart.chart.kind === 'bar');
    assert.equal(chart.chart.categories.length, 12);
    assert.deepEqual(chart.chart.series.map((s) => [s.name, s.data.reduce((a, b) => a + b, 0)]), [['2026年', 1200], ['2025年', 800]]);
  });

  test('the closing names the 三率 that fell', () => {
    assert.ok(paragraphs(model).at(-1)!.startsWith('同时也要看到，解决率较2025年下降2.00个百分点，满意率较2025年下降2.00个百分点'), paragraphs(model).at(-1));
  });

  test('a year not over compares with the same days of the year before', () => {
    const soFar = fabricatedDashboard({ period: { from: '2026-01-01', to: '2026-04-01' } });
    const t = reportText(annualReport({ dashboard: soFar, base: soFar, place: '兰山区', isArea: true }));
    assert.ok(t.includes('2026年1月1日至4月1日，全区'));
    assert.ok(t.includes('较2025年同期增加50%（2025年同期800件）'));
  });
});
