import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimDatacenter, startSimDatacenter } from './cli-harness';

type Row = Record<string, unknown>;

/**
 * `openstack usage list/show` (os-simple-tenant-usage) and `openstack server migration list`
 * (os-migrations) through the agent's listener, as an operator's openrc runs them (M2.6).
 */
describe(
  'openstack CLI against the simulated datacenter: usage and migrations',
  { timeout: 300_000 },
  () => {
    let dc: SimDatacenter;
    let serverId = '';

    beforeAll(async () => {
      dc = await startSimDatacenter();
      const images = await dc.runOpenstack<Row[]>(['image', 'list']);
      const first = images[0]?.ID;
      const image = typeof first === 'string' ? first : '';
      const server = await dc.runOpenstack<Row>([
        'server',
        'create',
        '--image',
        image,
        '--flavor',
        'm1.tiny',
        '--wait',
        'usage-vm',
      ]);
      serverId = String(server.id);
      // Agent start, two CLI runs and a boot: past the int project's 60 s hook limit on a loaded
      // machine (measured 87 s at load 24), like the tests' own 300 s.
    }, 300_000);
    afterAll(async () => {
      await dc?.stop();
    });

    it('lists and shows the project usage of a running server', async () => {
      const usage = await dc.runOpenstack<Row[]>(['usage', 'list', '--start', '2020-01-01']);
      expect(usage).toHaveLength(1);
      // `-f json` shows the server usages themselves under Servers.
      const servers = usage[0]?.Servers as Row[];
      expect(servers.map((s) => s.instance_id)).toEqual([serverId]);
      expect(servers[0]).toMatchObject({ flavor: 'm1.tiny', state: 'active' });
      const shown = await dc.runOpenstack<Row>(['usage', 'show', '--start', '2020-01-01']);
      expect(Number(shown['RAM MB-Hours'])).toBeGreaterThanOrEqual(0);
    });

    it('counts a server only in windows it ran in, and refuses a start after the end', async () => {
      const before = await dc.runOpenstack<Row[]>([
        'usage',
        'list',
        '--start',
        '2020-01-01',
        '--end',
        '2020-02-01',
      ]);
      expect(before).toEqual([]);
      const refused = await dc.tryOpenstack([
        'usage',
        'list',
        '--start',
        '2030-02-01',
        '--end',
        '2030-01-01',
      ]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('The start time cannot occur after the end time');
    });

    it('lists a cold migration and a resize, newest first', async () => {
      expect(await dc.runOpenstack<Row[]>(['server', 'migration', 'list'])).toEqual([]);
      await dc.runOpenstackCommand(['server', 'migrate', '--wait', serverId]);
      await dc.runOpenstackCommand(['server', 'resize', 'confirm', serverId]);
      await dc.runOpenstackCommand([
        'server',
        'resize',
        '--flavor',
        'm1.small',
        '--wait',
        serverId,
      ]);
      const rows = await dc.runOpenstack<Row[]>([
        '--os-compute-api-version',
        '2.80',
        'server',
        'migration',
        'list',
      ]);
      expect(rows.map((r) => [r.Type, r.Status])).toEqual([
        ['resize', 'finished'],
        ['migration', 'confirmed'],
      ]);
      expect(rows[0]?.['Server UUID']).toBe(serverId);
      const resizes = await dc.runOpenstack<Row[]>([
        '--os-compute-api-version',
        '2.80',
        'server',
        'migration',
        'list',
        '--type',
        'resize',
      ]);
      expect(resizes.map((r) => [r.Type, r.Status])).toEqual([['resize', 'finished']]);
    });
  },
);
