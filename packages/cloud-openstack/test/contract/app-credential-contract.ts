import { randomBytes } from 'node:crypto';
import { type CloudProvider, type Scope } from '@yunguan/cloud-core';
import { expect, it } from 'vitest';

type TokenBody = {
  token: { project?: { id: string }; roles?: { name: string }[]; user: { name: string } };
};

/** Log in the way the CLI does with a clouds.yaml of auth_type v3applicationcredential. */
export const loginWithAppCredential = async (authUrl: string, id: string, secret: string) => {
  const response = await fetch(`${authUrl.replace(/\/+$/, '')}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id, secret },
        },
      },
    }),
  });
  const text = await response.text();
  return { status: response.status, body: response.ok ? (JSON.parse(text) as TokenBody) : null };
};

/**
 * Application credentials: made for the portal user's own cloud user (member only), scoped to
 * the project; they log in as the CLI would, are listed, and stop working once deleted.
 */
export const describeAppCredentialContract = (
  get: () => { provider: CloudProvider; scope: Scope; authUrl: string },
) => {
  const owner = { userId: `contract-${randomBytes(4).toString('hex')}`, username: 'contract' };
  let id = '';
  let secret = '';

  it('creates an application credential for the user’s own member-only cloud user', async () => {
    const { provider, scope, authUrl } = get();
    const created = await provider.createAppCredential(scope, owner, { name: 'contract-cli' });
    expect(created.projectExternalId).toBe(scope.projectExternalId);
    expect(created.secret).toBeTruthy();
    id = created.externalId;
    secret = created.secret ?? '';
    const login = await loginWithAppCredential(authUrl, id, secret);
    expect(login.status).toBe(201);
    expect(login.body?.token.project?.id).toBe(scope.projectExternalId);
    expect(login.body?.token.user.name).toBe(`yg-u-${owner.userId}`);
    expect(login.body?.token.roles?.map((r) => r.name)).not.toContain('admin');
    const again = await provider.createAppCredential(scope, owner, { name: 'contract-cli-2' });
    const listed = await provider.listAppCredentials(scope, owner);
    expect(listed.map((c) => c.name).sort()).toEqual(['contract-cli', 'contract-cli-2']);
    expect(listed.every((c) => c.secret === undefined)).toBe(true);
    await provider.deleteAppCredential(scope, owner, again.externalId);
  }, 60_000);

  it('deletes the credential: it no longer logs in, and deleting again is fine', async () => {
    const { provider, scope, authUrl } = get();
    await provider.deleteAppCredential(scope, owner, id);
    expect([401, 404]).toContain((await loginWithAppCredential(authUrl, id, secret)).status);
    await provider.deleteAppCredential(scope, owner, id);
    expect(await provider.listAppCredentials(scope, owner)).toEqual([]);
  }, 60_000);
};
