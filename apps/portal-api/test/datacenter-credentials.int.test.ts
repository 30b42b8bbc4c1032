import { waitFor } from '@yunguan/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, type Harness } from './harness';
import {
  SIM_CREDENTIALS,
  simTunnelPortRange,
  startSimDatacenterForPortal,
  type SimDatacenter,
} from './sim-datacenter';

/** Credentials and catalog reads against a simulated datacenter through a real tunnel. */
let h: Harness;
let dc: SimDatacenter;
let org: Organisation;
let other: Organisation;

beforeAll(async () => {
  h = await createHarness({ tunnelPortRange: simTunnelPortRange() });
  dc = await startSimDatacenterForPortal(h);
  org = await createOrganisation(h.adminCtx, 'cat');
  other = await createOrganisation(h.adminCtx, 'oth');
});
afterAll(async () => {
  await dc?.stop();
  await h?.close();
});

describe('datacenter credentials', () => {
  test('GET shows the settings without the password; the column holds no plaintext', async () => {
    const res = await h.admin.get(`/api/v1/datacenters/${dc.id}/credentials`);
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body).toMatchObject({
      configured: true,
      username: 'admin',
      authPath: '/identity/v3',
      projectName: 'admin',
      regionName: 'RegionOne',
    });
    expect(body.verifiedAt).toEqual(expect.any(String));
    expect(res.body).not.toContain('password');
    const row = await h.deps.db.datacenterCredential.findUnique({ where: { datacenterId: dc.id } });
    // ADR 0111: the whole credential is one sealed JSON document; no Keystone column is left.
    expect(row?.sealedJson).toMatch(/^v1\./);
    expect(row?.sealedJson).not.toContain(SIM_CREDENTIALS.password);
    expect(row?.passwordEnc).toBeNull();
    const opened = JSON.parse(h.deps.config.secretBox.open(row!.sealedJson!)) as {
      password: string;
    };
    expect(opened.password).toBe(SIM_CREDENTIALS.password);
  });

  test('a credential row from before migration 0008 keeps working and is rewritten sealed', async () => {
    const sealed = await h.deps.db.datacenterCredential.findUniqueOrThrow({
      where: { datacenterId: dc.id },
    });
    // The row as 0003–0007 wrote it: Keystone columns, the password sealed alone.
    await h.deps.db.$executeRaw`UPDATE datacenter_credential SET sealed_json = NULL,
      auth_path = '/identity/v3', username = ${SIM_CREDENTIALS.username},
      password_enc = ${h.deps.config.secretBox.seal(SIM_CREDENTIALS.password)},
      user_domain_name = 'Default', project_name = 'admin', project_domain_name = 'Default',
      region_name = 'RegionOne' WHERE datacenter_id = ${dc.id}`;
    const res = await h.admin.get(`/api/v1/datacenters/${dc.id}/credentials`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({
      configured: true,
      username: SIM_CREDENTIALS.username,
      authPath: '/identity/v3',
      regionName: 'RegionOne',
      updatedAt: sealed.updatedAt.toISOString(),
    });
    const rewritten = await h.deps.db.datacenterCredential.findUniqueOrThrow({
      where: { datacenterId: dc.id },
    });
    expect(rewritten.sealedJson).toMatch(/^v1\./);
    expect(rewritten.passwordEnc).toBeNull();
    expect(rewritten.username).toBeNull();
    expect(rewritten.updatedAt).toEqual(sealed.updatedAt);
    // …and the cloud is reached with it.
    const zones = await h.admin.get(`/api/v1/datacenters/${dc.id}/availability-zones`);
    expect(zones.statusCode, zones.body).toBe(200);
  });

  test('a password the cloud refuses is a 400 and nothing is saved', async () => {
    const before = await h.deps.db.datacenterCredential.findUnique({
      where: { datacenterId: dc.id },
    });
    const res = await h.admin.request('PUT', `/api/v1/datacenters/${dc.id}/credentials`, {
      ...SIM_CREDENTIALS,
      password: 'wrong-password',
    });
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { details: { reason: string } } }>(res).error.details.reason).toBe(
      'cloud_credentials_invalid',
    );
    const after = await h.deps.db.datacenterCredential.findUnique({
      where: { datacenterId: dc.id },
    });
    expect(after?.updatedAt).toEqual(before?.updatedAt);
    const readAudits = () =>
      h.deps.db.auditLog.findMany({
        where: { targetId: dc.id },
        select: { action: true, result: true, detail: true },
      });
    // Failure rows are written when the response finishes, which can be after the client has it.
    await waitFor('the failure audit row', async () =>
      (await readAudits()).some(
        (a) => a.action === 'datacenter.put-credentials' && a.result === 'failure',
      ),
    );
    const audits = await readAudits();
    const details = JSON.stringify(audits.map((a) => a.detail));
    expect(details).not.toContain('wrong-password');
    expect(details).not.toMatch(/password/i);
  });

  test('a member may not read or set credentials (datacenters are platform objects)', async () => {
    const member = await h.login(org.member.username);
    expect((await member.get(`/api/v1/datacenters/${dc.id}/credentials`)).statusCode).toBe(404);
    const put = await member.request('PUT', `/api/v1/datacenters/${dc.id}/credentials`, {
      ...SIM_CREDENTIALS,
    });
    expect(put.statusCode).toBe(404);
  });
});

