import { afterEach, describe, expect, it } from 'vitest';
import { createSimApp, type SimApp } from '../app';

/** Ids that are property names of Object.prototype answer 404, like any unknown id (ADR 0114). */
describe('client-supplied ids never reach object prototypes', () => {
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

  const paths = [
    '/identity/v3/projects/%s',
    '/identity/v3/users/%s',
    '/identity/v3/domains/%s',
    '/network/v2.0/networks/%s',
    '/network/v2.0/subnets/%s',
    '/network/v2.0/ports/%s',
    '/network/v2.0/routers/%s',
    '/network/v2.0/floatingips/%s',
    '/network/v2.0/security-groups/%s',
    '/network/v2.0/security-group-rules/%s',
    '/network/v2.0/fwaas/firewall_groups/%s',
    '/network/v2.0/fwaas/firewall_policies/%s',
    '/network/v2.0/fwaas/firewall_rules/%s',
    '/load-balancer/v2/lbaas/loadbalancers/%s',
    '/load-balancer/v2/lbaas/listeners/%s',
    '/load-balancer/v2/lbaas/pools/%s',
    '/volume/v3/%p/volumes/%s',
    '/volume/v3/%p/snapshots/%s',
    '/volume/v3/%p/backups/%s',
    '/volume/v3/%p/types/%s',
    '/image/v2/images/%s',
    '/compute/v2.1/servers/%s',
    '/compute/v2.1/flavors/%s',
    '/baremetal/v1/nodes/%s',
  ];

  for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`GET and DELETE of "${id}" answer 404 on every id-keyed route`, async () => {
      const { sim, token } = await open();
      const projects = await sim.app.inject({
        method: 'GET',
        url: '/identity/v3/auth/projects',
        headers: { 'x-auth-token': token },
      });
      const projectId = projects
        .json<{ projects: { id: string; name: string }[] }>()
        .projects.find((p) => p.name === 'admin')?.id;
      const answers: string[] = [];
      for (const template of paths) {
        const url = template.replace('%p', String(projectId)).replace('%s', id);
        for (const method of ['GET', 'DELETE'] as const) {
          const res = await sim.app.inject({ method, url, headers: { 'x-auth-token': token } });
          if (res.statusCode !== 404) answers.push(`${method} ${url} → ${res.statusCode}`);
        }
      }
      expect(answers).toEqual([]);
    });
  }
});
