import { randomBytes } from 'node:crypto';
import { type CloudProvider, type Scope } from '../index';
import { expect, it } from 'vitest';
import { appCredentialsOf } from './ports';

type TokenBody = {
  token: { project?: { id: string }; roles?: { name: string }[]; user: { name: string } };
};

/** How the cloud answered a login with an application credential (Keystone's token shape). */
export type AppCredentialLogin = { status: number; body: TokenBody | null };

/**
 * Application credentials: made for the portal user's own cloud user (member only), scoped to
 * the project; they log in as the CLI would, are listed, and stop working once deleted.
 */
export const describeAppCredentialContract = (
  get: () => {
    provider: CloudProvider;
    scope: Scope;
    login: (id: string, secret: string) => Promise<AppCredentialLogin>;
  },
) => {
  const owner = { userId: `contract-${randomBytes(4).toString('hex')}`, username: 'contract' };
  let id = '';
  let secret = '';

  it('creates an application credential for the user’s own member-only cloud user', async () => {
    const { provider, scope, login: loginWithAppCredential } = get();
    const created = await appCredentialsOf(provider).createAppCredential(scope, owner, {
      name: 'contract-cli',
    });
    expect(created.projectExternalId).toBe(scope.projectExternalId);
    expect(created.secret).toBeTruthy();
    id = created.externalId;
    secret = created.secret ?? '';
    const login = await loginWithAppCredential(id, secret);
    expect(login.status).toBe(201);
    expect(login.body?.token.project?.id).toBe(scope.projectExternalId);
    expect(login.body?.token.user.name).toBe(`yg-u-${owner.userId}`);
    expect(login.body?.token.roles?.map((r) => r.name)).not.toContain('admin');
    const again = await appCredentialsOf(provider).createAppCredential(scope, owner, {
      name: 'contract-cli-2',
    });
    const listed = await appCredentialsOf(provider).listAppCredentials(scope, owner);
    expect(listed.map((c) => c.name).sort()).toEqual(['contract-cli', 'contract-cli-2']);
    expect(listed.every((c) => c.secret === undefined)).toBe(true);
    await appCredentialsOf(provider).deleteAppCredential(scope, owner, again.externalId);
  }, 60_000);

  it('deletes the credential: it no longer logs in, and deleting again is fine', async () => {
    const { provider, scope, login: loginWithAppCredential } = get();
    await appCredentialsOf(provider).deleteAppCredential(scope, owner, id);
    expect([401, 404]).toContain((await loginWithAppCredential(id, secret)).status);
    await appCredentialsOf(provider).deleteAppCredential(scope, owner, id);
    expect(await appCredentialsOf(provider).listAppCredentials(scope, owner)).toEqual([]);
  }, 60_000);
};
