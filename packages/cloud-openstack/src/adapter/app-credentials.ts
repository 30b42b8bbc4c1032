import { randomBytes } from 'node:crypto';
import {
  CloudError,
  isCloudError,
  type AppCredentialDto,
  type AppCredentialOwner,
  type CallOptions,
  type Scope,
} from '@yunguan/cloud-core';
import { ProviderClient, type AuthOptions } from '../provider-client';
import { identityService, type Call, type ServiceClient } from '../service-client';
import {
  createAppCredential,
  deleteAppCredential,
  listAppCredentials,
} from '../services/identity/v3/application-credentials/requests';
import type { AppCredential } from '../services/identity/v3/application-credentials/results';
import { getDomain } from '../services/identity/v3/domains/requests';
import { getProject } from '../services/identity/v3/projects/requests';
import { assignProjectRole } from '../services/identity/v3/role-assignments/requests';
import { listRoles } from '../services/identity/v3/roles/requests';
import { createUser, listUsers, updateUser } from '../services/identity/v3/users/requests';
import type { User } from '../services/identity/v3/users/results';

/** The cloud user of a portal user: one per department domain, never more than `member`. */
export const cloudUserNameOf = (owner: AppCredentialOwner) => `yg-u-${owner.userId}`;
const memberRole = 'member';

const toDto = (c: AppCredential, userId: string): AppCredentialDto => ({
  externalId: c.id,
  name: c.name,
  projectExternalId: c.project_id,
  expiresAt: c.expires_at ?? null,
  userExternalId: userId,
  ...(c.secret === undefined ? {} : { secret: c.secret }),
});

/** Resolve once the wall clock has left the second `at` fell in (at most one second). */
const nextSecondAfter = (at: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, 1000 - (at % 1000) + 5)));

/**
 * Application credentials for portal users. The service account (admin) creates the user
 * `yg-u-<userId>` in the project's domain and grants it `member` on the project — never admin.
 * Keystone issues a credential only to its own user, so each create sets a fresh random
 * password (held in memory for this call only, then forgotten), logs in as that user scoped to
 * the project and creates the credential, restricted (no further credentials or trusts) and
 * carrying the member role only. The secret is returned once; nothing here stores it.
 */
export const appCredentialVerbs = (
  config: AuthOptions,
  provider: ProviderClient,
  identity: ServiceClient,
) => {
  const admin = (options?: CallOptions): Call => ({ scope: 'default', options });

  const findUser = async (scope: Scope, owner: AppCredentialOwner, options?: CallOptions) => {
    const project = await getProject(identity, admin(options), scope.projectExternalId);
    const users = await listUsers(identity, admin(options), {
      name: cloudUserNameOf(owner),
      domain_id: project.domain_id,
    });
    return { project, user: users[0] };
  };

  const ensureUser = async (
    scope: Scope,
    owner: AppCredentialOwner,
    password: string,
    options?: CallOptions,
  ): Promise<{ user: User; domainName: string; passwordChangedAt: number | null }> => {
    const call = admin(options);
    const found = await findUser(scope, owner, options);
    const { project } = found;
    let user = found.user;
    let passwordChangedAt: number | null = null;
    if (user === undefined) {
      user = await createUser(identity, call, {
        name: cloudUserNameOf(owner),
        domain_id: project.domain_id,
        password,
        description: `Yunguan user ${owner.username}`,
      });
    } else {
      user = await updateUser(identity, call, user.id, { password, enabled: true });
      passwordChangedAt = Date.now();
    }
    const role = (await listRoles(identity, call, { name: memberRole })).find(
      (r) => r.name === memberRole,
    );
    if (role === undefined) throw new Error(`the cloud has no "${memberRole}" role`);
    await assignProjectRole(identity, call, {
      projectId: project.id,
      userId: user.id,
      roleId: role.id,
    });
    const domain = await getDomain(identity, call, project.domain_id);
    return { user, domainName: domain.name, passwordChangedAt };
  };

  return {
    createAppCredential: async (
      scope: Scope,
      owner: AppCredentialOwner,
      input: { name: string; expiresAt?: string },
      options?: CallOptions,
    ): Promise<AppCredentialDto> => {
      const password = randomBytes(24).toString('base64url');
      const { user, domainName, passwordChangedAt } = await ensureUser(
        scope,
        owner,
        password,
        options,
      );
      // A password change makes Keystone revoke the user's tokens issued up to that moment, and
      // it compares in whole seconds: a token issued in the same second is refused (401). Log
      // in only once that second is over.
      if (passwordChangedAt !== null) await nextSecondAfter(passwordChangedAt);
      // Log in as the user (same transport, same Keystone), only for this call.
      const asUser = new ProviderClient({
        ...config,
        username: user.name,
        password,
        userDomainName: domainName,
        projectName: '',
        projectDomainName: domainName,
      });
      const created = await createAppCredential(
        identityService(asUser),
        { scope: { projectId: scope.projectExternalId }, options },
        user.id,
        {
          name: input.name,
          description: `Yunguan ${owner.username}`,
          ...(input.expiresAt === undefined ? {} : { expires_at: input.expiresAt }),
          roles: [{ name: memberRole }],
          unrestricted: false,
        },
      );
      return toDto(created, user.id);
    },

    listAppCredentials: async (
      scope: Scope,
      owner: AppCredentialOwner,
      options?: CallOptions,
    ): Promise<AppCredentialDto[]> => {
      const { user } = await findUser(scope, owner, options);
      if (user === undefined) return [];
      return (await listAppCredentials(identity, admin(options), user.id))
        .filter((c) => c.project_id === scope.projectExternalId)
        .map((c) => toDto(c, user.id));
    },

    deleteAppCredential: async (
      scope: Scope,
      owner: AppCredentialOwner,
      id: string,
      options?: CallOptions,
    ): Promise<void> => {
      const { user } = await findUser(scope, owner, options);
      if (user === undefined) return;
      const all = await listAppCredentials(identity, admin(options), user.id);
      const found = all.find((c) => c.id === id);
      if (found === undefined) return;
      if (found.project_id !== scope.projectExternalId) {
        throw new CloudError({
          kind: 'not-found',
          provider: 'openstack',
          service: 'identity',
          method: 'DELETE',
          url: `users/${user.id}/application_credentials/${id}`,
          expected: [204],
          upstreamMessage: `No application credential ${id} in project ${scope.projectExternalId}.`,
        });
      }
      try {
        await deleteAppCredential(identity, admin(options), user.id, id);
      } catch (error) {
        if (!isCloudError(error) || error.kind !== 'not-found') throw error;
      }
    },
  };
};
