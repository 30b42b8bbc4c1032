import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asProject, createComputeTestApp, type ComputeTestApp } from './compute-test-app';

type ServerBody = {
  server: {
    id: string;
    status: string;
    'OS-EXT-SRV-ATTR:host'?: string | null;
    'OS-EXT-STS:vm_state': string;
    'OS-EXT-STS:task_state': string | null;
    fault?: { code: number; message: string };
    flavor: { original_name: string };
  };
};

let t: ComputeTestApp;
beforeEach(async () => {
  t = await createComputeTestApp();
});
afterEach(async () => {
  await t.settle();
  await t.close();
});

const admin = asProject('p-admin', true);
const alice = asProject('p-alice');

const create = async (body: Record<string, unknown>, headers = alice, hints?: unknown) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/compute/v2.1/servers',
    headers,
    payload: {
      server: { name: 'vm', imageRef: 'img-1', flavorRef: '2', networks: 'none', ...body },
      ...(hints ? { 'os:scheduler_hints': hints } : {}),
    },
  });
  return res;
};
const show = async (id: string, headers = admin) =>
  (await t.app.inject({ url: `/compute/v2.1/servers/${id}`, headers })).json<ServerBody>().server;
const action = (id: string, payload: Record<string, unknown>, headers = alice) =>
  t.app.inject({ method: 'POST', url: `/compute/v2.1/servers/${id}/action`, headers, payload });

describe('Nova versions and errors', () => {
  it('advertises 2.93 (Zed) and answers with request id and microversion headers', async () => {
    const root = await t.app.inject({ url: '/compute/' });
    expect(root.json()).toMatchObject({
      versions: [{ id: 'v2.1', version: '2.93', min_version: '2.1' }],
    });
    const res = await t.app.inject({ url: '/compute/v2.1/flavors', headers: alice });
    expect(res.headers['x-compute-request-id']).toMatch(/^req-/);
    expect(res.headers['openstack-api-version']).toBe('compute 2.79');
    const tooNew = await t.app.inject({
      url: '/compute/v2.1/flavors',
      headers: { ...alice, 'openstack-api-version': 'compute 2.99' },
    });
    expect(tooNew.statusCode).toBe(406);
    const badImage = await t.app.inject({
      method: 'POST',
      url: '/compute/v2.1/servers',
      headers: alice,
      payload: {
        server: { name: 'x', imageRef: 'no-such-image', flavorRef: '1', networks: 'none' },
      },
    });
    expect(badImage.json()).toEqual({
      badRequest: { code: 400, message: 'Image no-such-image could not be found.' },
    });
    const missing = await t.app.inject({ url: '/compute/v2.1/servers/nope', headers: alice });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      itemNotFound: { code: 404, message: 'Instance nope could not be found.' },
    });
  });
});

