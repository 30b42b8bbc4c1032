import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Neutron and Cinder through the official CLI, on the agent's local listener (`--stack sim`). */
describe(
  'openstack CLI against the simulated datacenter: network and volume',
  { timeout: 300_000 },
  () => {
    let dc: SimDatacenter;

    beforeAll(async () => {
      dc = await startSimDatacenter();
    });
    afterAll(async () => {
      await dc?.stop();
    });

    it('creates a network and a subnet with DNS and the default pool', async () => {
      const network = await dc.runOpenstack<Row>(['network', 'create', 'cli-net']);
      expect(network).toMatchObject({
        name: 'cli-net',
        status: 'ACTIVE',
        'router:external': false,
      });
      const subnet = await dc.runOpenstack<Row>([
        'subnet',
        'create',
        '--network',
        'cli-net',
        '--subnet-range',
        '10.20.0.0/24',
        '--dns-nameserver',
        '8.8.8.8',
        'cli-subnet',
      ]);
      expect(subnet).toMatchObject({
        cidr: '10.20.0.0/24',
        gateway_ip: '10.20.0.1',
        dns_nameservers: ['8.8.8.8'],
      });
      const overlap = await dc.tryOpenstack([
        'subnet',
        'create',
        '--network',
        'cli-net',
        '--subnet-range',
        '10.20.0.128/25',
        'cli-overlap',
      ]);
      expect(overlap.code).not.toBe(0);
      expect(overlap.stderr).toContain('overlaps with another subnet');
    });

    it('creates a router, adds the subnet and sets the external gateway', async () => {
      const router = await dc.runOpenstack<Row>(['router', 'create', 'cli-router']);
      expect(router.name).toBe('cli-router');
      await dc.runOpenstackCommand(['router', 'add', 'subnet', 'cli-router', 'cli-subnet']);
      await dc.runOpenstackCommand(['router', 'set', '--external-gateway', 'public', 'cli-router']);
      const shown = await dc.runOpenstack<Row>(['router', 'show', 'cli-router']);
      const gateway = shown.external_gateway_info as Row;
      expect(gateway.enable_snat).toBe(true);
      expect(JSON.stringify(gateway.external_fixed_ips)).toContain('203.0.113.');
      expect(JSON.stringify(shown.interfaces_info)).toContain('10.20.0.1');
    });

    it('creates a security group rule and refuses the duplicate', async () => {
      const group = await dc.runOpenstack<Row>(['security', 'group', 'create', 'cli-web']);
      const args = [
        'security',
        'group',
        'rule',
        'create',
        '--protocol',
        'tcp',
        '--dst-port',
        '22',
        '--remote-ip',
        '0.0.0.0/0',
        String(group.id),
      ];
      const rule = await dc.runOpenstack<Row>(args);
      expect(rule).toMatchObject({
        protocol: 'tcp',
        port_range_min: 22,
        port_range_max: 22,
        remote_ip_prefix: '0.0.0.0/0',
      });
      const again = await dc.tryOpenstack(args);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain('Security group rule already exists');
    });

    it('creates a floating IP on the public network and binds it to a routed port', async () => {
      const fip = await dc.runOpenstack<Row>(['floating', 'ip', 'create', 'public']);
      expect(String(fip.floating_ip_address)).toMatch(/^203\.0\.113\.\d+$/);
      const port = await dc.runOpenstack<Row>([
        'port',
        'create',
        '--network',
        'cli-net',
        'cli-port',
      ]);
      await dc.runOpenstackCommand([
        'floating',
        'ip',
        'set',
        '--port',
        String(port.id),
        String(fip.id),
      ]);
      const shown = await dc.runOpenstack<Row>(['floating', 'ip', 'show', String(fip.id)]);
      expect(shown).toMatchObject({ port_id: port.id, status: 'ACTIVE' });
    });

    it('builds a firewall group from a rule and a policy (FWaaS v2)', async () => {
      const rule = await dc.runOpenstack<Row>([
        'firewall',
        'group',
        'rule',
        'create',
        '--protocol',
        'tcp',
        '--destination-port',
        '22',
        '--action',
        'allow',
        '--name',
        'cli-ssh',
      ]);
      expect(rule.Action ?? rule.action).toBe('allow');
      await dc.runOpenstack<Row>([
        'firewall',
        'group',
        'policy',
        'create',
        '--firewall-rule',
        'cli-ssh',
        'cli-policy',
      ]);
      const group = await dc.runOpenstack<Row>([
        'firewall',
        'group',
        'create',
        '--ingress-firewall-policy',
        'cli-policy',
        '--no-port',
        '--name',
        'cli-fw',
      ]);
      expect(group.Status ?? group.status).toBe('INACTIVE');
    });

    it('creates a volume and a snapshot that become available', async () => {
      const created = await dc.runOpenstack<Row>([
        'volume',
        'create',
        '--size',
        '2',
        '--type',
        'gold',
        'cli-vol',
      ]);
      expect(created).toMatchObject({ size: 2, type: 'gold' });
      const volume = await waitFor(
        () => dc.runOpenstack<Row>(['volume', 'show', 'cli-vol']),
        (v) => v.status === 'available',
      );
      expect(volume.status).toBe('available');
      await dc.runOpenstack<Row>([
        'volume',
        'snapshot',
        'create',
        '--volume',
        'cli-vol',
        'cli-snap',
      ]);
      const snapshot = await waitFor(
        () => dc.runOpenstack<Row>(['volume', 'snapshot', 'show', 'cli-snap']),
        (s) => s.status === 'available',
      );
      expect(snapshot).toMatchObject({ status: 'available', size: 2 });
    });
  },
);
