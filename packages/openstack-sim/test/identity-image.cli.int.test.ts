import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimDatacenter, startSimDatacenter } from './cli-harness';

type Row = Record<string, unknown>;

/** Keystone and Glance through the official CLI, on the agent's local listener (`--stack sim`). */
describe(
  'openstack CLI against the simulated datacenter: identity and image',
  { timeout: 300_000 },
  () => {
    let dc: SimDatacenter;

    beforeAll(async () => {
      dc = await startSimDatacenter();
    });
    afterAll(async () => {
      await dc?.stop();
    });

    it('issues a project-scoped token', async () => {
      const token = await dc.runOpenstack<Row>(['token', 'issue']);
      expect(token.id).toMatch(/^gAAAA/);
      expect(token.project_id).toMatch(/^[0-9a-f]{32}$/);
      expect(Date.parse(String(token.expires))).toBeGreaterThan(Date.now());
    });

    it('lists a catalog whose endpoints all point at the local listener', async () => {
      const catalog = await dc.runOpenstack<{ Name: string; Type: string; Endpoints: Row[] }[]>([
        'catalog',
        'list',
      ]);
      const types = catalog.map((s) => s.Type);
      for (const type of ['identity', 'compute', 'network', 'volumev3', 'image', 'placement']) {
        expect(types).toContain(type);
      }
      const origin = new URL(dc.authUrl).origin;
      for (const service of catalog) {
        expect(service.Endpoints.map((e) => e.interface).sort()).toEqual([
          'admin',
          'internal',
          'public',
        ]);
        for (const endpoint of service.Endpoints) {
          expect(String(endpoint.url).startsWith(`${origin}/`)).toBe(true);
          expect(endpoint.region).toBe('RegionOne');
        }
      }
      const compute = catalog.find((s) => s.Type === 'compute');
      expect(compute?.Name).toBe('nova');
      expect(compute?.Endpoints[0]?.url).toBe(`${origin}/compute/v2.1`);

      const services = await dc.runOpenstack<Row[]>(['service', 'list']);
      expect(services.map((s) => s.Type)).toEqual(expect.arrayContaining(['compute', 'image']));
      const endpoints = await dc.runOpenstack<Row[]>(['endpoint', 'list', '--service', 'image']);
      expect(endpoints.map((e) => e.Interface).sort()).toEqual(['admin', 'internal', 'public']);
    });

    it('creates, lists, shows, downloads, protects and deletes an image', async () => {
      const bytes = randomBytes(300_000);
      const file = path.join(dc.dataDir, 'upload.img');
      await writeFile(file, bytes);
      const created = await dc.runOpenstack<Row>([
        'image',
        'create',
        '--file',
        file,
        '--disk-format',
        'qcow2',
        '--container-format',
        'bare',
        '--property',
        'os_distro=ubuntu',
        'cli-image',
      ]);
      const id = String(created.id);
      expect(created.name).toBe('cli-image');

      const list = await dc.runOpenstack<Row[]>(['image', 'list']);
      expect(list.map((i) => i.Name)).toEqual(
        expect.arrayContaining(['cirros-0.6.2', 'cli-image']),
      );

      const shown = await dc.runOpenstack<Row>(['image', 'show', 'cli-image']);
      expect(shown).toMatchObject({
        id,
        status: 'active',
        disk_format: 'qcow2',
        container_format: 'bare',
        size: bytes.length,
        checksum: createHash('md5').update(bytes).digest('hex'),
      });
      expect(shown.properties).toMatchObject({ os_distro: 'ubuntu' });

      const saved = path.join(dc.dataDir, 'download.img');
      await dc.runOpenstackCommand(['image', 'save', '--file', saved, id]);
      expect((await readFile(saved)).equals(bytes)).toBe(true);

      await dc.runOpenstackCommand(['image', 'set', '--protected', '--tag', 'golden', id]);
      const refused = await dc.tryOpenstack(['image', 'delete', id]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('is protected and cannot be deleted');

      await dc.runOpenstackCommand(['image', 'set', '--unprotected', id]);
      await dc.runOpenstackCommand(['image', 'delete', id]);
      const after = await dc.runOpenstack<Row[]>(['image', 'list']);
      expect(after.map((i) => i.ID)).not.toContain(id);
    });

    it('rejects an unknown disk format', async () => {
      const file = path.join(dc.dataDir, 'tiny.img');
      await writeFile(file, 'x');
      const result = await dc.tryOpenstack([
        'image',
        'create',
        '--file',
        file,
        '--disk-format',
        'qcow3',
        'bad-format',
      ]);
      expect(result.code).not.toBe(0);
    });

    it('manages projects, users and role assignments; the new user can log in', async () => {
      const project = await dc.runOpenstack<Row>([
        'project',
        'create',
        '--description',
        'd',
        'cli-proj',
      ]);
      expect(project).toMatchObject({ name: 'cli-proj', domain_id: 'default', enabled: true });
      const user = await dc.runOpenstack<Row>([
        'user',
        'create',
        '--password',
        's3cret',
        '--project',
        'cli-proj',
        'cli-user',
      ]);
      expect(user.name).toBe('cli-user');
      await dc.runOpenstackCommand([
        'role',
        'add',
        '--project',
        'cli-proj',
        '--user',
        'cli-user',
        'member',
      ]);

      const assignments = await dc.runOpenstack<Row[]>([
        'role',
        'assignment',
        'list',
        '--project',
        'cli-proj',
        '--names',
      ]);
      expect(assignments).toEqual([
        expect.objectContaining({
          Role: 'member',
          User: 'cli-user@Default',
          Project: 'cli-proj@Default',
        }),
      ]);
      const roles = await dc.runOpenstack<Row[]>(['role', 'list']);
      expect(roles.map((r) => r.Name)).toEqual(
        expect.arrayContaining(['admin', 'member', 'reader']),
      );

      const asUser = {
        OS_USERNAME: 'cli-user',
        OS_PASSWORD: 's3cret',
        OS_PROJECT_NAME: 'cli-proj',
      };
      const token = await dc.runOpenstack<Row>(['token', 'issue'], asUser);
      expect(token.project_id).toBe(project.id);
      const denied = await dc.tryOpenstack(['project', 'create', 'not-allowed'], asUser);
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toContain('HTTP 403');
      const wrong = await dc.tryOpenstack(['token', 'issue'], { ...asUser, OS_PASSWORD: 'nope' });
      expect(wrong.stderr).toContain('HTTP 401');

      await dc.runOpenstackCommand([
        'role',
        'remove',
        '--project',
        'cli-proj',
        '--user',
        'cli-user',
        'member',
      ]);
      await dc.runOpenstackCommand(['user', 'delete', 'cli-user']);
      await dc.runOpenstackCommand(['project', 'delete', 'cli-proj']);
      const projects = await dc.runOpenstack<Row[]>(['project', 'list']);
      expect(projects.map((p) => p.Name).sort()).toEqual(['admin', 'service']);
      const missing = await dc.tryOpenstack(['project', 'show', 'cli-proj']);
      expect(missing.stderr).toContain("No project with a name or ID of 'cli-proj' exists.");
    });
  },
);
