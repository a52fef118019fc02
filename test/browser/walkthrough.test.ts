import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { phoneJpeg } from '../../server/test/test-images.js';
import { CHROMIUM, DESK, PHONE, chromiumAvailable as available, chooseCascade, chooseOption, cspViolations, newContext, phoneContext, screenshot, searchAndChoose, serverAndBrowser, signIn, staffApi } from './browser-helpers.js';

// Run in the page (this project compiles without the DOM's types). Table headers that wrap: a single
// line is about 39 px high in the small tables, so at 375 px none may pass 50.
const FOLDED_HEADERS = `[...document.querySelectorAll('.ant-table-thead th')]
  .map((cell) => [cell.innerText.trim(), cell.getBoundingClientRect().height])
  .filter(([text, height]) => text && height > 50)
  .map(([text, height]) => text + ': ' + Math.round(height) + ' px high')`;

const foldedHeaders = (page: Page): Promise<string[]> => page.evaluate<string[]>(FOLDED_HEADERS);

/** Buttons that something else (the menu's toggle, an overlay) lies over, or that the toggle touches. */
function coveredButtons(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const toggle = document.querySelector('[data-testid="staff-menu-toggle"]');
    const problems = [];
    for (const button of document.querySelectorAll(${JSON.stringify(selector)})) {
      button.scrollIntoView({ block: 'center' });
      const box = button.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      if (!hit || !button.contains(hit)) problems.push(button.innerText + ': covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing'));
      const t = toggle && toggle.getBoundingClientRect();
      if (t && t.width > 0 && t.x < box.right && box.x < t.right && t.y < box.bottom && box.y < t.bottom) problems.push(button.innerText + ': under the menu toggle');
    }
    window.scrollTo(0, 0);
    return problems;
  })()`);
}

if (!available) console.log(`# browser walkthrough SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

