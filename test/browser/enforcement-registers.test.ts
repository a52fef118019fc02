import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, PHONE, chromiumAvailable as available, chooseOption, chooseTreeNode, cspViolations, fillDate, offeredActions, openMenu, screenshot, searchAndChoose, serverAndBrowser, signIn, staffApi, takeAction } from './browser-helpers.js';

if (!available) console.log(`# browser enforcement registers SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

// 行政执法's registers as the demo county reads them: the 司法局's supervisor over every subject,
// with the certificates to renew within 60 days; a 市场监管局 officer on a phone, who sees their
// own subject only, finds an enterprise by its name and reads a matter's 裁量基准.
describe('行政执法 registers in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const running = serverAndBrowser({ FAZHI_DEMO_REQUESTS: '0' });
  const url = () => running.server.url;
  const texts = (page: Page, testId: string) => page.getByTestId(testId).allInnerTexts();
  /** Waits until the page shows this many elements of a test id (a list reloaded after a choice). */
  const countIs = async (page: Page, testId: string, n: number) => {
    for (let tries = 0; tries < 100 && (await page.getByTestId(testId).count()) !== n; tries++) await page.waitForTimeout(100);
    assert.equal(await page.getByTestId(testId).count(), n, testId);
  };
  const search = async (page: Page, testId: string, text: string) => {
    await page.getByTestId(testId).locator('input').fill(text);
    await page.getByTestId(testId).locator('input').press('Enter');
  };
  const fitsPhone = async (page: Page) => {
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= 375, `the page fits the phone (${width}px)`);
  };

  test('desk: the supervisor reads every subject, the certificates to renew, an enterprise by its code, the 不罚 lists', { timeout: 240_000 }, async () => {
    const page = await signIn(running.browser, url(), 'xzzf-supervisor');
    await openMenu(page, '执法人员与执法证');
    await page.getByTestId('xzzf-expiring-line').first().waitFor();
    const warnings = await texts(page, 'xzzf-expiring-line');
    assert.equal(warnings.length, 3);
    assert.ok(warnings.some((w) => w.includes('郭海燕') && w.includes('剩 18 天')), warnings.join('\n'));
    await page.getByTestId('xzzf-officer-name').filter({ hasText: '宋丽萍' }).waitFor();
    assert.equal(await page.getByTestId('xzzf-officer-name').count(), 27);
    const suspended = page.locator('tr').filter({ hasText: '宋丽萍' }).getByTestId('xzzf-certificate-status');
    assert.equal(await suspended.innerText(), '暂扣');
    // One subject's officers only.
    await chooseOption(page, 'xzzf-officers-subject', '兰山街道综合行政执法队');
    await countIs(page, 'xzzf-officer-name', 2);
    // The supervisor suspends (暂扣) one of the team's certificates, with the reason.
    const row = page.locator('tr').filter({ hasText: '许静' });
    await row.getByTestId('xzzf-certificate-change').click();
    await chooseOption(page, 'xzzf-status-choice', '暂扣');
    await page.getByTestId('xzzf-status-reason').fill('涉嫌违反执法程序，暂扣执法证接受调查');
    await page.getByTestId('xzzf-status-submit').click();
    await row.getByTestId('xzzf-certificate-status').filter({ hasText: '暂扣' }).waitFor();
    await screenshot(page, 'xzzf-officers-desk');

    await openMenu(page, '执法主体');
    await page.getByTestId('xzzf-subject-name').first().waitFor();
    const subjects = await texts(page, 'xzzf-subject-name');
    assert.equal(subjects.length, 11);
    assert.ok(subjects.includes('兰山街道综合行政执法队') && subjects.includes('兰山区市政园林服务中心'));
    // 义堂镇 is given its own team, and the team its first officer.
    await page.getByTestId('xzzf-subject-new').click();
    await chooseTreeNode(page, 'xzzf-subject-unit', '义堂镇');
    await page.getByTestId('xzzf-subject-name-input').fill('义堂镇综合行政执法队');
    await chooseOption(page, 'xzzf-subject-kind', '乡镇（街道）综合行政执法队');
    await page.getByTestId('xzzf-subject-basis').fill('山东省人民政府关于赋予乡镇（街道）部分县级行政执法权的决定');
    await page.getByTestId('xzzf-subject-article').fill('《中华人民共和国行政处罚法》第二十四条');
    await page.getByTestId('xzzf-subject-regions').locator('input').fill('371302105');
    await page.getByTestId('xzzf-subject-regions').locator('input').press('Enter');
    await chooseOption(page, 'xzzf-subject-fields', '城市管理');
    await page.getByTestId('xzzf-subject-submit').click();
    await page.getByTestId('xzzf-subject-name').filter({ hasText: '义堂镇综合行政执法队' }).waitFor();
    await openMenu(page, '执法人员与执法证');
    await page.getByTestId('xzzf-officer-new').click();
    await searchAndChoose(page, 'xzzf-new-officer-subject', '义堂镇综合行政执法队');
    await page.getByTestId('xzzf-new-officer-name').fill('魏强');
    await page.getByTestId('xzzf-new-officer-number').fill('3713099001');
    await chooseOption(page, 'xzzf-new-officer-fields', '城市管理');
    await fillDate(page, 'xzzf-new-officer-validFrom', '2026-01-05');
    await fillDate(page, 'xzzf-new-officer-validTo', '2030-12-31');
    await page.getByTestId('xzzf-new-officer-submit').click();
    await page.locator('tr').filter({ hasText: '魏强' }).getByTestId('xzzf-certificate-status').filter({ hasText: '有效' }).waitFor();
    // 郭海燕's certificate, 18 days from its end, is renewed: the warning goes.
    await chooseOption(page, 'xzzf-officers-subject', '兰山区综合行政执法局');
    await page.locator('tr').filter({ hasText: '郭海燕' }).getByTestId('xzzf-officer-renew').click();
    await page.getByTestId('xzzf-new-officer-number').fill('3713099002');
    await chooseOption(page, 'xzzf-new-officer-fields', '城市管理');
    await fillDate(page, 'xzzf-new-officer-validFrom', '2026-06-01');
    await fillDate(page, 'xzzf-new-officer-validTo', '2031-05-31');
    await page.getByTestId('xzzf-new-officer-submit').click();
    await page.locator('tr').filter({ hasText: '郭海燕' }).getByTestId('xzzf-certificate').filter({ hasText: '3713099002' }).waitFor();
    await countIs(page, 'xzzf-expiring-line', 2);

    // An enterprise found by its credit code, and opened.
    const reader = await staffApi(url(), 'xzzf-supervisor');
    const { items } = await reader<{ items: Array<{ name: string; creditCode: string }> }>('GET', '/api/xzzf/objects?q=%E5%8D%8E%E6%B3%B0');
    const company = items[0]!;
    await openMenu(page, '执法对象');
    await search(page, 'xzzf-objects-query', company.creditCode);
    await countIs(page, 'xzzf-object-name', 1);
    await page.getByTestId('xzzf-object-name').click();
    await page.getByTestId('xzzf-object-detail-code').filter({ hasText: company.creditCode }).waitFor();
    assert.ok((await page.getByTestId('xzzf-object-page').innerText()).includes(company.name));

    await openMenu(page, '执法事项');
    await page.getByTestId('xzzf-matter-name').first().waitFor();
    await page.getByTestId('xzzf-matters-exempt').click();
    await countIs(page, 'xzzf-matter-name', 12);
    await page.getByTestId('xzzf-matter-name').filter({ hasText: '油烟' }).first().click();
    await page.getByTestId('xzzf-benchmark').waitFor();
    const benchmark = await page.getByTestId('xzzf-matter-detail').innerText();
    assert.ok(benchmark.includes('初次未正常使用油烟净化设施') && benchmark.includes('5,000～20,000 元') && benchmark.includes('责令停产停业'), benchmark);
    await screenshot(page, 'xzzf-matters-desk');
    await page.context().close();
    assert.deepEqual(cspViolations(), []);
  });

  test('phone: a 市场监管局 officer sees their own subject, finds an enterprise, reads a benchmark', { timeout: 240_000 }, async () => {
    const page = await signIn(running.browser, url(), 'xzzf-market', PHONE);
    await openMenu(page, '执法人员与执法证');
    await page.getByTestId('xzzf-expiring-line').first().waitFor();
    assert.deepEqual((await texts(page, 'xzzf-expiring-line')).map((w) => w.slice(0, 2)), ['王磊']);
    await countIs(page, 'xzzf-officer-name', 5);
    await page.getByTestId('xzzf-expiring-tag').first().waitFor();
    await fitsPhone(page);
    await screenshot(page, 'xzzf-officers-phone');

    await page.goto(`${url()}/staff/xzzf/subjects`);
    await page.getByTestId('xzzf-subject-name').first().waitFor();
    assert.deepEqual(await texts(page, 'xzzf-subject-name'), ['兰山区市场监督管理局']);
    await fitsPhone(page);

    await page.goto(`${url()}/staff/xzzf/objects`);
    await search(page, 'xzzf-objects-query', '华泰');
    await countIs(page, 'xzzf-object-name', 1);
    await page.getByTestId('xzzf-object-code').first().waitFor();
    await fitsPhone(page);
    await screenshot(page, 'xzzf-objects-phone');
    // The officer registers a person met on an inspection: a mistyped number is refused, the right one kept masked.
    await page.getByTestId('xzzf-register').click();
    await page.getByTestId('xzzf-register-kind').getByText('个人').click();
    await page.getByTestId('xzzf-register-name').fill('欧阳明');
    await page.getByTestId('xzzf-register-idNumber').fill('110105194912310021');
    await page.getByTestId('xzzf-register-submit').click();
    await page.getByText('居民身份证号码不正确').waitFor();
    await page.getByTestId('xzzf-register-idNumber').fill('11010519491231002X');
    await page.getByTestId('xzzf-register-submit').click();
    await page.getByTestId('xzzf-object-detail-code').filter({ hasText: '110105********002X' }).waitFor();
    assert.ok(!(await page.getByTestId('xzzf-object-page').innerText()).includes('19491231'), 'the birth date is not shown');
    await fitsPhone(page);

    await page.goto(`${url()}/staff/xzzf/matters`);
    await page.getByTestId('xzzf-matter-name').first().waitFor();
    const names = await texts(page, 'xzzf-matter-name');
    assert.ok(names.length > 0 && names.every((n) => !n.includes('油烟')), 'only the 市场监管局’s matters');
    await page.getByTestId('xzzf-matter-name').filter({ hasText: '明码标价' }).click();
    await page.getByTestId('xzzf-benchmark').waitFor();
    assert.ok((await page.getByTestId('xzzf-matter-detail').innerText()).includes('初次未按规定明码标价'));
    await fitsPhone(page);
    await screenshot(page, 'xzzf-matters-phone');
    await page.context().close();
    assert.deepEqual(cspViolations(), []);
  });

  test('desk: the 市场监管局’s head finds 王磊’s certificate in 执法证到期提醒, its clock to the last day, and closes it as not renewed', { timeout: 240_000 }, async () => {
    const page = await signIn(running.browser, url(), 'xzzf-market-head');
    await openMenu(page, '执法证到期提醒');
    const row = page.locator('[data-testid="case-todo-table"] [data-testid="case-row"]').filter({ hasText: '王磊' });
    await row.waitFor();
    assert.equal(await page.locator('[data-testid="case-todo-table"] [data-testid="case-row"]').count(), 1, 'the other subjects’ reminders are theirs');
    const api = await staffApi(url(), 'xzzf-market-head');
    const { subjects } = await api<{ subjects: Array<{ certificates: Array<{ officerName: string; validTo: string }> }> }>('GET', '/api/xzzf/certificates/expiring?days=60');
    const lastDay = subjects.flatMap((x) => x.certificates).find((c) => c.officerName === '王磊')!.validTo;
    assert.ok((await row.innerText()).includes(lastDay), await row.innerText());
    await row.click();
    await page.getByTestId('detail-state').filter({ hasText: '待换证' }).waitFor();
    assert.equal(await page.locator('[data-testid="case-clock-row"][data-clock="expiry"]').count(), 1);
    assert.deepEqual(await offeredActions(page), ['decline'], 'renewal is recorded from the certificate form, not here');
    await screenshot(page, 'xzzf-certificate-reminder-desk');
    await takeAction(page, 'decline', 'declined', async () => {
      await page.getByTestId('action-field-reason').fill('王磊已调任综合管理岗位，不再从事执法工作');
    });
    assert.deepEqual(await offeredActions(page), []);
    await page.context().close();
    assert.deepEqual(cspViolations(), []);
  });
});
