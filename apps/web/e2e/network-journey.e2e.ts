import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { startE2eStack, type E2eStack } from '@yunguan/testing/e2e';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';

/**
 * A project admin builds a network in the console — network, subnet, router with its gateway on
 * the datacenter's external network and an interface — boots a server on it with the compute
 * wizard, attaches a new volume, assigns a floating IP, opens SSH in the default security group
 * and sees it all on the topology graph; then runs the network quick start and watches its
 * steps. Against the simulated OpenStack behind a real tunnel; nothing is mocked.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(root, 'test-results/e2e');
const DOCS = path.join(root, 'docs/screenshots');
const PASSWORD = 'e2e-demo-password';
/** Project admin of 研发部 / web-shop. */
const LEAD = 'rd-lead';
const NET = 'e2e-app-net';
const SUBNET = 'e2e-app-subnet';
const ROUTER = 'e2e-app-router';
const SERVER = 'e2e-app-vm';
const VOLUME = 'e2e-app-data';
let stack: E2eStack;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    datacenter: { name: 'e2e-net', buildMs: 3_000, actionMs: 1_000 },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** A screenshot in test-results, copied to docs/screenshots. */
const shot = async (page: Page, name: string) => {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  await copyFile(file, path.join(DOCS, `${name}.png`));
};

