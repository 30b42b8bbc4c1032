import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimDatacenter, startSimDatacenter } from './cli-harness';

type Row = Record<string, unknown>;

/** Nova through the official CLI, on the agent's local listener (`--stack sim`). */
describe('openstack CLI against the simulated datacenter: compute', { timeout: 300_000 }, () => {
  let dc: SimDatacenter;
  let imageId = '';
  /** Debian's client has no --wait on stop / start: poll like `--wait` does. */
  const waitForStatus = async (id: string, status: string) => {
    for (let i = 0; i < 60; i++) {
      const server = await dc.runOpenstack<Row>(['server', 'show', id]);
      if (server.status === status) return server;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`server ${id} never reached ${status}`);
  };

  beforeAll(async () => {
    dc = await startSimDatacenter();
    const images = await dc.runOpenstack<Row[]>(['image', 'list']);
    const first = images[0]?.ID;
    imageId = typeof first === 'string' ? first : '';
  });
  afterAll(async () => {
    await dc?.stop();
  });

  it('creates and lists flavors', async () => {
    const flavor = await dc.runOpenstack<Row>([
      'flavor',
      'create',
      '--ram',
      '1024',
      '--vcpus',
      '1',
      '--disk',
      '10',
      '--property',
      'hw:cpu_policy=shared',
      'cli.small',
    ]);
    expect(flavor).toMatchObject({ name: 'cli.small', ram: 1024, vcpus: 1, disk: 10 });
    const flavors = await dc.runOpenstack<Row[]>(['flavor', 'list']);
    expect(flavors.map((f) => f.Name)).toEqual(
      expect.arrayContaining(['m1.tiny', 'm1.small', 'cli.small']),
    );
  });

  it('creates a key pair', async () => {
    const key = await dc.runOpenstackCommand(['keypair', 'create', 'cli-key']);
    expect(key).toContain('PRIVATE KEY');
    const keys = await dc.runOpenstack<Row[]>(['keypair', 'list']);
    expect(keys.map((k) => k.Name)).toContain('cli-key');
  });

  it('creates a server, stops, starts, reboots, resizes, confirms and deletes it', async () => {
    const server = await dc.runOpenstack<Row>([
      'server',
      'create',
      '--image',
      imageId,
      '--flavor',
      'm1.tiny',
      '--key-name',
      'cli-key',
      '--wait',
      'cli-vm',
    ]);
    expect(server.status).toBe('ACTIVE');
    const id = String(server.id);
    await dc.runOpenstackCommand(['server', 'stop', id]);
    await waitForStatus(id, 'SHUTOFF');
    await dc.runOpenstackCommand(['server', 'start', id]);
    await waitForStatus(id, 'ACTIVE');
    await dc.runOpenstackCommand(['server', 'reboot', '--hard', '--wait', id]);
    expect((await dc.runOpenstack<Row>(['server', 'show', id])).status).toBe('ACTIVE');
    await dc.runOpenstackCommand(['server', 'resize', '--flavor', 'm1.small', '--wait', id]);
    expect((await dc.runOpenstack<Row>(['server', 'show', id])).status).toBe('VERIFY_RESIZE');
    await dc.runOpenstackCommand(['server', 'resize', 'confirm', id]);
    const resized = await dc.runOpenstack<Row>(['server', 'show', id]);
    expect(resized.status).toBe('ACTIVE');
    expect(JSON.stringify(resized.flavor)).toContain('m1.small');
    const listed = await dc.runOpenstack<Row[]>(['server', 'list']);
    expect(listed.map((r) => r.ID)).toContain(id);
    await dc.runOpenstackCommand(['server', 'delete', '--wait', id]);
    const gone = await dc.tryOpenstack(['server', 'show', id]);
    expect(gone.code).not.toBe(0);
  });

  it('keeps two members of an anti-affinity group on different hosts', async () => {
    const group = await dc.runOpenstack<Row>([
      'server',
      'group',
      'create',
      '--policy',
      'anti-affinity',
      'cli-anti',
    ]);
    const hosts: string[] = [];
    for (const name of ['anti-1', 'anti-2']) {
      const s = await dc.runOpenstack<Row>([
        'server',
        'create',
        '--image',
        imageId,
        '--flavor',
        'm1.tiny',
        '--hint',
        `group=${String(group.id)}`,
        '--wait',
        name,
      ]);
      hosts.push(String(s['OS-EXT-SRV-ATTR:host']));
    }
    expect(hosts[0]).toMatch(/^compute-/);
    expect(hosts[0]).not.toBe(hosts[1]);
  });

  it('creates an aggregate, sets a property and lists hypervisors', async () => {
    await dc.runOpenstack<Row>(['aggregate', 'create', 'cli-agg']);
    await dc.runOpenstackCommand(['aggregate', 'set', '--property', 'nvme=true', 'cli-agg']);
    const agg = await dc.runOpenstack<Row>(['aggregate', 'show', 'cli-agg']);
    expect(JSON.stringify(agg.properties)).toContain('nvme');
    const zones = await dc.runOpenstack<Row[]>(['availability', 'zone', 'list', '--compute']);
    expect(zones.map((z) => z['Zone Name'])).toEqual(
      expect.arrayContaining(['az-1', 'az-2', 'az-3']),
    );
    const hypervisors = await dc.runOpenstack<Row[]>(['hypervisor', 'list']);
    expect(hypervisors).toHaveLength(8);
    expect(hypervisors.map((h) => h['Hypervisor Hostname'])).toContain('compute-01');
  });
});