describe('catalog reads through the tunnel', () => {
  test('members see the usable datacenters (name, region, tunnel state), nothing secret', async () => {
    const member = await h.login(org.member.username);
    const res = await member.get('/api/v1/catalog/datacenters');
    expect(res.statusCode).toBe(200);
    expect(json<{ items: unknown[] }>(res).items).toContainEqual({
      id: dc.id,
      name: dc.name,
      region: 'RegionOne',
      kind: 'openstack',
      tunnel: 'online',
      capabilities: expect.arrayContaining(['server.create']) as string[],
    });
  });

  test('flavors and availability zones come from the simulated datacenter', async () => {
    const member = await h.login(org.member.username);
    const flavors = await member.get(`/api/v1/datacenters/${dc.id}/flavors`);
    expect(flavors.statusCode).toBe(200);
    const items = json<{ items: { name: string; vcpus: number }[] }>(flavors).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toHaveProperty('vcpus');
    const zones = await member.get(`/api/v1/datacenters/${dc.id}/availability-zones`);
    expect(zones.statusCode).toBe(200);
    expect(json<{ items: { name: string }[] }>(zones).items.map((z) => z.name)).toContain('az-1');
  });

  test('project-scoped lists bind the project once and read in its scope', async () => {
    const member = await h.login(org.member.username);
    const q = `projectId=${org.project.id}`;
    for (const list of ['images', 'networks', 'security-groups', 'key-pairs', 'server-groups']) {
      const res = await member.get(`/api/v1/datacenters/${dc.id}/${list}?${q}`);
      expect(res.statusCode, `${list}: ${res.body}`).toBe(200);
      expect(Array.isArray(json<{ items: unknown[] }>(res).items)).toBe(true);
    }
    const bindings = await h.deps.db.tenantBinding.findMany({
      where: { datacenterId: dc.id, projectId: org.project.id },
    });
    expect(bindings).toHaveLength(1);
  });

  test('a key pair generated by the cloud shows its private key once', async () => {
    const member = await h.login(org.member.username);
    const created = await member.post(`/api/v1/datacenters/${dc.id}/key-pairs`, {
      projectId: org.project.id,
      name: 'deploy-key',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created).privateKey).toMatch(/PRIVATE KEY/);
    const list = await member.get(
      `/api/v1/datacenters/${dc.id}/key-pairs?projectId=${org.project.id}`,
    );
    const keys = json<{ items: { name: string; privateKey?: string }[] }>(list).items;
    expect(keys.map((k) => k.name)).toContain('deploy-key');
    expect(keys.every((k) => k.privateKey === undefined)).toBe(true);
    const removed = await member.delete(
      `/api/v1/datacenters/${dc.id}/key-pairs/deploy-key?projectId=${org.project.id}`,
    );
    expect(removed.statusCode).toBe(204);
  });

  test("another department's user gets 404 on the project's catalog", async () => {
    const outsider = await h.login(other.member.username);
    for (const list of ['images', 'networks', 'key-pairs']) {
      const res = await outsider.get(
        `/api/v1/datacenters/${dc.id}/${list}?projectId=${org.project.id}`,
      );
      expect(res.statusCode).toBe(404);
    }
    const post = await outsider.post(`/api/v1/datacenters/${dc.id}/key-pairs`, {
      projectId: org.project.id,
      name: 'sneaky',
    });
    expect(post.statusCode).toBe(404);
  });

  test('hypervisors and aggregates need compute.admin', async () => {
    const member = await h.login(org.deptAdmin.username);
    expect((await member.get(`/api/v1/datacenters/${dc.id}/hypervisors`)).statusCode).toBe(403);
    const res = await h.admin.get(`/api/v1/datacenters/${dc.id}/hypervisors`);
    expect(res.statusCode).toBe(200);
    expect(json<{ items: unknown[] }>(res).items.length).toBeGreaterThan(0);
    expect((await h.admin.get(`/api/v1/datacenters/${dc.id}/aggregates`)).statusCode).toBe(200);
  });

  test('an offline datacenter answers 503 datacenter_offline, fast', async () => {
    await dc.stopAgent();
    try {
      const started = Date.now();
      const res = await h.admin.get(`/api/v1/datacenters/${dc.id}/hypervisors`);
      expect(res.statusCode).toBe(503);
      expect(json<{ error: { details: { reason: string } } }>(res).error.details.reason).toBe(
        'datacenter_offline',
      );
      expect(Date.now() - started).toBeLessThan(2_000);
      const put = await h.admin.request('PUT', `/api/v1/datacenters/${dc.id}/credentials`, {
        ...SIM_CREDENTIALS,
      });
      expect(put.statusCode).toBe(200);
      expect(json<{ verification: { state: string } }>(put).verification.state).toBe('unverified');
    } finally {
      await dc.startAgent();
    }
  });
});
