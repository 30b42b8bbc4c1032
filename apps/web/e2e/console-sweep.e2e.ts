import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { loginPortal } from '@yunguan/testing';
import { startE2eStack, type E2eStack } from '@yunguan/testing/e2e';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

/**
 * A page sweep of the zh-CN console as super admin, department admin, project admin and member:
 * every page of the sidebar (and 概览 / 任务中心) must show no status or task text in English,
 * no UUID outside the places meant for ids (copyable id text, code, tooltips), and log no
 * console error. Against the simulated OpenStack behind a real tunnel, with a task or two done.
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

const resourcePages = [
  '/console/overview',
  '/console/tasks',
  '/console/compute/servers',
  '/console/compute/images',
  '/console/compute/key-pairs',
  '/console/storage/volumes',
  '/console/storage/snapshots',
  '/console/storage/backups',
  '/console/network/networks',
  '/console/network/routers',
  '/console/network/floating-ips',
  '/console/network/security-groups',
  '/console/network/load-balancers',
];
const adminPages = [
  '/console/admin/departments',
  '/console/admin/projects',
  '/console/admin/users',
  '/console/admin/roles',
  '/console/admin/quotas',
  '/console/admin/audit',
  '/console/admin/datacenters',
];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    datacenter: { name: 'e2e-sweep', buildMs: 500, actionMs: 500 },
  });
  // Something for the task lists: a volume of web-shop, made by its member.
  const member = await loginPortal(stack.apiUrl, 'rd-dev', PASSWORD);
  const me = (await member.call('GET', '/api/v1/me')) as {
    projects: { id: string; name: string }[];
  };
  const shop = me.projects.find((p) => p.name === 'web-shop')?.id ?? '';
  await member.call('POST', `/api/v1/projects/${shop}/volumes`, {
    datacenterId: stack.datacenter?.id,
    name: 'sweep-data',
    sizeGb: 1,
  });
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
        '.ant-tag, [data-status], [data-action], [data-testid^="task-"]',
      );
      out.push({ kind: status ? 'status' : 'text', text });
    }
    return out;
  });

const sweep = async (username: string, pages: readonly string[], shotName: string) => {
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
  for (const url of pages) {
    await page.goto(`${stack.webUrl}${url}`);
    // Not 'networkidle': the live event stream keeps a request open on every console page.
    await page.locator('main, .ant-layout-content').first().waitFor();
    // Loaded: no spinner left (a list that never loads fails here, with its page named).
    await expect
      .poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 20_000, message: url })
      .toBe(0);
    if ((await page.locator('text=/后续里程碑|later milestone/').count()) > 0)
      problems.push(`${url}: placeholder page`);
    for (const { kind, text } of await visibleTexts(page)) {
      if (kind === 'status' && ENGLISH.test(text))
        problems.push(`${url}: English status "${text}"`);
      if (UUID.test(text)) problems.push(`${url}: UUID in "${text.slice(0, 80)}"`);
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
