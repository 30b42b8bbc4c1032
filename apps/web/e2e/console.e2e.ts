import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { startE2eStack } from '@yunguan/testing/e2e';
import { loginPortal, type RunningStack } from '@yunguan/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

const PASSWORD = 'e2e-demo-password';
const SHOTS = path.resolve(import.meta.dirname, '../../../test-results/e2e');
let stack: RunningStack;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startE2eStack({ demoPassword: PASSWORD });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

const newPage = async () => {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
  });
  return context.newPage();
};

const login = async (page: Page, username: string, password: string) => {
  await page.goto(`${stack.webUrl}/login`);
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
};

const pick = async (page: Page, selectTestId: string, optionText: string) => {
  await byTestId(page, selectTestId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText })
    .first()
    .click();
};

test('super admin creates a department, a project and a user; that user sees only their project and menus', async () => {
  const page = await newPage();
  await login(page, 'admin', PASSWORD);
  await page.waitForURL('**/console/**');
  await expect.poll(() => byTestId(page, 'menu-admin.departments').count()).toBe(1);
  await shot(page, '01-admin-overview');

  await byTestId(page, 'menu-admin.departments').click();
  await byTestId(page, 'department-create').click();
  await byTestId(page, 'department-form-name').fill('测试部');
  await byTestId(page, 'department-form-submit').click();
  await byTestId(page, 'department-row-测试部').waitFor();
  await shot(page, '02-departments');

  await byTestId(page, 'menu-admin.projects').click();
  await byTestId(page, 'project-create').click();
  await pick(page, 'project-form-department', '测试部');
  await byTestId(page, 'project-form-name').fill('e2e-app');
  await byTestId(page, 'project-form-submit').click();
  await byTestId(page, 'project-row-e2e-app').waitFor();

  await byTestId(page, 'menu-admin.users').click();
  await byTestId(page, 'user-create').click();
  await byTestId(page, 'user-form-username').fill('e2e-user');
  await byTestId(page, 'user-form-password').fill('e2e-user-password');
  await pick(page, 'user-form-department', '测试部');
  await byTestId(page, 'user-form-add-role').click();
  await pick(page, 'user-form-role-0-role', '项目成员');
  await pick(page, 'user-form-role-0-project', 'e2e-app');
  await shot(page, '03-user-form');
  await byTestId(page, 'user-form-submit').click();
  await byTestId(page, 'user-row-e2e-user').waitFor();
  await shot(page, '04-users');

  const member = await newPage();
  await login(member, 'e2e-user', 'e2e-user-password');
  await member.waitForURL('**/console/**');
  await byTestId(member, 'menu-overview').waitFor();
  for (const visible of ['menu-overview', 'menu-compute', 'menu-storage', 'menu-network']) {
    expect(await byTestId(member, visible).count(), visible).toBe(1);
  }
  for (const hidden of [
    'menu-admin.departments',
    'menu-admin.projects',
    'menu-admin.users',
    'menu-admin.roles',
    'menu-admin.audit',
    'menu-billing',
  ]) {
    expect(await byTestId(member, hidden).count(), hidden).toBe(0);
  }
  // The switcher offers exactly the member's one project (polled: the dropdown renders lazily).
  await byTestId(member, 'project-switcher').click();
  const options = member.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect
    .poll(async () => {
      if ((await options.count()) === 0) await byTestId(member, 'project-switcher').click();
      return options.allInnerTexts();
    })
    .toEqual([expect.stringContaining('e2e-app')]);
  await shot(member, '05-member-console');

  // Typing an admin URL does not reveal anything either.
  await member.goto(`${stack.webUrl}/console/admin/departments`);
  await member.waitForLoadState('networkidle');
  expect(await byTestId(member, 'department-row-研发部').count()).toBe(0);
  expect(await byTestId(member, 'department-row-测试部').count()).toBe(0);
  await shot(member, '06-member-admin-url');
});

test('five wrong passwords lock the account, even against the right password', async () => {
  const page = await newPage();
  for (let i = 1; i <= 5; i++) {
    await login(page, 'rd-dev', `wrong-password-${i}`);
    await byTestId(page, 'login-error').waitFor();
    await expect.poll(() => byTestId(page, 'login-error').innerText()).toContain('锁定');
  }
  await login(page, 'rd-dev', PASSWORD);
  await byTestId(page, 'login-error').waitFor();
  expect(page.url()).toContain('/login');
  await shot(page, '07-locked');

  const { cookie } = await loginPortal(stack.apiUrl, 'admin', PASSWORD);
  const users = (await (
    await fetch(`${stack.apiUrl}/api/v1/users?q=rd-dev`, { headers: { cookie } })
  ).json()) as {
    items: { username: string; locked: boolean }[];
  };
  expect(users.items.find((u) => u.username === 'rd-dev')?.locked).toBe(true);
});
