import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SimApp, createSimApp } from '../src/app';

const password = (scope: Record<string, unknown> | undefined, pw = 'admin') => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name: 'admin', domain: { name: 'Default' }, password: pw } },
    },
    ...(scope && { scope }),
  },
});
const adminScope = { project: { name: 'admin', domain: { name: 'Default' } } };

const login = async (sim: SimApp) => {
  const res = await sim.app.inject({
    method: 'POST',
    url: '/identity/v3/auth/tokens',
    payload: password(adminScope),
  });
  expect(res.statusCode).toBe(201);
  return String(res.headers['x-subject-token']);
};

describe('simulator in-process: Keystone and Glance', () => {
  const opened: SimApp[] = [];
  const dirs: string[] = [];
  const open = async (dataFile: string | null = null) => {
    const sim = await createSimApp({ dataFile, baseUrl: 'http://sim.test' });
    opened.push(sim);
    return sim;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('issues scoped tokens with a catalog and validates them', async () => {
    const sim = await open();
    const res = await sim.app.inject({
      method: 'POST',
      url: '/identity/v3/auth/tokens',
      payload: password(adminScope),
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-openstack-request-id']).toMatch(/^req-[0-9a-f-]{36}$/);
    const body = res.json<{
      token: { catalog: { type: string; endpoints: { url: string }[] }[] };
    }>();
    const volume = body.token.catalog.find((s) => s.type === 'volumev3');
    expect(volume?.endpoints[0]?.url).toMatch(/^http:\/\/sim\.test\/volume\/v3\/[0-9a-f]{32}$/);
    const token = String(res.headers['x-subject-token']);
    const check = await sim.app.inject({
      method: 'GET',
      url: '/identity/v3/auth/tokens',
      headers: { 'x-auth-token': token, 'x-subject-token': token },
    });
    expect(check.statusCode).toBe(200);
    const head = await sim.app.inject({
      method: 'HEAD',
      url: '/identity/v3/auth/tokens',
      headers: { 'x-auth-token': token, 'x-subject-token': 'gAAAAAunknown' },
    });
    expect(head.statusCode).toBe(404);
  });

  it('answers a wrong password with Keystone 401 and re-scopes by token', async () => {
    const sim = await open();
    const bad = await sim.app.inject({
      method: 'POST',
      url: '/identity/v3/auth/tokens',
      payload: password(adminScope, 'wrong'),
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({
      error: {
        code: 401,
        title: 'Unauthorized',
        message: 'The request you have made requires authentication.',
      },
    });
    const unscoped = await sim.app.inject({
      method: 'POST',
      url: '/identity/v3/auth/tokens',
      payload: password(undefined),
    });
    expect(unscoped.json<{ token: Record<string, unknown> }>().token.catalog).toBeUndefined();
    const rescoped = await sim.app.inject({
      method: 'POST',
      url: '/identity/v3/auth/tokens',
      payload: {
        auth: {
          identity: {
            methods: ['token'],
            token: { id: String(unscoped.headers['x-subject-token']) },
          },
          scope: adminScope,
        },
      },
    });
    expect(rescoped.statusCode).toBe(201);
    expect(rescoped.json<{ token: { methods: string[] } }>().token.methods).toEqual([
      'token',
      'password',
    ]);
  });

  it('validates formats, enforces protected and computes checksums on upload', async () => {
    const sim = await open();
    const token = await login(sim);
    const headers = { 'x-auth-token': token };
    const bad = await sim.app.inject({
      method: 'POST',
      url: '/image/v2/images',
      headers,
      payload: { name: 'x', disk_format: 'qcow3', container_format: 'bare' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: '400 Bad Request', title: 'Bad Request' });
    const created = await sim.app.inject({
      method: 'POST',
      url: '/image/v2/images',
      headers,
      payload: { name: 'x', disk_format: 'raw', container_format: 'bare', protected: true },
    });
    expect(created.json()).toMatchObject({ status: 'queued', visibility: 'shared' });
    const id = created.json<{ id: string }>().id;
    const data = Buffer.from('hello image');
    const upload = await sim.app.inject({
      method: 'PUT',
      url: `/image/v2/images/${id}/file`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: data,
    });
    expect(upload.statusCode).toBe(204);
    const shown = await sim.app.inject({ method: 'GET', url: `/image/v2/images/${id}`, headers });
    expect(shown.json()).toMatchObject({
      status: 'active',
      size: data.length,
      checksum: createHash('md5').update(data).digest('hex'),
      os_hash_value: createHash('sha512').update(data).digest('hex'),
    });
    const patched = await sim.app.inject({
      method: 'PATCH',
      url: `/image/v2/images/${id}`,
      headers: { ...headers, 'content-type': 'application/openstack-images-v2.1-json-patch' },
      payload: JSON.stringify([
        { op: 'add', path: '/color', value: 'blue' },
        { op: 'replace', path: '/name', value: 'y' },
      ]),
    });
    expect(patched.json()).toMatchObject({ name: 'y', color: 'blue' });
    const refused = await sim.app.inject({
      method: 'DELETE',
      url: `/image/v2/images/${id}`,
      headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(sim.ctx.recentNotifications().map((n) => n.event_type)).toEqual(
      expect.arrayContaining(['image.create', 'image.upload', 'image.update']),
    );
  });

  it('pages image lists with limit, marker and a next link', async () => {
    const sim = await open();
    const headers = { 'x-auth-token': await login(sim) };
    for (const name of ['a', 'b', 'c']) {
      await sim.app.inject({ method: 'POST', url: '/image/v2/images', headers, payload: { name } });
    }
    const first = await sim.app.inject({ method: 'GET', url: '/image/v2/images?limit=2', headers });
    const page = first.json<{ images: { id: string }[]; next?: string }>();
    expect(page.images).toHaveLength(2);
    expect(page.next).toMatch(/^\/v2\/images\?limit=2&marker=/);
    const second = await sim.app.inject({ method: 'GET', url: `/image${page.next}`, headers });
    const rest = second.json<{ images: { id: string }[]; next?: string }>();
    expect(rest.images).toHaveLength(2); // 3 created + the seeded cirros
    expect(rest.next).toBeUndefined();
  });

  it('keeps projects and image bytes across a restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yg-sim-unit-'));
    dirs.push(dir);
    const file = path.join(dir, 'sim-state.json');
    const first = await createSimApp({ dataFile: file });
    const headers = { 'x-auth-token': await login(first) };
    await first.app.inject({
      method: 'POST',
      url: '/identity/v3/projects',
      headers,
      payload: { project: { name: 'kept' } },
    });
    await first.close();
    const second = await open(file);
    const again = { 'x-auth-token': await login(second) };
    const projects = await second.app.inject({
      method: 'GET',
      url: '/identity/v3/projects?name=kept',
      headers: again,
    });
    expect(projects.json<{ projects: unknown[] }>().projects).toHaveLength(1);
    const images = await second.app.inject({
      method: 'GET',
      url: '/image/v2/images',
      headers: again,
    });
    const cirros = images.json<{ images: { id: string; size: number }[] }>().images[0];
    const bytes = await second.app.inject({
      method: 'GET',
      url: `/image/v2/images/${cirros?.id}/file`,
      headers: again,
    });
    expect(bytes.rawPayload.length).toBe(cirros?.size);
  });
});
