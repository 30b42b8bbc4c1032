import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { keystoneError } from '../core/errors';
import { hexId } from '../core/ids';
import { linkBase } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import {
  type Domain,
  type IdentityState,
  type Project,
  type Role,
  type User,
  defaultDomainId,
  dropAppCredentials,
  hashPassword,
  identityOf,
} from './identity-state';

type Query = Record<string, string | undefined>;

/** Policy of Keystone's defaults: writes need the admin role. */
export const requireAdmin = (ctx: SimContext, request: FastifyRequest) => {
  const caller = ctx.caller(request);
  if (!caller.isAdmin) {
    throw keystoneError(403, 'You are not authorized to perform the requested action.');
  }
  return caller;
};

const parse = <T>(schema: z.ZodType<T>, body: unknown, key: string): T => {
  const r = schema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw keystoneError(
      400,
      `Invalid input for field '${[key, ...(issue?.path ?? [])].join('.')}': ${issue?.message}`,
    );
  }
  return r.data;
};

const listBody = (request: FastifyRequest, key: string, items: unknown[]) => ({
  [key]: items,
  links: { self: `${linkBase(request)}/identity/v3/${key}`, previous: null, next: null },
});

/** Keystone's resource options (`options: {}`) on projects, domains, roles; domains carry tags. */
const viewExtras: Record<string, Record<string, unknown>> = {
  projects: { options: {} },
  domains: { tags: [], options: {} },
  roles: { options: {} },
};

/** keystone-manage bootstrap marks the default roles immutable. */
export const roleOptions = (name: string) =>
  ['admin', 'member', 'reader'].includes(name) ? { immutable: true } : {};

const withLinks = <T extends { id: string }>(request: FastifyRequest, kind: string, item: T) => ({
  ...viewExtras[kind],
  ...(kind === 'roles' ? { options: roleOptions((item as T & { name?: string }).name ?? '') } : {}),
  ...item,
  links: { self: `${linkBase(request)}/identity/v3/${kind}/${item.id}` },
});

const publicUser = (u: User) => {
  const rest: Omit<User, 'passwordHash'> & { passwordHash?: string | null } = { ...u };
  delete rest.passwordHash;
  return { ...rest, password_expires_at: null, options: {} };
};

const conflict = (what: string, name: string) =>
  keystoneError(
    409,
    `Conflict occurred attempting to store ${what} - Duplicate entry found with name ${name}.`,
  );

const nameFilter = (q: Query) => (item: { name: string }) =>
  q.name === undefined || item.name === q.name;

const enabledFilter = (q: Query) => (item: { enabled: boolean }) =>
  q.enabled === undefined || String(item.enabled) === q.enabled.toLowerCase();

const get = <T>(map: Record<string, T>, id: string, kind: string): T => {
  const item = map[id];
  if (item === undefined) throw keystoneError(404, `Could not find ${kind}: ${id}.`);
  return item;
};

const domainInput = z.object({
  domain: z.object({
    name: z.string().min(1).max(64).optional(),
    description: z.string().nullable().optional(),
    enabled: z.boolean().optional(),
  }),
});
const projectInput = z.object({
  project: z.object({
    name: z.string().min(1).max(64).optional(),
    description: z.string().nullable().optional(),
    domain_id: z.string().optional(),
    parent_id: z.string().nullable().optional(),
    enabled: z.boolean().optional(),
    is_domain: z.boolean().optional(),
    tags: z.array(z.string()).optional(),
  }),
});
const userInput = z.object({
  user: z.object({
    name: z.string().min(1).max(255).optional(),
    domain_id: z.string().optional(),
    password: z.string().nullable().optional(),
    enabled: z.boolean().optional(),
    email: z.string().optional(),
    description: z.string().nullable().optional(),
    default_project_id: z.string().nullable().optional(),
  }),
});
const roleInput = z.object({
  role: z.object({
    name: z.string().min(1).max(255).optional(),
    description: z.string().nullable().optional(),
  }),
});

