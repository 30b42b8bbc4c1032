import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDeps, createDeps } from '../src/deps';
import { buildApp } from '../src/http/app';
import type { AppDeps } from '../src/http/deps';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, Session, type Harness } from './harness';

/**
 * Must show 2 of M1.7 (ADR 0120): principals are cached per API process, and a role removed
 * from a user — or a custom role's permission removed, or the user disabled — takes effect on
 * the user's very next request, in every process, whatever each process has cached. Two apps
 * (two principal caches, as two API replicas) share one database; the change is made through
 * the first, the next request goes to the second.
 */
let h: Harness;
let org: Organisation;
let deps2: AppDeps;
let app2: FastifyInstance;

beforeAll(async () => {
  h = await createHarness();
  org = await createOrganisation(h.adminCtx, 'pcache');
  deps2 = createDeps(h.deps.env);
  app2 = await buildApp(deps2);
  await app2.ready();
});
afterAll(async () => {
  await app2.close();
  await closeDeps(deps2);
  await h.close();
});

/** The same logged-in session, sent to the second replica. */
const onReplica2 = (session: Session): Session => {
  const twin = new Session(app2, session.username);
  twin.cookies = session.cookies;
  return twin;
};

const serversOf = (projectId: string) => `/api/v1/projects/${projectId}/servers`;

/** Requests on both replicas until both have the principal cached (a hit on each). */
const warm = async (sessions: Session[], url: string) => {
  for (const s of sessions) {
    expect((await s.get(url)).statusCode).toBe(200);
    expect((await s.get(url)).statusCode).toBe(200);
  }
  expect(h.deps.config.principals.stats().hits).toBeGreaterThan(0);
  expect(deps2.config.principals.stats().hits).toBeGreaterThan(0);
};

describe('a cached principal and a change to it', () => {
  test('a removed role assignment: 404 on the next request on either replica', async () => {
    const session = await h.login(org.member.username);
    const twin = onReplica2(session);
    await warm([session, twin], serversOf(org.project.id));
    const changed = await h.admin.patch(`/api/v1/users/${org.member.id}`, {
      roles: [{ role: 'member', scope: 'project', projectId: org.otherProject.id }],
    });
    expect(changed.statusCode).toBe(200);
    expect((await twin.get(serversOf(org.project.id))).statusCode).toBe(404);
    expect((await session.get(serversOf(org.project.id))).statusCode).toBe(404);
    // The added assignment is in force at once too.
    expect((await twin.get(serversOf(org.otherProject.id))).statusCode).toBe(200);
  });

  test('a permission removed from a custom role: refused on the next request', async () => {
    const role = json<{ id: string }>(
      await h.admin.post('/api/v1/roles', {
        name: `viewer-${Date.now()}`,
        permissions: ['project.read', 'resource.read'],
      }),
    );
    const o = await createOrganisation(h.adminCtx, 'pcrole');
    const assigned = await h.admin.patch(`/api/v1/users/${o.member.id}`, {
      roles: [{ role: role.id, scope: 'project', projectId: o.project.id }],
    });
    expect(assigned.statusCode).toBe(200);
    const session = await h.login(o.member.username);
    const twin = onReplica2(session);
    await warm([session, twin], serversOf(o.project.id));
    const narrowed = await h.admin.patch(`/api/v1/roles/${role.id}`, {
      permissions: ['project.read'],
    });
    expect(narrowed.statusCode).toBe(200);
    expect((await twin.get(serversOf(o.project.id))).statusCode).toBe(403);
    expect((await session.get(serversOf(o.project.id))).statusCode).toBe(403);
  });

  test('an API token of a disabled user: 401 on the next request', async () => {
    const o = await createOrganisation(h.adminCtx, 'pctoken');
    const session = await h.login(o.projectAdmin.username);
    const { token } = json<{ token: string }>(
      await session.post('/api/v1/me/api-tokens', { name: 'cache' }),
    );
    const auth = { authorization: `Bearer ${token}` };
    const get = (app: FastifyInstance) =>
      new Session(app, null).request('GET', serversOf(o.project.id), undefined, auth);
    for (const app of [h.app, app2, h.app, app2]) expect((await get(app)).statusCode).toBe(200);
    const disabled = await h.admin.patch(`/api/v1/users/${o.projectAdmin.id}`, {
      status: 'disabled',
    });
    expect(disabled.statusCode).toBe(200);
    expect((await get(app2)).statusCode).toBe(401);
    expect((await get(h.app)).statusCode).toBe(401);
  });

  test('a department admin removed by a direct database change (no API call): next request', async () => {
    const o = await createOrganisation(h.adminCtx, 'pcdb');
    const session = await h.login(o.deptAdmin.username);
    const twin = onReplica2(session);
    await warm([session, twin], serversOf(o.otherProject.id));
    // Whatever path changes an assignment, the trigger bumps the version (migration 0013).
    await h.deps.db.roleAssignment.deleteMany({ where: { userId: o.deptAdmin.id } });
    expect((await twin.get(serversOf(o.otherProject.id))).statusCode).toBe(404);
    expect((await session.get(serversOf(o.otherProject.id))).statusCode).toBe(404);
  });
});
