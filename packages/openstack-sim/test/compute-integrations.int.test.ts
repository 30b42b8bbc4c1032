import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asProject, createComputeTestApp, type ComputeTestApp } from './compute-test-app';

/** Nova calling Neutron (ports, addresses), Cinder (attachments) and Glance (snapshots). */
let t: ComputeTestApp;
beforeEach(async () => {
  t = await createComputeTestApp();
});
afterEach(async () => {
  await t.settle();
  await t.close();
});

const alice = asProject('p-alice');

const post = async <T>(url: string, payload: Record<string, unknown>) => {
  const res = await t.app.inject({ method: 'POST', url, headers: alice, payload });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
};

const bootOnNetwork = async () => {
  const { network } = await post<{ network: { id: string } }>('/network/v2.0/networks', {
    network: { name: 'private' },
  });
  await post('/network/v2.0/subnets', {
    subnet: { network_id: network.id, cidr: '192.168.10.0/24', ip_version: 4 },
  });
  const { server } = await post<{ server: { id: string } }>('/compute/v2.1/servers', {
    server: { name: 'web', imageRef: 'img', flavorRef: '1', networks: [{ uuid: network.id }] },
  });
  await t.settle();
  return { networkId: network.id, serverId: server.id };
};

describe('Nova with Neutron, Cinder and Glance', () => {
  it('takes its address from a Neutron port and releases it on delete', async () => {
    const { serverId, networkId } = await bootOnNetwork();
    const show = await t.app.inject({ url: `/compute/v2.1/servers/${serverId}`, headers: alice });
    const addresses = show.json<{ server: { addresses: Record<string, { addr: string }[]> } }>()
      .server.addresses;
    expect(addresses.private?.[0]?.addr).toMatch(/^192\.168\.10\.\d+$/);
    const ports = await t.app.inject({
      url: `/network/v2.0/ports?device_id=${serverId}`,
      headers: alice,
    });
    const list = ports.json<{ ports: { network_id: string; device_owner: string }[] }>().ports;
    expect(list).toHaveLength(1);
    expect(list[0]?.network_id).toBe(networkId);
    const ifaces = await t.app.inject({
      url: `/compute/v2.1/servers/${serverId}/os-interface`,
      headers: alice,
    });
    expect(ifaces.json<{ interfaceAttachments: unknown[] }>().interfaceAttachments).toHaveLength(1);
    await t.app.inject({
      method: 'DELETE',
      url: `/compute/v2.1/servers/${serverId}`,
      headers: alice,
    });
    await t.settle();
    const after = await t.app.inject({
      url: `/network/v2.0/ports?device_id=${serverId}`,
      headers: alice,
    });
    expect(after.json<{ ports: unknown[] }>().ports).toHaveLength(0);
  });

  it('attaches and detaches a Cinder volume', async () => {
    const { serverId } = await bootOnNetwork();
    const { volume } = await post<{ volume: { id: string } }>('/volume/v3/p-alice/volumes', {
      volume: { size: 1, name: 'data' },
    });
    await t.settle();
    const attached = await post<{ volumeAttachment: { device: string; volumeId: string } }>(
      `/compute/v2.1/servers/${serverId}/os-volume_attachments`,
      { volumeAttachment: { volumeId: volume.id } },
    );
    expect(attached.volumeAttachment).toMatchObject({ device: '/dev/vdb', volumeId: volume.id });
    const inUse = await t.app.inject({
      url: `/volume/v3/p-alice/volumes/${volume.id}`,
      headers: alice,
    });
    expect(inUse.json<{ volume: { status: string } }>().volume.status).toBe('in-use');
    const detach = await t.app.inject({
      method: 'DELETE',
      url: `/compute/v2.1/servers/${serverId}/os-volume_attachments/${volume.id}`,
      headers: alice,
    });
    expect(detach.statusCode).toBe(202);
    const available = await t.app.inject({
      url: `/volume/v3/p-alice/volumes/${volume.id}`,
      headers: alice,
    });
    expect(available.json<{ volume: { status: string } }>().volume.status).toBe('available');
  });

  it('boots from an existing volume and has Cinder create a blank one from the mapping', async () => {
    const { volume } = await post<{ volume: { id: string } }>('/volume/v3/p-alice/volumes', {
      volume: { size: 10, name: 'root' },
    });
    await t.settle();
    const { server } = await post<{ server: { id: string } }>('/compute/v2.1/servers', {
      server: {
        name: 'bfv',
        flavorRef: '1',
        networks: 'none',
        block_device_mapping_v2: [
          { boot_index: 0, uuid: volume.id, source_type: 'volume', destination_type: 'volume' },
          { boot_index: 1, source_type: 'blank', destination_type: 'volume', volume_size: 2 },
        ],
      },
    });
    await t.settle();
    const show = await t.app.inject({ url: `/compute/v2.1/servers/${server.id}`, headers: alice });
    const s = show.json<{
      server: {
        status: string;
        image: string;
        'os-extended-volumes:volumes_attached': { id: string }[];
      };
    }>().server;
    expect(s.status).toBe('ACTIVE');
    expect(s.image).toBe('');
    const attached = s['os-extended-volumes:volumes_attached'].map((v) => v.id);
    expect(attached).toHaveLength(2);
    expect(attached[0]).toBe(volume.id);
    for (const id of attached) {
      const v = await t.app.inject({ url: `/volume/v3/p-alice/volumes/${id}`, headers: alice });
      expect(v.json<{ volume: { status: string } }>().volume.status).toBe('in-use');
    }
  });

  it('createImage answers with a Location and records a Glance snapshot', async () => {
    const { serverId } = await bootOnNetwork();
    const res = await t.app.inject({
      method: 'POST',
      url: `/compute/v2.1/servers/${serverId}/action`,
      headers: alice,
      payload: { createImage: { name: 'snap' } },
    });
    expect(res.statusCode).toBe(202);
    const { image_id: imageId } = res.json<{ image_id: string }>();
    expect(res.headers.location).toBe(`/image/v2/images/${imageId}`);
    const images = (t.ctx.store.state.image as { images: Record<string, { name: string }> }).images;
    expect(images[imageId]?.name).toBe('snap');
  });

  it('opens a noVNC remote console for an active server', async () => {
    const { serverId } = await bootOnNetwork();
    const res = await post<{ remote_console: { protocol: string; type: string; url: string } }>(
      `/compute/v2.1/servers/${serverId}/remote-consoles`,
      { remote_console: { protocol: 'vnc', type: 'novnc' } },
    );
    expect(res.remote_console).toMatchObject({ protocol: 'vnc', type: 'novnc' });
    expect(res.remote_console.url).toContain('vnc_auto.html');
  });
});
