import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixedTime } from '../../server/src/platform/time.js';
import { CHROMIUM, chromiumAvailable as available, cspViolations, demoServerOnClock, DESK, fillDate, offeredActions, openMenu, phoneContext, screenshot, signIn, staffApi, takeAction } from './browser-helpers.js';

if (!available) console.log(`# browser 社会监督员 walk-through SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

// 社会监督员 in the demo county: anyone checks 孙立华's 监督卡 on a phone (no phone number shown);
// she files an observation at phone size with her card and secret; the 司法局 finds it in its
// to-do at the desk, accepts and answers it with the buttons the server offers; she reads the answer
// and withdraws an older one still waiting.
// The server's clock stands on a weekday in November, so the answer's 15 working days stay in a year the calendar knows.
describe('社会监督员 in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const running = demoServerOnClock(fixedTime(new Date('2026-11-10T09:00:00+08:00')));
  const url = () => running.server.url;
  const CONCERNING = '兰山区市场监督管理局执法人员（金雀山路）';

  test('the holder files on a phone, the office answers at the desk, the holder reads the answer', { timeout: 300_000 }, async () => {
    const office = await staffApi(url(), 'xzzf-supervisor');
    const register = await office<{ items: Array<{ name: string; code: string; phone: string }> }>('GET', '/api/xzzf/social-supervisors');
    const sun = register.items.find((s) => s.name === '孙立华')!;

    // Anyone at the door: the card, its holder and office, never the phone.
    const phone = await (await phoneContext(running.browser)).newPage();
    await phone.goto(`${url()}/xzzf/supervisor-card`);
    await phone.getByTestId('xzzf-card-input').fill(sun.code.toLowerCase());
    await phone.getByTestId('xzzf-card-submit').click();
    await phone.getByTestId('xzzf-card-result').waitFor();
    const card = await phone.getByTestId('xzzf-card-result').innerText();
    assert.match(card, /孙立华/);
    assert.match(card, /监督卡有效/);
    assert.ok(!card.includes(sun.phone) && !card.includes(sun.phone.slice(-4)), 'no phone on the public check');
    await screenshot(phone, 'social-supervisor-card-phone');

    // The holder: a wrong secret is refused, the right one opens her page; she files.
    await phone.goto(`${url()}/xzzf/supervisor`);
    await phone.getByTestId('xzzf-portal-code').fill(sun.code);
    await phone.getByTestId('xzzf-portal-secret').fill('WRNG-0000');
    await phone.getByTestId('xzzf-portal-enter').click();
    assert.match(await phone.getByTestId('xzzf-portal-error').innerText(), /监督卡号或查询密码不正确/);
    await phone.getByTestId('xzzf-portal-secret').fill('SJDY-0001');
    await phone.getByTestId('xzzf-portal-enter').click();
    await phone.getByTestId('xzzf-portal-concerning').waitFor();
    const before = await phone.getByTestId('xzzf-portal-observation').count();
    await phone.getByTestId('xzzf-portal-concerning').fill(CONCERNING);
    await phone.getByTestId('xzzf-portal-observed-on').fill('2026-11-09');
    await phone.getByTestId('xzzf-portal-place').fill('兰山区金雀山路农贸市场');
    await phone.getByTestId('xzzf-portal-content').fill('执法人员检查摊位时未出示执法证件，也未说明检查依据。');
    await screenshot(phone, 'social-supervisor-file-phone');
    await phone.getByTestId('xzzf-portal-submit').click();
    await phone.locator('[data-testid="xzzf-portal-observation"]', { hasText: CONCERNING }).waitFor();
    assert.equal(await phone.getByTestId('xzzf-portal-observation').count(), before + 1);
    const width = await phone.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= 375, `fits a phone (${width}px)`);

    // The office: the observation in its to-do, accepted and answered at the desk.
    const todo = await office<{ items: Array<{ caseId: string; title?: string }> }>('GET', '/api/cases/todo?caseType=xzzf_observation');
    const caseId = todo.items.find((i) => JSON.stringify(i).includes(CONCERNING))!.caseId;
    assert.ok(caseId, 'in the office’s to-do');
    const desk = await signIn(running.browser, url(), 'xzzf-supervisor', DESK);
    await openMenu(desk, '社会监督员名册');
    await desk.getByTestId('xzzf-supervisors').locator('tr', { hasText: '孙立华' }).waitFor();
    assert.match(await desk.getByTestId('xzzf-supervisors').innerText(), new RegExp(sun.phone), 'the office sees the full phone');
    // A new appointment at the desk: the card and its secret shown once, the card in force at once.
    await desk.getByTestId('xzzf-supervisor-appoint').click();
    await desk.getByTestId('xzzf-supervisor-name').fill('韩立新');
    await desk.getByTestId('xzzf-supervisor-phone').fill('13805391009');
    await desk.getByTestId('xzzf-supervisor-work-unit').fill('兰山区政协委员、律师');
    await fillDate(desk, 'xzzf-supervisor-term-from', '2026-11-10');
    await fillDate(desk, 'xzzf-supervisor-term-to', '2028-11-09');
    await desk.getByTestId('xzzf-supervisor-appoint-submit').click();
    const newCode = (await desk.getByTestId('xzzf-supervisor-card-code').innerText()).trim();
    assert.match(newCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match((await desk.getByTestId('xzzf-supervisor-card-secret').innerText()).trim(), /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await screenshot(desk, 'social-supervisor-card-desk');
    await desk.getByTestId('xzzf-supervisor-card-done').click();
    await desk.getByTestId('xzzf-supervisors').locator('tr', { hasText: '韩立新' }).waitFor();
    const checked = await fetch(`${url()}/api/public/xzzf/supervisor-cards/${newCode}`).then((r) => r.json()) as { name: string; inForce: boolean };
    assert.deepEqual([checked.name, checked.inForce], ['韩立新', true]);
    await openMenu(desk, '社会监督员意见');
    await desk.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`).waitFor();
    await screenshot(desk, 'social-supervisor-todo-desk');
    await desk.goto(`${url()}/staff/xzzf/observations/cases/${caseId}`);
    await desk.locator(`[data-testid="case-detail"][data-case-id="${caseId}"][data-state="received"]`).waitFor();
    const actions = async () => (await office<{ actions: Array<{ action: string }> }>('GET', `/api/cases/${caseId}`)).actions.map((a) => a.action).sort();
    assert.deepEqual(await offeredActions(desk), await actions());
    await takeAction(desk, 'accept', 'handling');
    assert.deepEqual(await offeredActions(desk), await actions());
    await takeAction(desk, 'answer', 'answered', () => desk.getByTestId('action-field-answer').fill('经核查，已责成兰山区市场监督管理局对相关执法人员批评教育，并重申亮证执法要求。感谢您的监督。'));
    await screenshot(desk, 'social-supervisor-answered-desk');
    await desk.context().close();

    // The holder reads the answer back with her card.
    await phone.reload();
    await phone.getByTestId('xzzf-portal-code').fill(sun.code);
    await phone.getByTestId('xzzf-portal-secret').fill('sjdy-0001');
    await phone.getByTestId('xzzf-portal-enter').click();
    const answered = phone.locator('[data-testid="xzzf-portal-observation"]', { hasText: CONCERNING });
    await answered.getByTestId('xzzf-portal-answer').waitFor();
    assert.match(await answered.innerText(), /重申亮证执法要求/);
    assert.match(await answered.innerText(), /已答复/);
    await screenshot(phone, 'social-supervisor-answer-phone');
    // Her demo observation still waiting (兰山街道's team, just received): she takes it back.
    const waiting = phone.locator('[data-testid="xzzf-portal-observation"]', { hasText: '兰山街道综合行政执法队' });
    await waiting.getByTestId('xzzf-portal-withdraw').click();
    await phone.getByTestId('xzzf-portal-withdraw-reason').fill('已与执法队当面沟通，问题已解决');
    await phone.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await waiting.locator('.ant-tag', { hasText: '已撤回' }).waitFor();
    assert.equal(await waiting.getByTestId('xzzf-portal-withdraw').count(), 0);
    await phone.context().close();
    assert.deepEqual(cspViolations(), []);
  });
});
