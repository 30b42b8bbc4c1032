import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBinarySocket, rfbHandshake, rfbRequestUpdate } from '../src';
import { type SimDatacenter, startSimDatacenter } from './cli-harness';

type Row = Record<string, unknown>;

const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000) => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** Floating IPs and volumes on a server through the official CLI (`--stack sim`). */
describe(
  'openstack CLI against the simulated datacenter: server floating IPs and volumes',
  { timeout: 180_000 },
  () => {
    let dc: SimDatacenter;
    let imageId = '';
    let serverId = '';

    beforeAll(async () => {
      dc = await startSimDatacenter();
      const images = await dc.runOpenstack<Row[]>(['image', 'list']);
      const first = images[0]?.ID;
      imageId = typeof first === 'string' ? first : '';
      await dc.runOpenstack<Row>(['network', 'create', 'att-net']);
      await dc.runOpenstack<Row>([
        'subnet',
        'create',
        '--network',
        'att-net',
        '--subnet-range',
        '10.30.0.0/24',
        'att-subnet',
      ]);
      await dc.runOpenstack<Row>(['router', 'create', 'att-router']);
      await dc.runOpenstackCommand(['router', 'add', 'subnet', 'att-router', 'att-subnet']);
      await dc.runOpenstackCommand(['router', 'set', '--external-gateway', 'public', 'att-router']);
    }, 300_000);
    afterAll(async () => {
      await dc?.stop();
    });

    it('boots a server with a fixed IP of its choosing on a routed network', async () => {
      const network = await dc.runOpenstack<Row>(['network', 'show', 'att-net']);
      const server = await dc.runOpenstack<Row>([
        'server',
        'create',
        '--image',
        imageId,
        '--flavor',
        'm1.tiny',
        '--nic',
        `net-id=${String(network.id)},v4-fixed-ip=10.30.0.50`,
        '--wait',
        'att-vm',
      ]);
      expect(server.status).toBe('ACTIVE');
      serverId = String(server.id);
      expect(JSON.stringify(server.addresses)).toContain('10.30.0.50');
    });

    it('gives a noVNC console URL whose WebSocket works through the agent', async () => {
      const shown = await dc.runOpenstack<Row>(['console', 'url', 'show', '--novnc', serverId]);
      expect(shown.type).toBe('novnc');
      const url = new URL(String(shown.url));
      expect(url.pathname).toBe('/console/vnc_auto.html');
      // The path is the same behind the agent's /console prefix: connect through its listener.
      const agent = new URL(dc.authUrl).host;
      const socket = await openBinarySocket(`ws://${agent}/${url.searchParams.get('path')}`);
      const send = (b: Buffer) => socket.send(b);
      expect((await rfbHandshake(socket.queue, send)).name).toBe('att-vm');
      const [rect] = await rfbRequestUpdate(socket.queue, send, {
        incremental: false,
        width: 640,
        height: 400,
      });
      expect(rect?.data.length).toBe(640 * 400 * 4);
      socket.close();
    });

    it('adds a floating IP to the server and server show lists it', async () => {
      const fip = await dc.runOpenstack<Row>(['floating', 'ip', 'create', 'public']);
      const address = String(fip.floating_ip_address);
      await dc.runOpenstackCommand(['server', 'add', 'floating', 'ip', serverId, address]);
      const shown = await dc.runOpenstack<Row>(['server', 'show', serverId]);
      expect(JSON.stringify(shown.addresses)).toContain(address);
      const bound = await dc.runOpenstack<Row>(['floating', 'ip', 'show', address]);
      expect(bound).toMatchObject({ fixed_ip_address: '10.30.0.50', status: 'ACTIVE' });
      await dc.runOpenstackCommand(['server', 'remove', 'floating', 'ip', serverId, address]);
      const after = await dc.runOpenstack<Row>(['server', 'show', serverId]);
      expect(JSON.stringify(after.addresses)).not.toContain(address);
    });

    it('attaches a volume (in-use, attachments name the server) and detaches it', async () => {
      await dc.runOpenstack<Row>(['volume', 'create', '--size', '1', 'att-vol']);
      await waitFor(
        () => dc.runOpenstack<Row>(['volume', 'show', 'att-vol']),
        (v) => v.status === 'available',
      );
      await dc.runOpenstackCommand(['server', 'add', 'volume', serverId, 'att-vol']);
      const inUse = await waitFor(
        () => dc.runOpenstack<Row>(['volume', 'show', 'att-vol']),
        (v) => v.status === 'in-use',
      );
      expect(inUse.status).toBe('in-use');
      expect(JSON.stringify(inUse.attachments)).toContain(serverId);
      // The table's "Attached to" column names the server (the CLI looks it up in Nova).
      const attachedTo = await dc.runOpenstackCommand([
        'volume',
        'list',
        '--name',
        'att-vol',
        '-f',
        'table',
      ]);
      expect(attachedTo).toContain('Attached to att-vm on /dev/vdb');
      await dc.runOpenstackCommand(['server', 'remove', 'volume', serverId, 'att-vol']);
      const available = await waitFor(
        () => dc.runOpenstack<Row>(['volume', 'show', 'att-vol']),
        (v) => v.status === 'available',
      );
      expect(available.status).toBe('available');
      expect(available.attachments).toEqual([]);
    });

    it('deletes a delete_on_termination boot volume with its server', async () => {
      const server = await dc.runOpenstack<Row>([
        'server',
        'create',
        '--flavor',
        'm1.tiny',
        '--image',
        imageId,
        '--network',
        'att-net',
        '--block-device',
        `uuid=${imageId},source_type=image,destination_type=volume,volume_size=1,boot_index=0,delete_on_termination=true`,
        '--wait',
        'bfv-vm',
      ]);
      expect(server.status).toBe('ACTIVE');
      const volumes = await dc.runOpenstack<Row[]>(['volume', 'list']);
      const root = volumes.find((v) => JSON.stringify(v).includes('bfv-vm'));
      expect(root?.Status).toBe('in-use');
      await dc.runOpenstackCommand(['server', 'delete', '--wait', String(server.id)]);
      const gone = await waitFor(
        () => dc.tryOpenstack(['volume', 'show', String(root?.ID)]),
        (r) => r.code !== 0,
      );
      expect(gone.stderr).toContain(`No volume with a name or ID of '${String(root?.ID)}' exists`);
    });
  },
);
