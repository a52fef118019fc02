import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../../server/test/server-process.js';
import { optionsFromEnv, startServer, type RunningServer } from '../../server/src/server.js';
import type { TimeSource } from '../../server/src/platform/time.js';

/** Shared by the browser tests: they run only where a Chromium is installed. */
export const CHROMIUM = process.env.FAZHI_CHROMIUM ?? '/usr/bin/chromium';
export const PASSWORD = 'Fazhi@2026';
export const chromiumAvailable = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * For a describe block: an app server on a fresh embedded database (with `env`) and a Chromium,
 * started before its tests and stopped after. Read them from the returned object inside tests.
 */
export function serverAndBrowser(env: Record<string, string> = {}, startTimeoutMs?: number): { server: ServerProcess; browser: Browser } {
  const running = {} as { server: ServerProcess; browser: Browser };
  let dataDir = '';
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-browser-'));
    running.server = await startServerProcess({ FAZHI_DATA_DIR: dataDir, ...env }, { timeoutMs: startTimeoutMs });
    running.browser = await launchChromium();
  });
  after(async () => {
    await running.browser?.close();
    if (running.server) await stopServerProcess(running.server);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return running;
}

/**
 * For a describe block whose walk moves the server's clock between steps: the demo county (no
 * 12345 requests) served in this process on `time`, nothing swept behind the test's back, and a
 * Chromium. Read them from the returned object inside hooks and tests.
 */
export function demoServerOnClock(time: TimeSource): { server: RunningServer; browser: Browser } {
  const running = {} as { server: RunningServer; browser: Browser };
  let dataDir = '';
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-browser-'));
    running.server = await startServer({
      ...optionsFromEnv({ FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_REQUESTS: '0' }),
      port: 0,
      host: '127.0.0.1',
      time,
      log: () => undefined,
      sweepSeconds: 3600,
    });
    running.browser = await launchChromium();
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return running;
}

/** The two sizes every page must fit. */
export const DESK: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** With FAZHI_SCREENSHOTS=<dir>, keeps a full-page picture of what the test saw, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.FAZHI_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Opens a staff menu entry; on a phone the menu is folded away behind its handle first. */
export async function openMenu(page: Page, label: string): Promise<void> {
  const item = page.getByRole('menuitem', { name: label });
  if (!(await item.isVisible())) await page.getByTestId('staff-menu-toggle').click();
  await item.click();
}

/** Fills the sign-in form (the page must be on it) and submits it. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.locator('[data-testid="login-submit"]:not([disabled])').click();
}

const violations: string[] = [];

/**
 * A browser context whose pages report every Content-Security-Policy violation (a blocked script,
 * style, image or request) to cspViolations(): the pages must work under the policy the server sends.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  // Init scripts are injected by the browser itself, so the policy does not stop this one.
  await context.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error(`[csp] ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));",
  });
  context.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[csp]') || text.includes('Content Security Policy')) violations.push(`${message.page()?.url() ?? '?'} ${text}`);
  });
  return context;
}

/** Every violation reported so far by the contexts of newContext and signIn. */
export const cspViolations = (): string[] => [...violations];

/** A phone-sized window, as a citizen or a passer-by holds it. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return newContext(browser, { ...PHONE, locale: 'zh-CN' });
}

/** A desk-sized window signed in as one of the demo accounts. */
export async function signIn(browser: Browser, url: string, username: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await newContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true, ...options });
  const page = await context.newPage();
  await page.goto(`${url}/staff/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('staff-user').waitFor();
  return page;
}

// On a loaded machine a click can land while the list still animates in and be lost:
// check that the choice took, and try again if not.
export async function chooseOption(page: Page, testId: string | Locator, text: string): Promise<void> {
  const select = typeof testId === 'string' ? page.getByTestId(testId) : testId;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await select.evaluate((e) => e.classList.contains('ant-select-open')))) await select.click();
    try {
      // On a loaded machine the list can stay in motion past any sensible wait: open it again.
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click({ timeout: 10_000 });
      await select.filter({ hasText: text }).waitFor({ timeout: 5000 });
      return;
    } catch {
      // not chosen yet: open the list again
    }
  }
  throw new Error(`could not choose “${text}” in ${testId}`);
}

/** Picks a day in a DatePicker (its test id is on the input or around it): typed to bring its month up, then clicked in the panel. */
export async function fillDate(page: Page, testId: string, day: string): Promise<void> {
  const field = page.getByTestId(testId);
  const input = (await field.evaluate((e) => e.tagName)) === 'INPUT' ? field : field.locator('input').first();
  await input.click();
  await input.fill(day);
  // On a loaded machine a click can land while the panel still animates in and be lost: the day is
  // clicked again. (Enter would take the typed day too, but it also submits the form around it.)
  const panel = page.locator('.ant-picker-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    await panel.locator(`td[title="${day}"]`).click();
    try {
      await panel.waitFor({ state: 'hidden', timeout: 5000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  assert.equal(await input.inputValue(), day);
}

/**
 * Types part of a name into a searchable select and picks the first option holding it; with
 * `expectNone`, checks instead that typing it leaves nothing to pick.
 */
export async function searchAndChoose(page: Page, testId: string | Locator, text: string, options: { expectNone?: boolean } = {}): Promise<void> {
  const select = typeof testId === 'string' ? page.getByTestId(testId) : testId;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await select.evaluate((e) => e.classList.contains('ant-select-open')))) await select.click();
    await select.locator('input').fill(text);
    const list = page.locator('.ant-select-dropdown:visible');
    if (options.expectNone) {
      await list.locator('.ant-select-item-empty').waitFor({ timeout: 10_000 });
      assert.equal(await list.locator('.ant-select-item-option').count(), 0, `nothing holding “${text}” in ${testId}`);
      await select.locator('input').fill('');
      return;
    }
    try {
      await list.locator('.ant-select-item-option', { hasText: text }).first().click({ timeout: 10_000 });
      await select.filter({ hasText: text }).waitFor({ timeout: 5000 });
      return;
    } catch {
      // a lost click while the list animated in: type again
    }
  }
  throw new Error(`could not choose “${text}” in ${testId}`);
}

export async function chooseCascade(page: Page, testId: string, path: string[]): Promise<void> {
  const field = page.getByTestId(testId);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      if (!(await page.locator('.ant-cascader-dropdown:visible').count())) await field.click();
      for (const [column, name] of path.entries()) {
        await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu').nth(column)
          .locator('.ant-cascader-menu-item', { hasText: name }).first().click({ timeout: 5000 });
      }
      await field.filter({ hasText: path.at(-1)! }).waitFor({ timeout: 5000 });
      return;
    } catch {
      // a lost click: start again from the first column
    }
  }
  throw new Error(`could not choose “${path.join(' / ')}” in ${testId}`);
}

/** Picks a unit in a TreeSelect by typing part of its name and clicking it. */
export async function chooseTreeNode(page: Page, testId: string, text: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    await select.locator('input').fill(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: text }).first().click();
    try {
      await select.filter({ hasText: text }).waitFor({ timeout: 5000 });
      return;
    } catch {
      // a lost click while the list animated in
    }
  }
  throw new Error(`could not choose “${text}” in ${testId}`);
}

/** Calls the API as a demo account, as a program would (cookie and CSRF token), for steps a test does not watch. */
export async function staffApi(url: string, username: string, password = PASSWORD) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`sign-in of ${username}: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** The action buttons a case's detail page offers, by action name, sorted. */
export async function offeredActions(page: Page): Promise<string[]> {
  return (await page.locator('[data-testid="action-bar"] button[data-testid^="action-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('action-'.length)))).sort();
}

/** Takes one action on a case's detail page through its generated form (`fill` fills the fields), then waits for the case's new state. */
export async function takeAction(page: Page, action: string, state: string, fill: () => Promise<void> = async () => undefined): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const form = page.getByTestId(`action-form-${action}`);
  await form.waitFor();
  await fill();
  const submit = page.getByTestId('action-modal-submit');
  // On a loaded machine a click on 确定 can land while the modal still zooms in and be lost:
  // click again only when nothing is being sent and nothing was refused.
  for (let attempt = 0; ; attempt++) {
    await submit.click();
    const gone = await form.waitFor({ state: 'detached', timeout: 10_000 }).then(() => true, () => false);
    if (gone) break;
    const refused = await page.getByTestId('action-error').count();
    const sending = await submit.evaluate((e) => e.classList.contains('ant-btn-loading')).catch(() => false);
    if (sending) {
      await form.waitFor({ state: 'detached', timeout: 30_000 });
      break;
    }
    if (refused || attempt === 2) throw new Error(`${action} was not taken: ${await form.innerText().catch(() => '?')}`);
  }
  await page.locator(`[data-testid="case-detail"][data-state="${state}"]`).waitFor();
}
