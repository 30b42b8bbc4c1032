import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '@yunguan/testing/browser';
import { loginPortal, startE2eStack, type E2eStack } from '@yunguan/testing/e2e';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';

/** ADR 0112: a browser that loses its event stream for 10 s while a server is created shows
 * every step of that task once the stream is back — replayed from the event log, no reload. */
const root = path.resolve(import.meta.dirname, '../../..');
const SHOTS = path.join(root, 'test-results/e2e');
const PASSWORD = 'e2e-demo-password';
const MEMBER = 'rd-dev';
const SERVER = 'e2e-resume-1';
let stack: E2eStack;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startE2eStack({
    demoPassword: PASSWORD,
    // A build long enough to be still running when the stream is cut.
    datacenter: { name: 'e2e-resume', buildMs: 45_000, actionMs: 1_500 },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

type Received = { url: string; type: string; id: string; data: string };
type Tracker = { sources: EventSource[]; received: Received[] };

/** Test instrumentation only: remember every EventSource the page opens and what it received
 * (the page's own code is untouched; EventSource keeps its behaviour). Plain JavaScript, so that
 * nothing the test's compiler adds ends up in the page. */
const trackEventSources = `
  (() => {
    const tracker = { sources: [], received: [] };
    window.__sse = tracker;
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url, init) {
        super(url, init);
        tracker.sources.push(this);
        for (const type of ['task.updated', 'resource.changed', 'reset']) {
          this.addEventListener(type, (e) => {
            tracker.received.push({ url: String(url), type, id: e.lastEventId, data: e.data });
          });
        }
      }
    };
  })();
`;

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sse: Tracker }).__sse.received);

test('the task timeline shows every step of a create that finished while the stream was down', async () => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  await context.addInitScript({ content: trackEventSources });
  const page = await context.newPage();
  onTestFailed(async () => {
    await page.screenshot({ path: path.join(SHOTS, 'events-resume-failed.png'), fullPage: true });
  });
  await page.goto(`${stack.webUrl}/login`);
  await byTestId(page, 'login-username').fill(MEMBER);
  await byTestId(page, 'login-password').fill(PASSWORD);
  await byTestId(page, 'login-submit').click();
  await page.waitForURL('**/console/**');
  await byTestId(page, 'menu-compute').click();
  await page.waitForURL('**/console/compute/servers');
  await expect.poll(() => byTestId(page, 'live-badge').getAttribute('data-connected')).toBe('true');
  await page.evaluate(() => {
    (window as unknown as { __noReload: string }).__noReload = 'still-here';
  });

  // The member creates a server through the API; the open list shows it building (live).
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
  const taskId = created.task.id;
  await expect
    .poll(
      () =>
        byTestId(page, `server-status-${SERVER}`)
          .getAttribute('data-status', { timeout: 1_000 })
          .catch(() => null),
      {
        timeout: 30_000,
      },
    )
    .toBe('building');

  // The task center (a client-side navigation: the same page, the same event stream), the
  // create task's row opened on its timeline while the server is still building.
  await byTestId(page, 'menu-tasks').click();
  await page.waitForURL('**/console/tasks');
  const row = byTestId(page, `task-row-${taskId}`);
  await row.waitFor({ timeout: 30_000 });
  await row.locator('.ant-table-row-expand-icon').click();
  const createTask = byTestId(page, `task-${taskId}`);
  await createTask.waitFor();
  await expect.poll(() => byTestId(page, 'live-badge').getAttribute('data-connected')).toBe('true');
  const taskShownBefore = await createTask.getAttribute('data-status');
  expect(taskShownBefore).toBe('running');

  // The stream is lost: every new connection fails, and the open one is closed.
  const eventsRoute = (url: URL) => url.pathname === '/api/v1/events';
  await page.route(eventsRoute, (route) => route.abort('connectionrefused'));
  const cutAt = Date.now();
  const before = (await received(page)).length;
  await page.evaluate(() => {
    const source = (window as unknown as { __sse: Tracker }).__sse.sources.at(-1);
    source?.close();
    source?.dispatchEvent(new Event('error'));
  });
  await expect
    .poll(() => byTestId(page, 'live-badge').getAttribute('data-connected'))
    .toBe('false');

  // Meanwhile the server becomes active and the task finishes (seen through the API).
  await expect
    .poll(
      async () =>
        ((await member.call('GET', `/api/v1/tasks/${taskId}`)) as { status: string }).status,
      { timeout: 120_000, interval: 500 },
    )
    .toBe('succeeded');
  await page.waitForTimeout(Math.max(0, 10_000 - (Date.now() - cutAt)));
  expect(Date.now() - cutAt).toBeGreaterThanOrEqual(10_000);
  // Nothing reached the page while the stream was down.
  expect((await received(page)).length).toBe(before);
  expect(await createTask.getAttribute('data-status')).toBe(taskShownBefore);
  await page.screenshot({ path: path.join(SHOTS, 'events-resume-during-cut.png') });

  // Back: the page resumes from its last event and shows every step, without a reload.
  await page.unroute(eventsRoute);
  try {
    await expect
      .poll(() => createTask.getAttribute('data-status'), { timeout: 45_000, interval: 250 })
      .toBe('succeeded');
  } catch (error) {
    const got = await received(page);
    console.error(
      'DIAG after cut',
      JSON.stringify(
        got.slice(before).map((r) => ({ t: r.type, id: r.id, u: r.url, d: r.data.slice(0, 300) })),
      ),
      'sources',
      await page.evaluate(() =>
        (window as unknown as { __sse: Tracker }).__sse.sources.map((s) => [s.url, s.readyState]),
      ),
    );
    throw error;
  }
  const steps = createTask.locator('[data-testid^="task-step-"]');
  const stepStates = await steps.evaluateAll((els) =>
    els.map((el) => `${el.getAttribute('data-testid')}:${el.getAttribute('data-status')}`),
  );
  expect(stepStates).toEqual([
    'task-step-submit:succeeded',
    'task-step-wait:succeeded',
    'task-step-record:succeeded',
  ]);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: string }).__noReload)).toBe(
    'still-here',
  );

  // It came from the replay: the resumed stream delivered the task's finish, numbered after the
  // last event the page had before the cut.
  const all = await received(page);
  const lastBefore = BigInt(all[before - 1]?.id ?? '0');
  const replayed = all
    .slice(before)
    .filter((r) => r.type === 'task.updated')
    .map((r) => ({
      id: BigInt(r.id),
      task: (JSON.parse(r.data) as { task: { id: string; status: string } }).task,
    }))
    .filter((r) => r.task.id === taskId);
  console.info(
    'after the cut',
    JSON.stringify(
      all
        .slice(before)
        .map((r) => ({ type: r.type, id: r.id, url: r.url, data: r.data.slice(0, 160) })),
    ),
  );
  expect(replayed.some((r) => r.task.status === 'succeeded')).toBe(true);
  expect(replayed.every((r) => r.id > lastBefore)).toBe(true);
  expect(all.slice(before).some((r) => r.type === 'reset')).toBe(false);
  await page.screenshot({ path: path.join(SHOTS, 'events-resume-after.png') });
  await context.close();
}, 180_000);