export const registerResourceRoutes = (app: FastifyInstance, ctx: SimContext) => {
  const state = (): IdentityState => identityOf(ctx.store.state);
  const saved = () => ctx.store.changed();
  /** Keystone's basic notifications: `identity.<resource>.<created|updated|deleted>`. */
  const notify = (event: string, id: string) =>
    ctx.notify({
      event_type: `identity.${event}`,
      publisher_id: 'identity.localhost',
      payload: { resource_info: id },
    });

  // Domains.
  app.get('/identity/v3/domains', (request) => {
    ctx.caller(request);
    const q = request.query as Query;
    const items = Object.values(state().domains).filter(nameFilter(q)).filter(enabledFilter(q));
    return listBody(
      request,
      'domains',
      items.map((d) => withLinks(request, 'domains', d)),
    );
  });
  app.get<{ Params: { id: string } }>('/identity/v3/domains/:id', (request) => {
    ctx.caller(request);
    return {
      domain: withLinks(request, 'domains', get(state().domains, request.params.id, 'domain')),
    };
  });
  app.post('/identity/v3/domains', (request, reply) => {
    requireAdmin(ctx, request);
    const { domain: input } = parse(domainInput, request.body, 'domain');
    if (input.name === undefined) throw keystoneError(400, "'name' is a required property");
    if (Object.values(state().domains).some((d) => d.name === input.name)) {
      throw conflict('domain', input.name);
    }
    const domain: Domain = {
      id: hexId(),
      name: input.name,
      description: input.description ?? '',
      enabled: input.enabled ?? true,
    };
    state().domains[domain.id] = domain;
    saved();
    notify('domain.created', domain.id);
    return reply.code(201).send({ domain: withLinks(request, 'domains', domain) });
  });
  app.patch<{ Params: { id: string } }>('/identity/v3/domains/:id', (request) => {
    requireAdmin(ctx, request);
    const domain = get(state().domains, request.params.id, 'domain');
    const { domain: input } = parse(domainInput, request.body, 'domain');
    Object.assign(domain, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.description !== undefined && { description: input.description ?? '' }),
      ...(input.enabled !== undefined && { enabled: input.enabled }),
    });
    saved();
    return { domain: withLinks(request, 'domains', domain) };
  });
  app.delete<{ Params: { id: string } }>('/identity/v3/domains/:id', (request, reply) => {
    requireAdmin(ctx, request);
    const domain = get(state().domains, request.params.id, 'domain');
    if (domain.enabled) {
      throw keystoneError(403, 'Cannot delete a domain that is enabled, please disable it first.');
    }
    const id = state();
    delete id.domains[domain.id];
    notify('domain.deleted', domain.id);
    for (const p of Object.values(id.projects))
      if (p.domain_id === domain.id) delete id.projects[p.id];
    for (const u of Object.values(id.users)) if (u.domain_id === domain.id) delete id.users[u.id];
    id.assignments = id.assignments.filter((a) => a.domainId !== domain.id);
    saved();
    return reply.code(204).send();
  });

  // Projects.
  app.get('/identity/v3/projects', (request) => {
    // identity:list_projects is admin (or domain reader); members use /v3/auth/projects.
    requireAdmin(ctx, request);
    const q = request.query as Query;
    const items = Object.values(state().projects)
      .filter(nameFilter(q))
      .filter(enabledFilter(q))
      .filter((p) => q.domain_id === undefined || p.domain_id === q.domain_id)
      .filter((p) => q.parent_id === undefined || p.parent_id === q.parent_id);
    return listBody(
      request,
      'projects',
      items.map((p) => withLinks(request, 'projects', p)),
    );
  });
  app.get<{ Params: { id: string } }>('/identity/v3/projects/:id', (request) => {
    ctx.caller(request);
    return {
      project: withLinks(request, 'projects', get(state().projects, request.params.id, 'project')),
    };
  });
  app.post('/identity/v3/projects', (request, reply) => {
    const caller = requireAdmin(ctx, request);
    const { project: input } = parse(projectInput, request.body, 'project');
    if (input.name === undefined) throw keystoneError(400, "'name' is a required property");
    const domainId = input.domain_id ?? (caller.domainId || defaultDomainId);
    get(state().domains, domainId, 'domain');
    if (
      Object.values(state().projects).some((p) => p.name === input.name && p.domain_id === domainId)
    ) {
      throw conflict('project', input.name);
    }
    const project: Project = {
      id: hexId(),
      name: input.name,
      description: input.description ?? '',
      domain_id: domainId,
      parent_id: input.parent_id ?? domainId,
      enabled: input.enabled ?? true,
      is_domain: false,
      tags: input.tags ?? [],
    };
    state().projects[project.id] = project;
    saved();
    notify('project.created', project.id);
    return reply.code(201).send({ project: withLinks(request, 'projects', project) });
  });
  app.patch<{ Params: { id: string } }>('/identity/v3/projects/:id', (request) => {
    requireAdmin(ctx, request);
    const project = get(state().projects, request.params.id, 'project');
    const { project: input } = parse(projectInput, request.body, 'project');
    if (input.name !== undefined && input.name !== project.name) {
      const clash = Object.values(state().projects).some(
        (p) => p.name === input.name && p.domain_id === project.domain_id,
      );
      if (clash) throw conflict('project', input.name);
      project.name = input.name;
    }
    if (input.description !== undefined) project.description = input.description ?? '';
    if (input.enabled !== undefined) project.enabled = input.enabled;
    if (input.tags !== undefined) project.tags = input.tags;
    saved();
    // Keystone's PATCH answers with the stored ref, `extra` included.
    return { project: { ...withLinks(request, 'projects', project), extra: {} } };
  });
  app.delete<{ Params: { id: string } }>('/identity/v3/projects/:id', (request, reply) => {
    requireAdmin(ctx, request);
    const project = get(state().projects, request.params.id, 'project');
    const id = state();
    delete id.projects[project.id];
    notify('project.deleted', project.id);
    id.assignments = id.assignments.filter((a) => a.projectId !== project.id);
    dropAppCredentials(id, { projectId: project.id });
    saved();
    return reply.code(204).send();
  });

  // Users.
  app.get('/identity/v3/users', (request) => {
    requireAdmin(ctx, request);
    const q = request.query as Query;
    const items = Object.values(state().users)
      .filter(nameFilter(q))
      .filter(enabledFilter(q))
      .filter((u) => q.domain_id === undefined || u.domain_id === q.domain_id);
    return listBody(
      request,
      'users',
      items.map((u) => withLinks(request, 'users', publicUser(u))),
    );
  });
  app.get<{ Params: { id: string } }>('/identity/v3/users/:id', (request) => {
    ctx.caller(request);
    const user = get(state().users, request.params.id, 'user');
    return { user: withLinks(request, 'users', publicUser(user)) };
  });
  app.get<{ Params: { id: string } }>('/identity/v3/users/:id/projects', (request) => {
    ctx.caller(request);
    const id = state();
    const user = get(id.users, request.params.id, 'user');
    const projectIds = new Set(
      id.assignments.filter((a) => a.userId === user.id && a.projectId).map((a) => a.projectId),
    );
    const items = Object.values(id.projects).filter((p) => projectIds.has(p.id));
    return listBody(
      request,
      'projects',
      items.map((p) => withLinks(request, 'projects', p)),
    );
  });
  app.post('/identity/v3/users', (request, reply) => {
    const caller = requireAdmin(ctx, request);
    const { user: input } = parse(userInput, request.body, 'user');
    if (input.name === undefined) throw keystoneError(400, "'name' is a required property");
    const domainId = input.domain_id ?? (caller.domainId || defaultDomainId);
    get(state().domains, domainId, 'domain');
    if (
      Object.values(state().users).some((u) => u.name === input.name && u.domain_id === domainId)
    ) {
      throw conflict('user', input.name);
    }
    const user: User = {
      id: hexId(),
      name: input.name,
      domain_id: domainId,
      enabled: input.enabled ?? true,
      passwordHash: input.password ? hashPassword(input.password) : null,
      ...(input.email !== undefined && { email: input.email }),
      ...(input.description && { description: input.description }),
      ...(input.default_project_id && { default_project_id: input.default_project_id }),
    };
    state().users[user.id] = user;
    saved();
    notify('user.created', user.id);
    return reply.code(201).send({ user: withLinks(request, 'users', publicUser(user)) });
  });
  app.patch<{ Params: { id: string } }>('/identity/v3/users/:id', (request) => {
    requireAdmin(ctx, request);
    const user = get(state().users, request.params.id, 'user');
    const { user: input } = parse(userInput, request.body, 'user');
    if (input.name !== undefined) user.name = input.name;
    if (input.enabled !== undefined) user.enabled = input.enabled;
    // Keystone deletes a user's application credentials when the user is disabled.
    if (input.enabled === false) dropAppCredentials(state(), { userId: user.id });
    if (input.password !== undefined) {
      user.passwordHash = input.password ? hashPassword(input.password) : null;
    }
    if (input.email !== undefined) user.email = input.email;
    if (input.description !== undefined) user.description = input.description ?? '';
    if (input.default_project_id) user.default_project_id = input.default_project_id;
    saved();
    const extra = {
      ...(user.email === undefined ? {} : { email: user.email }),
      ...(user.description === undefined ? {} : { description: user.description }),
    };
    return { user: { ...withLinks(request, 'users', publicUser(user)), extra } };
  });
  app.delete<{ Params: { id: string } }>('/identity/v3/users/:id', (request, reply) => {
    requireAdmin(ctx, request);
    const user = get(state().users, request.params.id, 'user');
    const id = state();
    delete id.users[user.id];
    notify('user.deleted', user.id);
    id.assignments = id.assignments.filter((a) => a.userId !== user.id);
    for (const t of Object.values(id.tokens)) if (t.userId === user.id) delete id.tokens[t.id];
    dropAppCredentials(id, { userId: user.id });
    saved();
    return reply.code(204).send();
  });

  // Roles.
  app.get('/identity/v3/roles', (request) => {
    ctx.caller(request);
    const q = request.query as Query;
    const items = Object.values(state().roles).filter(nameFilter(q));
    return listBody(
      request,
      'roles',
      items.map((r) => withLinks(request, 'roles', r)),
    );
  });
  app.get<{ Params: { id: string } }>('/identity/v3/roles/:id', (request) => {
    ctx.caller(request);
    return { role: withLinks(request, 'roles', get(state().roles, request.params.id, 'role')) };
  });
  app.post('/identity/v3/roles', (request, reply) => {
    requireAdmin(ctx, request);
    const { role: input } = parse(roleInput, request.body, 'role');
    if (input.name === undefined) throw keystoneError(400, "'name' is a required property");
    if (Object.values(state().roles).some((r) => r.name === input.name)) {
      throw conflict('role', input.name);
    }
    const role: Role = {
      id: hexId(),
      name: input.name,
      domain_id: null,
      description: input.description ?? null,
    };
    state().roles[role.id] = role;
    saved();
    notify('role.created', role.id);
    return reply.code(201).send({ role: withLinks(request, 'roles', role) });
  });
  app.delete<{ Params: { id: string } }>('/identity/v3/roles/:id', (request, reply) => {
    requireAdmin(ctx, request);
    const role = get(state().roles, request.params.id, 'role');
    const id = state();
    delete id.roles[role.id];
    notify('role.deleted', role.id);
    id.assignments = id.assignments.filter((a) => a.roleId !== role.id);
    saved();
    return reply.code(204).send();
  });
};
