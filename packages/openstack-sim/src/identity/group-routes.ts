import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { keystoneError } from '../core/errors';
import { hexId } from '../core/ids';
import { linkBase } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import { defaultDomainId, type Group, identityOf } from './identity-state';
import { requireAdmin } from './resource-routes';

const groupInput = z.object({
  group: z.object({
    name: z.string().min(1).max(64).optional(),
    domain_id: z.string().optional(),
    description: z.string().nullable().optional(),
  }),
});

/** Keystone v3 groups and membership (`openstack group …`). */
export const registerGroupRoutes = (app: FastifyInstance, ctx: SimContext) => {
  const state = () => {
    const id = identityOf(ctx.store.state);
    id.groups ??= {};
    id.groupMembers ??= [];
    return { id, groups: id.groups, members: id.groupMembers };
  };
  const view = (request: FastifyRequest, g: Group) => ({
    ...g,
    links: { self: `${linkBase(request)}/identity/v3/groups/${g.id}` },
  });
  const list = (request: FastifyRequest, key: string, items: unknown[], path: string) => ({
    [key]: items,
    links: { self: `${linkBase(request)}/identity/v3/${path}`, previous: null, next: null },
  });
  const find = (id: string) => {
    const g = state().groups[id];
    if (g === undefined) throw keystoneError(404, `Could not find group: ${id}.`);
    return g;
  };
  const findUser = (id: string) => {
    const u = state().id.users[id];
    if (u === undefined) throw keystoneError(404, `Could not find user: ${id}.`);
    return u;
  };
  const parse = (body: unknown) => {
    const r = groupInput.safeParse(body);
    if (!r.success) throw keystoneError(400, `Invalid input for field 'group': ${r.error.message}`);
    return r.data.group;
  };

  app.get('/identity/v3/groups', (request) => {
    requireAdmin(ctx, request);
    const q = request.query as Record<string, string | undefined>;
    const items = Object.values(state().groups).filter(
      (g) =>
        (q.name === undefined || g.name === q.name) &&
        (q.domain_id === undefined || g.domain_id === q.domain_id),
    );
    return list(
      request,
      'groups',
      items.map((g) => view(request, g)),
      'groups',
    );
  });
  app.post('/identity/v3/groups', (request, reply) => {
    requireAdmin(ctx, request);
    const input = parse(request.body);
    if (input.name === undefined) throw keystoneError(400, "'name' is a required property");
    const domainId = input.domain_id ?? defaultDomainId;
    if (state().id.domains[domainId] === undefined)
      throw keystoneError(404, `Could not find domain: ${domainId}.`);
    if (
      Object.values(state().groups).some((g) => g.name === input.name && g.domain_id === domainId)
    )
      throw keystoneError(
        409,
        `Conflict occurred attempting to store group - Duplicate entry found with name ${input.name}.`,
      );
    const group: Group = {
      id: hexId(),
      name: input.name,
      domain_id: domainId,
      description: input.description ?? '',
    };
    state().groups[group.id] = group;
    ctx.store.changed();
    return reply.code(201).send({ group: view(request, group) });
  });
  app.get<{ Params: { id: string } }>('/identity/v3/groups/:id', (request) => {
    requireAdmin(ctx, request);
    return { group: view(request, find(request.params.id)) };
  });
  app.patch<{ Params: { id: string } }>('/identity/v3/groups/:id', (request) => {
    requireAdmin(ctx, request);
    const group = find(request.params.id);
    const input = parse(request.body);
    if (input.name !== undefined) group.name = input.name;
    if (input.description !== undefined) group.description = input.description ?? '';
    ctx.store.changed();
    return { group: view(request, group) };
  });
  app.delete<{ Params: { id: string } }>('/identity/v3/groups/:id', (request, reply) => {
    requireAdmin(ctx, request);
    const group = find(request.params.id);
    const s = state();
    delete s.groups[group.id];
    s.id.groupMembers = s.members.filter((m) => m.groupId !== group.id);
    ctx.store.changed();
    return reply.code(204).send();
  });
  app.get<{ Params: { id: string } }>('/identity/v3/groups/:id/users', (request) => {
    requireAdmin(ctx, request);
    const group = find(request.params.id);
    const s = state();
    const users = s.members
      .filter((m) => m.groupId === group.id)
      .flatMap((m) => (s.id.users[m.userId] ? [s.id.users[m.userId]] : []))
      .map((u) => ({
        id: u?.id,
        name: u?.name,
        domain_id: u?.domain_id,
        enabled: u?.enabled,
        password_expires_at: null,
        options: {},
        ...(u?.email === undefined ? {} : { email: u.email }),
        ...(u?.description === undefined ? {} : { description: u.description }),
        ...(u?.default_project_id === undefined
          ? {}
          : { default_project_id: u.default_project_id }),
        links: { self: `${linkBase(request)}/identity/v3/users/${u?.id}` },
      }));
    return list(request, 'users', users, `groups/${group.id}/users`);
  });
  app.get<{ Params: { userId: string } }>('/identity/v3/users/:userId/groups', (request) => {
    const caller = ctx.caller(request);
    const user = findUser(request.params.userId);
    if (!caller.isAdmin && caller.userId !== user.id)
      throw keystoneError(403, 'You are not authorized to perform the requested action.');
    const s = state();
    const groups = s.members
      .filter((m) => m.userId === user.id)
      .flatMap((m) => (s.groups[m.groupId] ? [s.groups[m.groupId] as Group] : []))
      .map((g) => ({ ...view(request, g), membership_expires_at: null }));
    return list(request, 'groups', groups, `users/${user.id}/groups`);
  });
  const membership = '/identity/v3/groups/:id/users/:userId';
  type M = { Params: { id: string; userId: string } };
  const isMember = (groupId: string, userId: string) =>
    state().members.some((m) => m.groupId === groupId && m.userId === userId);
  app.put<M>(membership, (request, reply) => {
    requireAdmin(ctx, request);
    const group = find(request.params.id);
    const user = findUser(request.params.userId);
    if (!isMember(group.id, user.id)) state().members.push({ groupId: group.id, userId: user.id });
    ctx.store.changed();
    return reply.code(204).send();
  });
  app.get<M>(membership, (request, reply) => {
    requireAdmin(ctx, request);
    const group = find(request.params.id);
    const user = findUser(request.params.userId);
    if (!isMember(group.id, user.id)) throw keystoneError(404, `Could not find user: ${user.id}.`);
    return reply.code(204).send();
  });
  app.delete<M>(membership, (request, reply) => {
    requireAdmin(ctx, request);
    const group = find(request.params.id);
    const user = findUser(request.params.userId);
    if (!isMember(group.id, user.id)) throw keystoneError(404, `Could not find user: ${user.id}.`);
    const s = state();
    s.id.groupMembers = s.members.filter((m) => !(m.groupId === group.id && m.userId === user.id));
    ctx.store.changed();
    return reply.code(204).send();
  });
};