const newPage = async () => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  onTestFailed(async ({ task }) => {
    const name = `network-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`;
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

/** The status a list row shows (data-status of its tag). */
const statusOf = (page: Page, testId: string) =>
  byTestId(page, testId)
    .getAttribute('data-status', { timeout: 1_000 })
    .catch(() => null);

/** Screenshots after dialogs have finished closing. */
const noDialog = (page: Page) =>
  expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);

/** The dialog has finished opening (antd's zoom motion classes are gone). */
const dialogOpen = (page: Page) =>
  expect
    .poll(() =>
      page
        .locator('.ant-modal-wrap:visible .ant-modal')
        .first()
        .evaluate((el: Element) => el.className.includes('zoom'))
        .catch(() => true),
    )
    .toBe(false);

/**
 * Submit a task dialog and wait until it closed (the task was accepted). A dialog that stays
 * open shows why (its error alert): the test fails with those words instead of a click timeout.
 */
const submitDialog = async (page: Page, prefix: string) => {
  await byTestId(page, `${prefix}-submit`).click();
  const error = byTestId(page, `${prefix}-error`);
  const invalid = page.locator('.ant-modal-wrap:visible .ant-form-item-explain-error');
  await expect
    .poll(
      async () =>
        (await error.isVisible())
          ? `refused: ${await error.innerText()}`
          : (await invalid.count()) > 0
            ? `invalid: ${(await invalid.allInnerTexts()).join('; ')}`
            : (await page.locator('.ant-modal-wrap:visible').count()) === 0
              ? 'closed'
              : 'open',
      { timeout: 60_000 },
    )
    .toBe('closed');
};

const openTab = async (page: Page, tab: string) => {
  await byTestId(page, `network-tab-${tab}`).click();
  await page.waitForURL(`**/console/network/${tab}`);
};

test('a project admin builds a network, boots a server on it with a volume and a floating IP, opens SSH, and sees it all on the topology', async () => {
  const page = await newPage();
  await login(page, LEAD);
  await byTestId(page, 'menu-network').click();
  await page.waitForURL('**/console/network/networks');
  await expect.poll(() => byTestId(page, 'live-badge').getAttribute('data-connected')).toBe('true');
  // The datacenter's external network is listed (read live), not owned by the project.
  await byTestId(page, 'network-row-public').waitFor({ timeout: 30_000 });

  // 1. Network: a project admin sees no provider/shared/external fields (compute.admin only).
  await byTestId(page, 'network-create').click();
  await byTestId(page, 'network-create-name').fill(NET);
  expect(await byTestId(page, 'network-admin-fields').count()).toBe(0);
  await dialogOpen(page);
  await shot(page, '30-network-create');
  await byTestId(page, 'network-create-submit').click();
  // The create shows in the recent tasks (live) before and after its row exists.
  await byTestId(page, `recent-task-${NET}`).waitFor({ timeout: 30_000 });
  await expect
    .poll(() => statusOf(page, `network-status-${NET}`), { timeout: 30_000 })
    .toBe('ACTIVE');

  // Search narrows the list; the CSV export (the API's ?format=csv) holds the new network.
  const search = page
    .locator('[data-testid="network-search"] input, input[data-testid="network-search"]')
    .first();
  await search.fill(NET);
  await search.press('Enter');
  await expect.poll(() => page.locator('[data-testid^="network-row-"]').count()).toBe(1);
  const csvHref = (await byTestId(page, 'network-export').getAttribute('href')) ?? '';
  expect(csvHref).toContain('format=csv');
  const csv = await page.request.get(`${stack.webUrl}${csvHref}`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(NET);

  // 2. Subnet inside the network: a client-side hint first, then the server's own refusal of
  //    an overlapping CIDR, word for word.
  await byTestId(page, `network-link-${NET}`).click();
  await page.waitForURL('**/console/network/networks/*');
  await byTestId(page, 'subnet-create').click();
  await byTestId(page, 'subnet-name').fill(SUBNET);
  await byTestId(page, 'subnet-cidr').fill('10.50.0.1/24');
  await byTestId(page, 'subnet-hints').waitFor();
  expect(await byTestId(page, 'subnet-hints').innerText()).toContain('10.50.0.0/24');
  await byTestId(page, 'subnet-cidr').fill('10.50.0.0/24');
  await byTestId(page, 'subnet-dns').fill('8.8.8.8');
  await byTestId(page, 'subnet-pools').fill('10.50.0.100,10.50.0.200');
  await byTestId(page, 'subnet-hints').waitFor({ state: 'detached' });
  await byTestId(page, 'subnet-create-submit').click();
  await byTestId(page, `subnet-row-${SUBNET}`).waitFor({ timeout: 30_000 });
  expect(await byTestId(page, `subnet-cidr-${SUBNET}`).innerText()).toBe('10.50.0.0/24');

  await byTestId(page, 'subnet-create').click();
  await byTestId(page, 'subnet-name').fill('e2e-overlap');
  await byTestId(page, 'subnet-cidr').fill('10.50.0.128/25');
  await byTestId(page, 'subnet-create-submit').click();
  const refusal = byTestId(page, 'subnet-create-error');
  await refusal.waitFor();
  expect(await refusal.innerText()).toContain('10.50.0.0/24');
  await shot(page, '31-subnet-overlap');
  await page.keyboard.press('Escape');
  await refusal.waitFor({ state: 'hidden' });
  expect(await byTestId(page, 'subnet-row-e2e-overlap').count()).toBe(0);

  // 3. Router: gateway on the external network, an interface on the new subnet.
  await openTab(page, 'routers');
  await byTestId(page, 'router-create').click();
  await byTestId(page, 'router-create-name').fill(ROUTER);
  await byTestId(page, 'router-create-submit').click();
  await expect
    .poll(() => statusOf(page, `router-status-${ROUTER}`), { timeout: 30_000 })
    .toBe('ACTIVE');
  await byTestId(page, `router-link-${ROUTER}`).click();
  await page.waitForURL('**/console/network/routers/*');
  await byTestId(page, 'router-no-gateway').waitFor();
  await byTestId(page, 'router-set-gateway').click();
  await pickOption(page, 'router-gateway-network-select', 'router-gateway-network-select-public');
  await byTestId(page, 'router-gateway-submit').click();
  await expect
    .poll(
      () =>
        byTestId(page, 'router-gateway-network')
          .innerText()
          .catch(() => ''),
      {
        timeout: 30_000,
      },
    )
    .toBe('public');
  await byTestId(page, 'router-add-interface').click();
  await pickOption(page, 'router-interface-subnet', `router-interface-subnet-${SUBNET}`);
  await byTestId(page, 'router-interface-submit').click();
  await byTestId(page, `router-interface-${SUBNET}`).waitFor({ timeout: 30_000 });
  expect(await byTestId(page, 'router-gateway-ips').innerText()).not.toBe('—');
  await noDialog(page);
  await shot(page, '32-router');

  // 4. A server on the new network, through the compute wizard.
  await page.goto(`${stack.webUrl}/console/compute/servers/create`);
  await pickOption(page, 'wizard-datacenter', `wizard-datacenter-${stack.datacenter?.name}`);
  await byTestId(page, 'wizard-name').fill(SERVER);
  await byTestId(page, 'wizard-next').click();
  await byTestId(page, 'flavor-row-m1.small').click();
  await byTestId(page, 'wizard-next').click();
  await pickOption(page, 'wizard-image', 'image-option-cirros-0.6.2');
  await byTestId(page, 'wizard-next').click();
  await byTestId(page, `wizard-network-${NET}`).click();
  await byTestId(page, 'wizard-next').click();
  await byTestId(page, 'wizard-next').click();
  await byTestId(page, 'wizard-submit').click();
  await page.waitForURL('**/console/compute/servers');
  await expect
    .poll(() => statusOf(page, `server-status-${SERVER}`), { timeout: 60_000 })
    .toBe('active');

  // 5. A new volume, attached to the server (the storage pages).
  await page.goto(`${stack.webUrl}/console/storage/volumes`);
  await byTestId(page, 'volume-create').click();
  await byTestId(page, 'volume-name').fill(VOLUME);
  await page
    .locator('[data-testid="volume-size"] input, input[data-testid="volume-size"]')
    .first()
    .fill('2');
  await byTestId(page, 'volume-create-submit').click();
  await expect
    .poll(() => statusOf(page, `volume-status-${VOLUME}`), { timeout: 60_000 })
    .toBe('available');
  await byTestId(page, `volume-actions-${VOLUME}`).click();
  await page.locator('.ant-dropdown:visible [data-testid="volume-action-attach"]').click();
  await pickOption(page, 'volume-attach-server', `server-option-${SERVER}`);
  await byTestId(page, 'volume-action-submit').click();
  await expect
    .poll(
      () =>
        byTestId(page, `volume-attached-${VOLUME}`)
          .innerText()
          .catch(() => ''),
      {
        timeout: 60_000,
      },
    )
    .toContain(SERVER);
  await shot(page, '33-volume-attached');

  // 6. A floating IP from the external network, associated with the server.
  await page.goto(`${stack.webUrl}/console/network/floating-ips`);
  await byTestId(page, 'fip-table').waitFor();
  await byTestId(page, 'fip-allocate').click();
  await pickOption(page, 'fip-create-network', 'fip-create-network-public');
  await byTestId(page, 'fip-create-submit').click();
  const fipRow = page.locator('[data-testid^="fip-row-"]').first();
  await fipRow.waitFor({ timeout: 30_000 });
  const fip = ((await fipRow.getAttribute('data-testid')) ?? '').slice('fip-row-'.length);
  await expect
    .poll(
      () =>
        byTestId(page, `fip-associate-${fip}`)
          .isEnabled()
          .catch(() => false),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  await byTestId(page, `fip-associate-${fip}`).click();
  await pickOption(page, 'fip-server-select', `fip-server-select-${SERVER}`);
  await byTestId(page, 'fip-associate-submit').click();
  await expect
    .poll(
      () =>
        byTestId(page, `fip-server-${fip}`)
          .innerText()
          .catch(() => ''),
      {
        timeout: 30_000,
      },
    )
    .toBe(SERVER);
  const address = await byTestId(page, `fip-address-${fip}`).innerText();
  await noDialog(page);
  await shot(page, '34-floating-ip');

  // 7. SSH (22) opened in the project's default security group with the preset.
  await openTab(page, 'security-groups');
  await byTestId(page, 'sg-link-default').click({ timeout: 30_000 });
  await page.waitForURL('**/console/network/security-groups/*');
  await byTestId(page, 'sg-add-rule').click();
  await byTestId(page, 'sg-rule-preset-ssh').click();
  await byTestId(page, 'sg-rule-submit').click();
  await byTestId(page, 'sg-rule-ingress-tcp-22').waitFor({ timeout: 30_000 });
  await noDialog(page);
  await shot(page, '35-security-group');

  // 8. The topology shows every object; a click on the router node opens the router.
  await openTab(page, 'topology');
  const chart = byTestId(page, 'topology-chart');
  await chart.waitFor({ timeout: 30_000 });
  for (const node of [
    'external-network-public',
    `network-${NET}`,
    `subnet-${SUBNET}`,
    `router-${ROUTER}`,
    `server-${SERVER}`,
  ]) {
    await byTestId(page, `topo-node-${node}`).waitFor();
  }
  const fipNodes = page.locator('[data-testid^="topo-node-floating-ip-"]');
  expect(await fipNodes.allInnerTexts()).toContainEqual(expect.stringContaining(address));
  await shot(page, '36-topology');
  const positions = JSON.parse((await chart.getAttribute('data-positions')) ?? '{}') as Record<
    string,
    [number, number]
  >;
  const routerAt = positions[`router:${ROUTER}`];
  expect(routerAt).toBeDefined();
  await chart.click({ position: { x: routerAt![0], y: routerAt![1] } });
  await page.waitForURL('**/console/network/routers/*');
  await byTestId(page, 'router-detail-name').waitFor();
  expect(await byTestId(page, 'router-detail-name').innerText()).toBe(ROUTER);
  await page.context().close();
}, 420_000);

test('the network quick start shows its steps live: network, subnet, router, gateway, interface, rules, record', async () => {
  const page = await newPage();
  await login(page, LEAD);
  await page.goto(`${stack.webUrl}/console/network/networks`);
  await byTestId(page, 'network-quick-start').click();
  await page.waitForURL('**/console/network/quick-start');
  await byTestId(page, 'qs-name').fill('e2e-qs');
  await byTestId(page, 'qs-cidr').fill('10.60.0.0/24');
  await pickOption(page, 'qs-external', 'qs-external-public');
  await byTestId(page, 'qs-submit').click();
  const progress = byTestId(page, 'qs-progress');
  await progress.locator('[data-action="network.quick-start"]').waitFor();
  await progress
    .locator('[data-action="network.quick-start"][data-status="succeeded"]')
    .waitFor({ timeout: 60_000 });
  const steps = await progress
    .locator('[data-testid^="task-step-"]')
    .evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-testid')}:${el.getAttribute('data-status')}`),
    );
  expect(steps).toEqual(
    ['network', 'subnet', 'router', 'gateway', 'interface', 'rules', 'record'].map(
      (key) => `task-step-${key}:succeeded`,
    ),
  );
  await shot(page, '37-quick-start');
  await byTestId(page, 'qs-open-network').click();
  await page.waitForURL('**/console/network/networks/*');
  await byTestId(page, 'subnet-row-e2e-qs-subnet').waitFor({ timeout: 30_000 });
  await page.context().close();
});

/** The provisioning status a load balancer's tags show (list row or detail header). */
const provisioning = (page: Page, testId: string) =>
  page
    .locator(`[data-testid="${testId}"] [data-kind="provisioning"]`)
    .getAttribute('data-status', { timeout: 1_000 })
    .catch(() => null);

/** The load balancer is ACTIVE with no task on it: its changes are offered again. */
const lbSettled = async (page: Page) => {
  await expect
    .poll(() => provisioning(page, 'lb-detail-statuses'), { timeout: 60_000 })
    .toBe('ACTIVE');
  await expect
    .poll(() => byTestId(page, 'lb-detail-status').getAttribute('data-transition'), {
      timeout: 60_000,
    })
    .toBe('false');
};

test('firewall rule, policy and group; a load balancer with a listener, a pool, a member and a health monitor, statuses live', async () => {
  const page = await newPage();
  await login(page, LEAD);
  await page.goto(`${stack.webUrl}/console/network/firewalls`);

  await byTestId(page, 'fw-part-rules').click();
  await byTestId(page, 'fw-rules-create').click();
  await byTestId(page, 'fw-rule-name').fill('e2e-allow-ssh');
  await byTestId(page, 'fw-rule-destination-port').fill('22');
  await byTestId(page, 'fw-rule-create-submit').click();
  await byTestId(page, 'fw-rule-row-e2e-allow-ssh').waitFor({ timeout: 30_000 });

  await byTestId(page, 'fw-part-policies').click();
  await byTestId(page, 'fw-policies-create').click();
  await byTestId(page, 'fw-policy-name').fill('e2e-policy');
  await pickOption(page, 'fw-policy-rules', 'fw-policy-rule-e2e-allow-ssh');
  await page.keyboard.press('Escape');
  await byTestId(page, 'fw-policy-create-submit').click();
  await byTestId(page, 'fw-policy-row-e2e-policy').waitFor({ timeout: 30_000 });

  await byTestId(page, 'fw-part-groups').click();
  await byTestId(page, 'fw-groups-create').click();
  await byTestId(page, 'fw-group-name').fill('e2e-fw');
  await pickOption(page, 'fw-group-ingress', 'fw-group-ingress-e2e-policy');
  await byTestId(page, 'fw-group-create-submit').click();
  // A group bound to no port is INACTIVE.
  await expect
    .poll(() => statusOf(page, 'fw-group-status-e2e-fw'), { timeout: 30_000 })
    .toBe('INACTIVE');
  await noDialog(page);
  await shot(page, '38-firewalls');

  await openTab(page, 'load-balancers');
  await byTestId(page, 'lb-create').click();
  await byTestId(page, 'lb-create-name').fill('e2e-lb');
  await pickOption(page, 'lb-create-subnet', `lb-create-subnet-${SUBNET}`);
  await byTestId(page, 'lb-create-submit').click();
  await expect
    .poll(() => provisioning(page, 'lb-statuses-e2e-lb'), { timeout: 60_000 })
    .toBe('ACTIVE');
  await byTestId(page, 'lb-link-e2e-lb').click();
  await page.waitForURL('**/console/network/load-balancers/*');
  await lbSettled(page);

  await byTestId(page, 'lb-add-listener').click();
  await byTestId(page, 'lb-listener-name').fill('http');
  await page
    .locator('[data-testid="lb-listener-limit"] input, input[data-testid="lb-listener-limit"]')
    .first()
    .fill('1000');
  await submitDialog(page, 'lb-part');
  await byTestId(page, 'lb-listener-http').waitFor({ timeout: 60_000 });
  expect(await byTestId(page, 'lb-listener-http').innerText()).toContain('1000');
  await lbSettled(page);

  await byTestId(page, 'lb-tab-pools').click();
  await byTestId(page, 'lb-add-pool').click();
  await byTestId(page, 'lb-pool-name').fill('web');
  await submitDialog(page, 'lb-part');
  await byTestId(page, 'lb-pool-web').waitFor({ timeout: 60_000 });
  await lbSettled(page);

  await byTestId(page, 'lb-add-member-web').click();
  await dialogOpen(page);
  await byTestId(page, 'lb-member-address').fill('10.50.0.100');
  await submitDialog(page, 'lb-part');
  await byTestId(page, 'lb-pool-web').locator('.ant-table-row-expand-icon').click();
  await byTestId(page, 'lb-member-10.50.0.100').waitFor({ timeout: 60_000 });
  await lbSettled(page);
  await byTestId(page, 'lb-add-monitor-web').click();
  await dialogOpen(page);
  await submitDialog(page, 'lb-part');
  await byTestId(page, 'lb-monitor-web').waitFor({ timeout: 60_000 });
  await lbSettled(page);
  expect(await byTestId(page, 'lb-pool-web').innerText()).toContain('ROUND_ROBIN');
  await noDialog(page);
  await shot(page, '39-load-balancer');
  await page.context().close();
}, 300_000);
