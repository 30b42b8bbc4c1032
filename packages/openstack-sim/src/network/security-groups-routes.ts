import { neutronError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { networkSlice, touch } from './network-state';
import {
  V2,
  bodyOf,
  checkQuota,
  listReply,
  ownerOf,
  showReply,
  str,
  visible,
  type Scope,
} from './neutron-http';
import { createSecurityGroup, ensureDefaultSecurityGroup } from './security-group-service';
import { findGroup, renderGroup } from './security-group-views';
import { registerSecurityGroupRuleRoutes } from './security-group-rules-routes';

/** Security groups (and, in their own file, their rules). */
export const registerSecurityGroupRoutes = (app: Scope, ctx: SimContext) => {
  app.get(`${V2}/security-groups`, (request) => {
    const caller = ctx.caller(request);
    ensureDefaultSecurityGroup(ctx, caller.projectId);
    const rows = Object.values(networkSlice(ctx).securityGroups)
      .filter((g) => visible(caller, g))
      .map((g) => renderGroup(ctx, g));
    return listReply(request, 'security_groups', rows);
  });

  app.get<{ Params: { id: string } }>(`${V2}/security-groups/:id`, (request) => {
    const caller = ctx.caller(request);
    ensureDefaultSecurityGroup(ctx, caller.projectId);
    return showReply(
      request,
      'security_group',
      renderGroup(ctx, findGroup(ctx, caller, request.params.id)),
    );
  });

  app.post(`${V2}/security-groups`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'security_group');
    const projectId = ownerOf(caller, body);
    ensureDefaultSecurityGroup(ctx, projectId);
    const name = str(body.name, 'name') ?? '';
    if (name === 'default') {
      throw neutronError(
        409,
        'SecurityGroupDefaultAlreadyExists',
        'Default security group already exists.',
      );
    }
    const used = Object.values(networkSlice(ctx).securityGroups).filter(
      (g) => g.project_id === projectId,
    ).length;
    checkQuota(ctx, projectId, 'security_group', used);
    const group = createSecurityGroup(
      ctx,
      projectId,
      name,
      str(body.description, 'description') ?? '',
    );
    return reply.code(201).send({ security_group: renderGroup(ctx, group) });
  });

  app.put<{ Params: { id: string } }>(`${V2}/security-groups/:id`, (request) => {
    const caller = ctx.caller(request);
    const group = findGroup(ctx, caller, request.params.id);
    const body = bodyOf(request, 'security_group');
    if (group.name === 'default' && body.name !== undefined && body.name !== 'default') {
      throw neutronError(
        409,
        'SecurityGroupCannotUpdateDefault',
        'Updating default security group not allowed.',
      );
    }
    if (group.name !== 'default' && body.name === 'default')
      throw neutronError(
        409,
        'SecurityGroupDefaultAlreadyExists',
        'Default security group already exists.',
      );
    group.name = str(body.name, 'name') ?? group.name;
    group.description = str(body.description, 'description') ?? group.description;
    touch(ctx, group);
    ctx.store.changed();
    return { security_group: renderGroup(ctx, group) };
  });

  app.delete<{ Params: { id: string } }>(`${V2}/security-groups/:id`, (request, reply) => {
    const caller = ctx.caller(request);
    const group = findGroup(ctx, caller, request.params.id);
    const slice = networkSlice(ctx);
    if (group.name === 'default' && !caller.isAdmin) {
      throw neutronError(
        409,
        'SecurityGroupCannotRemoveDefault',
        'Removing default security group not allowed.',
      );
    }
    if (Object.values(slice.ports).some((p) => p.security_groups.includes(group.id))) {
      throw neutronError(409, 'SecurityGroupInUse', `Security Group ${group.id} in use.`);
    }
    for (const id of group.rules) delete slice.securityGroupRules[id];
    delete slice.securityGroups[group.id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  registerSecurityGroupRuleRoutes(app, ctx);
};
