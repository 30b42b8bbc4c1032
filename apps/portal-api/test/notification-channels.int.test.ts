import { Writable } from 'node:stream';
import type { Channel, Delivery } from '@yunguan/contract';
import type { Worker } from 'bullmq';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { notify } from '../src/services/notifications/notify';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';
import { startInProcessNotificationWorker, waitForDelivery } from './notification-fixtures';
import {
  startSmtpPeer,
  startWebhookReceiver,
  startWecomDouble,
  type WecomDouble,
} from './notification-peers';

/**
 * Channels end to end through the API and a real BullMQ worker: email over a real SMTP server
 * with STARTTLS and AUTH; WeCom robot and application messages against a DOUBLE of WeCom's API
 * (shape-checked; there is no WeCom here), with the access token cached and bought again on
 * 42001; a webhook whose HMAC the receiver verifies. Secrets are sealed, never answered, never
 * logged; other projects' channels do not exist for a project admin (404).
 */
const SMTP_PASS = 'smtp-pass-0c7e1d9a';
const ROBOT_KEY = '693a91f6-7a0c-4bc4-97a0-0ec2bfa5aaa1';
const CORP_SECRET = 'corp-secret-5b2e77f0';
const HOOK_SECRET = 'hook-secret-9f1d2c3b4a';

let h: Harness;
let a: Organisation;
let b: Organisation;
let worker: Worker;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let wecom: WecomDouble;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let adminA: Session;
let adminB: Session;
const logLines: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  a = await createOrganisation(h.adminCtx, 'notify-a');
  b = await createOrganisation(h.adminCtx, 'notify-b');
  smtp = await startSmtpPeer({ user: 'mailer', pass: SMTP_PASS });
  wecom = await startWecomDouble({
    robotKey: ROBOT_KEY,
    corpId: 'ww0123456789abcd',
    corpSecret: CORP_SECRET,
    agentId: 1000002,
  });
  hook = await startWebhookReceiver(HOOK_SECRET);
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString('utf8'));
      cb();
    },
  });
  worker = await startInProcessNotificationWorker(
    h,
    { retryDelayMs: 100, maxAttempts: 3, sendTimeoutMs: 5_000 },
    pino({ level: 'debug' }, sink),
  );
  adminA = await h.login(a.projectAdmin.username);
  adminB = await h.login(b.projectAdmin.username);
  await h.admin.patch(`/api/v1/users/${a.projectAdmin.id}`, {
    email: 'lead@a.example.com',
    wecomUserId: 'lead-a',
    locale: 'en',
  });
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await Promise.all([smtp?.close(), wecom?.close(), hook?.close()]);
  await h?.close();
});

const create = async (who: Session, body: object) => {
  const res = await who.post('/api/v1/notification-channels', body);
  expect(res.statusCode, res.body).toBe(201);
  return json<Channel>(res);
};
const sendTest = async (who: Session, id: string, body: object = {}) => {
  const res = await who.post(`/api/v1/notification-channels/${id}/test`, body);
  expect(res.statusCode, res.body).toBe(202);
  return json<Delivery>(res);
};
const sent = (who: Session, id: string) =>
  waitForDelivery(who, id, (d) => d.status === 'sent' || d.status === 'dead');

