import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { loginPortal } from '@yunguan/testing';
import { startE2eStack, type E2eStack } from '@yunguan/testing/e2e';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';

/**
 * The zh-CN journey of M1.6 in Chromium, as web-shop's member: create a server in the wizard,
 * open its console (it connects by itself through the tunnel), power it off (关机中, then 已关机),
 * attach a volume, delete the server — and the volume list, open in another tab and never
 * reloaded, shows the volume 可用 within 5 s of the delete task succeeding (the delete task
 * mirrors the volume itself; no sync runs). Against the simulated OpenStack behind a real tunnel.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(root, 'test-results/e2e');
const PASSWORD = 'e2e-demo-password';
const MEMBER = 'rd-dev';
const SERVER = 'jrny-web-1';
const VOLUME = 'jrny-data';
let stack: E2eStack;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    // Slow enough for 关机中 to be on screen for a while; the sync stays far away.
    datacenter: { name: 'e2e-journey', buildMs: 2_000, actionMs: 3_000 },
  });
  // The volume to attach, made by the member through the API (its own page is storage.e2e's).
  const member = await loginPortal(stack.apiUrl, MEMBER, PASSWORD);
  const me = (await member.call('GET', '/api/v1/me')) as {
    projects: { id: string; name: string }[];
  };
  const shop = me.projects.find((p) => p.name === 'web-shop')?.id ?? '';
  await member.call('POST', `/api/v1/projects/${shop}/volumes`, {
    datacenterId: stack.datacenter?.id,
    name: VOLUME,
    sizeGb: 1,
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

const pickOption = async (page: Page, selectTestId: string, optionTestId: string) => {
  await byTestId(page, selectTestId).click();
  await page
    .locator(`.ant-select-dropdown:visible [data-testid="${optionTestId}"]`)
    .first()
    .click();
};

const textOf = (page: Page, id: string) =>
  byTestId(page, id)
    .innerText({ timeout: 1_000 })
    .then((t) => t.trim())
    .catch(() => null);

const newPage = async (name: string) => {
  const page = await context.newPage();
  onTestFailed(async () => {
    await page.screenshot({ path: path.join(SHOTS, `journey-failed-${name}.png`), fullPage: true });
  });
  return page;
};

test('create → console connects by itself → 关机中 → 已关机 → attach → delete → the volume is 可用 without a reload', async () => {
  const page = await newPage('server');
  await page.goto(`${stack.webUrl}/login`);
  await byTestId(page, 'login-username').fill(MEMBER);
  await byTestId(page, 'login-password').fill(PASSWORD);
  await byTestId(page, 'login-submit').click();
  await page.waitForURL('**/console/**');

  // Create in the wizard; the list shows it 运行中 on its own.
  await page.goto(`${stack.webUrl}/console/compute/servers/create`);
  await pickOption(page, 'wizard-datacenter', `wizard-datacenter-${stack.datacenter?.name}`);
  await byTestId(page, 'wizard-name').fill(SERVER);
  await byTestId(page, 'wizard-next').click();
  await byTestId(page, 'flavor-row-m1.small').click();
  await byTestId(page, 'wizard-next').click();
  await pickOption(page, 'wizard-image', 'image-option-cirros-0.6.2');
  await byTestId(page, 'wizard-next').click();
  await byTestId(page, 'wizard-network-shared-net').click();
  await byTestId(page, 'wizard-next').click();
  await byTestId(page, 'wizard-next').click();
  await byTestId(page, 'wizard-submit').click();
  await page.waitForURL('**/console/compute/servers');
  await expect
    .poll(() => textOf(page, `server-status-${SERVER}`), { timeout: 60_000, interval: 250 })
    .toBe('运行中');

  // The console tab connects without a click.
  await byTestId(page, `server-link-${SERVER}`).click();
  await page.waitForURL('**/console/compute/servers/*');
  await byTestId(page, 'server-tab-console').click();
  await expect
    .poll(() => byTestId(page, 'console-state').getAttribute('data-state'), { timeout: 30_000 })
    .toBe('connected');
  await byTestId(page, 'console-screen').locator('canvas').waitFor();
  expect(await textOf(page, 'console-state')).toBe('已连接');
  await page.screenshot({ path: path.join(SHOTS, 'journey-console.png') });

  // Power off: 关机中 while the task runs, then 已关机.
  await byTestId(page, 'server-quick-stop').click();
  await byTestId(page, 'server-action-submit').click();
  await expect
    .poll(() => textOf(page, 'server-header-status'), { timeout: 10_000, interval: 100 })
    .toBe('关机中');
  await page.screenshot({ path: path.join(SHOTS, 'journey-stopping.png') });
  await expect
    .poll(() => textOf(page, 'server-header-status'), { timeout: 30_000, interval: 250 })
    .toBe('已关机');
  // A stopped server offers start, not a soft reboot.
  await expect.poll(() => byTestId(page, 'server-quick-start').count()).toBe(1);
  expect(await byTestId(page, 'server-quick-reboot-soft').count()).toBe(0);

  // Attach the volume from the server's 云硬盘 tab.
  await byTestId(page, 'server-tab-volumes').click();
  await expect
    .poll(() => byTestId(page, 'server-attach-volume').isEnabled(), { timeout: 20_000 })
    .toBe(true);
  await byTestId(page, 'server-attach-volume').click();
  await byTestId(page, 'server-attach-volume-pick').click();
  await page
    .locator(`.ant-select-dropdown:visible [data-testid="attach-volume-option-${VOLUME}"]`)
    .click();
  await byTestId(page, 'server-attach-volume-submit').click();
  await expect
    .poll(() => byTestId(page, `server-volume-status-${VOLUME}`).getAttribute('data-status'), {
      timeout: 60_000,
      interval: 250,
    })
    .toBe('in-use');

  // The volume list, open in a second tab: 使用中, attached to the server by name.
  const volumes = await newPage('volumes');
  await volumes.goto(`${stack.webUrl}/console/storage/volumes`);
  await expect
    .poll(() => textOf(volumes, `volume-status-${VOLUME}`), { timeout: 20_000, interval: 250 })
    .toBe('使用中');
  await expect.poll(() => textOf(volumes, `volume-attached-${VOLUME}`)).toContain(SERVER);
  await volumes.evaluate(() => {
    (window as unknown as { __noReload: string }).__noReload = 'still-here';
  });

  // Delete the server from its detail page (the name typed).
  await page.bringToFront();
  await byTestId(page, `server-actions-${SERVER}`).click();
  await page.locator('.ant-dropdown:visible [data-testid="server-action-delete"]').click();
  await byTestId(page, 'server-delete-confirm-name').fill(SERVER);
  await byTestId(page, 'server-action-submit').click();
  // The page says the server is gone and leads back to the list.
  await byTestId(page, 'detail-deleted').waitFor({ timeout: 60_000 });

  // The delete task succeeded (asked of the API, as the member) …
  const member = await loginPortal(stack.apiUrl, MEMBER, PASSWORD);
  await expect
    .poll(
      async () => {
        const list = (await member.call(
          'GET',
          '/api/v1/tasks?action=server.delete&pageSize=5',
        )) as { items: { targetName: string; status: string }[] };
        return list.items.find((t) => t.targetName === SERVER)?.status ?? null;
      },
      { timeout: 60_000, interval: 250 },
    )
    .toBe('succeeded');
  // … and within 5 s the volume tab, never reloaded, reads 可用.
  await volumes.bringToFront();
  await expect
    .poll(() => textOf(volumes, `volume-status-${VOLUME}`), { timeout: 5_000, interval: 100 })
    .toBe('可用');
  expect(
    await volumes.evaluate(() => (window as unknown as { __noReload?: string }).__noReload),
  ).toBe('still-here');
  expect(await byTestId(volumes, `volume-attached-${VOLUME}`).count()).toBe(0);
  await volumes.screenshot({ path: path.join(SHOTS, 'journey-volume-available.png') });
});