describe('servers', () => {
  it('goes BUILD → ACTIVE and emits create.start / create.end', async () => {
    const res = await create({});
    expect(res.statusCode).toBe(202);
    expect(res.headers.location).toContain('/compute/v2.1/servers/');
    const { id } = res.json<{ server: { id: string } }>().server;
    expect((await show(id)).status).toBe('BUILD');
    await t.settle();
    const s = await show(id);
    expect(s).toMatchObject({
      status: 'ACTIVE',
      'OS-EXT-STS:vm_state': 'active',
      'OS-EXT-STS:task_state': null,
    });
    expect(s['OS-EXT-SRV-ATTR:host']).toMatch(/^compute-0\d$/);
    const events = t.notifications.map((n) => n.event_type);
    expect(events).toEqual(
      expect.arrayContaining(['compute.instance.create.start', 'compute.instance.create.end']),
    );
    const end = t.notifications.find((n) => n.event_type === 'compute.instance.create.end');
    expect(end?.payload).toMatchObject({
      instance_id: id,
      tenant_id: 'p-alice',
      instance_type: 'm1.small',
      vcpus: 1,
      memory_mb: 2048,
    });
  });

  it('two servers in an anti-affinity group never share a host', async () => {
    const group = await t.app.inject({
      method: 'POST',
      url: '/compute/v2.1/os-server-groups',
      headers: alice,
      payload: { server_group: { name: 'g', policy: 'anti-affinity' } },
    });
    const groupId = group.json<{ server_group: { id: string } }>().server_group.id;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await create({ name: `vm${i}` }, alice, { group: groupId });
      ids.push(res.json<{ server: { id: string } }>().server.id);
    }
    await t.settle();
    const hosts = await Promise.all(
      ids.map(async (id) => (await show(id))['OS-EXT-SRV-ATTR:host']),
    );
    expect(hosts.every((h) => typeof h === 'string')).toBe(true);
    expect(new Set(hosts).size).toBe(4);
    const members = await t.app.inject({
      url: `/compute/v2.1/os-server-groups/${groupId}`,
      headers: alice,
    });
    expect(
      members.json<{ server_group: { members: string[] } }>().server_group.members,
    ).toHaveLength(4);
  });

  it('a flavor bigger than any host fails with NoValidHost in the fault', async () => {
    const flavor = await t.app.inject({
      method: 'POST',
      url: '/compute/v2.1/flavors',
      headers: admin,
      payload: { flavor: { name: 'huge', ram: 1048576, vcpus: 8, disk: 10, id: 'huge' } },
    });
    expect(flavor.statusCode).toBe(200);
    await t.app.inject({
      method: 'PUT',
      url: '/compute/v2.1/os-quota-sets/p-admin',
      headers: admin,
      payload: { quota_set: { ram: -1 } },
    });
    const res = await create({ flavorRef: 'huge', availability_zone: 'az-2' }, admin);
    const { id } = res.json<{ server: { id: string } }>().server;
    await t.settle();
    const s = await show(id);
    expect(s.status).toBe('ERROR');
    expect(s.fault?.code).toBe(500);
    expect(s.fault?.message).toBe(
      'No valid host was found. no host in az-2 has 1048576 MB free RAM for flavor huge',
    );
  });

  it('enforces the cores quota with Nova’s 403 body', async () => {
    await t.app.inject({
      method: 'PUT',
      url: '/compute/v2.1/os-quota-sets/p-alice',
      headers: admin,
      payload: { quota_set: { cores: 4 } },
    });
    await create({ flavorRef: '4' }); // 4 vCPUs
    const res = await create({ flavorRef: '5' }); // 8 more
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      forbidden: {
        code: 403,
        message: 'Quota exceeded for cores: Requested 8, but already used 4 of 4 cores',
      },
    });
    const limits = await t.app.inject({ url: '/compute/v2.1/limits', headers: alice });
    expect(limits.json()).toMatchObject({
      limits: { absolute: { maxTotalCores: 4, totalCoresUsed: 4 } },
    });
  });

  it('stop, start, reboot, resize + confirm, lock, delete', async () => {
    const { id } = (await create({})).json<{ server: { id: string } }>().server;
    await t.settle();
    expect((await action(id, { 'os-stop': null })).statusCode).toBe(202);
    await t.settle();
    expect((await show(id)).status).toBe('SHUTOFF');
    expect((await action(id, { 'os-stop': null })).statusCode).toBe(409);
    await action(id, { 'os-start': null });
    await t.settle();
    expect((await show(id)).status).toBe('ACTIVE');
    await action(id, { reboot: { type: 'HARD' } });
    expect((await show(id)).status).toBe('HARD_REBOOT');
    await t.settle();
    expect((await action(id, { resize: { flavorRef: '3' } })).statusCode).toBe(202);
    await t.settle();
    expect((await show(id)).status).toBe('VERIFY_RESIZE');
    expect((await action(id, { confirmResize: null })).statusCode).toBe(204);
    const resized = await show(id);
    expect(resized).toMatchObject({ status: 'ACTIVE', flavor: { original_name: 'm1.medium' } });
    expect(t.notifications.map((n) => n.event_type)).toContain(
      'compute.instance.resize.confirm.end',
    );

    await action(id, { lock: {} });
    const refused = await action(id, { 'os-stop': null });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      conflictingRequest: { code: 409, message: `Instance ${id} is locked` },
    });
    await action(id, { unlock: null });

    const actions = await t.app.inject({
      url: `/compute/v2.1/servers/${id}/os-instance-actions`,
      headers: alice,
    });
    expect(
      actions
        .json<{ instanceActions: { action: string }[] }>()
        .instanceActions.map((a) => a.action),
    ).toEqual(
      expect.arrayContaining([
        'create',
        'stop',
        'start',
        'reboot',
        'resize',
        'confirmResize',
        'lock',
        'unlock',
      ]),
    );

    const del = await t.app.inject({
      method: 'DELETE',
      url: `/compute/v2.1/servers/${id}`,
      headers: alice,
    });
    expect(del.statusCode).toBe(204);
    await t.settle();
    expect(
      (await t.app.inject({ url: `/compute/v2.1/servers/${id}`, headers: alice })).statusCode,
    ).toBe(404);
    expect(t.notifications.map((n) => n.event_type)).toContain('compute.instance.delete.end');
  });

  it('lists with name regex, status, limit / marker links, and hides other projects', async () => {
    for (const name of ['web-1', 'web-2', 'db-1']) await create({ name });
    await create({ name: 'bob-vm' }, asProject('p-bob'));
    await t.settle();
    const list = async (qs: string, headers = alice) =>
      (await t.app.inject({ url: `/compute/v2.1/servers/detail${qs}`, headers })).json<{
        servers: { name: string }[];
        servers_links?: { rel: string; href: string }[];
      }>();
    expect((await list('?name=^web')).servers.map((s) => s.name).sort()).toEqual([
      'web-1',
      'web-2',
    ]);
    expect((await list('?status=ACTIVE')).servers).toHaveLength(3);
    const page = await list('?limit=2&sort_key=display_name&sort_dir=asc');
    expect(page.servers.map((s) => s.name)).toEqual(['db-1', 'web-1']);
    const next = new URL(page.servers_links?.[0]?.href ?? '');
    const rest = await list(`?${next.searchParams.toString()}`);
    expect(rest.servers.map((s) => s.name)).toEqual(['web-2']);
    expect((await list('?all_tenants=1', admin)).servers).toHaveLength(4);
    const forbidden = await t.app.inject({
      url: '/compute/v2.1/servers/detail?all_tenants=1',
      headers: alice,
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('flavors, keypairs, hypervisors, aggregates, zones', () => {
  it('seeds 8 hypervisors in 3 zones and reports used resources', async () => {
    await create({ flavorRef: '3' });
    await t.settle();
    const zones = await t.app.inject({ url: '/compute/v2.1/os-availability-zone', headers: alice });
    expect(
      zones
        .json<{ availabilityZoneInfo: { zoneName: string }[] }>()
        .availabilityZoneInfo.map((z) => z.zoneName),
    ).toEqual(['az-1', 'az-2', 'az-3']);
    const stats = await t.app.inject({
      url: '/compute/v2.1/os-hypervisors/statistics',
      headers: admin,
    });
    expect(stats.json()).toMatchObject({
      hypervisor_statistics: { count: 8, vcpus_used: 2, running_vms: 1 },
    });
    const denied = await t.app.inject({ url: '/compute/v2.1/os-hypervisors', headers: alice });
    expect(denied.statusCode).toBe(403);
  });

  it('aggregate metadata steers flavors with aggregate extra specs', async () => {
    const agg = await t.app.inject({
      method: 'POST',
      url: '/compute/v2.1/os-aggregates',
      headers: admin,
      payload: { aggregate: { name: 'fast-net' } },
    });
    const aggId = agg.json<{ aggregate: { id: number } }>().aggregate.id;
    const act = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/compute/v2.1/os-aggregates/${aggId}/action`,
        headers: admin,
        payload,
      });
    await act({ set_metadata: { metadata: { sriov: 'true' } } });
    const added = await act({ add_host: { host: 'compute-07' } });
    expect(added.json()).toMatchObject({
      aggregate: { hosts: ['compute-07'], metadata: { sriov: 'true' } },
    });
    await t.app.inject({
      method: 'POST',
      url: '/compute/v2.1/flavors',
      headers: admin,
      payload: { flavor: { name: 'net.small', ram: 1024, vcpus: 1, disk: 10, id: 'net' } },
    });
    await t.app.inject({
      method: 'POST',
      url: '/compute/v2.1/flavors/net/os-extra_specs',
      headers: admin,
      payload: { extra_specs: { 'aggregate_instance_extra_specs:sriov': 'true' } },
    });
    const { id } = (await create({ flavorRef: 'net' })).json<{ server: { id: string } }>().server;
    await t.settle();
    expect((await show(id))['OS-EXT-SRV-ATTR:host']).toBe('compute-07');
  });

  it('generates an RSA key pair in OpenSSH format and imports a public key', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/compute/v2.1/os-keypairs',
      headers: alice,
      payload: { keypair: { name: 'k1' } },
    });
    expect(res.statusCode).toBe(201);
    const kp = res.json<{
      keypair: { public_key: string; private_key: string; fingerprint: string };
    }>().keypair;
    expect(kp.public_key).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E/);
    expect(kp.private_key).toContain('BEGIN RSA PRIVATE KEY');
    expect(kp.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/compute/v2.1/os-keypairs',
      headers: alice,
      payload: { keypair: { name: 'k2', public_key: kp.public_key } },
    });
    expect(imported.json<{ keypair: { fingerprint: string } }>().keypair.fingerprint).toBe(
      kp.fingerprint,
    );
    const dup = await t.app.inject({
      method: 'POST',
      url: '/compute/v2.1/os-keypairs',
      headers: alice,
      payload: { keypair: { name: 'k1' } },
    });
    expect(dup.statusCode).toBe(409);
  });
});

describe('restart', () => {
  it('finishes transitions whose timers a restart lost, and keeps every server', async () => {
    const slow = await createComputeTestApp({
      delays: { buildMs: 3_600_000, actionMs: 3_600_000 },
    });
    const res = await slow.app.inject({
      method: 'POST',
      url: '/compute/v2.1/servers',
      headers: alice,
      payload: { server: { name: 'survivor', imageRef: 'img', flavorRef: '1', networks: 'none' } },
    });
    const { id } = res.json<{ server: { id: string } }>().server;
    const state = slow.ctx.store.state;
    await slow.close();
    const restarted = await createComputeTestApp({ state });
    await restarted.settle();
    const show = await restarted.app.inject({ url: `/compute/v2.1/servers/${id}`, headers: alice });
    expect(show.json<ServerBody>().server).toMatchObject({
      status: 'ACTIVE',
      'OS-EXT-STS:task_state': null,
    });
    await restarted.close();
  });
});
