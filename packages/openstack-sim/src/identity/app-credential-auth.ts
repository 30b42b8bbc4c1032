import { z } from 'zod';
import { keystoneError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { type AppCredential, type User, checkPassword, identityOf } from './identity-state';
import { tokenRoleIds } from './tokens';

const domainRef = z.object({ id: z.string().optional(), name: z.string().optional() });

/** `auth.identity.application_credential`: by id, or by name with its user. */
export const appCredentialAuthInput = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  secret: z.string(),
  user: z
    .object({
      id: z.string().optional(),
      name: z.string().optional(),
      domain: domainRef.optional(),
    })
    .optional(),
});
type AppCredentialAuthInput = z.infer<typeof appCredentialAuthInput>;

const unauthorized = (message = 'The request you have made requires authentication.') =>
  keystoneError(401, message);

const findByName = (ctx: SimContext, input: AppCredentialAuthInput): AppCredential => {
  const id = identityOf(ctx.store.state);
  const ref = input.user;
  if (ref === undefined) {
    throw keystoneError(
      400,
      'Expecting to find user in application credential - the server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.',
    );
  }
  let userId = ref.id;
  if (userId === undefined) {
    const domain = Object.values(id.domains).find((d) =>
      ref.domain?.id !== undefined ? d.id === ref.domain.id : d.name === ref.domain?.name,
    );
    if (domain === undefined) throw unauthorized();
    userId = Object.values(id.users).find(
      (u) => u.name === ref.name && u.domain_id === domain.id,
    )?.id;
    if (userId === undefined) throw unauthorized();
  }
  const found = Object.values(id.appCredentials).filter(
    (c) => c.userId === userId && c.name === input.name,
  );
  if (found.length !== 1 || found[0] === undefined) {
    throw unauthorized(`Could not find application credential: ${input.name}`);
  }
  return found[0];
};

/**
 * Keystone's `application_credential` auth method. The credential picks the scope itself (a
 * request that asks for one is 401), an unknown id is Keystone's 404, a wrong secret or an expired
 * credential is 401, and the token carries the credential's roles only.
 */
export const authenticateAppCredential = (
  ctx: SimContext,
  input: AppCredentialAuthInput,
  scopeRequested: boolean,
): { user: User; credential: AppCredential } => {
  // Keystone checks the scope before it looks the credential up.
  if (scopeRequested) {
    throw unauthorized(
      'Error authenticating with application credential: Application credentials cannot request a scope.',
    );
  }
  const id = identityOf(ctx.store.state);
  let credential: AppCredential;
  if (input.id !== undefined) {
    const byId = id.appCredentials[input.id];
    if (byId === undefined) {
      throw keystoneError(404, `Could not find Application Credential: ${input.id}.`);
    }
    credential = byId;
  } else if (input.name !== undefined) {
    credential = findByName(ctx, input);
  } else {
    throw keystoneError(
      400,
      'Expecting to find id or name in application credential - the server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.',
    );
  }
  const expired =
    credential.expiresAt !== null && Date.parse(credential.expiresAt) <= ctx.now().getTime();
  if (!checkPassword(input.secret, credential.secretHash) || expired) {
    throw unauthorized('Invalid application credential ID or secret');
  }
  const user = id.users[credential.userId];
  if (user === undefined || !user.enabled) throw unauthorized();
  if (id.projects[credential.projectId]?.enabled !== true) throw unauthorized();
  const probe = {
    id: '',
    userId: user.id,
    projectId: credential.projectId,
    domainId: null,
    methods: [],
    issuedAt: '',
    expiresAt: '',
    auditId: '',
    appCredentialId: credential.id,
  };
  if (tokenRoleIds(id, probe).length === 0) {
    throw unauthorized(`User ${user.id} has no access to project ${credential.projectId}`);
  }
  return { user, credential };
};