// Steps 1–6 of the 接诉即办 issue, through the real pages, as the people who use them.
describe('接诉即办 in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const running = serverAndBrowser({ FAZHI_DEMO_REQUESTS: '0' });

  const staffPage = (username: string): Promise<Page> => signIn(running.browser, running.server.url, username);
  const openRequest = async (page: Page, trackingCode: string, view: 'todo' | 'all' = 'todo') => {
    await page.goto(`${running.server.url}/staff`);
    if (view === 'all') await page.getByTestId('tab-all').click();
    await page.locator(`[data-testid="todo-row"][data-tracking-code="${trackingCode}"]`).click();
    await page.getByTestId('detail-tracking-code').waitFor();
  };
  // Steps that cannot be taken back (答复, 回访, 裁定 …) are asked once more: the walk confirms.
  const runAction = async (page: Page, action: string, fill?: () => Promise<void>, confirm = false) => {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId(`action-form-${action}`).waitFor();
    await fill?.();
    await page.getByTestId('action-modal-submit').click();
    if (confirm) await page.getByTestId('confirm-ok').click();
    const refused = page.getByTestId('action-error');
    await Promise.race([page.getByTestId(`action-form-${action}`).waitFor({ state: 'detached' }), refused.waitFor().catch(() => undefined)]);
    if (await refused.isVisible()) throw new Error(`${action} refused: ${await refused.innerText()}`);
  };

  test('citizen → operator → unit → dispatch center → follow-up → leader', { timeout: 240_000 }, async () => {
    // 1. A citizen on a phone submits without an account, with a photo, and gets a tracking code and, once, the key to rate with.
    const phone = await phoneContext(running.browser);
    const citizen = await phone.newPage();
    await citizen.goto(running.server.url);
    await citizen.getByTestId('citizen-content').fill('我们小区物业不作为，单元门禁坏了两个多月没人修，陌生人随便进出，请督促物业尽快维修。');
    await citizen.getByTestId('citizen-phone').fill('13912345678');
    await citizen.getByTestId('citizen-photo').setInputFiles({ name: '门禁.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg(800, 600) });
    await citizen.getByTestId('citizen-photo-preview').waitFor();
    await citizen.getByTestId('citizen-township').selectOption({ label: '兰山街道' });
    await citizen.getByTestId('citizen-submit').click();
    const code = (await citizen.getByTestId('tracking-code').innerText()).match(/[0-9A-Z]{4}(-[0-9A-Z]{4}){3}/)![0];
    const key = (await citizen.getByTestId('requester-key').innerText()).match(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)![0];
    assert.ok((await citizen.getByTestId('requester-key-hint').innerText()).includes('评价码只显示这一次'));
    await screenshot(citizen, 'citizen-result-phone');
    assert.equal(await citizen.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie'), '{}{}', 'the key is kept nowhere');
    await citizen.goto(`${running.server.url}/track/${code}`);
    assert.equal(await citizen.getByTestId('track-status').innerText(), '待处理');

    // 2. The operator classifies it and dispatches it to the housing bureau.
    const operator = await staffPage('operator');
    await openRequest(operator, code);
    assert.equal(await operator.getByTestId('detail-requester-phone').innerText(), '13912345678');
    // The photo shows, as stored: turned upright (the camera's 800 × 600 was sideways).
    const shown = operator.locator('[data-testid="detail-photos"] img');
    const natural = await shown.evaluate(async (element) => {
      const img = element as unknown as { decode(): Promise<void>; naturalWidth: number; naturalHeight: number };
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    assert.deepEqual(natural, [600, 800]);
    await runAction(operator, 'dispatch', async () => {
      await chooseOption(operator, 'action-field-unitId', '兰山区住房和城乡建设局');
      await chooseOption(operator, 'action-field-requestType', '投诉');
      await chooseCascade(operator, 'action-field-categoryCode', ['城乡建设', '住房保障与房地产', '物业服务']);
    });
    assert.equal(await operator.getByTestId('detail-state').innerText(), '待签收');

    // 3. The unit sees it on its to-do list with a green clock, signs, contacts, asks for more time.
    const unit = await staffPage('dept-housing');
    await unit.goto(`${running.server.url}/staff`);
    const row = unit.locator(`[data-testid="todo-row"][data-tracking-code="${code}"]`);
    assert.equal(await row.getByTestId('clock-tag').getAttribute('data-status'), 'green');
    await openRequest(unit, code);
    await runAction(unit, 'sign');
    await runAction(unit, 'contact', () => unit.getByTestId('action-field-note').fill('已电话联系诉求人，约定明日上门查看。'));
    await runAction(unit, 'request_extension', () => unit.getByTestId('action-field-reason').fill('门禁主板需厂家供货。'));

    // The county leader sees the department's request but may take none of its steps.
    const leader = await staffPage('leader');
    await openRequest(leader, code, 'all');
    assert.equal(await leader.getByTestId('action-bar').count(), 0);
    assert.ok((await leader.getByTestId('request-descriptions').innerText()).includes(code));
    await leader.getByText('当前状态下您没有可执行的操作').waitFor();

    // 4. The dispatch center approves the extension and urges.
    const dispatcher = await staffPage('dispatcher');
    await openRequest(dispatcher, code);
    await runAction(dispatcher, 'approve_extension');
    await runAction(dispatcher, 'urge', () => dispatcher.getByTestId('action-field-note').fill('请加快办理。'));
    assert.ok((await dispatcher.getByTestId('events-timeline').innerText()).includes('批准延期'));

    // The unit replies.
    await openRequest(unit, code, 'all');
    await runAction(unit, 'reply', () => unit.getByTestId('action-field-reply').fill('经现场核实，已督促物业更换单元门禁主板，门禁已恢复正常。'), true);
    assert.equal(await unit.getByTestId('detail-state').innerText(), '已答复待回访');

    // 5. The citizen sees the reply and rates it with the key: a wrong one is refused in Chinese,
    // theirs is taken however they type it.
    await citizen.goto(`${running.server.url}/track/${code}`);
    assert.ok((await citizen.getByTestId('track-reply').innerText()).includes('门禁已恢复正常'));
    const wrong = key.startsWith('2') ? '3' + key.slice(1) : '2' + key.slice(1);
    await citizen.getByTestId('evaluation-key').fill(wrong);
    await citizen.getByTestId('evaluation-resolved-yes').click();
    await citizen.getByTestId('evaluation-satisfied').click();
    await citizen.getByTestId('evaluation-submit').click();
    assert.equal(await citizen.getByTestId('evaluation-key-error').innerText(), '评价码不正确，请核对提交时显示或短信收到的评价码');
    await screenshot(citizen, 'citizen-wrong-key-phone');
    await citizen.getByTestId('evaluation-key').fill(` ${key.toLowerCase().replace('-', ' ')} `);
    await citizen.getByTestId('evaluation-submit').click();
    await citizen.getByTestId('evaluation-thanks').waitFor();
    await citizen.reload();
    assert.equal(await citizen.getByTestId('track-status').innerText(), '已办结');

    // 6. The leader reads the figures with numerator and denominator and exports them.
    await leader.goto(`${running.server.url}/staff/metrics`);
    const housingSatisfaction = leader.locator('[data-testid="metric-satisfactionRate"]').filter({ hasText: '1/1' }).first();
    await housingSatisfaction.waitFor();
    assert.ok((await housingSatisfaction.innerText()).includes('100.00%'));
    const download = leader.waitForEvent('download');
    const popup = leader.context().waitForEvent('page').catch(() => null);
    await leader.getByTestId('metrics-export').click();
    const file = await Promise.race([download, popup.then(async (p) => p?.waitForEvent('download'))]);
    assert.match(file!.suggestedFilename(), /\.xlsx$/);
    assert.deepEqual(cspViolations(), [], 'every page, at phone and desk size, works under its content security policy');
  });

  test('下派 and 协办: a township sends a request on to its grid and calls in a department; the grid worker answers on a phone; the reply cites both', { timeout: 240_000 }, async () => {
    const url = running.server.url;
    const operator = await staffApi(url, 'operator');
    const { caseId, trackingCode: code } = await operator<{ caseId: string; trackingCode: string }>('POST', '/api/requests', {
      content: '前十社区3号楼电梯停运三天了，物业说在等配件，老人下不了楼。', phone: '13912340000', townshipCode: '371302001', requestType: '投诉', categoryCode: '011003',
    });

    // The center's picker offers departments and townships, under their headings; no community.
    const dispatcher = await staffPage('dispatcher');
    await openRequest(dispatcher, code);
    await runAction(dispatcher, 'dispatch', async () => {
      await searchAndChoose(dispatcher, 'action-field-unitId', '社区', { expectNone: true });
      await searchAndChoose(dispatcher, 'action-field-unitId', '街道');
      assert.ok((await dispatcher.locator('.ant-select-dropdown:visible [data-testid="unit-group"]').allInnerTexts()).includes('乡镇（街道）'));
      await searchAndChoose(dispatcher, 'action-field-unitId', '兰山街道');
    });
    await dispatcher.locator('[data-testid="detail-state"]', { hasText: '待签收' }).waitFor();

    // The township, on a phone: signs, sends it on to its own grid (another township's community is
    // not offered), and calls in the housing bureau (no community is offered as a co-handler).
    const town = await signIn(running.browser, url, 'town-001', PHONE);
    await town.goto(`${url}/staff/requests/${caseId}`);
    await town.getByTestId('detail-tracking-code').waitFor();
    await runAction(town, 'sign');
    await runAction(town, 'dispatch_down', async () => {
      await searchAndChoose(town, 'action-field-unitIds', '南坛社区', { expectNone: true });
      await searchAndChoose(town, 'action-field-unitIds', '前十社区居民委员会第1网格');
      await town.getByTestId('action-field-note').fill('请网格员入户核实电梯停运情况。');
    });
    await runAction(town, 'invite_assist', async () => {
      await searchAndChoose(town, 'action-field-unitIds', '前十社区', { expectNone: true });
      await searchAndChoose(town, 'action-field-unitIds', '兰山区住房和城乡建设局');
    });
    assert.equal(await town.getByTestId('inner-dispatch').count(), 2);
    await screenshot(town, 'township-inner-dispatches-phone');

    // The grid worker finds it on the to-do, on a phone, with the grid's own clock, and answers the township.
    const grid = await signIn(running.browser, url, 'grid-001-1', PHONE);
    await grid.goto(`${url}/staff`);
    const row = grid.locator(`[data-testid="todo-row"][data-tracking-code="${code}"]`);
    assert.equal(await row.getByTestId('clock-tag').getAttribute('data-status'), 'green');
    await row.click();
    await grid.getByTestId('detail-tracking-code').waitFor();
    assert.equal(await grid.getByTestId('detail-requester-phone').innerText(), '13912340000');
    await runAction(grid, 'sign');
    await runAction(grid, 'contact', () => grid.getByTestId('action-field-note').fill('已电话联系诉求人，下午入户查看。'));
    await runAction(grid, 'reply_lead', () => grid.getByTestId('action-field-reply').fill('经入户核实，3号楼电梯主板损坏，物业已订购配件。'));
    assert.equal(await grid.getByTestId('action-bar').count(), 0);
    await screenshot(grid, 'grid-worker-replied-phone');

    const housing = await staffApi(url, 'dept-housing');
    await housing('POST', `/api/requests/${caseId}/actions/sign`, {});
    await housing('POST', `/api/requests/${caseId}/actions/reply_lead`, { reply: '已约谈物业公司，责令三日内修复。' });

    // The township reads both answers and replies to the center on them.
    await town.reload();
    await town.locator('[data-testid="inner-reply"]').nth(1).waitFor();
    await runAction(town, 'contact', () => town.getByTestId('action-field-note').fill('已告知诉求人处理进度。'));
    await runAction(town, 'reply', () => town.getByTestId('action-field-reply').fill('经街道、网格员和区住建局共同处理，电梯已修复。'), true);
    const cites = await town.getByTestId('detail-reply-cites').innerText();
    assert.ok(cites.includes('下派 · 前十社区居民委员会第1网格') && cites.includes('协办 · 兰山区住房和城乡建设局'), cites);

    // At the desk the center sees the same: the reply and what it rests on.
    await openRequest(dispatcher, code, 'all');
    assert.ok((await dispatcher.getByTestId('detail-reply-cites').innerText()).includes('前十社区居民委员会第1网格'));
    await screenshot(dispatcher, 'reply-cites-desk');
    assert.deepEqual(cspViolations(), []);
    for (const page of [town, grid, dispatcher]) await page.context().close();
  });

  test('协办 at a desk: the housing bureau calls in the township by a day; the township answers it on a phone; the bureau’s reply cites it', { timeout: 180_000 }, async () => {
    const url = running.server.url;
    const operator = await staffApi(url, 'operator');
    const { caseId, trackingCode: code } = await operator<{ caseId: string; trackingCode: string }>('POST', '/api/requests', {
      content: '小区物业擅自占用消防通道停车，多次反映没有改。', townshipCode: '371302001', requestType: '投诉', categoryCode: '011003',
    });
    const dispatcher = await staffApi(url, 'dispatcher');
    await dispatcher('POST', `/api/requests/${caseId}/actions/dispatch`, { unitId: (await dispatcher<{ availableActions: Array<{ action: string; fields: Array<{ name: string; options?: Array<{ value: number; label: string }> }> }> }>('GET', `/api/requests/${caseId}`))
      .availableActions.find((a) => a.action === 'dispatch')!.fields.find((f) => f.name === 'unitId')!.options!.find((o) => o.label.startsWith('兰山区住房和城乡建设局'))!.value });

    const bureau = await staffPage('dept-housing');
    await openRequest(bureau, code);
    await runAction(bureau, 'sign');
    // 下派 is a township's step: the bureau has no communities and is not offered it.
    assert.equal(await bureau.getByTestId('action-dispatch_down').count(), 0);
    await runAction(bureau, 'invite_assist', async () => {
      await searchAndChoose(bureau, 'action-field-unitIds', '网格', { expectNone: true });
      await searchAndChoose(bureau, 'action-field-unitIds', '兰山区住房和城乡建设局', { expectNone: true });
      await searchAndChoose(bureau, 'action-field-unitIds', '兰山街道');
      await bureau.getByTestId('action-field-note').fill('请街道协助现场劝离占道车辆。');
    });
    const clock = bureau.locator('[data-testid="detail-clock"][data-clock="inner"]');
    assert.match(await clock.innerText(), /回复主办时限 · 兰山街道/);
    await screenshot(bureau, 'assist-invited-desk');

    const town = await signIn(running.browser, url, 'town-001', PHONE);
    await town.goto(`${url}/staff`);
    await town.locator(`[data-testid="todo-row"][data-tracking-code="${code}"]`).click();
    await town.getByTestId('detail-tracking-code').waitFor();
    await runAction(town, 'sign');
    assert.equal(await town.getByTestId('action-reply').count(), 0, 'a co-handler answers the lead, not the center');
    await runAction(town, 'reply_lead', () => town.getByTestId('action-field-reply').fill('已会同社区现场劝离，车辆已移走。'));

    await bureau.getByTestId('detail-reload').click();
    await bureau.locator('[data-testid="inner-dispatch"][data-status="replied"]').waitFor();
    await runAction(bureau, 'contact', () => bureau.getByTestId('action-field-note').fill('已告知诉求人处理情况。'));
    await runAction(bureau, 'reply', () => bureau.getByTestId('action-field-reply').fill('已责令物业清理消防通道，街道已协助劝离车辆。'), true);
    assert.match(await bureau.getByTestId('detail-reply-cites').innerText(), /协办 · 兰山街道/);
    assert.deepEqual(cspViolations(), []);
    for (const page of [bureau, town]) await page.context().close();
  });

  test('the workbench on a phone and at a desk: batch sign with each result, buttons that follow the case, a confirmation, filters and saved views', { timeout: 300_000 }, async () => {
    const url = running.server.url;
    const operatorApi = await staffApi(url, 'operator');
    const { units } = await operatorApi<{ units: Array<{ id: number; name: string }> }>('GET', '/api/units');
    const housing = units.find((u) => u.name === '兰山区住房和城乡建设局')!.id;
    const record = async (content: string, channel: string) => {
      const r = await operatorApi<{ caseId: string; trackingCode: string }>('POST', '/api/requests', { content, townshipCode: '371302001', channel });
      await operatorApi('POST', `/api/requests/${r.caseId}/actions/dispatch`, { unitId: housing, requestType: '投诉', categoryCode: '011003' });
      return r;
    };
    const a = await record('小区东门路灯不亮已经一周，晚上出行不便。', 'wechat');
    const b = await record('楼道堆放杂物无人清理，存在消防隐患。', 'phone');
    const c = await record('小区内电动车充电桩损坏，无法使用。', 'wechat');
    const rowOf = (page: Page, code: string) => page.locator(`[data-testid="todo-row"][data-tracking-code="${code}"]`);

    // On a phone the unit chooses its three new requests; a colleague signs one meanwhile.
    const unit = await signIn(running.browser, url, 'dept-housing', PHONE);
    await unit.goto(`${url}/staff`);
    for (const r of [a, b, c]) await rowOf(unit, r.trackingCode).waitFor();
    assert.deepEqual(await foldedHeaders(unit), [], 'list headers at 375 px');
    for (const r of [a, b, c]) await rowOf(unit, r.trackingCode).locator('.ant-table-selection-column .ant-checkbox-input').check();
    await unit.getByTestId('batch-sign').filter({ hasText: '（3）' }).waitFor();
    await screenshot(unit, 'batch-chosen-phone');
    assert.deepEqual(await coveredButtons(unit, '[data-testid="batch-bar"] button, [data-testid="filters-toggle"]'), []);
    const colleague = await staffApi(url, 'dept-housing');
    await colleague('POST', `/api/requests/${b.caseId}/actions/sign`, {});
    await unit.getByTestId('batch-sign').click();
    await unit.getByTestId('confirm-ok').click();
    const results = unit.getByTestId('batch-result');
    await results.nth(2).waitFor();
    const outcome = async (id: string) => (await unit.locator(`[data-testid="batch-result"][data-case-id="${id}"]`).getAttribute('data-ok')) === 'true';
    assert.deepEqual([await outcome(a.caseId), await outcome(b.caseId), await outcome(c.caseId)], [true, false, true]);
    assert.match(await unit.locator(`[data-testid="batch-result"][data-case-id="${b.caseId}"]`).innerText(), /已签收此派单/);
    await screenshot(unit, 'batch-results-phone');
    await unit.getByTestId('batch-results-close').click();

    // Signed: no 签收 any more; the extension asked for shows as an extension, never as a return reason.
    await rowOf(unit, a.trackingCode).locator('td').nth(1).click();
    await unit.getByTestId('detail-tracking-code').waitFor();
    assert.equal(await unit.getByTestId('action-sign').count(), 0);
    assert.deepEqual(await coveredButtons(unit, '[data-testid="action-bar"] button'), [], 'the menu toggle covers no action');
    await runAction(unit, 'request_extension', () => unit.getByTestId('action-field-reason').fill('灯杆线路需供电公司配合检修。'));
    assert.equal(await unit.getByTestId('action-request_extension').count(), 0, 'one request at a time');
    assert.equal(await unit.getByTestId('dispatch-return-reason').innerText(), '—');
    assert.match(await unit.getByTestId('dispatch-extension').innerText(), /待审批[\s\S]*灯杆线路需供电公司配合检修/);
    assert.deepEqual(await foldedHeaders(unit), [], 'detail headers at 375 px');
    await screenshot(unit, 'detail-extension-phone');

    // At a desk the dispatch center approves; then nobody is offered the extension again.
    const dispatcher = await staffPage('dispatcher');
    await openRequest(dispatcher, a.trackingCode);
    await runAction(dispatcher, 'approve_extension');
    for (const action of ['approve_extension', 'reject_extension']) assert.equal(await dispatcher.getByTestId(`action-${action}`).count(), 0, action);
    await unit.getByTestId('detail-reload').click();
    await unit.getByTestId('dispatch-extension').filter({ hasText: '已批准' }).waitFor();
    assert.equal(await unit.getByTestId('action-request_extension').count(), 0, 'an approved extension is the last of this dispatch');

    // The answer goes to the citizen and cannot be taken back: asked once more; no is no.
    await unit.getByTestId('action-reply').click();
    await unit.getByTestId('action-field-reply').fill('已联系供电公司检修线路，路灯已恢复照明。');
    await unit.getByTestId('action-modal-submit').click();
    assert.match(await unit.getByTestId('confirm-text').innerText(), /不能修改/);
    await unit.getByTestId('confirm-cancel').click();
    await unit.getByTestId('confirm-text').waitFor({ state: 'detached' });
    assert.equal(await unit.getByTestId('detail-state').innerText(), '办理中');
    await unit.getByTestId('action-modal-submit').click();
    await unit.getByTestId('confirm-ok').click();
    await unit.locator('[data-testid="detail-state"]', { hasText: '已答复待回访' }).waitFor();

    // Filters on the server, and a saved view that brings them back.
    await dispatcher.goto(`${url}/staff?view=all`);
    await dispatcher.getByTestId('filters-toggle').click();
    await chooseOption(dispatcher, 'filter-channel', '微信');
    await dispatcher.getByTestId('filter-search').click();
    await dispatcher.waitForURL(/channel=wechat/);
    await rowOf(dispatcher, b.trackingCode).waitFor({ state: 'detached' });
    await rowOf(dispatcher, c.trackingCode).waitFor();
    const listed = async () => dispatcher.locator('[data-testid="todo-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tracking-code')));
    assert.ok((await listed()).includes(a.trackingCode));
    assert.equal((await listed()).includes(b.trackingCode), false);
    await dispatcher.getByTestId('saved-view-save').click();
    await dispatcher.getByTestId('saved-view-name').fill('微信来件');
    await dispatcher.getByTestId('saved-view-submit').click();
    await dispatcher.getByTestId('saved-view-modal').waitFor({ state: 'hidden' });
    await dispatcher.getByTestId('filter-reset').click();
    await rowOf(dispatcher, b.trackingCode).waitFor();
    await chooseOption(dispatcher, 'saved-view-select', '微信来件');
    await dispatcher.waitForURL(/channel=wechat/);
    await rowOf(dispatcher, b.trackingCode).waitFor({ state: 'detached' });
    assert.ok((await listed()).includes(c.trackingCode));
    await dispatcher.getByTestId('saved-view-delete').click();
    await dispatcher.getByTestId('confirm-ok').click();
    await dispatcher.getByTestId('saved-view-delete').waitFor({ state: 'detached' });
    assert.deepEqual(await operatorApi<{ items: unknown[] }>('GET', '/api/requests/views'), { items: [] }, 'a view is its owner’s alone');
    assert.deepEqual(cspViolations(), []);
  });

  test('a citizen on a phone loads only the entry: brotli, cached by hash, within 150 KB', { timeout: 60_000 }, async () => {
    const phone = await phoneContext(running.browser);
    const page = await phone.newPage();
    const scripts: Array<{ url: string; encoding?: string; cache?: string; bytes: Promise<number> }> = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('.js')) return;
      const headers = response.headers();
      scripts.push({ url: response.url(), encoding: headers['content-encoding'], cache: headers['cache-control'], bytes: response.request().sizes().then((s) => s.responseBodySize) });
    });
    const shell = await page.goto(running.server.url);
    assert.equal(shell?.headers()['cache-control'], 'no-cache');
    await page.getByTestId('citizen-content').waitFor();
    await page.waitForLoadState('networkidle');
    let total = 0;
    for (const script of scripts) {
      const bytes = await script.bytes;
      // Files under 1 KB are not worth compressing, and the build leaves them as they are.
      if (bytes >= 1024) assert.equal(script.encoding, 'br', script.url);
      assert.equal(script.cache, 'public, max-age=31536000, immutable', script.url);
      total += bytes;
    }
    assert.equal(scripts.some((s) => /full-app|antd|table|select/.test(s.url)), false, scripts.map((s) => s.url).join(' '));
    console.log(`# citizen first page in the browser: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KB as sent (brotli)`);
    assert.ok(total > 0 && total <= 150 * 1024, `${total} bytes`);
    await phone.close();
  });

  test('smart dispatch: the operator reads the suggestions and accepts one; a supervisor reads hotspots', { timeout: 120_000 }, async () => {
    const operator = await staffPage('operator');
    await operator.goto(`${running.server.url}/staff/requests/new`);
    await operator.getByTestId('staff-new-content').fill('小区门口烧烤摊每天晚上油烟很大，呛得住户不敢开窗。');
    await chooseOption(operator, 'staff-new-township', '兰山街道');
    await operator.getByTestId('staff-new-submit').click();
    await operator.getByTestId('detail-tracking-code').waitFor();

    const units = operator.getByTestId('suggested-units');
    await units.waitFor();
    assert.equal(await operator.getByTestId('suggested-unit-0').innerText(), '兰山区综合行政执法局');
    assert.match(await units.innerText(), /权责清单: .*油烟.* → 区综合执法局（依据 《中华人民共和国大气污染防治法》/);
    await operator.getByTestId('accept-unit-0').click();
    await operator.locator('[data-testid="detail-state"]', { hasText: '待签收' }).waitFor();
    assert.ok((await operator.getByTestId('events-timeline').innerText()).includes('派单'));

    const supervisor = await staffPage('supervisor');
    await supervisor.goto(`${running.server.url}/staff/hotspots`);
    await supervisor.locator('[data-testid="hotspot-row"]').first().waitFor();
    assert.ok((await supervisor.getByTestId('hotspots-table').innerText()).includes('兰山街道'));
    // 每月一题: the lead picker offers departments and townships only, never the center or the government the server refuses.
    await supervisor.getByTestId('make-topic').first().click();
    await supervisor.getByTestId('make-topic-lead').click();
    const offered = supervisor.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await offered.waitFor();
    const listed = await offered.innerText();
    assert.match(listed, /部门|乡镇/);
    assert.doesNotMatch(listed, /12345政务服务便民热线中心|兰山区人民政府$/m);
    await supervisor.keyboard.press('Escape');
    await chooseOption(supervisor, 'make-topic-lead', '兰山区综合行政执法局');
    await supervisor.getByRole('button', { name: '设 立' }).or(supervisor.getByRole('button', { name: '设立' })).click();
    await supervisor.locator('[data-testid="governance-topics"]', { hasText: '兰山区综合行政执法局' }).waitFor();
    assert.deepEqual(cspViolations(), []);
  });

  test('the API reference and a photo opened in a tab of its own work under their policies', { timeout: 60_000 }, async () => {
    const reader = await signIn(running.browser, running.server.url, 'dispatcher');
    await reader.goto(`${running.server.url}/api/docs`);
    await reader.locator('.swagger-ui .opblock').first().waitFor();
    const submitted = await reader.request.post(`${running.server.url}/api/public/requests`, {
      data: { content: '路口井盖缺失。', townshipCode: '371302001', photo: { mimeType: 'image/jpeg', dataBase64: (await phoneJpeg()).toString('base64') } },
    });
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };
    const listed = (await (await reader.request.get(`${running.server.url}/api/requests?view=all&q=${trackingCode}`)).json()) as { items: Array<{ caseId: string }> };
    const { attachments } = (await (await reader.request.get(`${running.server.url}/api/requests/${listed.items[0]!.caseId}`)).json()) as { attachments: Array<{ url: string }> };
    const opened = await reader.goto(`${running.server.url}${attachments[0]!.url}`);
    assert.equal(opened?.headers()['content-type'], 'image/jpeg');
    await reader.locator('img').waitFor();
    assert.deepEqual(cspViolations(), []);
  });

  test('at a desk: both codes copied together; a key typed loosely rates; a case without a known key goes to the follow-up call', { timeout: 120_000 }, async () => {
    const url = running.server.url;
    const desk = await newContext(running.browser, { ...DESK, locale: 'zh-CN' });
    await desk.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const citizen = await desk.newPage();
    await citizen.goto(url);
    await citizen.getByTestId('citizen-content').fill('楼下商铺空调外机噪音很大，夜里十二点以后还在响，影响休息。');
    await citizen.getByTestId('citizen-township').selectOption({ label: '兰山街道' });
    await citizen.getByTestId('citizen-submit').click();
    const code = await citizen.getByTestId('tracking-code').innerText();
    const key = await citizen.getByTestId('requester-key').innerText();
    await citizen.getByTestId('copy-codes').click();
    await citizen.getByTestId('copy-codes').filter({ hasText: '已复制' }).waitFor();
    assert.equal(await citizen.evaluate<string>('navigator.clipboard.readText()'), `12345 诉求 查询码：${code} 评价码：${key}`);
    await screenshot(citizen, 'citizen-result-desk');

    // The center answers it directly.
    const operator = await staffApi(url, 'operator');
    const answer = async (trackingCode: string) => {
      const { items } = await operator<{ items: Array<{ caseId: string }> }>('GET', `/api/requests?view=all&q=${trackingCode}`);
      await operator('POST', `/api/requests/${items[0]!.caseId}/actions/answer_directly`, { reply: '已联系商铺调整空调外机运行时间并加装隔音罩。' });
    };
    await answer(code);

    await citizen.getByTestId('tracking-link').click();
    await citizen.getByTestId('evaluation-form').waitFor();
    await citizen.getByTestId('evaluation-key').fill('abc');
    await citizen.getByTestId('evaluation-resolved-yes').click();
    await citizen.getByTestId('evaluation-basically-satisfied').click();
    await citizen.getByTestId('evaluation-submit').click();
    await citizen.getByText('评价码为 8 位字母和数字，如 7K2M-9QXD，请核对').waitFor();
    await citizen.getByTestId('evaluation-key').fill(key.toLowerCase().replace('-', ''));
    await citizen.getByTestId('evaluation-submit').click();
    await citizen.getByTestId('evaluation-thanks').waitFor();
    assert.equal(await citizen.getByTestId('track-evaluation').innerText(), '基本满意，问题已解决');

    // A staff member signed in on the same browser may not rate in the requester's place.
    const recorded = await operator<{ trackingCode: string }>('POST', '/api/requests', { content: '小区门口积水严重，雨后一周都不退。', townshipCode: '371302001' });
    await answer(recorded.trackingCode);
    const staff = await signIn(running.browser, url, 'dispatcher');
    await staff.goto(`${url}/track/${recorded.trackingCode}`);
    await staff.getByTestId('evaluation-key').fill('7K2M-9QXD');
    await staff.getByTestId('evaluation-resolved-no').click();
    await staff.getByTestId('evaluation-dissatisfied').click();
    await staff.getByTestId('evaluation-submit').click();
    assert.equal(await staff.getByTestId('evaluation-error').innerText(), '工作人员不能代替群众评价；请退出工作台登录，由诉求人本人评价');

    // The caller of a recorded request never saw its key: ten guesses, then the follow-up call rates it.
    await citizen.goto(`${url}/track/${recorded.trackingCode}`);
    await citizen.getByTestId('evaluation-resolved-no').click();
    await citizen.getByTestId('evaluation-dissatisfied').click();
    for (let guess = 0; guess < 10; guess++) {
      await citizen.getByTestId('evaluation-key').fill(`${'23456789AB'[guess]}${'7K2M9QX'}`);
      const refused = citizen.waitForResponse((r) => r.url().endsWith('/evaluation'));
      await citizen.getByTestId('evaluation-submit').click();
      const { error } = (await (await refused).json()) as { error: { code: string } };
      assert.equal(error.code, guess < 9 ? 'REQUESTER_KEY_INVALID' : 'REQUESTER_KEY_LOCKED', `guess ${guess + 1}`);
      if (guess < 9) await citizen.getByTestId('evaluation-key-error').waitFor();
    }
    const closed = await citizen.getByTestId('evaluation-closed').innerText();
    assert.ok(closed.includes('评价码输入错误次数过多') && closed.includes('回访'), closed);
    await screenshot(citizen, 'citizen-key-locked-desk');
    await desk.close();
  });
  test('intake: a question needs no place, the place a message names is offered, a repeat caller is recognised', { timeout: 120_000 }, async () => {
    const phone = await phoneContext(running.browser);
    const citizen = await phone.newPage();
    await citizen.goto(running.server.url);
    // The community the message names is offered, not chosen for the citizen.
    await citizen.getByTestId('citizen-content').fill('南坛社区门口的垃圾桶三天没人清运，味道很大。');
    await citizen.getByTestId('citizen-phone').click();
    const offer = citizen.getByTestId('citizen-place-suggestion');
    assert.match(await offer.innerText(), /金雀山街道南坛社区/);
    await offer.click();
    assert.equal(await citizen.getByTestId('citizen-township').locator('option:checked').innerText(), '金雀山街道');
    assert.match(await citizen.getByTestId('citizen-village').locator('option:checked').innerText(), /南坛社区/);

    // A question about a policy goes in without any place.
    await citizen.goto(running.server.url);
    await citizen.getByTestId('citizen-content').fill('请问灵活就业人员养老保险每年最低缴费基数是多少？');
    await citizen.getByTestId('citizen-phone').fill('13800138000');
    await citizen.getByTestId('citizen-submit').click();
    assert.match(await citizen.getByTestId('tracking-code').innerText(), /[0-9A-Z]{4}(-[0-9A-Z]{4}){3}/);
    await screenshot(citizen, 'citizen-question-without-place-phone');
    await phone.close();

    // The operator taking the same caller's next call sees at once that they called before.
    const operator = await staffPage('operator');
    await operator.goto(`${running.server.url}/staff/requests/new`);
    await operator.getByTestId('staff-new-phone').fill('13800138000');
    const history = operator.getByTestId('caller-history');
    await history.waitFor();
    assert.equal(await history.getAttribute('data-total'), '1');
    assert.match(await history.innerText(), /灵活就业人员养老保险/);
    await operator.getByTestId('staff-new-phone').fill('13700000000');
    await operator.locator('[data-testid="caller-history"][data-total="0"]').waitFor();
    assert.deepEqual(cspViolations(), []);
    await operator.context().close();
  });
});
