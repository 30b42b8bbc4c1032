import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { loginPortal, startE2eStack, type E2eStack } from '@yunguan/testing/e2e';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';

/** A member creates a volume in the storage console and watches it become available live (no
 * reload), extends it, snapshots it, attaches it to a server and detaches it, backs it up and
 * restores the backup into a new volume, deletes backup, snapshot and volume; a platform admin creates a
 * volume type from the gold preset and reads the storage pools. Against the simulated OpenStack
 * (Cinder) behind a real tunnel (gateway + agent --stack sim) — nothing is mocked. */
const root = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(root, 'test-results/e2e');
const DOCS = path.join(root, 'docs/screenshots');
const PASSWORD = 'e2e-demo-password';
const VOLUME = 'e2e-data-1';
const SNAPSHOT = 'e2e-data-1-snap';
const TYPE = 'e2e-gold';
const SERVER = 'e2e-db-1';
const BACKUP = 'e2e-data-1-backup';
const RESTORED = 'e2e-data-1-restored';
/** The member of 研发部 / web-shop. */
const MEMBER = 'rd-dev';
let stack: E2eStack;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    datacenter: { name: 'e2e-sim', portRange: { first: 61_700, last: 61_799 } },
  });
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

const newPage = async () => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  onTestFailed(async ({ task }) => {
    const name = `storage-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`;
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

const attr = (page: Page, testId: string, name: string) =>
  byTestId(page, testId)
    .getAttribute(name, { timeout: 1_000 })
    .catch(() => null);

/** Open a row's or the header's "more" menu and pick one entry. */
const menuAction = async (page: Page, action: string) => {
  await byTestId(page, `volume-actions-${VOLUME}`).click();
  await page.locator(`.ant-dropdown:visible [data-testid="volume-action-${action}"]`).click();
};

let volumeUrl = '';

test('a member creates a volume and watches it become available without reloading', async () => {
  const page = await newPage();
  await login(page, MEMBER);
  await byTestId(page, 'menu-storage').click();
  await page.waitForURL('**/console/storage/volumes');
  await byTestId(page, 'volume-table').waitFor();
  await expect.poll(() => byTestId(page, 'live-badge').getAttribute('data-connected')).toBe('true');
  const marker = await page.evaluate(() => {
    (window as unknown as { __noReload: string }).__noReload = 'still-here';
    return 'still-here';
  });

  await byTestId(page, 'volume-create').click();
  // The one datacenter that can make volumes is chosen already.
  await expect
    .poll(() => byTestId(page, 'volume-datacenter').innerText())
    .toContain(stack.datacenter?.name ?? 'e2e-sim');
  await byTestId(page, 'volume-name').fill(VOLUME);
  await byTestId(page, 'volume-size').fill('2');
  await shot(page, 'storage-create-drawer');
  await byTestId(page, 'volume-create-submit').click();
  await byTestId(page, 'volume-create-form').waitFor({ state: 'hidden' });

  // The row shows up on its own and settles as available; its status was a transition first
  // or the task ran on it (the stream reports the create task on the row).
  await expect
    .poll(() => attr(page, `volume-status-${VOLUME}`, 'data-status'), {
      timeout: 60_000,
      interval: 200,
    })
    .toBe('available');
  await expect
    .poll(() => attr(page, `volume-status-${VOLUME}`, 'data-transition'), { timeout: 30_000 })
    .toBe('false');
  expect(await byTestId(page, `volume-size-${VOLUME}`).innerText()).toBe('2 GB');
  expect(await page.evaluate(() => (window as unknown as { __noReload?: string }).__noReload)).toBe(
    marker,
  );
  await shot(page, '20-volumes', true);

  // CSV export: the same list through the API's ?format=csv, with the browser's session.
  const csv = await byTestId(page, 'volume-export').getAttribute('href');
  expect(csv).toContain('format=csv');
  const exported = await page.request.get(`${stack.webUrl}${csv ?? ''}`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toContain('text/csv');
  expect(await exported.text()).toContain(VOLUME);

  await byTestId(page, `volume-link-${VOLUME}`).click();
  await page.waitForURL('**/console/storage/volumes/*');
  volumeUrl = page.url();
  await page.context().close();
});

test('the member extends the volume and snapshots it; the detail follows live', async () => {
  expect(volumeUrl).not.toBe('');
  const page = await newPage();
  await login(page, MEMBER);
  await page.goto(volumeUrl);
  await expect
    .poll(() => attr(page, 'volume-detail-status', 'data-status'), { timeout: 20_000 })
    .toBe('available');

  // Extend 2 → 3 GB.
  await byTestId(page, 'volume-quick-extend').click();
  await byTestId(page, 'volume-new-size').fill('3');
  await byTestId(page, 'volume-action-submit').click();
  await byTestId(page, 'volume-action-submit').waitFor({ state: 'detached' });
  await expect
    .poll(() => byTestId(page, 'volume-header-size').innerText(), { timeout: 60_000 })
    .toBe('3 GB');
  await expect
    .poll(() => attr(page, 'volume-header-status', 'data-transition'), { timeout: 30_000 })
    .toBe('false');

  // Snapshot it; the snapshot appears in the volume's Snapshots tab and becomes available.
  await byTestId(page, 'volume-quick-snapshot').click();
  await byTestId(page, 'volume-snapshot-name').fill(SNAPSHOT);
  await byTestId(page, 'volume-action-submit').click();
  await byTestId(page, 'volume-action-submit').waitFor({ state: 'detached' });
  await byTestId(page, 'volume-tab-snapshots').click();
  await expect
    .poll(() => attr(page, `volume-snapshot-status-${SNAPSHOT}`, 'data-status'), {
      timeout: 60_000,
      interval: 250,
    })
    .toBe('available');

  // The activity tab: extend's steps all done, with timestamps.
  await byTestId(page, 'volume-tab-tasks').click();
  const timeline = byTestId(page, 'volume-task-timeline');
  await timeline.locator('[data-action="volume.extend"][data-status="succeeded"]').waitFor();
  await timeline.locator('[data-action="volume.create"][data-status="succeeded"]').waitFor();
  await shot(page, '21-volume-detail', true);
  await page.context().close();
});

test("the member attaches the volume from a server's Volumes tab and detaches it on the volume page", async () => {
  // A server of web-shop to attach to, made through the API (the wizard is compute.e2e's).
  const member = await loginPortal(stack.apiUrl, MEMBER, PASSWORD);
  const dc = stack.datacenter?.id ?? '';
  const projects = (await member.call('GET', '/api/v1/me')) as {
    projects: { id: string; name: string }[];
  };
  const shopId = projects.projects.find((p) => p.name === 'web-shop')?.id ?? '';
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
  await byTestId(page, 'server-tab-volumes').click();
  await byTestId(page, 'server-volumes').waitFor();
  await expect
    .poll(() => byTestId(page, 'server-attach-volume').isEnabled(), { timeout: 20_000 })
    .toBe(true);
  await byTestId(page, 'server-attach-volume').click();
  await byTestId(page, 'server-attach-volume-pick').click();
  await page
    .locator(`.ant-select-dropdown:visible [data-testid="attach-volume-option-${VOLUME}"]`)
    .click();
  await byTestId(page, 'server-attach-volume-submit').click();
  // The attached volume appears in the tab on its own and settles as in use.
  await expect
    .poll(() => attr(page, `server-volume-status-${VOLUME}`, 'data-status'), {
      timeout: 60_000,
      interval: 250,
    })
    .toBe('in-use');
  await expect
    .poll(() => attr(page, `server-volume-status-${VOLUME}`, 'data-transition'), {
      timeout: 30_000,
    })
    .toBe('false');
  await shot(page, 'storage-server-volumes');

  // On the volume page: attached to the server; detach (the only attachment is preselected).
  await page.goto(volumeUrl);
  await expect
    .poll(() => attr(page, 'volume-detail-status', 'data-status'), { timeout: 20_000 })
    .toBe('in-use');
  await byTestId(page, 'volume-tab-attachments').click();
  expect(await byTestId(page, 'volume-attachments').innerText()).toContain(SERVER);
  await byTestId(page, 'volume-quick-detach').click();
  await byTestId(page, 'volume-action-submit').click();
  await byTestId(page, 'volume-action-submit').waitFor({ state: 'detached' });
  await expect
    .poll(() => attr(page, 'volume-header-status', 'data-status'), { timeout: 60_000 })
    .toBe('available');
  await page.context().close();
});

test('the member backs the volume up and restores it into a new volume; then deletes backup, snapshot and volume', async () => {
  const page = await newPage();
  await login(page, MEMBER);
  await page.goto(volumeUrl);
  await expect
    .poll(() => attr(page, 'volume-detail-status', 'data-status'), { timeout: 20_000 })
    .toBe('available');
  await menuAction(page, 'backup');
  await byTestId(page, 'volume-backup-name').fill(BACKUP);
  await byTestId(page, 'volume-action-submit').click();
  await byTestId(page, 'volume-action-submit').waitFor({ state: 'detached' });

  await byTestId(page, 'storage-tab-backups').click();
  await page.waitForURL('**/console/storage/backups');
  await expect
    .poll(() => attr(page, `backup-status-${BACKUP}`, 'data-status'), {
      timeout: 60_000,
      interval: 250,
    })
    .toBe('available');
  await shot(page, 'storage-backups');
  await byTestId(page, `backup-restore-${BACKUP}`).click();
  await byTestId(page, 'backup-restore-name').fill(RESTORED);
  await byTestId(page, 'backup-restore-submit').click();
  await byTestId(page, 'backup-restore-submit').waitFor({ state: 'detached' });
  await byTestId(page, 'storage-tab-volumes').click();
  await page.waitForURL('**/console/storage/volumes');
  await expect
    .poll(() => attr(page, `volume-status-${RESTORED}`, 'data-status'), {
      timeout: 60_000,
      interval: 250,
    })
    .toBe('available');

  await byTestId(page, 'storage-tab-backups').click();
  await expect
    .poll(() => attr(page, `backup-status-${BACKUP}`, 'data-transition'), { timeout: 30_000 })
    .toBe('false');
  await byTestId(page, `backup-delete-${BACKUP}`).click();
  await byTestId(page, 'confirm-delete').click();
  await byTestId(page, `backup-row-${BACKUP}`).waitFor({ state: 'detached', timeout: 60_000 });

  await byTestId(page, 'storage-tab-snapshots').click();
  await page.waitForURL('**/console/storage/snapshots');
  await byTestId(page, `snapshot-row-${SNAPSHOT}`).waitFor();
  await byTestId(page, `snapshot-delete-${SNAPSHOT}`).click();
  await byTestId(page, 'confirm-delete').click();
  await byTestId(page, `snapshot-row-${SNAPSHOT}`).waitFor({ state: 'detached', timeout: 60_000 });

  await byTestId(page, 'storage-tab-volumes').click();
  await page.waitForURL('**/console/storage/volumes');
  await byTestId(page, `volume-row-${VOLUME}`).waitFor();
  // Delete with the name typed; the row disappears on its own.
  await menuAction(page, 'delete');
  await byTestId(page, 'volume-delete-confirm-name').fill(VOLUME);
  await byTestId(page, 'volume-action-submit').click();
  await byTestId(page, `volume-row-${VOLUME}`).waitFor({ state: 'detached', timeout: 60_000 });
  await page.context().close();
});

test('a platform admin creates a volume type from the gold preset and sees pool capacity', async () => {
  const page = await newPage();
  await login(page, 'admin');
  await byTestId(page, 'menu-admin.storage').click();
  await page.waitForURL('**/console/admin/storage/volume-types');
  await byTestId(page, 'volume-type-table').waitFor();
  await byTestId(page, 'volume-type-create').click();
  await byTestId(page, 'volume-type-name').fill(TYPE);
  await byTestId(page, 'volume-type-preset').click();
  await page
    .locator('.ant-select-dropdown:visible [data-testid="volume-type-preset-gold"]')
    .click();
  expect(await byTestId(page, 'volume-type-spec-key-0').inputValue()).toBe('volume_backend_name');
  expect(await byTestId(page, 'volume-type-spec-value-0').inputValue()).toBe('gold');
  await shot(page, 'storage-volume-type-create');
  await byTestId(page, 'volume-type-submit').click();
  await byTestId(page, `volume-type-row-${TYPE}`).waitFor({ timeout: 20_000 });
  await byTestId(page, 'volume-type-submit').waitFor({ state: 'hidden' });
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await byTestId(page, `volume-type-specs-${TYPE}`).innerText()).toContain(
    'volume_backend_name=gold',
  );
  await shot(page, '22-volume-types', true);

  // Edit: the silver preset rewrites volume_backend_name.
  await byTestId(page, `volume-type-edit-${TYPE}`).click();
  await byTestId(page, 'volume-type-edit-preset').click();
  await page
    .locator('.ant-select-dropdown:visible [data-testid="volume-type-edit-preset-silver"]')
    .click();
  await byTestId(page, 'volume-type-specs-submit').click();
  await expect
    .poll(() => byTestId(page, `volume-type-specs-${TYPE}`).innerText(), { timeout: 20_000 })
    .toContain('volume_backend_name=silver');

  await byTestId(page, 'storage-admin-tab-pools').click();
  await page.waitForURL('**/console/admin/storage/pools');
  await expect
    .poll(() => page.locator('[data-testid^="pool-row-"]').count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await shot(page, 'storage-pools');
  await page.context().close();
});
