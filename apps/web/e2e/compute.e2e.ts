import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { startE2eStack, type E2eStack } from '@yunguan/testing/e2e';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';

/** A member creates a server in the wizard and watches it come up live (no reload), reads its
 * task timeline, opens the console, deletes it; another department never sees it. Against the
 * simulated OpenStack behind a real tunnel (gateway + agent --stack sim). */
const root = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(root, 'test-results/e2e');
const DOCS = path.join(root, 'docs/screenshots');
const PASSWORD = 'e2e-demo-password';
const SERVER = 'e2e-web-1';
/** The member who creates, watches, inspects and deletes the server (研发部 / web-shop). */
const MEMBER = 'rd-dev';
let stack: E2eStack;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    // Long enough for the list to show "building" before "active".
    datacenter: { name: 'e2e-sim', buildMs: 8_000, actionMs: 1_500 },
  });
  // The demo seed gives web-shop its instance, vCPU and RAM quotas (commit 1112aad).
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** A screenshot in test-results; `docs` also copies it to docs/screenshots. */
const shot = async (page: Page, name: string, docs = false) => {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (docs) await copyFile(file, path.join(DOCS, `${name}.png`));
};

/** A fresh browser context; a failing test leaves a screenshot of where it stopped. */
const newPage = async () => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  onTestFailed(async ({ task }) => {
    const name = `compute-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`;
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  });
  return page;
};

const login = async (page: Page, username: string) => {
  await page.goto(`${stack.webUrl}/login`);
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(PASSWORD);
  await byTestId(page, 'login-submit').click();
  await page.waitForURL('**/console/**');
};

/** Open an antd Select and click the option whose data-testid is given. */
const pickOption = async (page: Page, selectTestId: string, optionTestId: string) => {
  await byTestId(page, selectTestId).click();
  await page
    .locator(`.ant-select-dropdown:visible [data-testid="${optionTestId}"]`)
    .first()
    .click();
};

const statusOf = (page: Page) =>
  byTestId(page, `server-status-${SERVER}`).getAttribute('data-status', { timeout: 1_000 });

let serverUrl = '';

test('a member creates a server in the wizard and watches it go from building to active without reloading', async () => {
  // The member (rd-dev, web-shop) has the server list open and live.
  const page = await newPage();
  await login(page, MEMBER);
  await byTestId(page, 'menu-compute').click();
  await page.waitForURL('**/console/compute/servers');
  await byTestId(page, 'server-table').waitFor();
  await expect.poll(() => byTestId(page, 'live-badge').getAttribute('data-connected')).toBe('true');
  const marker = await page.evaluate(() => {
    (window as unknown as { __noReload: string }).__noReload = 'still-here';
    return 'still-here';
  });

  // The wizard and the way back are client-side navigations: the page is never reloaded.
  const wizard = page;
  await byTestId(wizard, 'server-create').click();
  await wizard.waitForURL('**/console/compute/servers/create');
  await pickOption(wizard, 'wizard-datacenter', `wizard-datacenter-${stack.datacenter?.name}`);
  await byTestId(wizard, 'wizard-name').fill(SERVER);
  await shot(wizard, 'compute-wizard-basics');
  await byTestId(wizard, 'wizard-next').click();

  await byTestId(wizard, 'flavor-row-m1.small').click();
  await shot(wizard, '13-wizard-flavor', true);
  await byTestId(wizard, 'wizard-next').click();

  await pickOption(wizard, 'wizard-image', 'image-option-cirros-0.6.2');
  await byTestId(wizard, 'wizard-next').click();

  await byTestId(wizard, 'wizard-network-shared-net').click();
  await byTestId(wizard, 'wizard-next').click();
  await byTestId(wizard, 'wizard-next').click();

  await byTestId(wizard, 'wizard-summary').waitFor();
  expect(await byTestId(wizard, 'wizard-summary').innerText()).toContain('m1.small');
  await shot(wizard, '14-wizard-summary', true);
  await byTestId(wizard, 'wizard-submit').click();
  await wizard.waitForURL('**/console/compute/servers');

  // Back on the list, never reloaded: the row appears building, then turns active.
  await expect
    .poll(() => statusOf(page).catch(() => null), { timeout: 20_000, interval: 200 })
    .toBe('building');
  expect(await byTestId(page, `server-status-${SERVER}`).getAttribute('data-transition')).toBe(
    'true',
  );
  await shot(page, '15-server-building', true);
  await expect
    .poll(() => statusOf(page).catch(() => null), { timeout: 60_000, interval: 250 })
    .toBe('active');
  expect(await page.evaluate(() => (window as unknown as { __noReload?: string }).__noReload)).toBe(
    marker,
  );
  await shot(page, 'compute-server-active');

  // Detail: overview and the create task's steps, each with its timestamps.
  await byTestId(page, `server-link-${SERVER}`).click();
  await page.waitForURL('**/console/compute/servers/*');
  serverUrl = page.url();
  await expect
    .poll(() => byTestId(page, 'server-detail-status').getAttribute('data-status'))
    .toBe('active');
  await shot(page, '18-server-detail');
  await byTestId(page, 'server-tab-tasks').click();
  const timeline = byTestId(page, 'server-task-timeline');
  await timeline.locator('[data-action="server.create"][data-status="succeeded"]').waitFor();
  const steps = timeline.locator('[data-testid^="task-step-"]');
  expect(await steps.count()).toBeGreaterThanOrEqual(2);
  for (const status of await steps.evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-status')),
  )) {
    expect(status).toBe('succeeded');
  }
  await shot(page, '16-task-timeline', true);
  await page.context().close();
});

