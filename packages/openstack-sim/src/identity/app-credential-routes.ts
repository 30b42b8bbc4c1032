import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { keystoneError } from '../core/errors';
import { hexId } from '../core/ids';
import { linkBase } from '../core/link-base';
import { roleOptions } from './resource-routes';
import type { SimContext } from '../core/sim-context';
import { type AppCredential, type IdentityState, hashPassword, identityOf } from './identity-state';
import { findToken, tokenRoleIds } from './tokens';

type Params = { userId: string; credentialId: string };

const roleRef = z.union([
  z.strictObject({ id: z.string().min(1).max(64) }),
  z.strictObject({ name: z.string().min(1).max(255) }),
]);
const createInput = z.object({
  application_credential: z.looseObject({
    name: z.string().min(1).max(255).regex(/\S/),
    description: z.string().nullish(),
    secret: z.string().nullish(),
    expires_at: z.string().nullish(),
    roles: z.array(roleRef).optional(),
    unrestricted: z.boolean().optional(),
    access_rules: z.array(z.unknown()).optional(),
  }),
});

const forbidden = (action?: string) =>
  keystoneError(
    403,
    action === undefined
      ? 'You are not authorized to perform the requested action.'
      : `You are not authorized to perform the requested action: ${action}`,
  );

const invalid = (detail: string) => keystoneError(400, `Invalid application credential: ${detail}`);

/** Keystone writes the credential's expiry as a naive UTC timestamp with microseconds. */
const keystoneExpiry = (iso: string | null) =>
  iso === null ? null : iso.replace(/\.(\d{3})Z$/, '.$1000');

const render = (id: IdentityState, request: FastifyRequest, c: AppCredential) => ({
  id: c.id,
  name: c.name,
  description: c.description,
  expires_at: keystoneExpiry(c.expiresAt),
  project_id: c.projectId,
  user_id: c.userId,
  system: null,
  roles: c.roleIds.map((roleId) => ({
    id: roleId,
    name: id.roles[roleId]?.name ?? roleId,
    domain_id: null,
    description: id.roles[roleId]?.description ?? null,
    options: roleOptions(id.roles[roleId]?.name ?? ''),
  })),
  // Keystone echoes what the request said (null when nothing); access rules are not
  // simulated, and Keystone omits the field when there are none.
  unrestricted: c.unrestricted,
  links: {
    self: `${linkBase(request)}/identity/v3/users/${c.userId}/application_credentials/${c.id}`,
  },
});

/** Keystone's `parse_expiration_date`: a naive timestamp is UTC; the past is refused. */
const parseExpiry = (value: string, now: Date): string => {
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
  const at = Date.parse(zoned);
  if (Number.isNaN(at)) {
    throw keystoneError(
      400,
      `Timestamp not in expected format. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.`,
    );
  }
  if (at <= now.getTime()) {
    throw keystoneError(
      400,
      "The 'expires_at' must not be before now. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.",
    );
  }
  return new Date(at).toISOString();
};

/**
 * `/v3/users/{user_id}/application_credentials`: a user makes credentials for themself from a
 * project-scoped token (roles default to the token's, may only narrow them); the user or an admin
 * lists, shows and deletes them. A token from a restricted credential may not manage any.
 */
