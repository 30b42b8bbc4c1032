import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  runAgentCli,
  startAgentProcess,
  startGatewayProcess,
  type Child,
  type RunningStack,
} from '@yunguan/testing';
import { launchChromium } from '@yunguan/testing/browser';
import { testRedisUrl } from '@yunguan/testing/database';
import { startE2eStack } from '@yunguan/testing/e2e';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

/** A super admin enrolls a datacenter from the browser; the agent CLI uses the token shown on
 * screen; the page shows the datacenter online through a real SSH tunnel. */
const root = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(root, 'test-results/e2e');
const PASSWORD = 'e2e-demo-password';
const RANGE = { first: 61_500, last: 61_599 };
let stack: RunningStack;
let browser: Browser;
let gateway: Child;
let agent: Child | null = null;
let dir: string;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'yg-e2e-dc-'));
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    env: { TUNNEL_PORT_RANGE: `${RANGE.first}-${RANGE.last}` },
  });
  gateway = await startGatewayProcess({
    root,
    gatewayId: 'gw-e2e',
    dataDir: path.join(dir, 'gateway'),
    sshPort: await freePort(),
    redisUrl: testRedisUrl(),
    prefix: 'yg:',
    portRange: RANGE,
    probeIntervalMs: 1000,
    quiet: true,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await agent?.stop();
  await gateway?.stop();
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

test('enroll a datacenter from the console and watch it come online', async () => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/login`);
  await byTestId(page, 'login-username').fill('admin');
  await byTestId(page, 'login-password').fill(PASSWORD);
  await byTestId(page, 'login-submit').click();
  await page.waitForURL('**/console/**');

  await byTestId(page, 'menu-admin.datacenters').click();
  await byTestId(page, 'datacenter-create').click();
  await byTestId(page, 'datacenter-form-name').fill('上海一号');
  await byTestId(page, 'datacenter-form-region').fill('cn-east-1');
  await byTestId(page, 'datacenter-form-kind').click();
  await page
    .locator('.ant-select-dropdown:visible [data-testid="datacenter-kind-openstack"]')
    .first()
    .click();
  await byTestId(page, 'datacenter-form-submit').click();

  const token = (await byTestId(page, 'enrollment-token').innerText()).trim();
  const command = (await byTestId(page, 'enrollment-command').innerText()).trim();
  expect(token).toMatch(/^ygenr_/);
  expect(command).toContain(token);
  expect(command).toContain(`--portal ${stack.webUrl}`);
  await byTestId(page, 'datacenter-form').waitFor({ state: 'hidden' });
  await page.screenshot({ path: path.join(SHOTS, '10-enrollment-command.png') });
  await byTestId(page, 'enrollment-close').click();
  await expect
    .poll(() => byTestId(page, 'datacenter-state-上海一号').getAttribute('data-state'))
    .toBe('offline');

  // In the datacenter: the operator runs the command shown on screen.
  const dataDir = path.join(dir, 'agent');
  await runAgentCli(root, [
    'enroll',
    '--portal',
    stack.webUrl,
    '--token',
    token,
    '--data-dir',
    dataDir,
  ]);
  agent = await startAgentProcess(root, dataDir);

  await expect
    .poll(() => byTestId(page, 'datacenter-state-上海一号').getAttribute('data-state'), {
      timeout: 30_000,
      interval: 500,
    })
    .toBe('online');
  await page.screenshot({ path: path.join(SHOTS, '11-datacenter-online.png'), fullPage: true });

  await byTestId(page, 'datacenter-test-上海一号').click();
  await expect
    .poll(() => byTestId(page, 'agent-info-result').innerText(), { timeout: 10_000 })
    .toContain('version');
  await page.screenshot({ path: path.join(SHOTS, '12-agent-info.png') });
});
