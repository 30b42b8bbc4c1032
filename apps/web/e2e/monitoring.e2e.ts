import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { loginPortal, startE2eStack, type E2eStack } from '@yunguan/testing/e2e';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';

/**
 * Charts with data: a member's server detail page shows its CPU chart drawn from the series the
 * simulator writes through the agent's relay into a real InfluxDB 1.6.7, read back through the
 * portal and the tunnel; an admin opens the 监控 area (hosts, Ceph, traffic, health checks).
 */
const root = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(root, 'test-results/e2e');
const DOCS = path.join(root, 'docs/screenshots');
const PASSWORD = 'e2e-demo-password';
const SERVER = 'e2e-mon-1';
const MEMBER = 'rd-dev';
let stack: E2eStack;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    datacenter: {
      name: 'e2e-sim',
      portRange: { first: 61_900, last: 61_999 },
      monitoring: { metricsIntervalMs: 2_000 },
    },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

const shot = async (page: Page, name: string, docs = false) => {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (docs) await copyFile(file, path.join(DOCS, `${name}.png`));
};

const newPage = async () => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  onTestFailed(async ({ task }) => {
    const name = `monitoring-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`;
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

test("a member's server detail page charts its CPU from InfluxDB", async () => {
  const member = await loginPortal(stack.apiUrl, MEMBER, PASSWORD);
  const dc = stack.datacenter?.id ?? '';
  const me = (await member.call('GET', '/api/v1/me')) as {
    projects: { id: string; name: string }[];
  };
  const shopId = me.projects.find((p) => p.name === 'web-shop')?.id ?? '';
  const pick = async (what: string, name: string) => {
    const list = (await member.call(
      'GET',
      `/api/v1/datacenters/${dc}/${what}${what === 'flavors' ? '' : `?projectId=${shopId}`}`,
    )) as { items: { externalId: string; name: string }[] };
    const found = list.items.find((i) => i.name === name);
    if (!found) throw new Error(`${what}: ${name} not found`);
    return found.externalId;
  };
  const created = (await member.call('POST', `/api/v1/projects/${shopId}/servers`, {
    datacenterId: dc,
    name: SERVER,
    flavorId: await pick('flavors', 'm1.small'),
    imageId: await pick('images', 'cirros-0.6.2'),
    networkIds: [await pick('networks', 'shared-net')],
  })) as { task: { id: string } };
  await expect
    .poll(
      async () =>
        ((await member.call('GET', `/api/v1/tasks/${created.task.id}`)) as { status: string })
          .status,
      { timeout: 60_000, interval: 500 },
    )
    .toBe('succeeded');
  const task = (await member.call('GET', `/api/v1/tasks/${created.task.id}`)) as {
    resourceId: string;
  };

  const page = await newPage();
  await login(page, MEMBER);
  await page.goto(`${stack.webUrl}/console/compute/servers/${task.resourceId}`);
  await byTestId(page, 'server-tab-monitoring').click();
  await byTestId(page, 'server-metrics').waitFor();
  // The first points arrive within a few seconds of the server going ACTIVE; the panel
  // refreshes every 30 s, so reload until the CPU chart replaces its "no data" placeholder.
  await expect
    .poll(
      async () => {
        if ((await byTestId(page, 'metric-chart-cpu').count()) > 0) return true;
        await page.reload();
        await byTestId(page, 'server-tab-monitoring').click();
        await byTestId(page, 'server-metrics').waitFor();
        await page.waitForTimeout(1_000);
        return (await byTestId(page, 'metric-chart-cpu').count()) > 0;
      },
      { timeout: 90_000, interval: 3_000 },
    )
    .toBe(true);
  // ECharts drew into a canvas of the chart's size.
  const canvas = byTestId(page, 'metric-chart-cpu').locator('canvas');
  await canvas.first().waitFor();
  expect((await canvas.first().boundingBox())?.height ?? 0).toBeGreaterThan(100);
  await byTestId(page, 'metric-range').getByText('24h').click();
  await byTestId(page, 'metric-chart-memory').waitFor();
  await byTestId(page, 'metric-range').getByText('1h').click();
  await byTestId(page, 'metric-chart-cpu').waitFor();
  await shot(page, '40-server-monitoring', true);
  await page.context().close();
});

test('an admin reads the 监控 area: hosts, Ceph, traffic and health checks', async () => {
  const page = await newPage();
  await login(page, 'admin');
  await page.goto(`${stack.webUrl}/console/monitoring`);
  await byTestId(page, 'monitoring-page').waitFor();
  await byTestId(page, 'monitoring-hosts').waitFor({ timeout: 30_000 });
  await expect
    .poll(async () => (await byTestId(page, 'ceph-health').textContent()) ?? '', {
      timeout: 30_000,
    })
    .toBe('HEALTH_OK');
  await byTestId(page, 'monitoring-traffic').waitFor();
  await byTestId(page, 'health-cluster-tunnel').waitFor();
  expect(await byTestId(page, 'monitoring-tunnel').textContent()).toContain('在线');
  await shot(page, '41-monitoring-area', true);

  // A compute host's charts over 24 h: the simulator wrote a day of history on its first start.
  await page.locator('[data-testid^="monitoring-charts-compute-"]').first().click();
  const drawer = page.locator('.ant-drawer:visible');
  await drawer.locator('[data-testid="metric-range"]').getByText('24h').click();
  await drawer.locator('[data-testid="metric-chart-cpu"] canvas').first().waitFor();
  await drawer.locator('[data-testid="metric-chart-net_in"] canvas').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SHOTS, '42-hypervisor-charts.png') });
  await copyFile(
    path.join(SHOTS, '42-hypervisor-charts.png'),
    path.join(DOCS, '42-hypervisor-charts.png'),
  );
  await page.context().close();
});
