import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type OpenstackResult,
  type SimDatacenter,
  openstackBin,
  startSimDatacenter,
} from './cli-harness';

type Row = Record<string, unknown>;
const run = promisify(execFile);

/**
 * Keystone application credentials through the official CLI on the agent's local listener:
 * a member makes, lists, shows and deletes its own, and `v3applicationcredential` logs in with
 * them (project-scoped, the credential's roles only) until they are deleted.
 */
describe(
  'openstack CLI against the simulated datacenter: application credentials',
  {
    timeout: 300_000,
  },
  () => {
    let dc: SimDatacenter;
    let asUser: Record<string, string>;
    let projectId = '';
    const password = randomBytes(12).toString('base64url');

    /** The CLI with only an application credential: no user, password or project in the env. */
    const withAppCredential = async (
      args: string[],
      credential: { id: string; secret: string },
    ): Promise<OpenstackResult> => {
      const env = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dc.dataDir,
        LANG: 'C.UTF-8',
        OS_AUTH_TYPE: 'v3applicationcredential',
        OS_AUTH_URL: dc.authUrl,
        OS_APPLICATION_CREDENTIAL_ID: credential.id,
        OS_APPLICATION_CREDENTIAL_SECRET: credential.secret,
        OS_IDENTITY_API_VERSION: '3',
        OS_REGION_NAME: 'RegionOne',
        OS_INTERFACE: 'public',
      };
      try {
        const { stdout, stderr } = await run(openstackBin, args, { env, timeout: 120_000 });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code?: number; stdout?: string; stderr?: string };
        return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
      }
    };

    beforeAll(async () => {
      dc = await startSimDatacenter();
      const project = await dc.runOpenstack<Row>(['project', 'create', 'ac-project']);
      projectId = String(project.id);
      await dc.runOpenstack<Row>(['user', 'create', '--password', password, 'ac-user']);
      await dc.runOpenstackCommand([
        'role',
        'add',
        '--project',
        'ac-project',
        '--user',
        'ac-user',
        'member',
      ]);
      asUser = {
        OS_USERNAME: 'ac-user',
        OS_PASSWORD: password,
        OS_PROJECT_NAME: 'ac-project',
      };
    });
    afterAll(async () => {
      await dc?.stop();
    });

    let credential = { id: '', secret: '' };

    it('a member creates, lists and shows its own application credentials', async () => {
      const created = await dc.runOpenstack<Row>(
        ['application', 'credential', 'create', '--description', 'for the CLI', 'ac-cli'],
        asUser,
      );
      expect(created.name).toBe('ac-cli');
      expect(created.project_id).toBe(projectId);
      expect(String(created.secret).length).toBeGreaterThan(40);
      expect(created.unrestricted).toBe(false);
      // No --role: the roles of the creating token (member and the reader it implies).
      expect(String(created.roles).split(/\s+/).sort()).toEqual(['member', 'reader']);
      credential = { id: String(created.id), secret: String(created.secret) };

      const narrow = await dc.runOpenstack<Row>(
        [
          'application',
          'credential',
          'create',
          '--role',
          'reader',
          '--secret',
          'chosen-secret',
          '--expiration',
          '2099-01-01T00:00:00',
          'ac-reader',
        ],
        asUser,
      );
      expect(narrow.secret).toBe('chosen-secret');
      expect(narrow.roles).toBe('reader');
      expect(String(narrow.expires_at)).toMatch(/^2099-01-01T00:00:00/);

      const again = await dc.tryOpenstack(
        ['application', 'credential', 'create', 'ac-cli'],
        asUser,
      );
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/Conflict|Duplicate/i);
      const tooMuch = await dc.tryOpenstack(
        ['application', 'credential', 'create', '--role', 'admin', 'ac-admin'],
        asUser,
      );
      // The CLI looks roles up in its own token, so this never reaches Keystone (see below).
      expect(tooMuch.code).not.toBe(0);
      expect(tooMuch.stderr).toMatch(/Could not find role: admin/);

      const listed = await dc.runOpenstack<Row[]>(['application', 'credential', 'list'], asUser);
      expect(listed.map((c) => c.Name).sort()).toEqual(['ac-cli', 'ac-reader']);
      expect(JSON.stringify(listed)).not.toContain(credential.secret);
      const shown = await dc.runOpenstack<Row>(
        ['application', 'credential', 'show', 'ac-cli'],
        asUser,
      );
      expect(shown.id).toBe(credential.id);
      expect(shown.description).toBe('for the CLI');
      expect(shown.secret ?? null).toBeNull();

      // The admin's own list does not hold the member's credentials.
      const adminList = await dc.runOpenstack<Row[]>(['application', 'credential', 'list']);
      expect(adminList).toEqual([]);
      await dc.runOpenstackCommand(['application', 'credential', 'delete', 'ac-reader'], asUser);
    });

    it('v3applicationcredential logs in scoped to the project with the credential’s roles', async () => {
      const issued = await withAppCredential(['token', 'issue', '-f', 'json'], credential);
      expect(issued.stderr).toBe('');
      const token = JSON.parse(issued.stdout) as Row;
      expect(token.project_id).toBe(projectId);
      expect(String(token.id)).toMatch(/^gAAAA/);

      const servers = await withAppCredential(['server', 'list', '-f', 'json'], credential);
      expect(servers.code, servers.stderr).toBe(0);
      expect(JSON.parse(servers.stdout)).toEqual([]);

      // A restricted credential may not make more credentials.
      const more = await withAppCredential(
        ['application', 'credential', 'create', 'ac-nested'],
        credential,
      );
      expect(more.code).not.toBe(0);
      expect(more.stderr).toMatch(/not allowed for managing additional application credentials/);

      const wrong = await withAppCredential(['token', 'issue'], { ...credential, secret: 'nope' });
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toMatch(/401|authenticat/i);
    });

    it('answers like Keystone to a role the token lacks and to a scope in the request', async () => {
      const auth = await fetch(`${dc.authUrl}/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: 'ac-user', domain: { id: 'default' }, password } },
            },
            scope: { project: { id: projectId } },
          },
        }),
      });
      expect(auth.status).toBe(201);
      const token = auth.headers.get('x-subject-token') ?? '';
      const userId = ((await auth.json()) as { token: { user: { id: string } } }).token.user.id;
      const create = (body: unknown) =>
        fetch(`${dc.authUrl}/users/${userId}/application_credentials`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-auth-token': token },
          body: JSON.stringify({ application_credential: body }),
        });
      const admin = await create({ name: 'ac-admin', roles: [{ name: 'admin' }] });
      expect(admin.status).toBe(400);
      expect(await admin.text()).toContain(
        'Cannot create an application credential with unassigned role',
      );
      expect((await create({ name: 'ac-past', expires_at: '2001-01-01T00:00:00' })).status).toBe(
        400,
      );

      const scoped = await fetch(`${dc.authUrl}/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          auth: {
            identity: { methods: ['application_credential'], application_credential: credential },
            scope: { project: { id: projectId } },
          },
        }),
      });
      expect(scoped.status).toBe(401);
      expect(await scoped.text()).toContain('Application credentials cannot request a scope');
    });

    it('after delete, the credential no longer issues tokens', async () => {
      await dc.runOpenstackCommand(['application', 'credential', 'delete', credential.id], asUser);
      const listed = await dc.runOpenstack<Row[]>(['application', 'credential', 'list'], asUser);
      expect(listed).toEqual([]);
      const issued = await withAppCredential(['token', 'issue'], credential);
      expect(issued.code).not.toBe(0);
      expect(issued.stderr).toMatch(/Could not find Application Credential/);
    });
  },
);
