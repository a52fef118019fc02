import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { fixedTime } from '../../server/src/platform/time.js';
import type { RunningServer } from '../../server/src/server.js';
import { CHROMIUM, chooseOption, chromiumAvailable as available, cspViolations, demoServerOnClock, fillDate, newContext, screenshot, searchAndChoose, signIn, staffApi, offeredActions, takeAction } from './browser-helpers.js';

if (!available) console.log(`# browser 行政处罚 walk-through SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

const DESK: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const at = (iso: string) => new Date(`${iso}+08:00`);

// A general-procedure case of the demo county's 市场监管局, from the clue to the archive, with a
// hearing and the legal review a hearing makes necessary: the officer 张伟 (xzzf-market), the head
// (xzzf-market-head) and the legal reviewer (xzzf-reviewer), each in their own browser; the
// decision then read by anyone on the public 公示 page at phone size.
describe('行政处罚 from a clue to the archive, in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const time = fixedTime(at('2026-03-02T09:00:00'));
  const running = demoServerOnClock(time);
  let server: RunningServer;
  let browser: Browser;
  before(() => {
    ({ server, browser } = running);
  });


  /** The detail page offers exactly what the server allows this person now. */
  const sameActions = async (page: Page, caseId: string, username: string, step: string) => {
    const person = await staffApi(server.url, username);
    const allowed = (await person<{ actions: Array<{ action: string }> }>('GET', `/api/cases/${caseId}`)).actions.map((a) => a.action).sort();
    assert.deepEqual(await offeredActions(page), allowed, `the buttons are the server's actions (${step})`);
  };
  const detail = async (page: Page, caseId: string) => {
    await page.goto(`${server.url}/staff/xzzf/cases/${caseId}`);
    await page.locator(`[data-testid="case-detail"][data-case-id="${caseId}"]`).waitFor();
  };
  const act = takeAction;
  const clockDue = (page: Page, name: string) => page.locator(`[data-testid="case-clock-row"][data-clock="${name}"]:not([data-status="stopped"])`).getAttribute('data-due-day');
  const twoOfficers = async (page: Page) => {
    await chooseOption(page, 'action-field-officerIds', '张伟');
    await chooseOption(page, 'action-field-officerIds', '李娜');
    await page.keyboard.press('Escape');
  };

  test('the officer records a clue, the head files it, the case is investigated, heard, reviewed, decided, served, paid and archived; the public reads the decision', { timeout: 900_000 }, async () => {
    // ── Mon 03-02: the officer records a reported clue from the 登记线索 form ─────────────────
    let officer = await signIn(browser, server.url, 'xzzf-market', DESK);
    await officer.getByTestId('menu-xzzf-clue').click();
    await officer.getByTestId('xzzf-clue-form').waitFor();
    // An officer of one subject in one field finds both chosen.
    await officer.getByTestId('xzzf-clue-subject').filter({ hasText: '兰山区市场监督管理局' }).waitFor();
    await officer.getByTestId('xzzf-clue-field').filter({ hasText: '市场监管' }).waitFor();
    await chooseOption(officer, 'xzzf-clue-source', '投诉举报');
    await officer.getByTestId('xzzf-clue-summary').fill('网店发布虚假广告宣称食品可治病');
    await fillDate(officer, 'xzzf-clue-discoveredOn', '2026-02-27');
    await searchAndChoose(officer, 'xzzf-clue-object', '华泰食品');
    await officer.getByTestId('xzzf-clue-submit').click();
    await officer.waitForURL(/\/staff\/xzzf\/cases\/[0-9a-f-]{36}$/);
    const caseId = (await officer.getByTestId('case-detail').getAttribute('data-case-id'))!;
    await officer.locator('[data-testid="case-detail"][data-state="clue"]').waitFor();
    // Fifteen working days from Fri 27 Feb, Saturday 28 Feb worked for the Spring Festival: 19 March.
    assert.equal(await clockDue(officer, 'filing'), '2026-03-19');
    await sameActions(officer, caseId, 'xzzf-market', 'clue');
    await act(officer, 'propose_filing', 'filing', async () => {
      await twoOfficers(officer);
      await chooseOption(officer, 'action-field-matterId', 'XZZF-SC-008');
      await officer.getByTestId('action-field-filingNote').fill('举报属实：网店页面宣称固体饮料可治疗高血压。');
    });
    await sameActions(officer, caseId, 'xzzf-market', 'awaiting approval');
    await officer.context().close();

    const head = await signIn(browser, server.url, 'xzzf-market-head', DESK);
    await detail(head, caseId);
    await sameActions(head, caseId, 'xzzf-market-head', 'filing');
    await act(head, 'approve_filing', 'investigating');
    assert.match(await head.getByTestId('detail-case_number').innerText(), /^区市场监管局立字〔2026〕\d+号$/);
    assert.equal(await clockDue(head, 'decision'), '2026-06-01');

    // ── The officer investigates from a phone, then proposes the penalty ──────────────────
    const phone = await signIn(browser, server.url, 'xzzf-market', PHONE);
    await detail(phone, caseId);
    await act(phone, 'record_evidence', 'investigating', async () => {
      await chooseOption(phone, 'action-field-evidenceKind', '询问笔录');
      await phone.getByTestId('action-field-title').fill('对法定代表人的询问笔录');
      await fillDate(phone, 'action-field-takenOn', '2026-03-02');
      await twoOfficers(phone);
    });
    await screenshot(phone, 'xzcf-evidence-phone');
    await phone.context().close();
    officer = await signIn(browser, server.url, 'xzzf-market', DESK);
    await detail(officer, caseId);
    await act(officer, 'propose_penalty', 'reviewing', async () => {
      await officer.getByTestId('action-field-facts').fill('当事人在网店页面宣称其固体饮料可治疗高血压，广告费用约十万元。');
      await chooseOption(officer, 'action-field-circumstance', '一般');
      await officer.getByTestId('action-field-fineYuan').fill('300000');
    });
    await detail(head, caseId);
    await act(head, 'approve_notice', 'notified');

    // ── The party asks for a hearing; it is held on Fri 20 March ───────────────────────────
    await detail(officer, caseId);
    await sameActions(officer, caseId, 'xzzf-market', 'notified with a hearing right');
    await act(officer, 'request_hearing', 'hearing', () => fillDate(officer, 'action-field-requestedOn', '2026-03-02'));
    await act(officer, 'schedule_hearing', 'hearing', async () => {
      await fillDate(officer, 'action-field-hearingOn', '2026-03-20');
      await officer.getByTestId('action-field-place').fill('区市场监管局第一听证室');
    });
    time.set(at('2026-03-20T09:00:00'));
    await officer.context().close();
    officer = await signIn(browser, server.url, 'xzzf-market', DESK);
    await detail(officer, caseId);
    await act(officer, 'hold_hearing', 'notified', () => officer.getByTestId('action-field-record').fill('当事人委托代理人到场，对事实无异议，请求从轻处罚。'));
    // A hearing held: no way to the decision but through 法制审核.
    assert.equal(await officer.getByTestId('action-skip_legal_review').count(), 0);
    await act(officer, 'submit_legal_review', 'legal_review');
    await sameActions(officer, caseId, 'xzzf-market', 'in legal review');

    const reviewer = await signIn(browser, server.url, 'xzzf-reviewer', DESK);
    await detail(reviewer, caseId);
    await act(reviewer, 'legal_review', 'deciding', async () => {
      await chooseOption(reviewer, 'action-field-result', '审核通过');
      await reviewer.getByTestId('action-field-opinion').fill('事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。');
    });
    await reviewer.context().close();

    // ── Mon 03-23: the head decides; the 决定书 is numbered ─────────────────────────────────
    time.set(at('2026-03-23T10:00:00'));
    await head.context().close();
    const head2 = await signIn(browser, server.url, 'xzzf-market-head', DESK);
    await detail(head2, caseId);
    await sameActions(head2, caseId, 'xzzf-market-head', 'deciding');
    await act(head2, 'decide', 'decided', async () => {
      await head2.getByTestId('action-field-facts').fill('当事人在网店页面发布虚假广告，宣称其固体饮料可治疗高血压。');
      await chooseOption(head2, 'action-field-partyPresent', '否');
    });
    await head2.getByText('行政处罚决定书').first().waitFor();

    officer = await signIn(browser, server.url, 'xzzf-market', DESK);
    await detail(officer, caseId);
    await act(officer, 'serve', 'executing', async () => {
      await fillDate(officer, 'action-field-servedOn', '2026-03-24');
      await chooseOption(officer, 'action-field-method', '邮寄送达');
    });
    assert.equal(await clockDue(officer, 'payment'), '2026-04-08');
    await act(officer, 'publish', 'executing');
    time.set(at('2026-03-30T10:00:00'));
    await officer.context().close();
    officer = await signIn(browser, server.url, 'xzzf-market', DESK);
    await detail(officer, caseId);
    await act(officer, 'record_payment', 'closing', async () => {
      await fillDate(officer, 'action-field-paidOn', '2026-03-30');
      await officer.getByTestId('action-field-amountPaidYuan').fill('300000');
    });
    await officer.context().close();
    await head2.context().close();
    const head3 = await signIn(browser, server.url, 'xzzf-market-head', DESK);
    await detail(head3, caseId);
    await act(head3, 'close', 'closed', () => head3.getByTestId('action-field-summary').fill('罚款已缴清，案卷归档。'));
    await sameActions(head3, caseId, 'xzzf-market-head', 'closed');
    await screenshot(head3, 'xzcf-closed-desk');
    await head3.context().close();

    // Every step's document, numbered.
    const docs = (await server.database.backend.query(`select template_id as t, number from case_documents where case_id = $1 and status = 'final' order by template_id`, [caseId], 'object')).rows as Array<{ t: string; number: string }>;
    assert.deepEqual(docs.map((d) => d.t), ['xzcf.closing', 'xzcf.decision', 'xzcf.filing', 'xzcf.hearing.notice', 'xzcf.legal.review', 'xzcf.notice', 'xzcf.service']);
    const decisionNumber = docs.find((d) => d.t === 'xzcf.decision')!.number;

    // ── Anyone reads the published decision on a phone ───────────────────────────────────────
    const citizen = await (await newContext(browser, PHONE)).newPage();
    await citizen.goto(`${server.url}/xzzf/decisions?q=${encodeURIComponent('虚假广告')}`);
    const row = citizen.locator('[data-testid="xzzf-decision-row"]', { hasText: decisionNumber });
    await row.waitFor();
    await row.getByTestId('xzzf-decision-link').click();
    await citizen.getByTestId('decision-text').waitFor();
    assert.match(await citizen.getByTestId('decision-text').innerText(), /临沂市兰山区华泰食品有限公司/);
    assert.equal(await citizen.getByTestId('decision-number').innerText(), decisionNumber);
    await screenshot(citizen, 'xzcf-published-phone');
    assert.deepEqual(cspViolations(), []);
    await citizen.context().close();
  });

  test('执法监督: the 司法局 reads the subjects and the problems, issues an opinion; the 市场监管局 head answers from a phone; the supervisor accepts', { timeout: 600_000 }, async () => {
    time.set(at('2026-04-01T10:00:00'));
    const supervisor = await signIn(browser, server.url, 'xzzf-supervisor', DESK);
    await supervisor.getByTestId('menu-xzzf-oversight').click();
    const market = supervisor.locator('[data-testid="xzzf-oversight-subject"][data-subject="兰山区市场监督管理局"]');
    await market.waitFor();
    // The demo's clue recorded yesterday and those filed long ago: some are past a limit.
    await supervisor.getByTestId('xzzf-irregularity').first().waitFor();
    await screenshot(supervisor, 'xzzf-oversight-desk');
    await supervisor.getByTestId('xzzf-issue').click();
    await searchAndChoose(supervisor, 'xzzf-issue-subject', '市场监督管理局');
    await supervisor.getByTestId('xzzf-issue-findings').fill('部分案件超过立案期限。');
    await supervisor.getByTestId('xzzf-issue-requirements').fill('逐案核查，建立立案期限提醒。');
    await fillDate(supervisor, 'xzzf-issue-respondBy', '2026-04-30');
    await supervisor.getByTestId('xzzf-issue-submit').click();
    await supervisor.waitForURL(/\/staff\/xzzf\/supervision\/cases\/[0-9a-f-]{36}$/);
    const opinionId = (await supervisor.getByTestId('case-detail').getAttribute('data-case-id'))!;
    await supervisor.locator('[data-testid="case-detail"][data-state="issued"]').waitFor();

    const head = await signIn(browser, server.url, 'xzzf-market-head', PHONE);
    await head.goto(`${server.url}/staff/xzzf/supervision/todo`);
    await head.locator(`[data-testid="case-row"][data-case-id="${opinionId}"]`).waitFor();
    await head.goto(`${server.url}/staff/xzzf/supervision/cases/${opinionId}`);
    await head.locator(`[data-testid="case-detail"][data-case-id="${opinionId}"]`).waitFor();
    await sameActions(head, opinionId, 'xzzf-market-head', 'an opinion to answer');
    await act(head, 'respond', 'answered', () => head.getByTestId('action-field-measures').fill('已逐案核查，并为每件线索设立立案期限提醒。'));
    await screenshot(head, 'xzzf-supervision-phone');
    await head.context().close();

    await supervisor.reload();
    await supervisor.locator('[data-testid="case-detail"][data-state="answered"]').waitFor();
    await act(supervisor, 'accept', 'closed');
    assert.deepEqual(cspViolations(), []);
    await supervisor.context().close();
  });
});
