import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { fixedTime } from '../../server/src/platform/time.js';
import type { RunningServer } from '../../server/src/server.js';
import { CHROMIUM, chooseOption, chooseTreeNode, chromiumAvailable as available, cspViolations, demoServerOnClock, fillDate, newContext, screenshot, searchAndChoose, signIn, staffApi, offeredActions, takeAction } from './browser-helpers.js';

if (!available) console.log(`# browser reconsideration walk-through SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

const DESK: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const at = (iso: string) => new Date(`${iso}+08:00`);

// A one-page PDF, enough for the server's check of what a PDF looks like.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

// 行政复议 walked through every stage by the people who do it, the server's clock held in 2026
// (the holiday calendar knows 2026, not 2027) and moved on between steps.
describe('行政复议 from an online application to a published decision, in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const time = fixedTime(at('2026-03-02T09:00:00'));
  const running = demoServerOnClock(time);
  let server: RunningServer;
  let browser: Browser;
  let township: { id: number; name: string; username: string };

  before(async () => {
    ({ server, browser } = running);
    // The demo county: its 司法局 officer xzfy-handler holds xzfy.handler for the county government,
    // each township's town-NNN account xzfy.respondent for its township.
    const { organs } = (await (await fetch(`${server.url}/api/public/xzfy/organs`)).json()) as { organs: Array<{ respondents: Array<{ id: number; name: string; kind: string }> }> };
    const first = organs[0]!.respondents.find((r) => r.kind === 'township')!;
    const users = await server.database.backend.query(`select username from users where unit_id = $1 and role = 'handler' order by id limit 1`, [first.id], 'object');
    township = { id: first.id, name: first.name, username: (users.rows[0] as { username: string }).username };
  });

  const allowed = async (caseId: string, username: string) => {
    const person = await staffApi(server.url, username);
    return (await person<{ actions: Array<{ action: string }> }>('GET', `/api/cases/${caseId}`)).actions.map((a) => a.action).sort();
  };
  /** The detail page offers exactly what the server allows this person now: nothing it would refuse. */
  const sameActions = async (page: Page, caseId: string, username: string, step: string) =>
    assert.deepEqual(await offeredActions(page), await allowed(caseId, username), `the buttons are the server's actions (${step})`);
  const detail = async (page: Page, caseId: string) => {
    await page.goto(`${server.url}/staff/xzfy/cases/${caseId}`);
    await page.locator(`[data-testid="case-detail"][data-case-id="${caseId}"]`).waitFor();
  };
  const act = takeAction;
  /** The clock of this name still running (or standing still): a clock started again leaves its stopped row behind. */
  const clockRow = (page: Page, name: string) => page.locator(`[data-testid="case-clock-row"][data-clock="${name}"]:not([data-status="stopped"])`);
  const progressPage = async (code: string) => {
    const phone = await (await newContext(browser, PHONE)).newPage();
    await phone.goto(`${server.url}/xzfy/track/${code}`);
    await phone.getByTestId('xzfy-track-summary').waitFor();
    return phone;
  };

  test('the counter form: 登记申请 shows the query code, and the case waits in 待办', { timeout: 180_000 }, async () => {
    time.set(at('2026-03-02T09:00:00'));
    const page = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await page.getByTestId('menu-xzfy-apply').click();
    await page.getByTestId('xzfy-apply-form').waitFor();
    await page.getByTestId('xzfy-applicant-kind-enterprise').click();
    await page.getByTestId('xzfy-applicant-name').fill('临沂兰山某某商贸有限公司');
    // A code whose check character is wrong: the server's refusal shows under its field.
    await page.getByTestId('xzfy-credit-code').fill('91110000600037341M');
    await page.getByTestId('xzfy-agent-name').fill('王律师');
    await searchAndChoose(page, 'xzfy-respondent', township.name);
    await page.getByTestId('xzfy-contested-act').fill('责令停业整顿决定（窗口登记）');
    await page.getByTestId('xzfy-field').fill('市场监管');
    await page.getByTestId('xzfy-claims').fill('请求撤销责令停业整顿决定。');
    await page.getByTestId('xzfy-channel-mail').click();
    await page.getByTestId('xzfy-apply-submit').click();
    await page.getByText('统一社会信用代码不正确').waitFor();
    await page.getByTestId('xzfy-credit-code').fill('91110000600037341L');
    await page.getByTestId('xzfy-apply-submit').click();
    const code = page.getByTestId('xzfy-query-code');
    await code.waitFor();
    assert.match(await code.innerText(), /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match(await page.getByTestId('xzfy-apply-done-note').innerText(), /查询码告知申请人/);
    await page.getByTestId('xzfy-copy-code').waitFor();
    await screenshot(page, 'xzfy-counter-done');
    await page.getByTestId('xzfy-apply-open').click();
    const caseId = (await page.getByTestId('case-detail').getAttribute('data-case-id'))!;
    assert.equal(await page.getByTestId('detail-state').innerText(), '待审查受理');
    await page.getByTestId('menu-xzfy-todo').click();
    await page.locator(`[data-testid="case-todo-table"] [data-testid="case-row"][data-case-id="${caseId}"]`).waitFor();
    assert.deepEqual(cspViolations(), []);
    await page.context().close();
  });

  test('the lawsuit form: 登记应诉案件 opens the case with its fifteen-day 答辩期限', { timeout: 180_000 }, async () => {
    time.set(at('2026-03-02T09:30:00'));
    // Someone who also works 行政复议 may link the reconsideration the lawsuit follows.
    const officer = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await officer.getByTestId('menu-xzss-new').click();
    await officer.getByTestId('xzss-new-review').waitFor();
    // A 司法局 officer coordinating for the government names any organ under it, not only the 司法局.
    await chooseTreeNode(officer, 'xzss-new-defendant', township.name);
    await officer.context().close();

    // The county's coordinator (xzss.coordinator for the government) records a lawsuit against a township.
    const leader = await signIn(browser, server.url, 'leader', DESK);
    await leader.getByTestId('menu-xzss-new').click();
    await leader.getByTestId('xzss-new-form').waitFor();
    assert.equal(await leader.getByTestId('xzss-new-review').count(), 0, 'no 关联复议案件 without a 行政复议 role');
    await chooseTreeNode(leader, 'xzss-new-defendant', township.name);
    await leader.getByTestId('xzss-new-courtName').fill('临沂市兰山区人民法院');
    await leader.getByTestId('xzss-new-courtCaseNumber').fill('（2026）鲁1302行初21号');
    await leader.getByTestId('xzss-new-cause').fill('不服强制拆除行为');
    await leader.getByTestId('xzss-new-plaintiffName').fill('赵六');
    await fillDate(leader, 'xzss-new-servedOn', '2026-03-02');
    await leader.getByTestId('xzss-new-submit').click();
    await leader.waitForURL(/\/staff\/xzss\/cases\/[0-9a-f-]{36}$/);
    await leader.getByTestId('case-detail').waitFor();
    // 行政诉讼法 art. 67: fifteen days from the day the copy arrived, Mon 03-02: day 15 is Tue 03-17, a working day.
    assert.equal(await clockRow(leader, 'answer').getAttribute('data-due-day'), '2026-03-17');
    assert.match(await clockRow(leader, 'answer').innerText(), /答辩期限/);
    await screenshot(leader, 'xzss-new-detail');
    assert.deepEqual(cspViolations(), []);
    await leader.context().close();
  });

  test('a citizen applies online, the 司法局 and the township work the case through every stage, and the decision is published redacted', { timeout: 600_000 }, async () => {
    // ── Mon 03-02 09:00: the application, at phone size, with a PDF ──────────────────────────
    time.set(at('2026-03-02T09:00:00'));
    const citizen = await (await newContext(browser, PHONE)).newPage();
    await citizen.goto(`${server.url}/`);
    await citizen.getByTestId('xzfy-link-apply').click();
    await citizen.getByTestId('xzfy-public-form').waitFor();
    const contestedAct = '兰山街道办事处拆除违法建筑决定（网上申请）';
    await citizen.getByTestId('xzfy-applicant-name').fill('张建国');
    await searchAndChoose(citizen, 'xzfy-respondent', township.name);
    await citizen.getByTestId('xzfy-contested-act').fill(contestedAct);
    await citizen.getByTestId('xzfy-field').fill('城乡建设');
    await citizen.getByTestId('xzfy-claims').fill('请求撤销该拆除决定。该房屋系申请人合法建造，决定认定事实不清。');
    await citizen.getByTestId('xzfy-files').setInputFiles({ name: '拆除决定书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await citizen.locator('[data-testid="xzfy-file"]', { hasText: '拆除决定书.pdf' }).waitFor();
    await screenshot(citizen, 'xzfy-public-apply-phone');
    await citizen.getByTestId('xzfy-public-submit').click();
    await citizen.getByTestId('xzfy-query-code').waitFor();
    const code = await citizen.getByTestId('xzfy-query-code').innerText();
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match(await citizen.getByTestId('xzfy-code-hint').innerText(), /只在这里显示一次/);
    await screenshot(citizen, 'xzfy-public-code-phone');
    await citizen.context().close();

    // ── The handler finds it in 待办 and asks for 补正 ──────────────────────────────────────
    time.set(at('2026-03-02T09:30:00'));
    let handler = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await handler.getByTestId('menu-xzfy-todo').click();
    const row = handler.locator('[data-testid="case-todo-table"] [data-testid="case-row"]', { hasText: contestedAct });
    await row.waitFor();
    const caseId = (await row.getAttribute('data-case-id'))!;
    await row.click();
    await handler.locator(`[data-testid="case-detail"][data-case-id="${caseId}"]`).waitFor();
    // The applicant's PDF is on the case.
    await handler.locator('[data-testid="case-file"][data-kind="attachment"]', { hasText: '拆除决定书.pdf' }).waitFor();
    await sameActions(handler, caseId, 'xzfy-handler', 'applied');
    await act(handler, 'ask_supplement', 'supplementing', () => handler.getByTestId('action-field-items').fill('请补充提交申请人身份证明复印件。'));
    await sameActions(handler, caseId, 'xzfy-handler', 'supplementing');
    await handler.context().close();

    // ── Fri 03-06: the material arrives; the notice is chosen from what the server offers ────
    time.set(at('2026-03-06T10:00:00'));
    handler = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await detail(handler, caseId);
    await act(handler, 'receive_supplement', 'applied', () => chooseOption(handler, 'action-field-supplementId', '2026-03-02 发出的补正通知'));
    // The review starts again from the material (art. 31(2) with 30): five working days, 03-09 … 03-13.
    assert.equal(await clockRow(handler, 'acceptance').getAttribute('data-due-day'), '2026-03-13');
    await sameActions(handler, caseId, 'xzfy-handler', 'applied again');
    await handler.context().close();

    // ── Mon 03-09: 受理 (普通程序) and 发送答复通知书 ─────────────────────────────────────────
    time.set(at('2026-03-09T10:00:00'));
    handler = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await detail(handler, caseId);
    await act(handler, 'accept', 'accepted', () => chooseOption(handler, 'action-field-procedure', '普通程序'));
    const caseNumber = await handler.getByTestId('detail-case_number').innerText();
    assert.match(caseNumber, /^兰政复〔2026〕\d+号$/);
    // 行政复议法 art. 62: sixty days from acceptance on Mon 03-09, the day itself not counted
    // (民法典 art. 201): 03-10…03-31 are days 1–22, April days 23–52, and day 60 is Fri 05-08,
    // a working day (the May Day holiday ends 05-05).
    assert.equal(await clockRow(handler, 'decision').getAttribute('data-due-day'), '2026-05-08');
    assert.match(await clockRow(handler, 'decision').getByTestId('case-clock-due').innerText(), /^2026-05-08 24:00$/);
    await sameActions(handler, caseId, 'xzfy-handler', 'accepted');
    await act(handler, 'send_copy', 'accepted');
    // The state stays 审理中: the reply clock, started by the copy, shows it was taken.
    await clockRow(handler, 'reply').waitFor();
    // The township answers within ten working days of the copy (art. 48): 03-10…03-13, 03-16…03-20, 03-23.
    assert.equal(await clockRow(handler, 'reply').getAttribute('data-due-day'), '2026-03-23');
    await sameActions(handler, caseId, 'xzfy-handler', 'copy sent');
    await handler.context().close();

    // ── Tue 03-10: the township's officer answers; they record no applications ───────────────
    time.set(at('2026-03-10T10:00:00'));
    const town = await signIn(browser, server.url, township.username, DESK);
    assert.equal(await town.getByTestId('menu-xzfy-apply').count(), 0, 'a township records no applications');
    await town.getByTestId('menu-xzfy-todo').click();
    await town.locator(`[data-testid="case-todo-table"] [data-testid="case-row"][data-case-id="${caseId}"]`).click();
    await town.locator(`[data-testid="case-detail"][data-case-id="${caseId}"]`).waitFor();
    await sameActions(town, caseId, township.username, 'respondent before the reply');
    assert.deepEqual(await offeredActions(town), ['respondent_reply']);
    await town.getByTestId('action-respondent_reply').click();
    await town.getByTestId('action-field-summary').fill('该建筑未取得建设工程规划许可证，拆除决定事实清楚、程序合法。证据：现场勘验笔录、限期拆除通知书。');
    await town.getByTestId('action-modal-submit').click();
    await town.getByTestId('action-form-respondent_reply').waitFor({ state: 'detached' });
    await town.getByTestId('no-actions').waitFor();
    await sameActions(town, caseId, township.username, 'respondent after the reply');
    await town.context().close();

    // ── Wed 03-11: the committee ─────────────────────────────────────────────────────────────
    time.set(at('2026-03-11T10:00:00'));
    handler = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await detail(handler, caseId);
    await handler.locator('[data-testid="case-clock-row"][data-clock="reply"][data-status="stopped"]').waitFor();
    assert.equal(await clockRow(handler, 'reply').count(), 0, 'the reply clock stopped with the reply');
    await act(handler, 'refer_committee', 'committee', () => handler.getByTestId('action-field-questions').fill('拆除决定认定的事实是否清楚'));
    await sameActions(handler, caseId, 'xzfy-handler', 'committee');
    await act(handler, 'record_committee_opinion', 'accepted', async () => {
      await handler.getByTestId('action-field-opinion').fill('多数意见：认定事实不清，应予撤销。');
      await fillDate(handler, 'action-field-meetingOn', '2026-03-11');
    });
    await sameActions(handler, caseId, 'xzfy-handler', 'after the committee');
    await handler.context().close();

    // ── Mon 03-16: 中止审理; the applicant's page says so ────────────────────────────────────
    time.set(at('2026-03-16T10:00:00'));
    handler = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await detail(handler, caseId);
    await act(handler, 'suspend', 'suspended', () => chooseOption(handler, 'action-field-ground', '其他案件的审理结果'));
    assert.equal(await clockRow(handler, 'decision').getAttribute('data-status'), 'paused');
    await sameActions(handler, caseId, 'xzfy-handler', 'suspended');
    await handler.context().close();
    let phone = await progressPage(code);
    await phone.getByTestId('xzfy-track-suspended').waitFor();
    assert.equal(await phone.getByTestId('xzfy-track-due').count(), 0, 'no last day while the review stands still');
    assert.equal(await phone.getByTestId('xzfy-track-case-number').innerText(), caseNumber);
    await screenshot(phone, 'xzfy-track-suspended-phone');
    await phone.context().close();

    // ── Wed 03-25: 恢复审理; the limit moves by the days stood still ─────────────────────────
    time.set(at('2026-03-25T10:00:00'));
    handler = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await detail(handler, caseId);
    await act(handler, 'resume', 'accepted');
    // Art. 39: the suspension does not count. The rule (clock/rules/paused-due.ts) takes out the
    // day suspended and the day resumed and all between: 03-16…03-25, ten days. 03-10…03-15 are
    // days 1–6, counting goes on from 03-26: 03-26…03-31 days 7–12, April days 13–42, and day 60
    // is Mon 05-18, a working day: ten days after 05-08, exactly the span stood still.
    assert.equal(await clockRow(handler, 'decision').getAttribute('data-due-day'), '2026-05-18');
    assert.equal(await clockRow(handler, 'decision').getAttribute('data-status'), 'green');
    await sameActions(handler, caseId, 'xzfy-handler', 'resumed');
    await handler.context().close();
    phone = await progressPage(code);
    assert.equal(await phone.getByTestId('xzfy-track-due').innerText(), '2026-05-18');
    assert.equal(await phone.getByTestId('xzfy-track-suspended').count(), 0);
    await phone.context().close();

    // ── Wed 04-01: 作出复议决定 (撤销) and its numbered 决定书 ───────────────────────────────
    time.set(at('2026-04-01T10:00:00'));
    handler = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await detail(handler, caseId);
    await act(handler, 'decide', 'decided', async () => {
      await chooseOption(handler, 'action-field-decision', '撤销');
      await handler.getByTestId('action-field-basis').fill('《中华人民共和国行政复议法》第六十四条');
      await handler.getByTestId('action-field-reasoning').fill('申请人张建国的房屋于二〇〇八年经批准建造，被申请人认定其为违法建筑，主要事实不清、证据不足。');
    });
    const decision = handler.locator('[data-testid="case-file"][data-kind="document"]');
    await decision.waitFor();
    const number = await decision.getByTestId('case-file-number').innerText();
    assert.match(number, /^文号：兰政复决字〔2026〕第\d+号$/);
    const download = handler.waitForEvent('download');
    await decision.getByTestId('case-file-download').click();
    assert.match((await download).suggestedFilename(), /\.docx$/);
    await sameActions(handler, caseId, 'xzfy-handler', 'decided');
    await screenshot(handler, 'xzfy-decided-desk');
    await handler.context().close();

    // ── Thu 04-02: 送达决定书 ─────────────────────────────────────────────────────────────────
    time.set(at('2026-04-02T10:00:00'));
    handler = await signIn(browser, server.url, 'xzfy-handler', DESK);
    await detail(handler, caseId);
    await act(handler, 'serve', 'closed', async () => {
      await fillDate(handler, 'action-field-servedOn', '2026-04-02');
      await handler.getByTestId('action-field-method').fill('直接送达');
    });
    assert.equal(await handler.getByTestId('detail-state').innerText(), '已结案');
    await sameActions(handler, caseId, 'xzfy-handler', 'closed');
    await handler.context().close();

    // ── The citizen's phone: 已结案, 撤销, and the published decision, redacted ────────────────
    phone = await progressPage(code);
    assert.equal(await phone.getByTestId('xzfy-track-state').innerText(), '已结案');
    assert.equal(await phone.getByTestId('xzfy-track-conclusion').innerText(), '撤销');
    assert.match(await phone.getByTestId('xzfy-track-steps').innerText(), /收到申请[\s\S]*通知补正[\s\S]*受理[\s\S]*中止审理[\s\S]*恢复审理[\s\S]*作出复议决定[\s\S]*送达决定书/);
    await screenshot(phone, 'xzfy-track-closed-phone');
    await phone.getByTestId('xzfy-track-decision').click();
    const text = phone.getByTestId('decision-text');
    await text.waitFor();
    assert.equal(await phone.getByTestId('decision-number').innerText(), number.replace(/^文号：/, ''));
    const body = await text.innerText();
    assert.ok(body.includes('张某'), 'the applicant as surname and 某');
    assert.ok(!body.includes('张建国'), 'never the full name');
    assert.equal(await phone.getByTestId('decision-title').evaluate((e) => (e as unknown as { style: { textAlign: string } }).style.textAlign), 'center');
    await phone.getByTestId('decision-signature').waitFor();
    await screenshot(phone, 'xzfy-decision-phone');
    await phone.getByRole('link', { name: '复议决定书公开' }).click();
    await phone.locator('[data-testid="xzfy-decision-row"]', { hasText: number.replace(/^文号：/, '') }).waitFor();
    assert.deepEqual(cspViolations(), [], 'every page works under its content security policy');
    await phone.context().close();
  });
});
