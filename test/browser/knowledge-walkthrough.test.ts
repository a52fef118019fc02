import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, PHONE, chromiumAvailable as available, chooseOption, cspViolations, fillDate, openMenu, screenshot, serverAndBrowser, signIn, staffApi } from './browser-helpers.js';

if (!available) console.log(`# browser knowledge base SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

/** A day counted from today in China, as the server counts its days. */
const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

// The 知识库 as the demo county uses it: the 人社局 writes an entry, the center publishes it, an
// operator finds it on a call from the caller's own words and answers from it, the request keeps
// the entry; a lapsed entry shows greyed and is never offered; its owner confirms it from the to-do.
describe('知识库 in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const running = serverAndBrowser({ FAZHI_DEMO_REQUESTS: '0' });
  const url = () => running.server.url;

  /** The action buttons the generic detail page offers, against what the server allows. */
  const offered = async (page: Page) =>
    (await page.locator('[data-testid="action-bar"] button[data-testid^="action-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('action-'.length)))).sort();
  const allowed = async (username: string, caseId: string) =>
    (await (await staffApi(url(), username))<{ actions: Array<{ action: string }> }>('GET', `/api/cases/${caseId}`)).actions.map((a) => a.action).sort();
  const act = async (page: Page, action: string, state: string, fill: () => Promise<void> = async () => undefined) => {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId(`action-form-${action}`).waitFor();
    await fill();
    await page.getByTestId('action-modal-submit').click();
    await page.getByTestId(`action-form-${action}`).waitFor({ state: 'detached' });
    await page.locator(`[data-testid="case-detail"][data-state="${state}"]`).waitFor();
  };
  /** The operator records a call; the panel beside the form searches the caller's words. */
  const recordCall = async (operator: Page, content: string) => {
    await operator.goto(`${url()}/staff/requests/new`);
    await operator.getByTestId('staff-new-content').fill(content);
    await chooseOption(operator, 'staff-new-township', '兰山街道');
    await operator.getByTestId('kb-panel-results').waitFor();
  };

  test('desk: written by its unit, published by the center, answered from on a call, recorded on the request', { timeout: 240_000 }, async () => {
    // The 人社局's editor writes an entry and submits it.
    const editor = await signIn(running.browser, url(), 'dept-hrss');
    await openMenu(editor, '新建条目');
    await editor.getByTestId('kb-form').waitFor();
    assert.ok((await editor.getByTestId('kb-form-owner').innerText()).includes('兰山区人力资源和社会保障局'), 'their own unit by default');
    await editor.getByTestId('kb-form-question').fill('劳动者辞职要提前多久通知单位？');
    await editor.getByTestId('kb-form-answer').fill('劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同；在试用期内提前三日通知用人单位，可以解除劳动合同。');
    await editor.getByTestId('kb-form-legal-basis').fill('《中华人民共和国劳动合同法》第三十七条');
    await editor.getByTestId('kb-form-keywords').fill('辞职 离职 提前通知 试用期');
    await editor.getByTestId('kb-form-submit').click();
    const draft = editor.locator('[data-testid="case-detail"][data-state="draft"]');
    await draft.waitFor();
    const entryId = (await draft.getAttribute('data-case-id'))!;
    assert.deepEqual(await offered(editor), await allowed('dept-hrss', entryId));
    assert.ok(!(await offered(editor)).includes('publish'), 'the owner does not publish');
    await act(editor, 'submit', 'submitted');
    await screenshot(editor, 'kb-submitted-desk');

    // The center's knowledge administrator finds it in the to-do and publishes it.
    const admin = await signIn(running.browser, url(), 'kb-admin');
    await openMenu(admin, '条目待办');
    await admin.locator(`[data-testid="case-todo-table"] [data-testid="case-row"][data-case-id="${entryId}"]`).click();
    await admin.locator(`[data-testid="case-detail"][data-case-id="${entryId}"]`).waitFor();
    assert.deepEqual(await offered(admin), await allowed('kb-admin', entryId));
    await act(admin, 'publish', 'published');

    // An operator on a call: the caller's own words find it first; chosen, recorded, answered.
    const operator = await signIn(running.browser, url(), 'operator');
    await recordCall(operator, '我在公司干了两年了，现在想辞职，要提前多少天跟公司说？');
    const first = operator.locator('[data-testid="kb-panel-results"] [data-testid="kb-entry"]').first();
    await first.filter({ hasText: '劳动者辞职要提前多久通知单位？' }).waitFor();
    await first.getByTestId('kb-use').click();
    await operator.getByTestId('kb-chosen').waitFor();
    await screenshot(operator, 'kb-call-desk');
    await operator.getByTestId('staff-new-submit').click();
    // The request recorded, 直接答复 opens with the entry's answer and the entry itself.
    await operator.getByTestId('action-form-answer_directly').waitFor();
    assert.ok((await operator.getByTestId('action-field-reply').inputValue()).startsWith('劳动者提前三十日以书面形式通知用人单位'));
    await operator.getByTestId('action-field-knowledgeEntryId').filter({ hasText: '劳动者辞职要提前多久通知单位？' }).waitFor();
    await operator.getByTestId('action-modal-submit').click();
    // A direct answer goes to the citizen and cannot be taken back: the page asks once more.
    await operator.getByTestId('confirm-ok').click();
    await operator.getByTestId('action-form-answer_directly').waitFor({ state: 'detached' });
    assert.equal(await operator.getByTestId('detail-state').innerText(), '已答复待回访');
    assert.equal(await operator.getByTestId('detail-knowledge-entry').innerText(), '劳动者辞职要提前多久通知单位？（第 1 版）');
    assert.ok((await operator.getByTestId('events-timeline').innerText()).includes('依据知识库：劳动者辞职要提前多久通知单位？'));

    // The entry's readers see it was used; the 人社局's editor sees no one else's drafts.
    await operator.getByTestId('detail-knowledge-entry').click();
    await operator.getByTestId('kb-entry-page').waitFor();
    assert.ok((await operator.getByTestId('kb-entry-page').innerText()).includes('已用于直接答复 1 次'));

    // A lapsed entry (the demo's driving-licence entry, past its review day) shows greyed with its reason, never offered.
    await openMenu(operator, '知识库检索');
    await operator.getByTestId('kb-search-query').locator('input').fill('驾驶证到期了怎么换');
    await operator.getByTestId('kb-search-query').locator('input').press('Enter');
    const lapsed = operator.locator('[data-testid="kb-search-results"] [data-testid="kb-entry"]').first();
    await lapsed.filter({ hasText: '驾驶证快到期了，怎么换证？' }).waitFor();
    assert.equal(await lapsed.getAttribute('data-usable'), 'false');
    assert.equal(await lapsed.getByTestId('kb-entry-unavailable').innerText(), '已过复核日期，待所属单位复核');
    await screenshot(operator, 'kb-search-desk');

    // The answered call grows into a draft of the center's own: the dispatcher keeps the center's entries.
    const dispatcher = await signIn(running.browser, url(), 'dispatcher');
    await dispatcher.goto(`${url()}/staff?view=all`);
    await dispatcher.getByTestId('tab-all').click();
    await dispatcher.locator('[data-testid="todo-row"]').filter({ hasText: '我在公司干了两年了' }).click();
    await dispatcher.getByTestId('kb-grow').click();
    await dispatcher.getByTestId('kb-form-from-request').waitFor();
    assert.equal(await dispatcher.getByTestId('kb-form-question').inputValue(), '我在公司干了两年了，现在想辞职，要提前多少天跟公司说？');
    assert.ok((await dispatcher.getByTestId('kb-form-answer').inputValue()).startsWith('劳动者提前三十日'));
    await dispatcher.getByTestId('kb-form-question').fill('员工辞职需要提前多少天告诉单位？');
    await dispatcher.getByTestId('kb-form-legal-basis').fill('《中华人民共和国劳动合同法》第三十七条');
    await dispatcher.getByTestId('kb-form-submit').click();
    await dispatcher.locator('[data-testid="case-detail"][data-state="draft"]').waitFor();

    // Its owner revises the published entry from its text as it stands.
    await editor.goto(`${url()}/staff/kb/cases/${entryId}`);
    await editor.getByTestId('action-revise').click();
    await editor.getByTestId('action-form-revise').waitFor();
    assert.equal(await editor.getByTestId('action-field-question').inputValue(), '劳动者辞职要提前多久通知单位？');
    await editor.getByTestId('action-modal-cancel').click();
    for (const page of [editor, admin, operator, dispatcher]) await page.context().close();
    assert.deepEqual(cspViolations(), []);
  });

  test('phone: the panel under the call form offers only usable entries; the owner confirms a lapsed entry from the to-do', { timeout: 240_000 }, async () => {
    const operator = await signIn(running.browser, url(), 'operator', PHONE);
    await recordCall(operator, '驾驶证马上到期了，要去哪里换证？');
    const lapsed = operator.locator('[data-testid="kb-panel-results"] [data-testid="kb-entry"]').filter({ hasText: '驾驶证快到期了，怎么换证？' });
    await lapsed.waitFor();
    assert.equal(await lapsed.getAttribute('data-usable'), 'false');
    assert.equal(await lapsed.getByTestId('kb-use').count(), 0, 'a lapsed entry is never offered');
    // The operator asks the panel in their own words instead.
    await operator.getByTestId('kb-panel-query').locator('input').fill('网购 七天无理由退货');
    const usable = operator.locator('[data-testid="kb-panel-results"] [data-testid="kb-entry"]').first();
    await usable.filter({ hasText: '网上买的东西不想要了' }).waitFor();
    const width = await operator.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= 375, `the page fits the phone (${width}px)`);
    await screenshot(operator, 'kb-call-phone');
    await operator.getByTestId('staff-new-content').fill('网上买的衣服不合适，商家说不能退，能七天无理由退货吗？');
    await usable.getByTestId('kb-use').click();
    await operator.getByTestId('staff-new-submit').click();
    await operator.getByTestId('action-form-answer_directly').waitFor();
    await operator.getByTestId('action-modal-submit').click();
    // A direct answer goes to the citizen and cannot be taken back: the page asks once more.
    await operator.getByTestId('confirm-ok').click();
    await operator.getByTestId('action-form-answer_directly').waitFor({ state: 'detached' });
    assert.ok((await operator.getByTestId('detail-knowledge-entry').innerText()).startsWith('网上买的东西不想要了'));

    // The 交警大队's editor: the lapsed entry waits red in the to-do; confirmed with a new review day, it is back in service.
    const owner = await signIn(running.browser, url(), 'dept-trafficPolice', PHONE);
    await openMenu(owner, '条目待办');
    const row = owner.locator('[data-testid="case-todo-table"] [data-testid="case-row"]').filter({ hasText: '驾驶证快到期了' });
    await row.waitFor();
    assert.equal(await row.getByTestId('case-clock').getAttribute('data-status'), 'red');
    await screenshot(owner, 'kb-todo-phone');
    await row.click();
    await owner.locator('[data-testid="case-detail"][data-state="expired"]').waitFor();
    const entryId = (await owner.getByTestId('case-detail').getAttribute('data-case-id'))!;
    assert.deepEqual(await offered(owner), await allowed('dept-trafficPolice', entryId));
    await act(owner, 'renew', 'published', () => fillDate(owner, 'action-field-reviewOn', chinaDay(365)));
    const reader = await staffApi(url(), 'operator');
    assert.equal((await reader<{ usable: boolean }>('GET', `/api/kb/entries/${entryId}`)).usable, true);
    for (const page of [operator, owner]) await page.context().close();
    assert.deepEqual(cspViolations(), []);
  });
});
