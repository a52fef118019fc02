import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { repoPath } from '../../server/src/platform/repo-path.js';
import {
  CHROMIUM,
  DESK,
  PHONE,
  chooseOption,
  chooseTreeNode,
  chromiumAvailable as available,
  cspViolations,
  newContext,
  openMenu,
  screenshot,
  searchAndChoose,
  serverAndBrowser,
  signIn,
  staffApi,
  submitLogin,
} from './browser-helpers.js';

if (!available) console.log(`# browser administration SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set FAZHI_CHROMIUM)`);

// The county administrator runs the platform in the pages, at a desk and on a phone: accounts'
// module roles and locks, the unit tree, categories, automatic dispatch, a duty list, the SMS
// gateway, retraining; every change is read back through the API and found in the security log.

interface Unit {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  regionCode: string | null;
  mergedIntoId: number | null;
}

const SIZES: Array<[string, BrowserContextOptions]> = [
  ['desk', DESK],
  ['phone', PHONE],
];

/** Per size, places and names that do not meet: each walk changes its own part of the county. */
const PLAN = {
  desk: { from: '兰山街道', to: '银雀山街道', intoCommunity: '新华社区居民委员会', name: '幸福里社区', renamed: '幸福里新社区', code: '371302001901', movedCode: '371302002901', person: 'dept-market', category: '011003', categoryName: '物业服务', parent: '0110', childName: '电动车充电', ruleCategory: '011003 物业服务', threshold: 90, sign: '兰山政务热线', token: 'tok-desk-8f2a' },
  phone: { from: '金雀山街道', to: '柳青街道', intoCommunity: '柳青苑社区居民委员会', name: '和美社区', renamed: '和美新村社区', code: '371302003902', movedCode: '371302004902', person: 'dept-health', category: '040201', categoryName: '生态破坏', parent: '0402', childName: '秸秆焚烧', ruleCategory: '040201 生态破坏', threshold: 85, sign: '兰山区热线', token: 'tok-phone-1c9d' },
} as const;

/** Picks a node of a TreeSelect inside `scope` (one of several alike on the page) by typing part of its title. */
async function chooseTreeIn(page: Page, field: ReturnType<Page['locator']>, text: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await field.click();
    await field.locator('input').fill(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: text }).first().click();
    try {
      await field.filter({ hasText: text }).waitFor({ timeout: 5000 });
      return;
    } catch {
      // a lost click while the list animated in
    }
  }
  throw new Error(`could not choose “${text}”`);
}

async function success(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
}

