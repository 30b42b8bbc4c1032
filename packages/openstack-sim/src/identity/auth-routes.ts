import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { keystoneError } from '../core/errors';
import { linkBase } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import { appCredentialAuthInput, authenticateAppCredential } from './app-credential-auth';
import { buildCatalog } from './build-catalog';
import { type IdentityState, type User, checkPassword, identityOf } from './identity-state';
import { effectiveRoleIds, findToken, issueToken, renderToken } from './tokens';

const domainRef = z.object({ id: z.string().optional(), name: z.string().optional() });
const authBody = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).min(1),
      password: z
        .object({
          user: z.object({
            id: z.string().optional(),
            name: z.string().optional(),
            domain: domainRef.optional(),
            password: z.string(),
          }),
        })
        .optional(),
      token: z.object({ id: z.string() }).optional(),
      application_credential: appCredentialAuthInput.optional(),
    }),
    scope: z
      .union([
        z.object({
          project: z.object({
            id: z.string().optional(),
            name: z.string().optional(),
            domain: domainRef.optional(),
          }),
        }),
        z.object({ domain: domainRef }),
        z.object({ system: z.object({ all: z.boolean() }) }),
        z.literal('unscoped'),
      ])
      .optional(),
  }),
});

const unauthorized = () => keystoneError(401, 'The request you have made requires authentication.');

const findDomain = (id: IdentityState, ref: z.infer<typeof domainRef> | undefined) => {
  if (ref === undefined) return undefined;
  return Object.values(id.domains).find((d) =>
    ref.id !== undefined ? d.id === ref.id : d.name === ref.name,
  );
};

const subjectToken = (request: FastifyRequest) => {
  const h = request.headers['x-subject-token'];
  return Array.isArray(h) ? h[0] : h;
};

export const versionDoc = (base: string) => ({
  id: 'v3.14',
  status: 'stable',
  updated: '2020-04-07T00:00:00Z',
  links: [{ rel: 'self', href: `${base}/identity/v3/` }],
  'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
});

