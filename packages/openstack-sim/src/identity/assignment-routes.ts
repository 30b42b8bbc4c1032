import type { FastifyInstance, FastifyRequest } from 'fastify';
import { keystoneError } from '../core/errors';
import { linkBase } from '../core/link-base';
import { roleOptions } from './resource-routes';
import type { SimContext } from '../core/sim-context';
import {
  type Assignment,
  type IdentityState,
  dropAppCredentials,
  identityOf,
} from './identity-state';
import { requireAdmin } from './resource-routes';

type Target = 'projects' | 'domains';
type Params = { target: string; targetId: string; userId: string; roleId: string };

const truthy = (v: string | undefined) =>
  v !== undefined && v.toLowerCase() !== 'false' && v !== '0';

/** Resolve `/v3/{projects|domains}/{id}/users/{user}/roles/{role}`, 404 with Keystone's words. */
const resolve = (id: IdentityState, p: Omit<Params, 'roleId'> & { roleId?: string }) => {
  const target = p.target as Target;
  if (target === 'projects' && id.projects[p.targetId] === undefined) {
    throw keystoneError(404, `Could not find project: ${p.targetId}.`);
  }
  if (target === 'domains' && id.domains[p.targetId] === undefined) {
    throw keystoneError(404, `Could not find domain: ${p.targetId}.`);
  }
  if (id.users[p.userId] === undefined)
    throw keystoneError(404, `Could not find user: ${p.userId}.`);
  if (p.roleId !== undefined && id.roles[p.roleId] === undefined) {
    throw keystoneError(404, `Could not find role: ${p.roleId}.`);
  }
  return {
    projectId: target === 'projects' ? p.targetId : null,
    domainId: target === 'domains' ? p.targetId : null,
  };
};

const matches = (
  a: Assignment,
  userId: string,
  scope: { projectId: string | null; domainId: string | null },
) => a.userId === userId && a.projectId === scope.projectId && a.domainId === scope.domainId;

export const registerAssignmentRoutes = (app: FastifyInstance, ctx: SimContext) => {
  const state = () => identityOf(ctx.store.state);
  const targets = ['projects', 'domains'];
  const checkTarget = (target: string) => {
    if (!targets.includes(target)) throw keystoneError(404, 'The resource could not be found.');
  };

  app.get<{ Params: Omit<Params, 'roleId'> }>(
    '/identity/v3/:target/:targetId/users/:userId/roles',
    (request) => {
      ctx.caller(request);
      checkTarget(request.params.target);
      const id = state();
      const scope = resolve(id, request.params);
      const roles = id.assignments
        .filter((a) => matches(a, request.params.userId, scope))
        .map((a) => id.roles[a.roleId])
        .filter((r) => r !== undefined)
        .map((r) => ({
          options: roleOptions(r.name),
          ...r,
          links: { self: `${linkBase(request)}/identity/v3/roles/${r.id}` },
        }));
      const { target, targetId, userId } = request.params;
      const self = `${linkBase(request)}/identity/v3/${target}/${targetId}/users/${userId}/roles`;
      return { roles, links: { self, previous: null, next: null } };
    },
  );

  app.route<{ Params: Params }>({
    method: ['GET', 'HEAD'],
    url: '/identity/v3/:target/:targetId/users/:userId/roles/:roleId',
    exposeHeadRoute: false,
    handler: (request, reply) => {
      ctx.caller(request);
      checkTarget(request.params.target);
      const id = state();
      const scope = resolve(id, request.params);
      const found = id.assignments.some(
        (a) => matches(a, request.params.userId, scope) && a.roleId === request.params.roleId,
      );
      if (!found) {
        throw keystoneError(
          404,
          `Could not find role assignment with role: ${request.params.roleId}, user or group: ${request.params.userId}.`,
        );
      }
      return reply.code(204).send();
    },
  });

  app.put<{ Params: Params }>(
    '/identity/v3/:target/:targetId/users/:userId/roles/:roleId',
    (request, reply) => {
      requireAdmin(ctx, request);
      checkTarget(request.params.target);
      const id = state();
      const scope = resolve(id, request.params);
      const { userId, roleId } = request.params;
      if (!id.assignments.some((a) => matches(a, userId, scope) && a.roleId === roleId)) {
        id.assignments.push({ roleId, userId, ...scope });
        ctx.store.changed();
      }
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: Params }>(
    '/identity/v3/:target/:targetId/users/:userId/roles/:roleId',
    (request, reply) => {
      requireAdmin(ctx, request);
      checkTarget(request.params.target);
      const id = state();
      const scope = resolve(id, request.params);
      const { userId, roleId } = request.params;
      const before = id.assignments.length;
      id.assignments = id.assignments.filter(
        (a) => !(matches(a, userId, scope) && a.roleId === roleId),
      );
      if (id.assignments.length === before) {
        throw keystoneError(
          404,
          `Could not find role assignment with role: ${roleId}, user or group: ${userId}.`,
        );
      }
      // Keystone drops the user's application credentials on a project that loses a role.
      if (scope.projectId !== null) dropAppCredentials(id, { userId, projectId: scope.projectId });
      ctx.store.changed();
      return reply.code(204).send();
    },
  );

  app.get('/identity/v3/role_assignments', (request: FastifyRequest) => {
    ctx.caller(request);
    const q = request.query as Record<string, string | undefined>;
    const id = state();
    const names = truthy(q.include_names);
    const domainRef = (domainId: string) => ({
      id: domainId,
      ...(names && { name: id.domains[domainId]?.name ?? domainId }),
    });
    const base = `${linkBase(request)}/identity/v3`;
    const items = id.assignments
      .filter((a) => q['user.id'] === undefined || a.userId === q['user.id'])
      .filter((a) => q['role.id'] === undefined || a.roleId === q['role.id'])
      .filter((a) => q['scope.project.id'] === undefined || a.projectId === q['scope.project.id'])
      .filter((a) => q['scope.domain.id'] === undefined || a.domainId === q['scope.domain.id'])
      .filter(() => q['group.id'] === undefined)
      .map((a) => {
        const user = id.users[a.userId];
        const role = id.roles[a.roleId];
        const project = a.projectId === null ? undefined : id.projects[a.projectId];
        const scope =
          a.projectId !== null
            ? {
                project: {
                  id: a.projectId,
                  ...(names && {
                    name: project?.name ?? a.projectId,
                    domain: domainRef(project?.domain_id ?? 'default'),
                  }),
                },
              }
            : { domain: domainRef(a.domainId ?? 'default') };
        const target = a.projectId !== null ? `projects/${a.projectId}` : `domains/${a.domainId}`;
        return {
          role: { id: a.roleId, ...(names && { name: role?.name ?? a.roleId }) },
          user: {
            id: a.userId,
            ...(names && {
              name: user?.name ?? a.userId,
              domain: domainRef(user?.domain_id ?? 'default'),
            }),
          },
          scope,
          links: { assignment: `${base}/${target}/users/${a.userId}/roles/${a.roleId}` },
        };
      });
    return {
      role_assignments: items,
      links: { self: `${base}/role_assignments`, previous: null, next: null },
    };
  });
};
