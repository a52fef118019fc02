import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import type { Dashboard } from '../../../../../contracts/statistics.js';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { describeChange, formatRate } from '../rules/figure.js';
import { at, seedHandCounty } from './hand-county.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** The paragraphs of word/document.xml as text, the number of tables and images, and the images. */
async function openDocx(payload: Buffer) {
  const zip = await JSZip.loadAsync(payload);
  const xml = await zip.file('word/document.xml')!.async('string');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!)).join(''));
  const media = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).map((n) => zip.file(n)!.async('nodebuffer')));
  return { text: paragraphs.join('\n'), paragraphs, tables: xml.split('<w:tbl>').length - 1, drawings: xml.split('<w:drawing>').length - 1, media };
}

for (const backend of testBackends()) {
  describe(`Word reports on ${backend.name}`, () => {
    let ctx: TestContext;
    const get = async (url: string, user = 'leader') => ctx.app.inject({ url, headers: await ctx.as(user) });
    const dashboardOf = async (from: string, to: string) => (await get(`/api/stats/dashboard?unitId=${ctx.org.governmentId}&from=${from}&to=${to}`)).json() as Dashboard;
    before(async () => {
      ctx = await createTestContext(backend.url, at('2025-03-01T08:00:00'));
      await seedHandCounty(ctx);
    });
    after(async () => ctx?.close());

    test('the 月报 is a Word file with the numbers of the dashboard, real tables and chart images', async () => {
      const res = await get(`/api/stats/reports/monthly.docx?unitId=${ctx.org.governmentId}&month=2026-03`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.headers['content-type'] as string, /wordprocessingml/);
      assert.match(decodeURIComponent(res.headers['content-disposition'] as string), /兰山区12345政务服务便民热线2026年3月运行情况\.docx/);
      const d = await dashboardOf('2026-03-01', '2026-03-31');
      const doc = await openDocx(res.rawPayload);
      assert.equal(doc.paragraphs[0], '兰山区12345政务服务便民热线3月运行情况');
      const total = d.volume.total;
      assert.ok(doc.text.includes(`共受理群众诉求${total.current}件，${describeChange(total.changeFromPrevious, '上月')}，${describeChange(total.changeFromLastYear, '去年同期')}。`), doc.text);
      assert.match(doc.text, /较上月增加\d+(\.\d)?%/);
      const s = d.figures.satisfactionRate;
      assert.ok(doc.text.includes(`满意率${formatRate(s.value)}（满意和基本满意${s.numerator}件，回访评价${s.denominator}件）`));
      const r = d.figures.responseRate;
      assert.ok(doc.text.includes(`响应率${formatRate(r.value)}（按时响应${r.numerator}件，应响应${r.denominator}件）`));
      assert.ok(doc.text.includes(`尚有在办诉求${d.live.open}件，其中已超期${d.live.overdue}件`));
      for (const heading of ['一、总体情况', '二、诉求分布', '三、办理质效', '四、排名情况', '五、工作建议']) assert.ok(doc.paragraphs.includes(heading), heading);
      assert.ok(doc.tables >= 3, `${doc.tables} tables`);
      assert.ok(doc.drawings >= 1 && doc.media.length === doc.drawings);
      for (const image of doc.media) assert.deepEqual(image.subarray(0, 4), PNG);
    });

    test('the annual part compares the year so far with the same days of the year before', async () => {
      const res = await get(`/api/stats/reports/annual.docx?unitId=${ctx.org.governmentId}&year=2026`);
      assert.equal(res.statusCode, 200, res.body);
      const d = await dashboardOf('2026-01-01', '2026-04-01');
      const doc = await openDocx(res.rawPayload);
      assert.equal(doc.paragraphs[0], '接诉即办工作情况');
      const change = describeChange(d.volume.total.changeFromLastYear, '2025年同期');
      assert.match(change, /^较2025年同期增加\d+%$/);
      assert.ok(doc.text.includes(`共受理群众诉求${d.volume.total.current}件，${change}（2025年同期${d.volume.total.lastYear}件）`), doc.text);
      assert.equal(doc.tables, 1);
      assert.equal(doc.drawings, 1);
      assert.ok(doc.text.includes(`${formatRate(d.figures.resolutionRate.value)}（${d.figures.resolutionRate.numerator}/${d.figures.resolutionRate.denominator}）`));
    });

    test('a period not begun, a bad month, or a unit out of scope is refused', async () => {
      const future = await get(`/api/stats/reports/monthly.docx?month=2026-05`);
      assert.equal(future.statusCode, 400);
      assert.equal(future.json().error.code, 'REPORT_PERIOD_NOT_STARTED');
      const bad = await get(`/api/stats/reports/monthly.docx?month=2026-13`);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
      const outside = await get(`/api/stats/reports/annual.docx?unitId=${ctx.org.governmentId}&year=2026`, 'housing');
      assert.equal(outside.statusCode, 404);
      assert.equal(outside.json().error.code, 'UNIT_OUT_OF_SCOPE');
      const anonymous = await ctx.app.inject({ url: '/api/stats/reports/monthly.docx?month=2026-03' });
      assert.equal(anonymous.statusCode, 401);
    });

    test('a department gets its own 月报', async () => {
      const res = await get(`/api/stats/reports/monthly.docx?month=2026-03`, 'housing-leader');
      assert.equal(res.statusCode, 200, res.body);
      const doc = await openDocx(res.rawPayload);
      assert.ok(doc.text.includes('兰山区住房和城乡建设局共接收12345热线派单'), doc.text);
    });
  });
}

// An operator's channel is free text and becomes a chart label: a control character in it
// made resvg refuse the SVG (500, found by the route fuzz), and would have broken the .docx XML.
describe('a report whose labels hold characters XML forbids', () => {
  let ctx: TestContext;
  before(async () => (ctx = await createTestContext(null, at('2026-03-02T09:00:00'))));
  after(async () => ctx?.close());

  test('is still written, without those characters', async () => {
    const operator = await ctx.as('operator');
    const channel = '电话\u0001\u001f\uFFFE<&>';
    const recorded = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: operator, payload: { content: '路灯不亮', townshipCode: '371302001', channel, title: '路灯\u0008不亮' } });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const dispatch = { unitId: ctx.org.departmentIds.get('housing')!, requestType: '投诉', categoryCode: '011003' };
    const dispatched = await ctx.app.inject({ method: 'POST', url: `/api/requests/${recorded.json().caseId}/actions/dispatch`, headers: operator, payload: dispatch });
    assert.equal(dispatched.statusCode, 200, dispatched.body);
    const res = await ctx.app.inject({ url: '/api/stats/reports/monthly.docx?month=2026-03', headers: await ctx.as('leader') });
    assert.equal(res.statusCode, 200, res.body);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    assert.ok((await openDocx(res.rawPayload)).text.includes('电话<&>'), 'the label keeps its other characters');
  });
});