export const registerAuthRoutes = (app: FastifyInstance, ctx: SimContext) => {
  for (const path of ['/identity', '/identity/'])
    app.get(path, (request, reply) =>
      reply.code(300).send({ versions: { values: [versionDoc(linkBase(request))] } }),
    );
  for (const path of ['/identity/v3', '/identity/v3/'])
    app.get(path, (request) => ({ version: versionDoc(linkBase(request)) }));

  app.post('/identity/v3/auth/tokens', (request, reply) => {
    const parsed = authBody.safeParse(request.body);
    if (!parsed.success) {
      throw keystoneError(
        400,
        `Invalid input for field 'auth': ${parsed.error.issues[0]?.message}`,
      );
    }
    const { identity, scope } = parsed.data.auth;
    const noCatalog = (request.query as Record<string, string>).nocatalog !== undefined;
    const id = identityOf(ctx.store.state);
    if (identity.methods.includes('application_credential')) {
      if (identity.application_credential === undefined) {
        throw keystoneError(400, "Invalid input for field 'identity': 'application_credential'");
      }
      const { user, credential } = authenticateAppCredential(
        ctx,
        identity.application_credential,
        scope !== undefined,
      );
      const token = issueToken(ctx, {
        userId: user.id,
        projectId: credential.projectId,
        domainId: null,
        methods: ['application_credential'],
        appCredentialId: credential.id,
      });
      return reply
        .code(201)
        .header('x-subject-token', token.id)
        .send(renderToken(ctx, token, !noCatalog));
    }
    let user: User | undefined;
    let methods: string[];
    let inherited: { expiresAt: string; auditId: string } | undefined;
    if (identity.methods.includes('password') && identity.password) {
      const p = identity.password.user;
      if (p.id !== undefined) user = id.users[p.id];
      else {
        const domain = findDomain(id, p.domain);
        if (domain === undefined) throw unauthorized();
        user = Object.values(id.users).find((u) => u.name === p.name && u.domain_id === domain.id);
      }
      if (user === undefined || !user.enabled || !checkPassword(p.password, user.passwordHash)) {
        throw unauthorized();
      }
      methods = ['password'];
    } else if (identity.methods.includes('token') && identity.token) {
      const old = findToken(ctx, identity.token.id);
      if (old === null) throw keystoneError(404, `Could not find token: ${identity.token.id}.`);
      if (old.appCredentialId !== undefined) {
        throw keystoneError(
          403,
          'You are not authorized to perform the requested action: Using a delegated token to create another token is not allowed.',
        );
      }
      user = id.users[old.userId];
      if (user === undefined) throw unauthorized();
      methods = [...new Set(['token', ...old.methods])];
      // A re-scoped token never outlives the token it came from.
      inherited = { expiresAt: old.expiresAt, auditId: old.auditId };
    } else {
      throw keystoneError(
        400,
        `Unsupported authentication methods: ${identity.methods.join(', ')}`,
      );
    }

    let projectId: string | null = null;
    let domainId: string | null = null;
    if (scope !== undefined && scope !== 'unscoped' && 'project' in scope) {
      const ref = scope.project;
      const project =
        ref.id !== undefined
          ? id.projects[ref.id]
          : Object.values(id.projects).find(
              (p) => p.name === ref.name && p.domain_id === findDomain(id, ref.domain)?.id,
            );
      if (project === undefined) {
        throw keystoneError(401, `Could not find project: ${ref.id ?? ref.name ?? ''}.`);
      }
      if (!project.enabled) throw unauthorized();
      projectId = project.id;
    } else if (scope !== undefined && scope !== 'unscoped' && 'domain' in scope) {
      const domain = findDomain(id, scope.domain);
      if (domain === undefined) throw keystoneError(401, 'Could not find domain.');
      domainId = domain.id;
    } else if (scope !== undefined && scope !== 'unscoped' && 'system' in scope) {
      throw keystoneError(401, 'System-scoped tokens are not supported by the simulator.');
    }
    if (
      (projectId !== null || domainId !== null) &&
      effectiveRoleIds(id, user.id, { projectId, domainId }).length === 0
    ) {
      throw keystoneError(
        401,
        `User ${user.id} has no access to ${projectId ? `project ${projectId}` : `domain ${domainId}`}`,
      );
    }
    const token = issueToken(ctx, { userId: user.id, projectId, domainId, methods, ...inherited });
    return reply
      .code(201)
      .header('x-subject-token', token.id)
      .send(renderToken(ctx, token, !noCatalog));
  });

  app.get('/identity/v3/auth/tokens', (request, reply) => {
    ctx.caller(request);
    const token = findToken(ctx, subjectToken(request));
    if (token === null) throw keystoneError(404, `Could not find token: ${subjectToken(request)}.`);
    const noCatalog = (request.query as Record<string, string>).nocatalog !== undefined;
    return reply.header('x-subject-token', token.id).send(renderToken(ctx, token, !noCatalog));
  });

  app.delete('/identity/v3/auth/tokens', (request, reply) => {
    ctx.caller(request);
    const token = findToken(ctx, subjectToken(request));
    if (token === null) throw keystoneError(404, `Could not find token: ${subjectToken(request)}.`);
    delete identityOf(ctx.store.state).tokens[token.id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get('/identity/v3/auth/catalog', (request) => {
    const caller = ctx.caller(request);
    return {
      catalog: buildCatalog(ctx.baseUrl, caller.projectId || null),
      links: { self: `${linkBase(request)}/identity/v3/auth/catalog` },
    };
  });

  app.get('/identity/v3/auth/projects', (request) => {
    const caller = ctx.caller(request);
    const id = identityOf(ctx.store.state);
    const projects = Object.values(id.projects).filter(
      (p) => effectiveRoleIds(id, caller.userId, { projectId: p.id, domainId: null }).length > 0,
    );
    const base = linkBase(request);
    return {
      projects: projects.map((p) => ({
        options: {},
        ...p,
        links: { self: `${base}/identity/v3/projects/${p.id}` },
      })),
      links: { self: `${base}/identity/v3/auth/projects`, previous: null, next: null },
    };
  });
};
