import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness, type Session } from './harness';
import {
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';

/**
 * Application credentials through the real tunnel: a member gets clouds.yaml and openrc once, they
 * log in to the datacenter's Keystone (here the sim's local listener) scoped to the project's
 * Keystone project with the member role only, the secret is never listed or audited, and a
 * deleted credential no longer logs in. Reach rules: outside the project it is 404.
 */
let h: Harness;
let dc: SimDatacenter;
let a: Organisation;
let b: Organisation;

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  dc = await startSimDatacenterForPortal(h);
  a = await createOrganisation(h.adminCtx, 'ac');
  b = await createOrganisation(h.adminCtx, 'acb');
}, 120_000);
afterAll(async () => {
  await dc?.stop();
  await h?.close();
});

const base = (projectId: string) => `/api/v1/projects/${projectId}/app-credentials`;

describe('application credentials: reach', () => {
  test('another department gets 404 for the project, in every verb', async () => {
    const outsider: Session = await h.login(b.deptAdmin.username);
    const url = base(a.project.id);
    expect((await outsider.post(url, { datacenterId: dc.id, name: 'cli' })).statusCode).toBe(404);
    expect((await outsider.get(`${url}?datacenterId=${dc.id}`)).statusCode).toBe(404);
    expect((await outsider.delete(`${url}/x1?datacenterId=${dc.id}`)).statusCode).toBe(404);
  });

  test('a member of one project gets 404 for the department’s other project', async () => {
    const member: Session = await h.login(a.member.username);
    const url = base(a.otherProject.id);
    expect((await member.post(url, { datacenterId: dc.id, name: 'cli' })).statusCode).toBe(404);
    expect((await member.get(`${url}?datacenterId=${dc.id}`)).statusCode).toBe(404);
  });

  test('a name with spaces or slashes is 400 before the cloud is asked', async () => {
    const member: Session = await h.login(a.member.username);
    const res = await member.post(base(a.project.id), { datacenterId: dc.id, name: 'my cli/1' });
    expect(res.statusCode).toBe(400);
  });
});

type TokenBody = {
  token: {
    methods: string[];
    project?: { id: string; name: string };
    roles?: { name: string }[];
    user: { name: string };
    application_credential?: { id: string; restricted: boolean };
  };
};

const openrcVars = (text: string): Record<string, string> =>
  Object.fromEntries(
    [...text.matchAll(/^export (OS_[A-Z_]+)=(?:'((?:[^']|'\\'')*)'|(\S+))$/gm)].map((m) => [
      m[1] as string,
      (m[2] ?? m[3] ?? '').replace(/'\\''/g, "'"),
    ]),
  );

/** Every audit row, as text (ids are bigint). */
const allAuditText = async () =>
  JSON.stringify(await h.deps.db.auditLog.findMany(), (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );

const yamlValue = (text: string, key: string): string | undefined => {
  const m = new RegExp(`^\\s+${key}: (".*")$`, 'm').exec(text);
  return m?.[1] === undefined ? undefined : (JSON.parse(m[1]) as string);
};

/** Log in as `openstack` does with OS_AUTH_TYPE=v3applicationcredential. */
const loginWith = async (authUrl: string, id: string, secret: string) => {
  const res = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['application_credential'], application_credential: { id, secret } },
      },
    }),
  });
  const text = await res.text();
  return { status: res.status, body: res.status === 201 ? (JSON.parse(text) as TokenBody) : null };
};

