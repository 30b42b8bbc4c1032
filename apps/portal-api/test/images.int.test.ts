import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { Task } from '@yunguan/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';

/** Images through the real tunnel to the simulated datacenter's Glance (ADR 0108). */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;
let member: Session;
let outsider: Session;
let origin: string;

type ImageBody = { externalId: string; status: string; visibility: string; protected: boolean };
type ErrorBody = {
  error: {
    code: string;
    message: string;
    details: { reason?: string; issues?: { path: string; message: string }[] };
  };
};

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'img');
  b = await createOrganisation(h.adminCtx, 'imo');
  member = await h.login(a.member.username);
  outsider = await h.login(b.deptAdmin.username);
  if (!h.app.server.listening) await h.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await dc?.stop();
  await h?.close();
});

const base = () => `/api/v1/projects/${a.project.id}/images`;
const createBody = (name: string, extra: Record<string, unknown> = {}) => ({
  datacenterId: dc.id,
  name,
  diskFormat: 'qcow2',
  containerFormat: 'bare',
  ...extra,
});

const create = async (session: Session, name: string, extra: Record<string, unknown> = {}) => {
  const res = await session.post(base(), createBody(name, extra));
  expect(res.statusCode, res.body).toBe(201);
  return json<{ image: ImageBody; task: Task }>(res);
};

/** PUT the bytes over real HTTP in 64 KB chunks, as a browser's XHR or curl -T would. */
const upload = async (session: Session, imageId: string, bytes: Uint8Array) => {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 65_536));
      offset += 65_536;
    },
  });
  const cookie = Object.entries(session.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return fetch(`${origin}${base()}/${imageId}/file?datacenterId=${dc.id}`, {
    method: 'PUT',
    headers: {
      cookie,
      'x-csrf-token': session.csrf ?? '',
      'content-type': 'application/octet-stream',
      'accept-language': 'en',
    },
    body,
    duplex: 'half',
  });
};

