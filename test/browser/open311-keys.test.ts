import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHROMIUM, chromiumAvailable as available, cspViolations, openMenu, screenshot, serverAndBrowser, signIn } from './browser-helpers.js';

if (!available) console.log(`# browser Open311 keys SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

// An administrator gives a district's app its key, the app submits with it, and the key is revoked.
describe('Open311 keys in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  const running = serverAndBrowser({ FAZHI_DEMO_REQUESTS: '0' });

  test('issue a key shown once, see it used, revoke it', { timeout: 120_000 }, async () => {
    const admin = await signIn(running.browser, running.server.url, 'admin');
    await openMenu(admin, 'Open311接口');
    await admin.getByTestId('open311-keys-page').waitFor();
    await admin.getByTestId('open311-issue').click();
    await admin.getByTestId('open311-client-name').fill('兰山区城管APP');
    await admin.getByTestId('open311-issue-ok').click();
    const key = (await admin.getByTestId('open311-key').innerText()).trim();
    assert.match(key, /^o311_[0-9A-Z]{32}$/);
    await screenshot(admin, 'open311-key-shown');
    await admin.keyboard.press('Escape');
    assert.ok(await admin.getByTestId('open311-key').isVisible(), 'Escape does not close it');
    await admin.getByTestId('open311-key-close').click();
    const table = admin.getByTestId('open311-keys');
    await table.getByText('兰山区城管APP').waitFor();
    assert.ok(!(await table.innerText()).includes(key.slice(9)), 'the list never shows the key');

    const submit = () =>
      fetch(`${running.server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ api_key: key, service_code: '010201', address_string: '柳青街道', description: '路灯不亮' }),
      });
    assert.equal((await submit()).status, 200);
    await admin.getByTestId('open311-refresh').click();
    await table.getByText('未使用').waitFor({ state: 'detached' });

    await table.getByRole('button', { name: '吊销' }).click();
    await admin.getByTestId('confirm-ok').click();
    await table.getByText(/已吊销/).waitFor();
    await screenshot(admin, 'open311-key-revoked');
    assert.equal((await submit()).status, 403);
    assert.deepEqual(cspViolations(), []);
  });
});