export const registerAppCredentialRoutes = (app: FastifyInstance, ctx: SimContext) => {
  const state = () => identityOf(ctx.store.state);
  const callerToken = (request: FastifyRequest) => {
    const caller = ctx.caller(request);
    const header = request.headers['x-auth-token'];
    const token = findToken(ctx, Array.isArray(header) ? header[0] : header);
    if (token === null)
      throw keystoneError(401, 'The request you have made requires authentication.');
    return { caller, token };
  };
  const requireUnrestricted = (token: { appCredentialId?: string }) => {
    if (token.appCredentialId === undefined) return;
    if (state().appCredentials[token.appCredentialId]?.unrestricted === true) return;
    throw forbidden(
      "Using method 'application_credential' is not allowed for managing additional application credentials.",
    );
  };
  /** Owner or admin; the credential must belong to the user of the URL. */
  const ownCredential = (request: FastifyRequest<{ Params: Params }>) => {
    const { caller, token } = callerToken(request);
    const { userId, credentialId } = request.params;
    const credential = state().appCredentials[credentialId];
    if (credential !== undefined && caller.userId !== credential.userId && !caller.isAdmin) {
      throw forbidden();
    }
    if (credential === undefined || credential.userId !== userId) {
      throw keystoneError(404, `Could not find Application Credential: ${credentialId}.`);
    }
    return { credential, token };
  };

  app.get<{ Params: Pick<Params, 'userId'> }>(
    '/identity/v3/users/:userId/application_credentials',
    (request) => {
      const { caller } = callerToken(request);
      const { userId } = request.params;
      if (caller.userId !== userId && !caller.isAdmin) throw forbidden();
      const name = (request.query as Record<string, string | undefined>).name;
      const id = state();
      const items = Object.values(id.appCredentials).filter(
        (c) => c.userId === userId && (name === undefined || c.name === name),
      );
      return {
        application_credentials: items.map((c) => render(id, request, c)),
        links: {
          self: `${linkBase(request)}/identity/v3/users/${userId}/application_credentials`,
          previous: null,
          next: null,
        },
      };
    },
  );

  app.post<{ Params: Pick<Params, 'userId'> }>(
    '/identity/v3/users/:userId/application_credentials',
    (request, reply) => {
      const { caller, token } = callerToken(request);
      const parsed = createInput.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw keystoneError(
          400,
          `Invalid input for field '${issue?.path.join('.') ?? 'application_credential'}': ${issue?.message}`,
        );
      }
      const input = parsed.data.application_credential;
      requireUnrestricted(token);
      if (caller.userId !== request.params.userId) {
        throw forbidden('Cannot create an application credential for another user.');
      }
      if (token.projectId === null) {
        throw invalid('a project-scoped token is required to create an application credential');
      }
      const id = state();
      const tokenRoles = tokenRoleIds(id, token);
      let roleIds = tokenRoles;
      if (input.roles !== undefined && input.roles.length > 0) {
        roleIds = input.roles.map((ref) => {
          const role =
            'id' in ref
              ? id.roles[ref.id]
              : Object.values(id.roles).find((r) => r.name === ref.name);
          if (role === undefined) {
            throw keystoneError(404, `Could not find role: ${'id' in ref ? ref.id : ref.name}.`);
          }
          if (!tokenRoles.includes(role.id)) {
            throw invalid('Cannot create an application credential with unassigned role');
          }
          return role.id;
        });
      }
      const duplicate = Object.values(id.appCredentials).some(
        (c) => c.userId === caller.userId && c.name === input.name,
      );
      if (duplicate) {
        throw keystoneError(
          409,
          'Conflict occurred attempting to store application_credential - Duplicate entry.',
        );
      }
      const secret = input.secret || randomBytes(64).toString('base64url');
      const credential: AppCredential = {
        id: hexId(),
        name: input.name,
        description: input.description ?? null,
        userId: caller.userId,
        projectId: token.projectId,
        roleIds: [...new Set(roleIds)],
        unrestricted: input.unrestricted ?? null,
        expiresAt: input.expires_at ? parseExpiry(input.expires_at, ctx.now()) : null,
        secretHash: hashPassword(secret),
      };
      id.appCredentials[credential.id] = credential;
      ctx.store.changed();
      // The secret is in this answer only; the simulator keeps its hash.
      return reply
        .code(201)
        .send({ application_credential: { ...render(id, request, credential), secret } });
    },
  );

  app.get<{ Params: Params }>(
    '/identity/v3/users/:userId/application_credentials/:credentialId',
    (request) => {
      const { credential } = ownCredential(request);
      return { application_credential: render(state(), request, credential) };
    },
  );

  app.delete<{ Params: Params }>(
    '/identity/v3/users/:userId/application_credentials/:credentialId',
    (request, reply) => {
      const { credential, token } = ownCredential(request);
      requireUnrestricted(token);
      delete state().appCredentials[credential.id];
      ctx.store.changed();
      return reply.code(204).send();
    },
  );
};