describe('email over SMTP with STARTTLS', () => {
  let channel: Channel;
  test('a test mail arrives over TLS, authenticated, parsed; the password is sealed and never answered', async () => {
    channel = await create(h.admin, {
      kind: 'email',
      name: 'ops-mail',
      settings: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'starttls',
        username: 'mailer',
        from: 'yunguan@example.com',
        tlsCa: smtp.cert,
      },
      secret: { password: SMTP_PASS },
    });
    expect(channel.secrets).toEqual({ password: { configured: true } });
    const delivery = await sendTest(h.admin, channel.id, { to: 'noc@example.com', locale: 'en' });
    const done = await sent(h.admin, delivery.id);
    expect(done.status, done.lastError ?? '').toBe('sent');
    expect(done.attemptLog).toHaveLength(1);
    const mail = smtp.mails.find((m) => m.to.includes('noc@example.com'));
    expect(mail).toMatchObject({
      secure: true,
      user: 'mailer',
      subject: '[Test] notification channel ops-mail',
    });
    expect(mail?.text).toContain('channel **ops-mail** delivers');

    const row = await h.deps.db.notificationChannel.findUniqueOrThrow({
      where: { id: channel.id },
    });
    expect(row.secretSealed).toMatch(/^v1\./);
    expect(row.secretSealed).not.toContain(SMTP_PASS);
    expect(JSON.stringify(row.settings)).not.toContain(SMTP_PASS);
    for (const path of [
      `/api/v1/notification-channels/${channel.id}`,
      '/api/v1/notification-channels',
    ])
      expect((await h.admin.get(path)).body).not.toContain(SMTP_PASS);
  });

  test("an update without the password keeps it; a wrong password is the delivery's last error", async () => {
    const renamed = await h.admin.patch(`/api/v1/notification-channels/${channel.id}`, {
      kind: 'email',
      name: 'ops-mail-2',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(json<Channel>(renamed).secrets.password).toEqual({ configured: true });
    const again = await sent(
      h.admin,
      (await sendTest(h.admin, channel.id, { to: 'noc2@example.com' })).id,
    );
    expect(again.status).toBe('sent');

    await h.admin.patch(`/api/v1/notification-channels/${channel.id}`, {
      kind: 'email',
      secret: { password: 'wrong-password' },
    });
    const refused = await sent(
      h.admin,
      (await sendTest(h.admin, channel.id, { to: 'noc3@example.com' })).id,
    );
    expect(refused.status).toBe('dead'); // EAUTH: a retry cannot fix it
    expect(refused.lastError).toMatch(/EAUTH|535/);
    const listed = json<{ items: Channel[] }>(
      await h.admin.get('/api/v1/notification-channels'),
    ).items;
    expect(listed.find((c) => c.id === channel.id)?.lastError).toMatch(/EAUTH|535/);
  });
});

describe('WeCom (against a DOUBLE of its API)', () => {
  test('the group robot gets a markdown message at webhook/send?key=…; a pasted webhook address is reduced to its key', async () => {
    const robot = await create(h.admin, {
      kind: 'wecom-robot',
      name: 'ops-robot',
      locale: 'zh-CN',
      settings: { baseUrl: wecom.url },
      secret: { key: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${ROBOT_KEY}` },
    });
    const done = await sent(h.admin, (await sendTest(h.admin, robot.id)).id);
    expect(done.status, done.lastError ?? '').toBe('sent');
    expect(wecom.state.robotMessages.at(-1)?.content).toContain('### [测试] 通知通道 ops-robot');
    expect(wecom.state.shapeErrors).toEqual([]);
  });

  test('application messages: one token for many sends, bought again after 42001', async () => {
    const app = await create(adminA, {
      kind: 'wecom-app',
      name: 'a-app',
      projectId: a.project.id,
      settings: { baseUrl: wecom.url, corpId: 'ww0123456789abcd', agentId: 1000002 },
      secret: { secret: CORP_SECRET },
    });
    const first = await sent(adminA, (await sendTest(adminA, app.id)).id); // to the caller's WeCom id
    const second = await sent(adminA, (await sendTest(adminA, app.id, { to: 'someone' })).id);
    expect([first.status, second.status]).toEqual(['sent', 'sent']);
    expect(wecom.state.gettokenCalls).toBe(1);
    expect(wecom.state.appMessages.map((m) => m.touser)).toEqual(['lead-a', 'someone']);
    expect(wecom.state.appMessages[0]?.content).toContain('### [Test] notification channel a-app'); // the user's language

    wecom.state.expired.add(wecom.state.tokens[0]!);
    const third = await sent(adminA, (await sendTest(adminA, app.id)).id);
    expect(third.status, third.lastError ?? '').toBe('sent');
    expect(third.attemptLog).toHaveLength(1); // refreshed inside the attempt
    expect(wecom.state.gettokenCalls).toBe(2);
    expect(wecom.state.appMessages.at(-1)?.token).toBe(wecom.state.tokens[1]);
  });
});

describe('webhook', () => {
  test('a JSON POST whose HMAC-SHA256 over timestamp.body the receiver verifies', async () => {
    const channel = await create(h.admin, {
      kind: 'webhook',
      name: 'ops-hook',
      settings: { url: `${hook.url}/ok` },
      secret: { secret: HOOK_SECRET },
    });
    expect(channel.secrets).toEqual({ secret: { configured: true } });
    const done = await sent(h.admin, (await sendTest(h.admin, channel.id)).id);
    expect(done.status, done.lastError ?? '').toBe('sent');
    const got = hook.received.at(-1);
    expect(got?.verified).toBe(true);
    expect(got?.body).toMatchObject({ eventType: 'channel.test', params: { channel: 'ops-hook' } });
  });
});

describe('tenancy', () => {
  test("another project's admin cannot see, change, test or use a project's channel (404)", async () => {
    const own = await create(adminA, {
      kind: 'webhook',
      name: 'a-hook',
      projectId: a.project.id,
      settings: { url: `${hook.url}/ok` },
      secret: { secret: HOOK_SECRET },
    });
    const path = `/api/v1/notification-channels/${own.id}`;
    expect((await adminB.get(path)).statusCode).toBe(404);
    expect((await adminB.patch(path, { kind: 'webhook', name: 'x' })).statusCode).toBe(404);
    expect((await adminB.post(`${path}/test`, {})).statusCode).toBe(404);
    expect((await adminB.delete(path)).statusCode).toBe(404);
    const listB = json<{ items: Channel[] }>(
      await adminB.get('/api/v1/notification-channels'),
    ).items;
    expect(listB.map((c) => c.id)).not.toContain(own.id);
    // B's admin cannot make a channel in A's project either; A's member sees nothing.
    const intoA = await adminB.post('/api/v1/notification-channels', {
      kind: 'webhook',
      name: 'sneak',
      projectId: a.project.id,
      settings: { url: `${hook.url}/ok` },
      secret: { secret: HOOK_SECRET },
    });
    expect(intoA.statusCode).toBe(404);
    const member = await h.login(a.member.username);
    expect((await member.get(path)).statusCode).toBe(404);
    // The delivery log of A's project is A's.
    const delivery = await sendTest(adminA, own.id);
    expect((await adminB.get(`/api/v1/notifications/${delivery.id}`)).statusCode).toBe(404);
    const logB = json<{ items: Delivery[] }>(await adminB.get('/api/v1/notifications')).items;
    expect(logB.map((d) => d.id)).not.toContain(delivery.id);
    // notify() refuses another project's event on A's channel as if it did not exist.
    await expect(
      notify(h.adminCtx, {
        eventType: 'task.failed',
        channelIds: [own.id],
        projectId: b.project.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('bad input', () => {
  const post = (who: Session, body: object, lang = 'en') =>
    who.request('POST', '/api/v1/notification-channels', body, { 'accept-language': lang });
  const issues = (res: { body: string }) =>
    (
      JSON.parse(res.body) as {
        error: { details: { issues: { path: string; message: string }[] } };
      }
    ).error.details.issues;

  test('a malformed webhook URL, WeCom key, sender address or corp id is refused with what to fix', async () => {
    const badHook = await post(h.admin, {
      kind: 'webhook',
      name: 'x',
      settings: { url: 'ftp//nope' },
      secret: { secret: HOOK_SECRET },
    });
    expect(badHook.statusCode).toBe(400);
    expect(issues(badHook)).toContainEqual({
      path: 'body.settings.url',
      message: expect.stringContaining('is not a webhook URL') as string,
    });
    const zh = await post(
      h.admin,
      { kind: 'webhook', name: 'x', settings: { url: 'nope' }, secret: { secret: HOOK_SECRET } },
      'zh-CN',
    );
    expect(issues(zh)).toContainEqual({
      path: 'body.settings.url',
      message: expect.stringContaining('不是有效的 Webhook 地址') as string,
    });
    const badKey = await post(h.admin, { kind: 'wecom-robot', name: 'x', secret: { key: 'abc' } });
    expect(issues(badKey)).toContainEqual({
      path: 'body.secret.key',
      message: expect.stringContaining('key=') as string,
    });
    const badFrom = await post(h.admin, {
      kind: 'email',
      name: 'x',
      settings: { host: 'smtp.example.com', from: 'not-an-address' },
    });
    expect(issues(badFrom)).toContainEqual({
      path: 'body.settings.from',
      message: expect.stringContaining('is not an email address') as string,
    });
    const badCorp = await post(h.admin, {
      kind: 'wecom-app',
      name: 'x',
      settings: { corpId: 'corp!', agentId: 1 },
      secret: { secret: 's' },
    });
    expect(issues(badCorp)).toContainEqual({
      path: 'body.settings.corpId',
      message: expect.stringContaining('corp id') as string,
    });
    const shortSecret = await post(h.admin, {
      kind: 'webhook',
      name: 'x',
      settings: { url: `${hook.url}/ok` },
      secret: { secret: 'short' },
    });
    expect(issues(shortSecret)).toContainEqual({
      path: 'body.secret.secret',
      message: expect.stringContaining('16 characters') as string,
    });
  });

  test('templates: only variables; an unknown one names the known ones; preview renders samples', async () => {
    const bad = await h.admin.request('PUT', '/api/v1/notification-templates/alert.firing/en', {
      subject: '{{#rule}}x{{/rule}}',
      body: 'b',
    });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { details: { reason: string } } }>(bad).error.details.reason).toBe(
      'template_construct',
    );
    const unknown = await h.admin.request('PUT', '/api/v1/notification-templates/alert.firing/en', {
      subject: '{{nope}}',
      body: 'b',
    });
    expect(json<{ error: { message: string } }>(unknown).error.message).toContain('{{rule}}');
    const preview = await h.admin.post('/api/v1/notification-templates/preview', {
      eventType: 'alert.firing',
      subject: 'S {{rule}}',
      body: '{{value}}>{{threshold}}',
    });
    expect(json(preview)).toEqual({ subject: 'S CPU > 80 %', body: '93.5 %>80 %' });
    const saved = await h.admin.request('PUT', '/api/v1/notification-templates/channel.test/en', {
      subject: 'Custom {{channel}}',
      body: 'hello {{requester}}',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const types = json<{
      items: { type: string; templates: { locale: string; builtIn: boolean }[] }[];
    }>(await h.admin.get('/api/v1/notification-templates'));
    expect(types.items.find((t) => t.type === 'channel.test')?.templates).toContainEqual(
      expect.objectContaining({ locale: 'en', builtIn: false }),
    );
    expect((await adminA.get('/api/v1/notification-templates')).statusCode).toBe(403);
  });
});

test('no secret appears in the worker log', () => {
  const all = logLines.join('');
  expect(all.length).toBeGreaterThan(0);
  for (const secret of [SMTP_PASS, ROBOT_KEY, CORP_SECRET, HOOK_SECRET, 'wrong-password'])
    expect(all).not.toContain(secret);
});
