import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CHROMIUM, chromiumAvailable as available, DESK, newContext, offeredActions, openMenu, PHONE, screenshot, serverAndBrowser, signIn, staffApi, takeAction } from './browser-helpers.js';

if (!available) console.log(`# browser 案卷评查 walk-through SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

// 案卷评查 in the demo county: an expert drawn for a file scores it on a phone, from the sheet the
// campaign chose; the 司法局's supervisor checks it and decides its grade at the desk, with the
// buttons the server allows each at every step; anyone reads the published 优案 and 差案.
describe('案卷评查 in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const running = serverAndBrowser({ FAZHI_DEMO_REQUESTS: '0' });
  const url = () => running.server.url;
  type Detail = { case: { state: string }; actions: Array<{ action: string; input: { properties: Record<string, { maximum?: number }>; required?: string[] } }> };

  const sameActions = async (page: Page, caseId: string, username: string, step: string) => {
    const person = await staffApi(url(), username);
    const allowed = (await person<Detail>('GET', `/api/cases/${caseId}`)).actions.map((a) => a.action).sort();
    assert.deepEqual(await offeredActions(page), allowed, `the buttons are the server's actions (${step})`);
  };
  const fillNumber = async (page: Page, testId: string, value: number) => {
    const field = page.getByTestId(testId);
    const input = (await field.evaluate((e) => e.tagName)) === 'INPUT' ? field : field.locator('input');
    await input.fill(String(value));
  };

  test('an expert scores on a phone, the supervisor checks and grades at the desk, the public reads the results', { timeout: 300_000 }, async () => {
    // Whom the demo's draw gave a file still to score.
    let expert = '';
    let fileId = '';
    for (const name of ['xzzf-expert-1', 'xzzf-expert-2', 'xzzf-expert-3']) {
      const api = await staffApi(url(), name);
      const todo = await api<{ items: Array<{ caseId: string }> }>('GET', '/api/xzzf/reviews/mine');
      for (const item of todo.items) {
        if ((await api<Detail>('GET', `/api/cases/${item.caseId}`)).actions.some((a) => a.action === 'score')) [expert, fileId] = [name, item.caseId];
      }
      if (fileId) break;
    }
    assert.ok(fileId, 'the current campaign leaves files to score');

    const phone = await signIn(running.browser, url(), expert, PHONE);
    await openMenu(phone, '评查待办');
    await phone.locator(`[data-testid="xzzf-my-review"][data-case-id="${fileId}"] a`).first().click();
    await phone.locator(`[data-testid="case-detail"][data-case-id="${fileId}"][data-state="scoring"]`).waitFor();
    await sameActions(phone, fileId, expert, 'the expert, before scoring');
    await screenshot(phone, 'file-review-expert-phone');
    const expertApi = await staffApi(url(), expert);
    const form = (await expertApi<Detail>('GET', `/api/cases/${fileId}`)).actions.find((a) => a.action === 'score')!.input;
    const items = Object.entries(form.properties).filter(([key]) => key !== 'comments');
    assert.equal(items.length, 6, 'the six items of the demo campaign\'s sheet');
    const supervisor = await staffApi(url(), 'xzzf-supervisor');
    const fileRow = async () => (await supervisor<{ reviewersPerFile: number; reviewFiles: Array<{ caseId: string; scoredBy: number }> }>('GET', `/api/xzzf/reviews/${await currentCampaign(supervisor)}`));
    const campaign = await fileRow();
    const scoredBefore = campaign.reviewFiles.find((f) => f.caseId === fileId)!.scoredBy;
    // The last of the file's experts moves it on to 待核查; an earlier one leaves it with the others.
    const next = scoredBefore + 1 === campaign.reviewersPerFile ? 'scored' : 'scoring';
    // Full marks less one point on each item: 94 points.
    await takeAction(phone, 'score', next, async () => {
      for (const [key, property] of items) await fillNumber(phone, `action-field-${key}`, property.maximum! - 1);
      await phone.getByTestId('action-field-comments').fill('事实清楚，程序合法，文书规范。');
    });
    assert.equal((await fileRow()).reviewFiles.find((f) => f.caseId === fileId)!.scoredBy, scoredBefore + 1);
    await sameActions(phone, fileId, expert, 'the expert, after scoring');
    await phone.context().close();

    // The supervisor: the campaigns, the current one not yet publishable, its checked file graded.
    const desk = await signIn(running.browser, url(), 'xzzf-supervisor', DESK);
    await openMenu(desk, '案卷评查');
    await desk.locator('[data-testid="xzzf-review-row"]').first().waitFor();
    assert.equal(await desk.getByTestId('xzzf-review-row').count(), 2);
    await desk.locator('[data-testid="xzzf-review-row"][data-title="2026年下半年行政处罚案卷评查"] a').click();
    await desk.getByTestId('xzzf-review-campaign').waitFor();
    await desk.getByTestId('xzzf-review-file').first().waitFor();
    assert.equal(await desk.getByTestId('xzzf-review-publish').isDisabled(), true, 'files still wait for their experts');
    await screenshot(desk, 'file-review-campaign-desk');
    const verified = desk.locator('[data-testid="xzzf-review-file"][data-state="verified"] a').first();
    await verified.click();
    await desk.locator('[data-testid="case-detail"][data-state="verified"]').waitFor();
    const checkedId = (await desk.getByTestId('case-detail').getAttribute('data-case-id'))!;
    await sameActions(desk, checkedId, 'xzzf-supervisor', 'a checked file');
    // 87 (89 and 85, as the demo scores it): between the lines, only 一般 is offered.
    const decide = (await supervisor<Detail>('GET', `/api/cases/${checkedId}`)).actions.find((a) => a.action === 'decide')!.input as unknown as { properties: { grade: { enum: string[] } } };
    assert.deepEqual(decide.properties.grade.enum, ['ordinary']);
    await takeAction(desk, 'decide', 'decided', async () => {
      await desk.getByTestId('action-field-summary').fill('事实清楚、程序合法，文书规范，审定为一般。');
    });
    await sameActions(desk, checkedId, 'xzzf-supervisor', 'a decided file');

    // Anyone on a phone reads what the first campaign published, a person never named in full.
    const reader = await (await newContext(running.browser, { ...PHONE, locale: 'zh-CN' })).newPage();
    await reader.goto(`${url()}/xzzf/reviews`);
    await reader.getByTestId('xzzf-public-review').first().waitFor();
    const grades = await reader.getByTestId('xzzf-public-review').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-grade')).sort());
    assert.deepEqual(grades, ['excellent', 'poor']);
    await screenshot(reader, 'file-review-public-phone');
  });

  async function currentCampaign(api: Awaited<ReturnType<typeof staffApi>>): Promise<number> {
    const list = await api<{ items: Array<{ id: number; publishedOn: string | null }> }>('GET', '/api/xzzf/reviews');
    return list.items.find((c) => c.publishedOn === null)!.id;
  }
});
