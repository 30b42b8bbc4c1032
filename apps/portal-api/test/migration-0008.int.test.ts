import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '@yunguan/testing';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { migrate } from '../src/db/migrate';

/** Migration 0008 on a database that lived through 0001–0007 with a bound project (ADR 0111). */
const migrations = new URL('../../../prisma/migrations', import.meta.url).pathname;
const staged = await mkdtemp(path.join(tmpdir(), 'yg-0008-'));
const adminUrl = inject('pgAdminUrl');
const name = `yg_m0008_${randomBytes(6).toString('hex')}`;
const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);

/** Copy the migrations named before `stop` (all of them without it) into the staged folder. */
const stage = async (stop?: string) => {
  for (const entry of await readdir(migrations, { withFileTypes: true })) {
    if (!entry.isDirectory() || (stop !== undefined && entry.name >= stop)) continue;
    await cp(path.join(migrations, entry.name), path.join(staged, entry.name), { recursive: true });
  }
};

afterAll(async () => {
  await rm(staged, { recursive: true, force: true });
});

describe('migration 0008_cloud_neutral_credentials', () => {
  test('moves the Keystone domain into the binding mapping and keeps legacy credentials readable', async () => {
    await ensureDatabase(adminUrl, name);
    await stage('0008');
    await migrate(url, staged);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await db.query(`INSERT INTO department (id, name, updated_at) VALUES ('d1', 'R&D', now())`);
      await db.query(
        `INSERT INTO project (id, department_id, name, updated_at) VALUES ('p1', 'd1', 'web', now())`,
      );
      await db.query(
        `INSERT INTO datacenter (id, name, region, kind, updated_at) VALUES ('dc1', 'DC', 'r', 'openstack', now())`,
      );
      await db.query(
        `INSERT INTO tenant_binding (id, datacenter_id, project_id, domain_external_id, project_external_id)
         VALUES ('b1', 'dc1', 'p1', 'dom-123', 'proj-456')`,
      );
      await db.query(
        `INSERT INTO datacenter_credential (datacenter_id, auth_path, username, password_enc,
           user_domain_name, project_name, project_domain_name, region_name, updated_at)
         VALUES ('dc1', '/identity/v3', 'admin', 'v1.sealed', 'Default', 'admin', 'Default', NULL, now())`,
      );

      await stage('0009'); // 0008 itself; later migrations are not this test's
      expect((await migrate(url, staged)).applied).toEqual(['0008_cloud_neutral_credentials']);

      const binding = await db.query(
        `SELECT project_external_id, mapping FROM tenant_binding WHERE id = 'b1'`,
      );
      expect(binding.rows).toEqual([
        { project_external_id: 'proj-456', mapping: { domainExternalId: 'dom-123' } },
      ]);
      const columns = await db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'tenant_binding'`,
      );
      expect(columns.rows.map((c: { column_name: string }) => c.column_name)).not.toContain(
        'domain_external_id',
      );
      const credential = await db.query(
        `SELECT kind, sealed_json, username, password_enc FROM datacenter_credential`,
      );
      expect(credential.rows).toEqual([
        { kind: 'openstack', sealed_json: null, username: 'admin', password_enc: 'v1.sealed' },
      ]);
      // A row with neither a sealed document nor the legacy columns is refused.
      await expect(
        db.query(`UPDATE datacenter_credential SET username = NULL WHERE datacenter_id = 'dc1'`),
      ).rejects.toThrow(/datacenter_credential_sealed_or_legacy/);
    } finally {
      await db.end();
    }
  });
});
