import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHROMIUM, chromiumAvailable as available, fillDate, newContext, openMenu, screenshot, serverAndBrowser, signIn, staffApi } from './browser-helpers.js';

if (!available) console.log(`# browser 涉企检查 walk-through SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

// 涉企检查 in the demo county: the 市场监管局's officer 张伟 draws a plan of today's inspections,
// reads the codes, records a result with a problem and opens the follow-up case; the enterprise,
// signed in as nobody on a phone, checks the code at its door.
describe('涉企检查 in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const running = serverAndBrowser({ FAZHI_DEMO_REQUESTS: '0' });
  const url = () => running.server.url;

  test('plan, draw, code verified at the door, result, follow-up case', { timeout: 240_000 }, async () => {
    const officer = await staffApi(url(), 'xzzf-market');
    const subjects = await officer<{ items: Array<{ id: number; name: string }> }>('GET', '/api/xzzf/subjects');
    const market = subjects.items.find((x) => x.name.includes('市场监督管理局'))!;
    const matters = await officer<{ items: Array<{ id: number; kind: string }> }>('GET', `/api/xzzf/matters?subjectId=${market.id}`);
    const matter = matters.items.find((m) => m.kind === '行政检查')!;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const { id } = await officer<{ id: number }>('POST', '/api/xzzf/inspection-plans', { subjectId: market.id, year: Number(today.slice(0, 4)), matterId: matter.id, title: '本年度特种设备使用单位双随机抽查', plannedCount: 2, firstDay: today, lastDay: today });

    const page = await signIn(running.browser, url(), 'xzzf-market');
    await openMenu(page, '涉企检查');
    await page.getByTestId(`xzjc-plan-${id}`).click();
    await page.getByTestId('xzjc-draw').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.getByTestId('xzjc-draw-record').waitFor();
    const codes = await page.getByTestId('xzjc-code').allInnerTexts();
    assert.equal(codes.length, 2);
    assert.match(codes[0]!.trim(), /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(await page.getByTestId('xzjc-plan-status').innerText(), '已抽取');
    await screenshot(page, 'inspections-plan-drawn');
    // The code as a QR image the enterprise scans at its door.
    await page.getByTestId('xzjc-qr-open').first().click();
    await page.getByTestId('xzjc-qr').locator('canvas').waitFor();
    await page.keyboard.press('Escape');

    // The enterprise at its door, on a phone, types the code as read out: lower case, no dashes.
    const door = await (await newContext(running.browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })).newPage();
    await door.goto(`${url()}/xzzf/verify`);
    await door.getByTestId('xzjc-verify-input').fill(codes[0]!.trim().toLowerCase().replace(/-/g, ''));
    await door.getByTestId('xzjc-verify-submit').click();
    await door.getByTestId('xzjc-verify-result').waitFor();
    const seen = await door.getByTestId('xzjc-verify-result').innerText();
    assert.ok(seen.includes(market.name), seen);
    assert.equal((await door.getByTestId('xzjc-verify-officers').innerText()).match(/执法证号/g)?.length, 2);
    await screenshot(door, 'inspections-verify-phone');
    await door.goto(`${url()}/xzzf/verify/ZZZZ-ZZZZ-ZZZZ`);
    await door.getByTestId('xzjc-verify-not-found').waitFor();

    // The result with a problem, signed by the two drawn officers (preset), then the follow-up case.
    await page.locator('[data-testid^="xzjc-record-"]').first().click();
    await fillDate(page, 'xzjc-result-day', today);
    await page.getByTestId('xzjc-result-result').getByText('发现问题', { exact: true }).click();
    await page.getByTestId('xzjc-result-note').fill('电梯维护保养记录缺失');
    await page.getByTestId('xzjc-result-submit').click();
    await page.locator('[data-testid^="xzjc-follow-up-"]').first().click();
    await page.getByTestId('xzjc-follow-up-submit').click();
    await page.waitForURL(/\/staff\/xzzf\/cases\/[0-9a-f-]{36}$/);

    // 一公开: the result on the public list, at phone size, without the officers' note.
    await door.goto(`${url()}/xzzf/inspections`);
    await door.locator('[data-testid="xzjc-public-result"][data-result="problems"]').first().waitFor();
    assert.equal((await door.getByTestId('xzjc-public-results').innerText()).includes('电梯维护保养记录缺失'), false);
    await screenshot(door, 'inspections-results-phone');
  });
});
