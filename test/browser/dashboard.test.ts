import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { FIGURE_KEYS } from '../../contracts/metrics.js';
import type { Dashboard, PublicStatistics } from '../../contracts/statistics.js';
import { CHROMIUM, PASSWORD, PHONE, chooseOption, chooseTreeNode, chromiumAvailable as available, cspViolations, phoneContext, screenshot, serverAndBrowser, signIn } from './browser-helpers.js';

if (!available) console.log(`# browser dashboard SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

const isDashboard = (unitId?: number) => (r: Response) =>
  r.url().includes('/api/stats/dashboard?') && r.ok() && (unitId === undefined || new URL(r.url()).searchParams.get('unitId') === String(unitId));

// The leaders' pages over the demo county's generated requests, as a leader and as a passer-by.
describe('驾驶舱 and public statistics in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  // The demo's 400 requests over the last 45 days are what the figures are read from.
  const running = serverAndBrowser({}, 300_000);

  /** A number as the page shows it ("1,234"), read back. */
  const shownNumber = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/,/g, ''));

  /** Waits for the dashboard the page asked for and for the page to show it. */
  const loaded = async (page: Page, response: Promise<Response>): Promise<Dashboard> => {
    const dashboard = (await (await response).json()) as Dashboard;
    await page.locator(`[data-testid="dashboard"][data-loading="false"] [data-testid="dashboard-scope"][data-unit-id="${dashboard.scope.unitId}"]`).waitFor();
    return dashboard;
  };

  test('a leader reads the figures, opens the overdue requests and a township', { timeout: 240_000 }, async () => {
    const leader = await signIn(running.browser, running.server.url, 'leader');
    let response = leader.waitForResponse(isDashboard());
    await leader.getByRole('menuitem', { name: '领导驾驶舱' }).click();
    await loaded(leader, response);

    // The last 30 days hold most of the demo's requests whatever day the test runs.
    response = leader.waitForResponse(isDashboard());
    await leader.getByTestId('dashboard-range').first().click();
    await leader.locator('.ant-picker-dropdown:visible .ant-picker-presets li', { hasText: '近30天' }).click();
    let dashboard = await loaded(leader, response);

    assert.ok(dashboard.volume.total.current > 0, 'the demo county received requests');
    assert.equal(await shownNumber(leader, 'volume-total'), dashboard.volume.total.current);
    for (const key of FIGURE_KEYS) {
      const figure = dashboard.figures[key];
      const fraction = `${figure.numerator}/${figure.denominator}`;
      if (Number.isInteger(figure.numerator)) assert.equal(await leader.getByTestId(`figure-${key}-fraction`).innerText(), fraction, key);
      else await leader.getByTestId(`figure-${key}`).waitFor();
    }
    const responseRate = dashboard.figures.responseRate;
    assert.ok(responseRate.denominator > 0, '响应率 has a denominator');
    assert.ok((await leader.getByTestId('metric-total-responseRate').innerText()).includes(`${responseRate.numerator}/${responseRate.denominator}`));
    assert.equal(await leader.locator('[data-testid="metrics-table"] [data-testid="ranking-unit"]').count(), dashboard.ranking.rows.length);
    const kinds = await leader.locator('[data-testid="metrics-table"] [data-testid="unit-kind"]').allInnerTexts();
    assert.ok(kinds.includes('部门') && kinds.includes('乡镇街道'), 'departments and townships side by side');

    // 超期 opens the overdue requests, each linking to its detail page.
    assert.ok(dashboard.live.overdue > 0, 'the demo leaves some requests overdue');
    const listed = leader.waitForResponse((r) => r.url().includes('/api/stats/cases?') && r.url().includes('kind=overdue'));
    await leader.getByTestId('live-overdue').click();
    const { total } = (await (await listed).json()) as { total: number };
    const rows = leader.locator('[data-testid="drill-down-row"]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), Math.min(20, total));
    const link = leader.getByTestId('drill-down-link').first();
    const trackingCode = await link.innerText();
    await link.click();
    await leader.waitForURL(/\/staff\/requests\/[0-9a-f-]{36}$/);
    assert.equal(await leader.getByTestId('detail-tracking-code').innerText(), trackingCode);

    // Back on the dashboard, the list is open again where it was left (it is in the address); closed,
    // a click on the first township of the schematic grid opens its dashboard.
    response = leader.waitForResponse(isDashboard());
    await leader.goBack();
    dashboard = await loaded(leader, response);
    await leader.locator('[data-testid="drill-down-row"]').first().waitFor();
    await leader.locator('.ant-drawer-close').click();
    await leader.getByTestId('drill-down').waitFor({ state: 'hidden' });
    const cell = dashboard.townships.find((t) => t.row === 0 && t.column === 0)!;
    const map = leader.getByTestId('township-map');
    await map.locator('canvas').first().waitFor();
    await map.scrollIntoViewIfNeeded();
    const columns = Number(await map.getAttribute('data-columns'));
    for (let attempt = 0; attempt < 3; attempt++) {
      response = leader.waitForResponse(isDashboard(cell.unit.unitId), { timeout: 5000 });
      const box = (await map.locator('canvas').first().boundingBox())!;
      // The grid starts 4 px in from the left and top; rows are 64 px high.
      await leader.mouse.click(box.x + 4 + (box.width - 8) / columns / 2, box.y + 4 + 32);
      try {
        await response;
        break;
      } catch {
        // the chart was still animating in: click again
      }
    }
    const township = await loaded(leader, response);
    assert.equal(township.scope.name, cell.unit.name);
    assert.ok((await leader.getByTestId('dashboard-scope').innerText()).includes(cell.unit.name));
    assert.equal(township.volume.total.current, cell.requests, 'the township counts what its cell showed');
    assert.equal(await shownNumber(leader, 'volume-total'), cell.requests);
    assert.ok((await leader.getByTestId('dashboard-back').innerText()).includes(dashboard.scope.name));
    assert.deepEqual(cspViolations(), [], 'the dashboard and its charts work under the content security policy');
  });

  /** A rate's change as the cards must show it: in percentage points, never in per cent. */
  const pointsText = (name: string, points: number | null) =>
    points === null ? `${name} —` : `${name} ${points > 0 ? '+' : points < 0 ? '-' : ''}${Math.abs(points).toFixed(2)} 个百分点`;

  /** What a page shows of its view: unit, period, ranking key, the map's measure, the open list. */
  const shownView = async (page: Page) => ({
    unitId: await page.getByTestId('dashboard-scope').getAttribute('data-unit-id'),
    range: await page.getByTestId('dashboard-range').first().locator('input').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value)),
    rankBy: await page.getByTestId('dashboard-rank-by').first().innerText(),
    measure: await page.locator('[data-testid="map-measure"] .ant-segmented-item-selected').innerText(),
    drawer: await page.locator('.ant-drawer-title').innerText(),
  });

  test('the view lives in the address: a link shared from the desk opens the same view on a phone, with the Word reports of that view', { timeout: 240_000 }, async () => {
    const leader = await signIn(running.browser, running.server.url, 'leader');
    let response = leader.waitForResponse(isDashboard());
    await leader.goto(`${running.server.url}/staff/dashboard`);
    await loaded(leader, response);

    response = leader.waitForResponse(isDashboard());
    await leader.getByTestId('dashboard-range').first().click();
    await leader.locator('.ant-picker-dropdown:visible .ant-picker-presets li', { hasText: '近30天' }).click();
    await loaded(leader, response);
    response = leader.waitForResponse((r) => isDashboard()(r) && r.url().includes('rankBy=firstTimeClosingRate'));
    await chooseOption(leader, 'dashboard-rank-by', '一次办结率');
    const desk = await loaded(leader, response);
    assert.equal(desk.ranking.rankBy, 'firstTimeClosingRate');
    await leader.getByTestId('map-measure').getByText('超期占比').click();
    await leader.waitForURL(/map=overdueShare/);
    await leader.getByTestId('live-overdue').click();
    await leader.locator('[data-testid="drill-down-row"]').first().waitFor();
    const shared = new URL(leader.url());
    assert.deepEqual(Object.fromEntries(shared.searchParams), { period: 'last30Days', rankBy: 'firstTimeClosingRate', map: 'overdueShare', drill: 'overdue' });
    const deskView = await shownView(leader);
    assert.deepEqual([deskView.rankBy, deskView.measure], ['一次办结率', '超期占比']);

    // Every rate's 同比 and 环比 in 百分点, as the JSON gives them.
    for (const key of FIGURE_KEYS) {
      const figure = desk.figures[key];
      assert.equal(await leader.getByTestId(`figure-${key}-change-yoy`).innerText(), pointsText('同比', figure.pointsFromLastYear), key);
      assert.equal(await leader.getByTestId(`figure-${key}-change-mom`).innerText(), pointsText('环比', figure.pointsFromPrevious), key);
    }
    const firstTime = desk.figures.firstTimeClosingRate;
    assert.equal(await leader.getByTestId('figure-firstTimeClosingRate-fraction').innerText(), `${firstTime.numerator}/${firstTime.denominator}`);
    assert.ok(firstTime.denominator > 0, 'the demo closes dispatched requests');

    // The monthly report of the unit and the month the period ends in, from the page.
    const month = desk.period.to.slice(0, 7);
    await leader.locator('.ant-drawer-close').click();
    await leader.getByTestId('drill-down').waitFor({ state: 'hidden' });
    await screenshot(leader, 'dashboard-view-desk');
    const monthly = leader.waitForResponse((r) => r.url().includes('/api/stats/reports/monthly.docx'));
    const monthlyFile = leader.waitForEvent('download');
    await leader.getByTestId('report-monthly').click();
    const monthlyUrl = new URL((await monthly).url());
    assert.equal((await monthly).status(), 200);
    assert.deepEqual([monthlyUrl.searchParams.get('unitId'), monthlyUrl.searchParams.get('month')], [String(desk.scope.unitId), month]);
    assert.match((await monthlyFile).suggestedFilename(), /\.docx$/);

    // On a phone, another session opens the link: the same figures, the same choices, the same list.
    const phone = await signIn(running.browser, running.server.url, 'leader', PHONE);
    response = phone.waitForResponse(isDashboard());
    await phone.goto(shared.toString());
    const opened = await loaded(phone, response);
    assert.deepEqual([opened.scope.unitId, opened.period, opened.ranking.rankBy], [desk.scope.unitId, desk.period, 'firstTimeClosingRate']);
    await phone.locator('[data-testid="drill-down-row"]').first().waitFor();
    assert.deepEqual(await shownView(phone), deskView);
    assert.equal(await phone.getByTestId('figure-firstTimeClosingRate-change-mom').innerText(), pointsText('环比', firstTime.pointsFromPrevious));
    await phone.locator('.ant-drawer-close').click();
    await phone.getByTestId('drill-down').waitFor({ state: 'hidden' });
    await screenshot(phone, 'dashboard-view-phone');
    const annual = phone.waitForResponse((r) => r.url().includes('/api/stats/reports/annual.docx'));
    const annualFile = phone.waitForEvent('download');
    await phone.getByTestId('report-annual').scrollIntoViewIfNeeded();
    await phone.getByTestId('report-annual').click();
    assert.equal((await annual).status(), 200);
    assert.equal(new URL((await annual).url()).searchParams.get('year'), desk.period.to.slice(0, 4));
    assert.match((await annualFile).suggestedFilename(), /\.docx$/);

    // A township chosen at the desk is in the link too, and the phone opens its dashboard.
    const township = desk.townships[0]!.unit;
    response = leader.waitForResponse(isDashboard(township.unitId));
    await chooseTreeNode(leader, 'metrics-unit', township.name);
    await loaded(leader, response);
    assert.equal(new URL(leader.url()).searchParams.get('unit'), String(township.unitId));
    response = phone.waitForResponse(isDashboard(township.unitId));
    await phone.goto(leader.url());
    const townshipView = await loaded(phone, response);
    assert.deepEqual([townshipView.scope.name, townshipView.period], [township.name, desk.period]);
    assert.ok((await phone.getByTestId('dashboard-scope').innerText()).includes(township.name));
    assert.deepEqual(cspViolations(), [], 'the view, its link and the reports work under the content security policy');
    await leader.context().close();
    await phone.context().close();
  });

  test('a department\'s handler takes its own unit\'s reports from 考核统计', { timeout: 120_000 }, async () => {
    const handler = await signIn(running.browser, running.server.url, 'dept-housing');
    const ranking = handler.waitForResponse((r) => r.url().includes('/api/metrics?') && r.ok());
    await handler.goto(`${running.server.url}/staff/metrics?period=lastMonth`);
    const shown = (await (await ranking).json()) as { total: { unit: { unitId: number } }; period: { to: string } };
    const monthly = handler.waitForResponse((r) => r.url().includes('/api/stats/reports/monthly.docx'));
    const file = handler.waitForEvent('download');
    await handler.getByTestId('report-monthly').click();
    const url = new URL((await monthly).url());
    assert.equal((await monthly).status(), 200);
    assert.deepEqual([url.searchParams.get('unitId'), url.searchParams.get('month')], [String(shown.total.unit.unitId), shown.period.to.slice(0, 7)]);
    assert.match((await file).suggestedFilename(), /\.docx$/);
    await handler.context().close();
  });

  test('a browser set to another zone still opens on China\'s month to date', { timeout: 120_000 }, async () => {
    // Between them these zones have another date than China for 22 hours of every day.
    for (const timezoneId of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      const leader = await signIn(running.browser, running.server.url, 'leader', { timezoneId });
      const response = leader.waitForResponse(isDashboard());
      await leader.getByRole('menuitem', { name: '领导驾驶舱' }).click();
      const dashboard = await loaded(leader, response);
      const chinaToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      assert.deepEqual(dashboard.period, { from: `${chinaToday.slice(0, 8)}01`, to: chinaToday }, timezoneId);
      await leader.context().close();
    }
  });

  test('a visitor without an account reads the published statistics on a phone', { timeout: 120_000 }, async () => {
    // Publish everything, as an administrator would on the 驾驶舱's settings card.
    const login = await fetch(`${running.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const settings = await fetch(`${running.server.url}/api/stats/public-settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ published: true, figures: [...FIGURE_KEYS], showVolume: true, showCategories: true, showTrend: true }),
    });
    assert.equal(settings.status, 200);
    const published = await fetch(`${running.server.url}/api/public/statistics`);
    assert.equal(published.status, 200);
    const statistics = (await published.json()) as PublicStatistics;

    const phone = await phoneContext(running.browser);
    const visitor = await phone.newPage();
    await visitor.goto(running.server.url);
    await visitor.getByTestId('statistics-link').click();
    await visitor.getByTestId('public-statistics').waitFor();
    if (statistics.requests) {
      await visitor.getByTestId('volume-total').waitFor();
      assert.equal(await shownNumber(visitor, 'volume-total'), statistics.requests.current);
    }
    for (const key of FIGURE_KEYS) {
      const figure = statistics.figures[key];
      if (figure && Number.isInteger(figure.numerator)) assert.equal(await visitor.getByTestId(`figure-${key}-fraction`).innerText(), `${figure.numerator}/${figure.denominator}`, key);
      if (!figure) assert.equal(await visitor.getByTestId(`figure-${key}`).count(), 0, `${key} is not published`);
    }
    assert.equal(await visitor.getByTestId('public-by-category').count(), statistics.byCategory ? 1 : 0);
    assert.equal(await visitor.getByTestId('public-by-day').count(), statistics.byDay ? 1 : 0);
    assert.deepEqual(cspViolations(), [], 'the public statistics work under the content security policy');
  });
});