const taskOf = async (session: Session, id: string) => {
  const res = await session.get(`/api/v1/tasks/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Task>(res);
};

describe('upload', () => {
  test('5 MB streamed through the API and the tunnel: Glance stores exactly those bytes', async () => {
    const { image, task } = await create(member, 'ubuntu-5m');
    expect(image.status).toBe('queued');
    expect(task).toMatchObject({ action: 'image.upload', status: 'running', targetType: 'image' });
    expect(task.steps.map((s) => [s.key, s.status])).toEqual([
      ['create', 'succeeded'],
      ['upload', 'pending'],
      ['verify', 'pending'],
    ]);
    const bytes = randomBytes(5 * 1024 * 1024);
    const res = await upload(member, image.externalId, bytes);
    expect(res.status, await res.clone().text()).toBe(204);
    const got = await member.get(`${base()}/${image.externalId}?datacenterId=${dc.id}`);
    expect(got.statusCode, got.body).toBe(200);
    const stored = json<{ status: string; sizeBytes: number; checksum: string; hashValue: string }>(
      got,
    );
    expect(stored.status).toBe('active');
    expect(stored.sizeBytes).toBe(bytes.length);
    expect(stored.checksum).toBe(createHash('md5').update(bytes).digest('hex'));
    expect(stored.hashValue).toBe(createHash('sha512').update(bytes).digest('hex'));
    const done = await taskOf(member, task.id);
    expect(done.status).toBe('succeeded');
    expect(done.steps.every((s) => s.status === 'succeeded')).toBe(true);
    expect(done.steps.at(-1)?.detail).toContain(createHash('sha256').update(bytes).digest('hex'));
    const direct = await dc.cloud.request<{ checksum: string }>(
      'GET',
      `/image/v2/images/${image.externalId}`,
    );
    expect(direct.body.checksum).toBe(stored.checksum);
  }, 60_000);

  test('a second upload into an active image is refused (CONFLICT image_not_queued)', async () => {
    const { image } = await create(member, 'twice');
    expect((await upload(member, image.externalId, randomBytes(1024))).status).toBe(204);
    const again = await upload(member, image.externalId, randomBytes(1024));
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.details.reason).toBe('image_not_queued');
  });

  test('bytes sent as JSON are refused with a message saying how to send them', async () => {
    const { image } = await create(member, 'json-body');
    const res = await member.request(
      'PUT',
      `${base()}/${image.externalId}/file?datacenterId=${dc.id}`,
      {
        data: 'abc',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.details.reason).toBe('image_upload_content_type');
    expect(json<ErrorBody>(res).error.message).toContain('application/octet-stream');
  });
});

describe('size limit', () => {
  const limited = async (run: () => Promise<void>) => {
    const env = h.deps.env as { IMAGE_UPLOAD_MAX_BYTES: number };
    const saved = env.IMAGE_UPLOAD_MAX_BYTES;
    env.IMAGE_UPLOAD_MAX_BYTES = 1024 * 1024;
    try {
      await run();
    } finally {
      env.IMAGE_UPLOAD_MAX_BYTES = saved;
    }
  };
  const put = (imageId: string, payload: Buffer | Readable) =>
    h.app.inject({
      method: 'PUT',
      url: `${base()}/${imageId}/file?datacenterId=${dc.id}`,
      headers: {
        cookie: Object.entries(member.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
        'x-csrf-token': member.csrf ?? '',
        'content-type': 'application/octet-stream',
        'accept-language': 'en',
      },
      payload,
    });

  test('a declared length over IMAGE_UPLOAD_MAX_BYTES is 400 before any byte is read', async () => {
    const { image } = await create(member, 'too-big-declared');
    await limited(async () => {
      const res = await put(image.externalId, randomBytes(1024 * 1024 + 1));
      expect(res.statusCode).toBe(400);
      expect(json<ErrorBody>(res).error.details.reason).toBe('image_upload_too_large');
      expect(json<ErrorBody>(res).error.message).toContain('1 MiB');
    });
  });

  test('a stream without a length is cut at the limit; the task fails with the reason', async () => {
    const { image, task } = await create(member, 'too-big-streamed');
    await limited(async () => {
      const chunks = Array.from({ length: 24 }, () => randomBytes(64 * 1024));
      const res = await put(image.externalId, Readable.from(chunks));
      expect(res.statusCode).toBe(400);
      expect(json<ErrorBody>(res).error.details.reason).toBe('image_upload_too_large');
    });
    const failed = await taskOf(member, task.id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.reason).toBe('image_upload_too_large');
  });
});

describe('validation and permissions', () => {
  test('an unknown disk format is 400 naming the field and the formats, in en and zh-CN', async () => {
    const en = await member.post(base(), createBody('bad', { diskFormat: 'exe' }));
    expect(en.statusCode).toBe(400);
    const issue = json<ErrorBody>(en).error.details.issues?.[0];
    expect(issue?.path).toBe('body.diskFormat');
    expect(issue?.message).toContain('qcow2');
    const zh = await member.request('POST', base(), createBody('bad', { diskFormat: 'exe' }), {
      'accept-language': 'zh-CN',
    });
    expect(zh.statusCode).toBe(400);
    expect(json<ErrorBody>(zh).error.details.issues?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(json<ErrorBody>(zh).error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a member may not make an image public (403); a platform admin may', async () => {
    const res = await member.post(base(), createBody('pub', { visibility: 'public' }));
    expect(res.statusCode).toBe(403);
    expect(json<ErrorBody>(res).error.details.reason).toBe('image_public_admin_only');
    const { image } = await create(h.admin, 'pub-by-admin', { visibility: 'public' });
    expect(image.visibility).toBe('public');
    const patched = await member.patch(`${base()}/${image.externalId}`, {
      datacenterId: dc.id,
      visibility: 'public',
    });
    expect(patched.statusCode).toBe(403);
  });

  test('another department gets 404 for the project and its images', async () => {
    const { image } = await create(member, 'private-one');
    expect((await outsider.post(base(), createBody('x'))).statusCode).toBe(404);
    expect(
      (await outsider.get(`${base()}/${image.externalId}?datacenterId=${dc.id}`)).statusCode,
    ).toBe(404);
    expect((await upload(outsider, image.externalId, randomBytes(16))).status).toBe(404);
    expect(
      (await outsider.delete(`${base()}/${image.externalId}?datacenterId=${dc.id}`)).statusCode,
    ).toBe(404);
    const own = `/api/v1/projects/${b.project.id}/images/${image.externalId}?datacenterId=${dc.id}`;
    expect((await outsider.delete(own)).statusCode).toBe(404);
  });
});

describe('protect, update, delete', () => {
  test('a protected image is refused deletion in the cloud’s words; unprotected it is deleted', async () => {
    const { image } = await create(member, 'keep-me');
    const url = `${base()}/${image.externalId}`;
    const patched = await member.patch(url, {
      datacenterId: dc.id,
      protected: true,
      name: 'keep-me-2',
      minDiskGb: 3,
      tags: ['golden'],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json(patched)).toMatchObject({ protected: true, name: 'keep-me-2', minDiskGb: 3 });
    const refused = await member.delete(`${url}?datacenterId=${dc.id}`);
    expect(refused.statusCode).toBe(409);
    const body = json<ErrorBody>(refused);
    expect(body.error.details.reason).toBe('image_protected');
    expect(body.error.message).toMatch(/protected/);
    await member.patch(url, { datacenterId: dc.id, protected: false });
    expect((await member.delete(`${url}?datacenterId=${dc.id}`)).statusCode).toBe(204);
    expect((await member.get(`${url}?datacenterId=${dc.id}`)).statusCode).toBe(404);
    const tasks = await h.deps.db.task.findMany({
      where: { targetType: 'image', targetExternalId: image.externalId },
      orderBy: { createdAt: 'asc' },
    });
    expect(tasks.map((t) => [t.action, t.status])).toEqual([
      ['image.upload', 'cancelled'],
      ['image.update', 'succeeded'],
      ['image.delete', 'failed'],
      ['image.update', 'succeeded'],
      ['image.delete', 'succeeded'],
    ]);
  });
});
