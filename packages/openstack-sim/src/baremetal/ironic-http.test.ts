import { afterEach, describe, expect, it } from 'vitest';
import { createSimApp, type SimApp } from '../app';

describe('Ironic v1 HTTP (in-process)', () => {
  const opened: SimApp[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  const open = async () => {
    const sim = await createSimApp({
      dataFile: null,
      delays: { buildMs: 0, actionMs: 0, volumeMs: 0 },
    });
    opened.push(sim);
    const res = await sim.app.inject({
      method: 'POST',
      url: '/identity/v3/auth/tokens',
      payload: {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'admin', domain: { name: 'Default' }, password: 'admin' } },
          },
          scope: { project: { name: 'admin', domain: { name: 'Default' } } },
        },
      },
    });
    return { sim, token: String(res.headers['x-subject-token']) };
  };

  it('announces min/max versions and negotiates per request', async () => {
    const { sim, token } = await open();
    const root = await sim.app.inject({ method: 'GET', url: '/baremetal/' });
    expect(root.json()).toMatchObject({ default_version: { min_version: '1.1', version: '1.81' } });
    expect(root.headers['x-openstack-ironic-api-maximum-version']).toBe('1.81');
    const latest = await sim.app.inject({
      method: 'GET',
      url: '/baremetal/v1/nodes',
      headers: { 'x-auth-token': token, 'x-openstack-ironic-api-version': 'latest' },
    });
    expect(latest.headers['x-openstack-ironic-api-version']).toBe('1.81');
    expect(latest.json<{ nodes: unknown[] }>().nodes).toHaveLength(3);
    const tooNew = await sim.app.inject({
      method: 'GET',
      url: '/baremetal/v1/nodes',
      headers: { 'x-auth-token': token, 'x-openstack-ironic-api-version': '1.99' },
    });
    expect(tooNew.statusCode).toBe(406);
    const fault = JSON.parse(tooNew.json<{ error_message: string }>().error_message) as {
      faultstring: string;
    };
    expect(fault.faultstring).toContain('The supported version range is: [1.1, 1.81]');
  });

  it("answers unknown nodes and bad transitions in Ironic's error shape", async () => {
    const { sim, token } = await open();
    const headers = { 'x-auth-token': token };
    const missing = await sim.app.inject({
      method: 'GET',
      url: '/baremetal/v1/nodes/nope',
      headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.json<{ error_message: string }>().error_message)).toEqual({
      faultstring: 'Node nope could not be found.',
      faultcode: 'Client',
      debuginfo: null,
    });
    const bad = await sim.app.inject({
      method: 'PUT',
      url: '/baremetal/v1/nodes/bm-2/states/provision',
      headers,
      payload: { target: 'deploy' },
    });
    expect(bad.statusCode).toBe(400);
    const clean = await sim.app.inject({
      method: 'PUT',
      url: '/baremetal/v1/nodes/bm-1/states/provision',
      headers,
      payload: { target: 'clean' },
    });
    expect(clean.body).toContain('clean_steps is required');
    const unauthenticated = await sim.app.inject({ method: 'GET', url: '/baremetal/v1/nodes' });
    expect(unauthenticated.statusCode).toBe(401);
  });
});