describe('the county administration in a real browser', { skip: available ? false : `Chromium not found at ${CHROMIUM}` }, () => {
  // Enough answered requests for a retraining to hold some out.
  const running = serverAndBrowser({ FAZHI_DEMO_REQUESTS: '160' }, 300_000);
  let gateway: { server: Server; url: string; received: Array<{ authorization?: string; body: { phone: string; text: string; signName?: string } }> };
  const api = () => staffApi(running.server.url, 'admin');
  const units = async (): Promise<Unit[]> => (await (await api())<{ units: Unit[] }>('GET', '/api/admin/units')).units;
  const unitNamed = async (name: string) => (await units()).find((u) => u.name === name)!;

  before(async () => {
    const received: typeof gateway.received = [];
    const server = createServer((request, response) => {
      let data = '';
      request.on('data', (chunk) => (data += chunk));
      request.on('end', () => {
        received.push({ authorization: request.headers.authorization, body: JSON.parse(data) });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    gateway = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, received };
  });
  after(() => gateway?.server.close());

  for (const [size, options] of SIZES) {
    const plan = PLAN[size as keyof typeof PLAN];

    test(`${size}: 用户管理 — module roles per unit and a timed lock`, { timeout: 180_000 }, async () => {
      const admin = await signIn(running.browser, running.server.url, 'admin', options);
      await openMenu(admin, '用户管理');
      await admin.getByTestId('users-search').locator('input').fill(plan.person);
      const row = admin.locator(`[data-testid="user-row"][data-username="${plan.person}"]`);
      const person = (await (await api())<{ users: Array<{ id: number; username: string }> }>('GET', '/api/admin/users')).users.find((u) => u.username === plan.person)!;
      const grantsOf = async () => (await (await api())<{ grants: Array<{ role: string; unitId: number }> }>('GET', `/api/admin/users/${person.id}/grants`)).grants;
      const held = await grantsOf();
      await row.getByTestId('user-grants').click();
      // The demo's roles for the person's own unit are listed; a new one goes below them.
      await admin.locator('[data-testid="grant-row"]').nth(held.length - 1).waitFor();
      assert.equal(await admin.locator('[data-testid="grant-row"]').count(), held.length);
      await admin.getByTestId('grant-add').click();
      const added = admin.locator('[data-testid="grant-row"]').last();
      await chooseOption(admin, added.getByTestId('grant-role'), '被申请人经办人');
      const unitName = size === 'desk' ? '兰山区教育和体育局' : '兰山区人力资源和社会保障局';
      await chooseTreeIn(admin, added.getByTestId('grant-unit'), unitName);
      await screenshot(admin, `admin-grants-${size}`);
      await admin.getByTestId('grants-save').click();
      await success(admin, '的模块角色');
      const grants = await grantsOf();
      assert.equal(grants.length, held.length + 1);
      const unitId = (await unitNamed(unitName)).id;
      assert.ok(grants.some((g) => g.role === 'xzfy.respondent' && g.unitId === unitId), JSON.stringify(grants));

      await row.getByTestId('user-lock').click();
      await admin.getByTestId('lock-duration').getByText('7 天').click();
      await screenshot(admin, `admin-lock-${size}`);
      await admin.getByTestId('lock-ok').click();
      await row.locator('[data-testid="user-locked"][data-by-administrator="yes"]').waitFor();
      // The person cannot sign in, and is told why.
      const context = await newContext(running.browser, { locale: 'zh-CN', ...options });
      const login = await context.newPage();
      await login.goto(`${running.server.url}/staff/login`);
      await submitLogin(login, plan.person, 'Fazhi@2026');
      await login.getByTestId('login-error').filter({ hasText: '已被系统管理员锁定至' }).waitFor();
      await row.getByTestId('user-unlock').click();
      await row.getByTestId('user-lock').waitFor();
      await submitLogin(login, plan.person, 'Fazhi@2026');
      await login.getByTestId('staff-user').waitFor();
      await context.close();
      await admin.context().close();
    });

    test(`${size}: 单位管理 — a new 社区, renamed, moved to another township, merged`, { timeout: 240_000 }, async () => {
      const admin = await signIn(running.browser, running.server.url, 'admin', options);
      const from = await unitNamed(plan.from);
      await openMenu(admin, '单位管理');
      await admin.getByTestId('units-tree').waitFor();
      const pick = async (name: string, id: number) => {
        await admin.getByTestId('units-search').locator('input').fill(name);
        // The tree is read again after a change: a click on a node being redrawn is lost, so click until it takes.
        for (let attempt = 0; ; attempt++) {
          await admin.locator(`[data-testid="unit-node"][data-unit-id="${id}"]`).click();
          try {
            await admin.locator(`[data-testid="unit-detail"][data-unit-id="${id}"]`).waitFor({ timeout: 3000 });
            return;
          } catch (error) {
            if (attempt === 3) throw error;
          }
        }
      };

      await pick(plan.from, from.id);
      await admin.getByTestId('unit-action-add').click();
      await admin.getByTestId('unit-add-name').fill(plan.name);
      await admin.getByTestId('unit-add-region').fill(plan.code);
      await screenshot(admin, `admin-unit-add-${size}`);
      await admin.getByTestId('unit-form-submit').click();
      await success(admin, `已添加 ${plan.name}`);
      const created = await unitNamed(plan.name);
      assert.equal(created.parentId, from.id);
      assert.equal(created.regionCode, plan.code);
      const meta = (await (await fetch(`${running.server.url}/api/public/meta`)).json()) as { townships: Array<{ name: string; villages: Array<{ name: string }> }> };
      assert.ok(meta.townships.find((t) => t.name === plan.from)!.villages.some((v) => v.name === plan.name), 'intake offers the new community');

      await pick(plan.name, created.id);
      await admin.getByTestId('unit-action-rename').click();
      await admin.getByTestId('unit-rename-name').fill(plan.renamed);
      await admin.getByTestId('unit-form-submit').click();
      await success(admin, '已改名');
      await pick(plan.renamed, created.id);
      assert.equal(await admin.getByTestId('unit-detail-name').innerText(), plan.renamed);

      // A move to a township whose region the old code does not fit asks for the new code.
      await admin.getByTestId('unit-action-move').click();
      await chooseTreeNode(admin, 'unit-move-parent', plan.to);
      await admin.getByTestId('unit-move-region').fill(plan.movedCode);
      await screenshot(admin, `admin-unit-move-${size}`);
      await admin.getByTestId('unit-form-submit').click();
      await success(admin, '已调整上级单位');
      const moved = (await units()).find((u) => u.id === created.id)!;
      assert.equal(moved.parentId, (await unitNamed(plan.to)).id);
      assert.equal(moved.regionCode, plan.movedCode);

      await pick(plan.renamed, created.id);
      await admin.getByTestId('unit-action-merge').click();
      await searchAndChoose(admin, 'unit-merge-into', plan.intoCommunity);
      await screenshot(admin, `admin-unit-merge-${size}`);
      await admin.getByTestId('unit-form-submit').click();
      await admin.getByTestId('confirm-ok').click();
      await success(admin, '已合并');
      const merged = (await units()).find((u) => u.id === created.id)!;
      const into = (await units()).find((u) => u.name === plan.intoCommunity && u.mergedIntoId === null)!;
      assert.equal(merged.mergedIntoId, into.id);
      await pick(plan.renamed, created.id);
      await admin.locator(`[data-testid="unit-node"][data-unit-id="${created.id}"][data-merged="yes"]`).waitFor();
      assert.equal(await admin.getByTestId('unit-action-merge').count(), 0, 'a merged unit is history');
      await screenshot(admin, `admin-units-${size}`);

      // The merge is in the security log, in the page's words.
      await openMenu(admin, '安全日志');
      // The kinds are many: typed to find.
      await searchAndChoose(admin, 'security-kind', '合并单位');
      await admin.getByTestId('security-search').click();
      const entry = admin.locator('[data-testid="security-row"][data-kind="unit_merged"]').first();
      await entry.waitFor();
      assert.ok((await entry.getByTestId('security-details').innerText()).includes('合并到'));
      await screenshot(admin, `admin-security-merge-${size}`);
      await admin.context().close();
    });

    test(`${size}: 诉求类别 — the owner to 属地, another clock, a new category`, { timeout: 180_000 }, async () => {
      const admin = await signIn(running.browser, running.server.url, 'admin', options);
      await openMenu(admin, '诉求类别');
      await admin.getByTestId('categories-search').locator('input').fill(plan.categoryName);
      const row = admin.locator(`[data-testid="category-row"][data-code="${plan.category}"]`);
      await row.getByTestId('category-edit').click();
      await chooseOption(admin, 'category-form-owner', '属地（所在乡镇街道）');
      await chooseOption(admin, 'category-form-clock', size === 'desk' ? '24小时' : '15日');
      await screenshot(admin, `admin-category-edit-${size}`);
      await admin.getByTestId('category-form-submit').click();
      await success(admin, `已保存「${plan.categoryName}」`);
      const list = (await (await api())<{ categories: Array<{ code: string; name: string; defaultUnitId: number | null; clockRule: string | null; parentCode: string | null }> }>('GET', '/api/admin/categories')).categories;
      const edited = list.find((c) => c.code === plan.category)!;
      assert.equal(edited.defaultUnitId, null);
      assert.equal(edited.clockRule, size === 'desk' ? 'rx12345.utility' : 'rx12345.complex');

      await admin.locator(`[data-testid="category-row"][data-code="${plan.parent}"]`).getByTestId('category-add').click();
      await admin.getByTestId('category-form-name').fill(plan.childName);
      await admin.getByTestId('category-form-submit').click();
      await success(admin, plan.childName);
      const added = (await (await api())<{ categories: Array<{ code: string; name: string; parentCode: string | null }> }>('GET', '/api/admin/categories')).categories.find((c) => c.name === plan.childName)!;
      assert.equal(added.parentCode, plan.parent);
      await admin.getByTestId('categories-search').locator('input').fill(plan.childName);
      await admin.locator(`[data-testid="category-row"][data-code="${added.code}"]`).waitFor();
      await screenshot(admin, `admin-categories-${size}`);
      await admin.context().close();
    });

    test(`${size}: 自动派单 — a threshold and automatic merging`, { timeout: 120_000 }, async () => {
      const admin = await signIn(running.browser, running.server.url, 'admin', options);
      await openMenu(admin, '自动派单');
      // Adding waits for the rules in force to be read.
      await admin.locator('[data-testid="auto-rule-add"]:not([disabled])').click();
      const rule = admin.getByTestId('auto-rule').last();
      // The rules saved at the other size are on the page too: the last row is the new one.
      await chooseTreeIn(admin, rule.getByTestId('auto-rule-category'), plan.ruleCategory);
      await rule.getByRole('spinbutton').fill(String(plan.threshold));
      if (size === 'desk') await admin.getByTestId('auto-merge-switch').click();
      await screenshot(admin, `admin-auto-dispatch-${size}`);
      await admin.getByTestId('auto-dispatch-save').click();
      await success(admin, '自动派单设置已保存');
      const settings = await (await api())<{ rules: Array<{ categoryCode: string; threshold: number }>; autoMerge: boolean }>('GET', '/api/routing/auto-dispatch');
      assert.ok(settings.rules.some((r) => r.categoryCode === plan.category && Math.round(r.threshold * 100) === plan.threshold), JSON.stringify(settings));
      assert.equal(settings.autoMerge, true);
      await admin.context().close();
    });

    test(`${size}: 清单导入 — a preview of every change, then exactly that file`, { timeout: 120_000 }, async () => {
      const admin = await signIn(running.browser, running.server.url, 'admin', options);
      const list = size === 'desk' ? 'township' : 'power';
      const example = readFileSync(repoPath('docs', 'examples', `${list}-items.csv`), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
      const [header, first, second, ...rest] = example;
      const added = list === 'township' ? 'SD-0900,辖区内电动自行车楼道充电的巡查和劝导,主责,,《山东省消防条例》,电动车、充电,' : `QZ-ZF-0900,${second!.split(',').slice(1).join(',')}`;
      const file = [header, second!.replace(/^([^,]+),([^,]+),/, '$1,$2（修订）,'), ...rest, added].join('\n');
      await openMenu(admin, '清单导入');
      if (list === 'power') await admin.getByTestId('duty-list').getByText('权责清单').click();
      await admin.locator('input[type=file]').setInputFiles({ name: `${list}-2027.csv`, mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
      await admin.getByTestId('duty-file-name').waitFor();
      await admin.getByTestId('duty-preview').click();
      const summary = await admin.getByTestId('duty-summary').innerText();
      assert.ok(summary.includes('新增 1 项，删除 1 项，修改 1 项'), summary);
      await admin.getByRole('tab', { name: /修改/ }).click();
      assert.ok((await admin.locator('[data-testid="duty-changed"]').first().innerText()).includes('（修订）'));
      await screenshot(admin, `admin-duties-preview-${size}`);
      await admin.getByTestId('duty-confirm').click();
      await admin.getByTestId('confirm-ok').click();
      await success(admin, '已导入');
      const items = (await (await api())<{ items: Array<{ code: string; name: string }> }>('GET', `/api/duties?list=${list}`)).items;
      assert.ok(!items.some((i) => i.code === first!.split(',')[0]), 'the dropped item is gone');
      assert.ok(items.some((i) => i.code === added.split(',')[0]));

      // A bad row: every problem by its line, and nothing imported.
      await admin.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from([header, `${first}`.replace(/^[^,]+/, 'BAD-1').replace(/,[^,]*$/, ',999999')].join('\n'), 'utf8') });
      await admin.getByTestId('duty-preview').click();
      assert.ok((await admin.getByTestId('duty-problems').innerText()).includes('第2行：诉求类别 999999 不存在'));
      await screenshot(admin, `admin-duties-refused-${size}`);
      await admin.context().close();
    });

    test(`${size}: 短信网关 — saved with a token never shown again, and a test message`, { timeout: 120_000 }, async () => {
      const admin = await signIn(running.browser, running.server.url, 'admin', options);
      await openMenu(admin, '短信网关');
      await admin.getByTestId('sms-form').waitFor();
      if (size === 'desk') {
        await admin.getByTestId('sms-enabled').click();
        await admin.getByTestId('sms-endpoint').fill(gateway.url);
        await admin.getByTestId('sms-template-receipt').fill('SMS_2001');
        await admin.getByTestId('sms-token').fill(plan.token);
      } else {
        await admin.getByTestId('sms-clear-token').click();
      }
      await admin.getByTestId('sms-sign').fill(plan.sign);
      await admin.getByTestId('sms-save').click();
      await success(admin, '短信网关设置已保存');
      await admin.reload();
      await admin.getByTestId('sms-form').waitFor();
      assert.ok(!(await admin.content()).includes(plan.token), 'the token never comes back to the page');
      await admin.getByTestId('sms-test-phone').fill('13812345678');
      await admin.getByTestId('sms-test-send').click();
      assert.ok((await admin.getByTestId('sms-test-result').innerText()).includes('网关已接收'));
      const message = gateway.received.at(-1)!;
      assert.equal(message.body.phone, '13812345678');
      assert.equal(message.body.signName, plan.sign);
      assert.equal(message.authorization, size === 'desk' ? `Bearer ${plan.token}` : undefined);
      await screenshot(admin, `admin-sms-${size}`);
      await admin.context().close();
    });

    test(`${size}: 模型训练 — the comparison first, then switched on or discarded, and restored`, { timeout: 300_000 }, async () => {
      const admin = await signIn(running.browser, running.server.url, 'admin', options);
      await openMenu(admin, '模型训练');
      await admin.getByTestId('models-table').waitFor();
      await admin.getByTestId('models-train').click();
      await admin.getByTestId('candidate-card').waitFor({ timeout: 240_000 });
      const figures = admin.locator('[data-testid="figure-row"]');
      assert.ok((await figures.count()) >= 3);
      assert.match(await figures.first().innerText(), /\d+\.\d%[\s\S]*\d+\.\d%/, 'the model in use and the candidate, side by side');
      await screenshot(admin, `admin-models-candidate-${size}`);
      if (size === 'desk') {
        await admin.getByTestId('candidate-activate').click();
        await admin.getByTestId('confirm-ok').click();
        await success(admin, '已启用新模型');
        await admin.locator('[data-testid="model-row"][data-status="previous"]').first().waitFor();
        await admin.getByTestId('models-restore').click();
        await admin.getByTestId('confirm-ok').click();
        await success(admin, '已恢复上一版模型');
      } else {
        await admin.getByTestId('candidate-discard').click();
        await success(admin, '已放弃新模型');
        await admin.getByTestId('candidate-card').waitFor({ state: 'detached' });
      }
      const overview = await (await api())<{ models: Array<{ status: string }>; candidate: unknown }>('GET', '/api/admin/routing/models');
      assert.equal(overview.candidate, null);
      assert.equal(overview.models.filter((m) => m.status === 'active').length, 2);
      await screenshot(admin, `admin-models-${size}`);
      await admin.context().close();
    });
  }

  test('a township’s administrator keeps its own units and is offered nothing county-wide', { timeout: 120_000 }, async () => {
    const admin = await api();
    const township = await unitNamed('柳青街道');
    const created = await admin<{ id: number; temporaryPassword: string }>('POST', '/api/admin/users', { username: 'liuqing-admin', displayName: '柳青街道管理员', role: 'admin', unitId: township.id });
    const context = await newContext(running.browser, { locale: 'zh-CN', ...PHONE });
    const page = await context.newPage();
    await page.goto(`${running.server.url}/staff/login`);
    await submitLogin(page, 'liuqing-admin', created.temporaryPassword);
    await page.getByTestId('password-forced').waitFor();
    // Not containing the user name, as the password policy wants.
    const mine = 'Willow-Green-2026!';
    await page.getByTestId('password-current').fill(created.temporaryPassword);
    await page.getByTestId('password-new').fill(mine);
    await page.getByTestId('password-confirm').fill(mine);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('staff-user').waitFor();
    await page.getByTestId('staff-menu-toggle').click();
    assert.equal(await page.getByRole('menuitem', { name: '单位管理' }).count(), 1);
    for (const county of ['诉求类别', '自动派单', '清单导入', '短信网关', '模型训练']) assert.equal(await page.getByRole('menuitem', { name: county }).count(), 0, county);
    await page.getByRole('menuitem', { name: '单位管理' }).click();
    await page.locator(`[data-testid="unit-node"][data-unit-id="${township.id}"]`).waitFor();
    assert.equal(await page.locator(`[data-testid="unit-node"][data-unit-id="${(await unitNamed('兰山区住房和城乡建设局')).id}"]`).count(), 0, 'no department of the county');
    await page.goto(`${running.server.url}/staff/admin/categories`);
    assert.ok((await page.getByTestId('admin-forbidden').innerText()).includes('全县（区）'));
    await screenshot(page, 'admin-township-phone');
    await context.close();
  });

  test('no administration page broke the content security policy', () => {
    assert.deepEqual(cspViolations(), []);
  });
});
