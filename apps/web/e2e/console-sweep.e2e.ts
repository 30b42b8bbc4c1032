import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { loginPortal } from '@yunguan/testing';
import { startE2eStack, type E2eStack } from '@yunguan/testing/e2e';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

/**
 * A page sweep of the zh-CN console as super admin, department admin, project admin and member:
 * every page of the sidebar (and 概览 / 任务中心, the detail pages with their task timelines)
 * must show no status or task text in English, no code where words belong (audit actions such as
 * `auth.login`), no English sentence (seeded descriptions, the cloud's own defaults), no UUID
 * outside the places meant for ids (copyable id text, code, tooltips), and log no console error.
 * Against the simulated OpenStack behind a real tunnel, after a server was created, stopped and
 * given a volume, so the task timelines hold every kind of step.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(root, 'test-results/e2e');
const PASSWORD = 'e2e-demo-password';
let stack: E2eStack;
let browser: Browser;

/** Status and task words that must have been translated (whole words, any case). */
const ENGLISH =
  /\b(active|available|in-use|down|build|building|error|running|succeeded|failed|queued|accepted|attached|stopped|shutoff|pending|online|offline|degraded|creating|deleting|deleted|idle)\b/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A code where words belong: an audit action or task action (`auth.login`, `quota.update`). */
const CODE =
  /\b(auth|datacenter|quota|server|volume|volume-snapshot|volume-backup|network|subnet|router|port|floating-ip|security-group|load-balancer|firewall-group|firewall-policy|firewall-rule|image|user|department|project|role|agent|session|api-token|app-credential|key-pair)\.[a-z][a-z-]*\b/;
/** English sentences (a description, a cloud default, a step left in English), whole words. */
const SENTENCE = /\b(the|is|was|are|by|for|with|from|into|and|default security group)\b/i;

/** A page, and the tabs to open on it (each tab is swept too). */
type SweptPage = string | { url: () => string; tabs: string[] };

/** Made in beforeAll: the member's server (stopped, with a volume) and the project's groups. */
const made = { server: '', volume: '', securityGroup: '' };