describe('application credentials: create, log in, list, delete', () => {
  test('a member’s credential logs in member-only to the project; the secret is shown once', async () => {
    const member: Session = await h.login(a.member.username);
    const url = base(a.project.id);
    const res = await member.post(url, { datacenterId: dc.id, name: 'ci-deploy' });
    expect(res.statusCode, res.body).toBe(201);
    const created = json<{
      id: string;
      name: string;
      clouds_yaml: string;
      openrc: string;
      authUrl: string;
    }>(res);
    expect(created.name).toBe('ci-deploy');

    // Both files carry the same id and secret; the secret is nowhere else in the answer.
    const env = openrcVars(created.openrc);
    expect(env.OS_AUTH_TYPE).toBe('v3applicationcredential');
    expect(env.OS_APPLICATION_CREDENTIAL_ID).toBe(created.id);
    const secret = env.OS_APPLICATION_CREDENTIAL_SECRET ?? '';
    expect(secret.length).toBeGreaterThan(40);
    expect(yamlValue(created.clouds_yaml, 'application_credential_id')).toBe(created.id);
    expect(yamlValue(created.clouds_yaml, 'application_credential_secret')).toBe(secret);
    expect(yamlValue(created.clouds_yaml, 'auth_url')).toBe(env.OS_AUTH_URL);
    expect(created.clouds_yaml).toContain('auth_type: v3applicationcredential');

    // The files name the Keystone path; inside the datacenter that is the agent's listener.
    const authUrl = `${dc.cloud.url}${new URL(env.OS_AUTH_URL ?? '').pathname}`;
    const login = await loginWith(authUrl, created.id, secret);
    expect(login.status).toBe(201);
    const token = login.body?.token;
    expect(token?.methods).toEqual(['application_credential']);
    expect(token?.project?.name).toBe(`yg-${a.project.id}`);
    expect(token?.roles?.map((r) => r.name)).toEqual(['member']);
    expect(token?.user.name).toMatch(/^yg-u-/);
    expect(token?.application_credential).toMatchObject({ id: created.id, restricted: true });
    expect((await loginWith(authUrl, created.id, `${secret}x`)).status).toBe(401);

    const listed = await member.get(`${url}?datacenterId=${dc.id}`);
    expect(listed.statusCode).toBe(200);
    expect(json<{ items: { id: string; name: string }[] }>(listed).items).toEqual([
      expect.objectContaining({ id: created.id, name: 'ci-deploy', projectId: a.project.id }),
    ]);
    expect(listed.body).not.toContain(secret);
    const audit = await h.deps.db.auditLog.findMany({ where: { targetId: created.id } });
    expect(audit.map((r) => r.action)).toEqual(['app-credential.create']);
    expect(await allAuditText()).not.toContain(secret);

    // Someone in another project cannot reach it: 404 there, and 404 from their own project too
    // (ADR 0114): nothing is deleted and the attempt is audited as a failure, never a success.
    const outsider: Session = await h.login(b.member.username);
    expect((await outsider.delete(`${url}/${created.id}?datacenterId=${dc.id}`)).statusCode).toBe(
      404,
    );
    const fromOwn = await outsider.delete(
      `${base(b.project.id)}/${created.id}?datacenterId=${dc.id}`,
    );
    expect(fromOwn.statusCode, fromOwn.body).toBe(404);
    expect((await loginWith(authUrl, created.id, secret)).status).toBe(201);
    const outsiderRows = await h.deps.db.auditLog.findMany({
      where: { targetId: created.id, actorName: b.member.username },
    });
    expect(outsiderRows.map((r) => [r.action, r.result])).toEqual([
      ['app-credentials.delete', 'failure'],
      ['app-credentials.delete', 'failure'],
    ]);

    const deleted = await member.delete(`${url}/${created.id}?datacenterId=${dc.id}`);
    expect(deleted.statusCode).toBe(204);
    // Keystone answers 404 for an unknown credential id, 401 for a bad secret or an expired one.
    expect([401, 404]).toContain((await loginWith(authUrl, created.id, secret)).status);
    const after = await member.get(`${url}?datacenterId=${dc.id}`);
    expect(json<{ items: unknown[] }>(after).items).toEqual([]);
    const audited = await h.deps.db.auditLog.findMany({
      where: { targetId: created.id, projectId: a.project.id },
    });
    expect(audited.map((r) => r.action).sort()).toEqual([
      'app-credential.create',
      'app-credential.delete',
    ]);
    expect(await allAuditText()).not.toContain(secret);
  }, 120_000);
});
