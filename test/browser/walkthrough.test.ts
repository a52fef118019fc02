import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { phoneJpeg } from '../../server/test/test-images.js';
import { CHROMIUM, chromiumAvailable as available, chooseCascade, chooseOption, cspViolations, phoneContext, serverAndBrowser, signIn } from './browser-helpers.js';

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
  const runAction = async (page: Page, action: string, fill?: () => Promise<void>) => {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId(`action-form-${action}`).waitFor();
    await fill?.();
    await page.getByTestId('action-modal-submit').click();
    await page.getByTestId(`action-form-${action}`).waitFor({ state: 'detached' });
  };

  test('citizen → operator → unit → dispatch center → follow-up → leader', { timeout: 240_000 }, async () => {
    // 1. A citizen on a phone submits without an account, with a photo, and gets a tracking code.
    const phone = await phoneContext(running.browser);
    const citizen = await phone.newPage();
    await citizen.goto(running.server.url);
    await citizen.getByTestId('citizen-content').fill('我们小区物业不作为，单元门禁坏了两个多月没人修，陌生人随便进出，请督促物业尽快维修。');
    await citizen.getByTestId('citizen-phone').fill('13912345678');
    await citizen.getByTestId('citizen-photo').setInputFiles({ name: '门禁.jpg', mimeType: 'image/jpeg', buffer: await phoneJpeg(800, 600) });
    await citizen.getByTestId('citizen-photo-preview').waitFor();
    await chooseOption(citizen, 'citizen-township', '兰山街道');
    await citizen.getByTestId('citizen-submit').click();
    const code = (await citizen.getByTestId('tracking-code').innerText()).match(/[0-9A-Z]{4}(-[0-9A-Z]{4}){3}/)![0];
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

    // 4. The dispatch center approves the extension and urges.
    const dispatcher = await staffPage('dispatcher');
    await openRequest(dispatcher, code);
    await runAction(dispatcher, 'approve_extension');
    await runAction(dispatcher, 'urge', () => dispatcher.getByTestId('action-field-note').fill('请加快办理。'));
    assert.ok((await dispatcher.getByTestId('events-timeline').innerText()).includes('批准延期'));

    // The unit replies.
    await openRequest(unit, code, 'all');
    await runAction(unit, 'reply', () => unit.getByTestId('action-field-reply').fill('经现场核实，已督促物业更换单元门禁主板，门禁已恢复正常。'));
    assert.equal(await unit.getByTestId('detail-state').innerText(), '已答复待回访');

    // 5. The citizen sees the reply and rates it.
    await citizen.goto(`${running.server.url}/track/${code}`);
    assert.ok((await citizen.getByTestId('track-reply').innerText()).includes('门禁已恢复正常'));
    await citizen.getByTestId('evaluation-resolved-yes').click();
    await citizen.getByTestId('evaluation-satisfied').click();
    await citizen.getByTestId('evaluation-submit').click();
    await citizen.getByTestId('evaluation-thanks').waitFor();
    await citizen.reload();
    assert.equal(await citizen.getByTestId('track-status').innerText(), '已办结');

    // 6. The leader reads the figures with numerator and denominator and exports them.
    const leader = await staffPage('leader');
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
});
