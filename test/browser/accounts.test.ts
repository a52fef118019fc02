import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import {
  CHROMIUM,
  DESK,
  PASSWORD,
  PHONE,
  chooseOption,
  chooseTreeNode,
  chromiumAvailable as available,
  cspViolations,
  newContext,
  openMenu,
  screenshot,
  serverAndBrowser,
  signIn,
  submitLogin,
} from './browser-helpers.js';

if (!available) console.log(`# browser accounts SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

const beijingClock = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

// Accounts as an administrator keeps them, and sign-in as its limits shape it, through the real pages.
describe('accounts, sign-in limits and the security log in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const running = serverAndBrowser({ FAZHI_DEMO_REQUESTS: '0' });
  const loginPage = async (options: BrowserContextOptions): Promise<Page> => {
    const context = await newContext(running.browser, { locale: 'zh-CN', ...options });
    const page = await context.newPage();
    await page.goto(`${running.server.url}/staff/login`);
    return page;
  };
  const row = (page: Page, username: string) => page.locator(`[data-testid="user-row"][data-username="${username}"]`);

  for (const [size, options] of [['desk', DESK], ['phone', PHONE]] as const) {
    test(`${size}: an administrator creates an account; its person must set a password first, then works`, { timeout: 120_000 }, async () => {
      const admin = await signIn(running.browser, running.server.url, 'admin', options);
      await openMenu(admin, '用户管理');
      await admin.getByTestId('users-table').waitFor();
      await admin.getByTestId('user-create').click();
      const username = `clerk-${size}`;
      await admin.getByTestId('user-form-username').fill(username);
      await admin.getByTestId('user-form-display-name').fill(`新话务员${size}`);
      await chooseOption(admin, 'user-form-role', '话务员');
      await chooseTreeNode(admin, 'user-form-unit', '兰山区12345政务服务便民热线中心');
      await screenshot(admin, `admin-create-${size}`);
      await admin.getByTestId('user-form-submit').click();

      // The one-time password is shown once, with the warning, and closed only on purpose.
      await admin.getByTestId('one-time-password').waitFor();
      assert.equal(await admin.getByTestId('one-time-username').innerText(), username);
      const temporary = await admin.getByTestId('one-time-password').innerText();
      assert.ok(temporary.length >= 10, 'a one-time password');
      await admin.getByText('此密码只显示这一次，关闭后无法再次查看。').waitFor();
      await screenshot(admin, `admin-one-time-${size}`);
      await admin.keyboard.press('Escape');
      assert.ok(await admin.getByTestId('one-time-password').isVisible(), 'Escape does not close it');
      await admin.getByTestId('one-time-close').click();
      await admin.getByTestId('one-time-password').waitFor({ state: 'detached' });
      assert.equal(await admin.getByTestId('users-search').locator('input').inputValue(), username, 'the new account is shown');
      assert.equal(await row(admin, username).getByTestId('user-status').getAttribute('data-status'), 'mustChange');
      assert.ok((await row(admin, username).innerText()).includes('待改初始密码'));
      await screenshot(admin, `admin-users-${size}`);

      // The person signs in with it and lands where only a new password can be set.
      const person = await loginPage(options);
      await submitLogin(person, username, temporary);
      await person.getByTestId('password-forced').waitFor();
      await person.goto(`${running.server.url}/staff`);
      await person.getByTestId('password-forced').waitFor();
      assert.match(person.url(), /\/staff\/password$/, 'the workbench sends the person back');

      // Weak passwords are refused in the server's words, the rule marked.
      await person.getByTestId('password-current').fill(temporary);
      await person.getByTestId('password-new').fill('Password2026!');
      await person.getByTestId('password-confirm').fill('Password2026!');
      await person.getByTestId('password-submit').click();
      await person.getByText('新密码不符合要求：不是常见密码').waitFor();
      assert.equal(await person.getByTestId('password-rule-common').getAttribute('data-state'), 'broken');
      await person.getByTestId('password-new').fill('short1!');
      await person.getByText('新密码不符合要求：至少 10 位').waitFor();
      await person.getByTestId('password-new').fill(`x${username}X9!`);
      await person.getByText('新密码不符合要求：不含用户名').waitFor();
      await screenshot(person, `password-forced-${size}`);

      // A wrong current password is the server's refusal.
      const mine = 'Lanshan-Hotline-7q';
      await person.getByTestId('password-current').fill('not-the-one-1A!');
      await person.getByTestId('password-new').fill(mine);
      await person.getByTestId('password-confirm').fill(mine);
      await person.getByTestId('password-submit').click();
      await person.getByText('当前密码不正确').waitFor();

      await person.getByTestId('password-current').fill(temporary);
      await person.getByTestId('password-submit').click();
      await person.getByTestId('staff-user').waitFor();
      assert.equal(await person.getByTestId('staff-user').innerText(), `新话务员${size}`);
      await person.getByTestId('requests-table').waitFor();
      await screenshot(person, `workbench-${size}`);

      await admin.getByTestId('users-refresh').click();
      await row(admin, username).locator('[data-testid="user-status"][data-status="active"]').waitFor();

      // Signed out everywhere from one device, the other finds itself at the sign-in page.
      const other = await loginPage(options);
      await submitLogin(other, username, mine);
      await other.getByTestId('requests-table').waitFor();
      await person.getByTestId('staff-user-menu').click();
      await person.getByTestId('staff-menu-logout-all').click();
      await person.getByTestId('confirm-ok').click();
      assert.equal(await person.getByTestId('login-notice').innerText(), '已退出全部设备上的登录');
      await openMenu(other, '全部诉求');
      assert.equal(await other.getByTestId('login-notice').innerText(), '登录已超时或已在其他地方退出，请重新登录');
      await screenshot(other, `login-expired-${size}`);
      await submitLogin(other, username, mine);
      await other.getByTestId('requests-table').waitFor();
      for (const page of [admin, person, other]) await page.context().close();
    });
  }

  test('an account locked by wrong passwords, unlocked by the administrator, and the security log', { timeout: 120_000 }, async () => {
    const username = 'dept-market';
    const person = await loginPage(PHONE);
    const attempt = async (password: string) => {
      const answer = person.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await submitLogin(person, username, password);
      const body = (await (await answer).json()) as { error?: { code: string; details?: { attemptsLeft?: number; lockedUntil?: string } } };
      await person.getByTestId('login-error').waitFor();
      return body.error!;
    };

    // Wrong passwords: each says how many tries are left; after three the next must wait, and the button counts down.
    let waited = false;
    for (let left = 5; left >= 1; ) {
      const error = await attempt('Wrong-password-1');
      if (error.code === 'LOGIN_TOO_FAST') {
        waited = true;
        await person.getByTestId('login-wait').waitFor();
        assert.ok(await person.getByTestId('login-submit').isDisabled(), 'the button waits');
        assert.match(await person.getByTestId('login-wait').innerText(), /^请 \d+ 秒后再试$/);
        assert.match(await person.getByTestId('login-submit').innerText(), /请稍候（\d+ 秒）/);
        await screenshot(person, 'login-too-fast-phone');
        continue;
      }
      assert.equal(error.code, 'LOGIN_FAILED');
      assert.equal(error.details?.attemptsLeft, left);
      // The answer is in; wait for the page to show it.
      await person.getByTestId('login-error-detail').filter({ hasText: `再输错 ${left} 次，该账户将被暂时锁定` }).waitFor();
      left -= 1;
    }
    assert.ok(waited, 'the third failure made the next try wait');
    // The sixth failure starts the lock and says so at once, with its end.
    let sixth = await attempt('Wrong-password-1');
    while (sixth.code === 'LOGIN_TOO_FAST') {
      await person.locator('[data-testid="login-submit"]:not([disabled])').waitFor({ timeout: 30_000 });
      sixth = await attempt('Wrong-password-1');
    }
    assert.equal(sixth.code, 'ACCOUNT_LOCKED');

    // Locked: even the right password is refused, with the lock's end in Beijing time.
    const locked = await attempt(PASSWORD);
    assert.equal(locked.code, 'ACCOUNT_LOCKED');
    const until = beijingClock(locked.details!.lockedUntil!);
    await person.getByTestId('login-error').filter({ hasText: until }).waitFor();
    const shown = await person.getByTestId('login-error').innerText();
    assert.ok(shown.includes(`锁定至 ${until}（北京时间）`), shown);
    assert.ok(shown.includes('请系统管理员解锁'), shown);
    await screenshot(person, 'login-locked-phone');

    // The administrator finds it locked and unlocks it.
    const admin = await signIn(running.browser, running.server.url, 'admin');
    await openMenu(admin, '用户管理');
    await chooseOption(admin, 'users-status-filter', '已锁定');
    const lockedRow = row(admin, username);
    assert.equal(await lockedRow.getByTestId('user-locked').innerText(), `已锁定至 ${until}`);
    assert.equal(await admin.getByTestId('user-row').count(), 1, 'only the locked account is listed');
    assert.equal(await row(admin, 'admin').count(), 0);
    await screenshot(admin, 'admin-users-locked-desk');
    await lockedRow.getByTestId('user-unlock').click();
    await admin.getByText(`已解除`).first().waitFor();
    await admin.getByTestId('users-status-filter').locator('.ant-select-clear').click({ force: true });
    await admin.getByTestId('users-search').locator('input').fill(username);
    await row(admin, username).locator('[data-testid="user-status"][data-status="active"]').waitFor();
    assert.equal(await row(admin, username).getByTestId('user-unlock').count(), 0, 'no unlock for an unlocked account');
    // No stopping or resetting oneself.
    await admin.getByTestId('users-search').locator('input').fill('admin');
    assert.equal(await row(admin, 'admin').getByTestId('user-disable').count(), 0);
    assert.equal(await row(admin, 'admin').getByTestId('user-reset').count(), 0);

    await submitLogin(person, username, PASSWORD);
    await person.getByTestId('staff-user').waitFor();

    // The security log holds the failures, the lock, the refusal, the unlock and the sign-in, readably.
    await openMenu(admin, '安全日志');
    await admin.getByTestId('security-username').fill(username);
    await admin.getByTestId('security-search').click();
    // The first page, of everyone, gives way to this account's entries.
    await admin.locator(`[data-testid="security-row"]:not([data-username="${username}"])`).first().waitFor({ state: 'detached' });
    await admin.locator(`[data-testid="security-row"][data-kind="account_unlocked"]`).waitFor();
    const kinds = await admin.locator('[data-testid="security-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    assert.equal(kinds.filter((k) => k === 'login_failed').length, 6, kinds.join());
    for (const kind of ['account_locked', 'login_refused', 'account_unlocked', 'login_succeeded']) assert.ok(kinds.includes(kind), kind);
    assert.deepEqual(kinds.slice(0, 2), ['login_succeeded', 'account_unlocked'], 'newest first');
    const lockRow = admin.locator('[data-testid="security-row"][data-kind="account_locked"]');
    assert.equal(await lockRow.getByTestId('security-kind-label').innerText(), '账户锁定');
    const lockDetails = await lockRow.getByTestId('security-details').innerText();
    assert.ok(lockDetails.includes('失败次数：6 次') && lockDetails.includes(`锁定至：`) && lockDetails.includes(until), lockDetails);
    const failure = await admin.locator('[data-testid="security-row"][data-kind="login_failed"]').first().getByTestId('security-details').innerText();
    assert.ok(failure.includes('原因：密码错误'), failure);
    const unlock = await admin.locator('[data-testid="security-row"][data-kind="account_unlocked"]').innerText();
    assert.ok(unlock.includes('系统管理员（admin）'), 'the administrator who unlocked is named');
    await screenshot(admin, 'security-log-desk');

    // The kind filter narrows to one kind.
    await chooseOption(admin, 'security-kind', '账户锁定');
    await admin.getByTestId('security-search').click();
    await admin.locator('[data-testid="security-row"]:not([data-kind="account_locked"])').first().waitFor({ state: 'detached' });
    assert.equal(await admin.locator('[data-testid="security-row"]').count(), 1);

    // On a phone the log still reads.
    const phoneAdmin = await signIn(running.browser, running.server.url, 'admin', PHONE);
    await openMenu(phoneAdmin, '安全日志');
    await phoneAdmin.locator('[data-testid="security-row"]').first().waitFor();
    await screenshot(phoneAdmin, 'security-log-phone');
  });

  test('the administration is neither offered nor opened to others', { timeout: 60_000 }, async () => {
    const dispatcher = await signIn(running.browser, running.server.url, 'dispatcher');
    assert.equal(await dispatcher.getByRole('menuitem', { name: '用户管理' }).count(), 0);
    assert.equal(await dispatcher.getByText('系统管理').count(), 0);
    await dispatcher.goto(`${running.server.url}/staff/admin/users`);
    assert.equal(await dispatcher.getByTestId('admin-forbidden').innerText(), '系统管理仅限系统管理员使用');
    const refused = await dispatcher.evaluate(async () => (await fetch('/api/admin/users')).status);
    assert.equal(refused, 403, 'the server refuses as well');
  });
  test('no page of the accounts and the log broke the content security policy', () => {
    assert.deepEqual(cspViolations(), []);
  });
});