test('another department sees neither the list entry nor the detail page', async () => {
  expect(serverUrl).not.toBe('');
  const page = await newPage();
  await login(page, 'fin-admin');
  await page.goto(`${stack.webUrl}/console/compute/servers`);
  await byTestId(page, 'server-table').waitFor();
  await expect.poll(() => page.locator('[data-testid^="server-row-"]').count()).toBe(0);
  await page.goto(serverUrl);
  await byTestId(page, 'server-not-found').waitFor();
  await shot(page, 'compute-other-department');
  await page.context().close();
});

test('the member opens the console and deletes the server; it disappears from the list', async () => {
  const page = await newPage();
  await login(page, MEMBER);
  await page.goto(serverUrl);
  await expect
    .poll(() => byTestId(page, 'server-detail-status').getAttribute('data-status'))
    .toBe('active');

  // Console: noVNC connects through the portal's one-time ticket and WebSocket relay.
  await byTestId(page, 'server-tab-console').click();
  await byTestId(page, 'console-connect').click();
  await expect
    .poll(() => byTestId(page, 'console-state').getAttribute('data-state'), { timeout: 20_000 })
    .toBe('connected');
  await byTestId(page, 'console-screen').locator('canvas').waitFor();
  await page.waitForTimeout(1_500); // the first frame
  await shot(page, '17-server-console', true);

  // Delete with the name typed; the row disappears from the list on its own.
  await byTestId(page, `server-actions-${SERVER}`).click();
  await page.locator('.ant-dropdown:visible [data-testid="server-action-delete"]').click();
  await byTestId(page, 'server-delete-confirm-name').fill(SERVER);
  await shot(page, 'compute-delete');
  await byTestId(page, 'server-action-submit').click();
  await byTestId(page, 'menu-compute').click();
  await page.waitForURL('**/console/compute/servers');
  await byTestId(page, `server-row-${SERVER}`).waitFor({ state: 'detached', timeout: 60_000 });
  await page.context().close();
});

test('a platform admin sees hypervisor usage and the datacenter sync health, and resyncs', async () => {
  const page = await newPage();
  await login(page, 'admin');
  await byTestId(page, 'menu-admin.compute').click();
  await page.waitForURL('**/console/admin/compute/hypervisors');
  await expect
    .poll(() => page.locator('[data-testid^="hypervisor-row-"]').count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await shot(page, '18-hypervisors', true);

  await byTestId(page, 'menu-admin.datacenters').click();
  await byTestId(page, `datacenter-view-${stack.datacenter?.name}`).click();
  await byTestId(page, 'sync-health').waitFor();
  expect(await byTestId(page, 'service-account-state').innerText()).not.toBe('');
  // Resync never hangs: the API answers at once and the card shows the run's state.
  await byTestId(page, 'sync-now').click();
  await expect
    .poll(() => byTestId(page, 'sync-state').getAttribute('data-state'), { timeout: 30_000 })
    .toMatch(/^(running|idle)$/);
  await expect
    .poll(() => byTestId(page, 'sync-state').getAttribute('data-state'), { timeout: 30_000 })
    .toBe('idle');
  await byTestId(page, 'sync-health').scrollIntoViewIfNeeded();
  await shot(page, '19-datacenter-sync', true);
  await page.context().close();
});
