import { randomBytes } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { startE2eStack, type E2eStack } from '@yunguan/testing/e2e';
import { freePort } from '@yunguan/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';

/**
 * An administrator creates an email channel in the console, presses "send test", the demo
 * mailbox (a real `smtp-server` run by portal-api, as in npm run demo) receives the mail, and
 * the delivery log shows it delivered.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(root, 'test-results/e2e');
const DOCS = path.join(root, 'docs/screenshots');
const PASSWORD = 'e2e-demo-password';
const CHANNEL = 'e2e-mail';
let stack: E2eStack;
let browser: Browser;
let smtpPort = 0;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  smtpPort = await freePort();
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    env: {
      DEMO_SMTP_PORT: String(smtpPort),
      REDIS_KEY_PREFIX: `yg-e2e-${randomBytes(4).toString('hex')}:`,
    },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const shot = async (page: Page, name: string) => {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  await copyFile(file, path.join(DOCS, `${name}.png`));
};

test('create an email channel, send a test, the mailbox receives it and the log says delivered', async () => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  onTestFailed(async () => {
    await page.screenshot({ path: path.join(SHOTS, 'notifications-failed.png'), fullPage: true });
  });
  await page.goto(`${stack.webUrl}/login`);
  await byTestId(page, 'login-username').fill('admin');
  await byTestId(page, 'login-password').fill(PASSWORD);
  await byTestId(page, 'login-submit').click();
  await page.waitForURL('**/console/**');
  await page.goto(`${stack.webUrl}/console/notifications`);

  await byTestId(page, 'channel-create').click();
  await byTestId(page, 'channel-form-name').fill(CHANNEL);
  await byTestId(page, 'channel-form-host').fill('127.0.0.1');
  await byTestId(page, 'channel-form-port').fill(String(smtpPort));
  await byTestId(page, 'channel-form-security').click();
  await page
    .locator('.ant-select-dropdown:visible [data-testid="channel-security-none"]')
    .first()
    .click();
  await byTestId(page, 'channel-form-from').fill('yunguan@e2e.example');
  await shot(page, 'notifications-channel-form');
  await byTestId(page, 'channel-form-submit').click();
  await expect
    .poll(() => byTestId(page, `channel-row-${CHANNEL}`).count(), { timeout: 15_000 })
    .toBe(1);

  await byTestId(page, `channel-test-${CHANNEL}`).click();
  await byTestId(page, 'channel-test-to').fill('noc@e2e.example');
  await byTestId(page, 'channel-test-submit').click();

  await byTestId(page, 'notify-tab-deliveries').click();
  const row = byTestId(page, `delivery-row-${CHANNEL}`);
  await expect
    .poll(() => row.locator('[data-testid="delivery-status-sent"]').count(), { timeout: 30_000 })
    .toBe(1);
  await shot(page, 'notifications-delivery-log');

  await byTestId(page, 'notify-tab-mailbox').click();
  const mail = byTestId(page, 'demo-mail').filter({ hasText: CHANNEL });
  await expect.poll(() => mail.count(), { timeout: 15_000 }).toBe(1);
  expect(await mail.innerText()).toContain('noc@e2e.example');
  await shot(page, 'notifications-demo-mailbox');

  await byTestId(page, 'notify-tab-channels').click();
  await expect
    .poll(() => byTestId(page, `channel-row-${CHANNEL}`).innerText(), { timeout: 15_000 })
    .toContain('最近发送');
  await shot(page, 'notifications-channels');
  await context.close();
});