const resourcePages: SweptPage[] = [
  '/console/overview',
  '/console/tasks',
  '/console/compute/servers',
  {
    url: () => `/console/compute/servers/${made.server}`,
    tabs: ['server-tab-overview', 'server-tab-volumes', 'server-tab-tasks'],
  },
  '/console/compute/images',
  '/console/compute/key-pairs',
  '/console/storage/volumes',
  {
    url: () => `/console/storage/volumes/${made.volume}`,
    tabs: ['volume-tab-overview', 'volume-tab-attachments', 'volume-tab-tasks'],
  },
  '/console/storage/snapshots',
  '/console/storage/backups',
  '/console/network/networks',
  '/console/network/routers',
  '/console/network/floating-ips',
  '/console/network/security-groups',
  {
    url: () => `/console/network/security-groups/${made.securityGroup}`,
    tabs: ['sg-tab-rules', 'sg-tab-tasks'],
  },
  '/console/network/load-balancers',
  '/console/network/firewalls',
  '/console/network/topology',
  '/console/account/api-tokens',
];
const adminPages: SweptPage[] = [
  '/console/admin/departments',
  '/console/admin/projects',
  '/console/admin/users',
  '/console/admin/roles',
  '/console/admin/quotas',
  '/console/admin/audit',
  '/console/admin/datacenters',
  '/console/admin/compute/flavors',
  '/console/admin/compute/hypervisors',
  '/console/admin/compute/aggregates',
  '/console/admin/compute/server-groups',
  '/console/admin/storage/volume-types',
  '/console/admin/storage/pools',
];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    datacenter: { name: 'e2e-sweep', buildMs: 500, actionMs: 500 },
  });
  // Something for the task lists: web-shop's member creates a server, stops it and attaches a
  // volume to it (create, action and attach steps in the timelines).
  const member = await loginPortal(stack.apiUrl, 'rd-dev', PASSWORD);
  const dc = stack.datacenter?.id ?? '';
  const me = (await member.call('GET', '/api/v1/me')) as {
    projects: { id: string; name: string }[];
  };
  const shop = me.projects.find((p) => p.name === 'web-shop')?.id ?? '';
  // Waits for a task to finish (expect.poll is for tests, not hooks); anything but success fails.
  const settled = async (accepted: unknown) => {
    const id = (accepted as { task: { id: string } }).task.id;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const task = (await member.call('GET', `/api/v1/tasks/${id}`)) as {
        status: string;
        resourceId: string;
      };
      if (task.status === 'succeeded') return task;
      if (['failed', 'cancelled'].includes(task.status))
        throw new Error(`task ${id} ${task.status}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`task ${id} did not finish in 60 s`);
  };
  const pick = async (what: string, name: string) => {
    const list = (await member.call(
      'GET',
      `/api/v1/datacenters/${dc}/${what}${what === 'flavors' ? '' : `?projectId=${shop}`}`,
    )) as { items: { externalId: string; name: string }[] };
    const found = list.items.find((i) => i.name === name);
    if (!found) throw new Error(`${what}: ${name} not found`);
    return found.externalId;
  };
  const volume = await settled(
    await member.call('POST', `/api/v1/projects/${shop}/volumes`, {
      datacenterId: dc,
      name: 'sweep-data',
      sizeGb: 1,
    }),
  );
  const server = await settled(
    await member.call('POST', `/api/v1/projects/${shop}/servers`, {
      datacenterId: dc,
      name: 'sweep-web-1',
      flavorId: await pick('flavors', 'm1.small'),
      imageId: await pick('images', 'cirros-0.6.2'),
      networkIds: [await pick('networks', 'shared-net')],
    }),
  );
  await settled(
    await member.call('POST', `/api/v1/servers/${server.resourceId}/actions`, { action: 'stop' }),
  );
  await settled(
    await member.call('POST', `/api/v1/volumes/${volume.resourceId}/actions`, {
      action: 'attach',
      serverId: server.resourceId,
    }),
  );
  const groups = (await member.call(
    'GET',
    `/api/v1/projects/${shop}/security-groups?datacenterId=${dc}`,
  )) as { items: { id: string; name: string }[] };
  made.server = server.resourceId;
  made.volume = volume.resourceId;
  made.securityGroup = groups.items.find((g) => g.name === 'default')?.id ?? '';
  if (!made.server || !made.volume || !made.securityGroup)
    throw new Error(`sweep set-up incomplete: ${JSON.stringify(made)}`);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Visible text of status tags, task rows and table cells, minus the places meant for ids. */
const visibleTexts = (page: Page) =>
  page.evaluate(() => {
    const skip = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.matches('code, input, textarea, .ant-tooltip, [data-raw-id]')) return true;
        // Copyable text (antd nests the copy button inside the text's own element).
        if (e.matches('.ant-typography') && e.querySelector('.ant-typography-copy')) return true;
      }
      return false;
    };
    const out: { kind: 'status' | 'text'; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!parent || !text || skip(parent)) continue;
      if (!parent.offsetParent && getComputedStyle(parent).position !== 'fixed') continue;
      const status = parent.closest(
        '.ant-tag, [data-status], [data-action], [data-testid^="task-"], [data-testid^="recent-task"]',
      );
      out.push({ kind: status ? 'status' : 'text', text });
    }
    return out;
  });

const sweep = async (username: string, pages: readonly SweptPage[], shotName: string) => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  await page.goto(`${stack.webUrl}/login`);
  await page.locator('[data-testid="login-username"]').fill(username);
  await page.locator('[data-testid="login-password"]').fill(PASSWORD);
  await page.locator('[data-testid="login-submit"]').click();
  await page.waitForURL('**/console/**');
  const problems: string[] = [];
  const check = async (where: string) => {
    // Loaded: no spinner or skeleton left (a page that never loads fails here, named).
    await expect
      .poll(() => page.locator('.ant-spin-spinning, .ant-skeleton').count(), {
        timeout: 20_000,
        message: where,
      })
      .toBe(0);
    if ((await page.locator('text=/后续里程碑|later milestone/').count()) > 0)
      problems.push(`${where}: placeholder page`);
    for (const { kind, text } of await visibleTexts(page)) {
      if (kind === 'status' && ENGLISH.test(text))
        problems.push(`${where}: English status "${text}"`);
      if (CODE.test(text)) problems.push(`${where}: code "${text.slice(0, 80)}"`);
      if (SENTENCE.test(text)) problems.push(`${where}: English "${text.slice(0, 80)}"`);
      if (UUID.test(text)) problems.push(`${where}: UUID in "${text.slice(0, 80)}"`);
    }
  };
  for (const entry of pages) {
    const url = typeof entry === 'string' ? entry : entry.url();
    await page.goto(`${stack.webUrl}${url}`);
    // Not 'networkidle': the live event stream keeps a request open on every console page.
    await page.locator('main, .ant-layout-content').first().waitFor();
    await check(url);
    for (const tab of typeof entry === 'string' ? [] : entry.tabs) {
      await page.locator(`[data-testid="${tab}"]`).click();
      await check(`${url} (${tab})`);
      if (tab.endsWith('-tasks'))
        await page.screenshot({ path: path.join(SHOTS, `${shotName}-${tab}.png`) });
    }
    if (url === '/console/overview')
      await page.screenshot({ path: path.join(SHOTS, `${shotName}-overview.png`) });
    if (url === '/console/tasks')
      await page.screenshot({ path: path.join(SHOTS, `${shotName}-tasks.png`) });
  }
  await context.close();
  expect([...new Set(problems)], username).toEqual([]);
  expect(consoleErrors, username).toEqual([]);
};

test('super admin: every page, the admin ones too', { timeout: 300_000 }, async () => {
  await sweep('admin', [...resourcePages, ...adminPages], 'sweep-admin');
});

test('department admin of 研发部', { timeout: 300_000 }, async () => {
  await sweep(
    'rd-admin',
    [...resourcePages, '/console/admin/projects', '/console/admin/users', '/console/admin/quotas'],
    'sweep-rd-admin',
  );
});

test('project admin of web-shop', { timeout: 300_000 }, async () => {
  await sweep('rd-lead', resourcePages, 'sweep-rd-lead');
});

test('member of web-shop', { timeout: 300_000 }, async () => {
  await sweep('rd-dev', resourcePages, 'sweep-rd-dev');
});
