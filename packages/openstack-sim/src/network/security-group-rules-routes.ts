import { neutronError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { networkSlice } from './network-state';
import {
  V2,
  bodyOf,
  checkQuota,
  listReply,
  notFound,
  showReply,
  visible,
  type Scope,
} from './neutron-http';
import { addRule, sameRule } from './security-group-service';
import { findGroup, parseRule, renderRule } from './security-group-views';

/** Security group rules: list, show, create (duplicates refused), delete. */
export const registerSecurityGroupRuleRoutes = (app: Scope, ctx: SimContext) => {
  app.get(`${V2}/security-group-rules`, (request) => {
    const caller = ctx.caller(request);
    const rows = Object.values(networkSlice(ctx).securityGroupRules)
      .filter((r) => visible(caller, r))
      .map(renderRule);
    return listReply(request, 'security_group_rules', rows);
  });

  app.get<{ Params: { id: string } }>(`${V2}/security-group-rules/:id`, (request) => {
    const rule = networkSlice(ctx).securityGroupRules[request.params.id];
    if (!rule || !visible(ctx.caller(request), rule)) {
      throw notFound(
        'SecurityGroupRuleNotFound',
        `Security group rule ${request.params.id} does not exist`,
      );
    }
    return showReply(request, 'security_group_rule', renderRule(rule));
  });

  app.post(`${V2}/security-group-rules`, (request, reply) => {
    const caller = ctx.caller(request);
    const input = parseRule(ctx, caller, bodyOf(request, 'security_group_rule'));
    const slice = networkSlice(ctx);
    const group = findGroup(ctx, caller, input.security_group_id);
    const duplicate = group.rules
      .map((id) => slice.securityGroupRules[id])
      .find((r) => r && sameRule(r, input));
    if (duplicate) {
      throw neutronError(
        409,
        'SecurityGroupRuleExists',
        `Security group rule already exists. Rule id is ${duplicate.id}.`,
      );
    }
    const used = Object.values(slice.securityGroupRules).filter(
      (r) => r.project_id === group.project_id,
    ).length;
    checkQuota(ctx, group.project_id, 'security_group_rule', used);
    const rule = addRule(ctx, group, input);
    ctx.store.changed();
    return reply.code(201).send({ security_group_rule: renderRule(rule) });
  });

  app.delete<{ Params: { id: string } }>(`${V2}/security-group-rules/:id`, (request, reply) => {
    const slice = networkSlice(ctx);
    const rule = slice.securityGroupRules[request.params.id];
    if (!rule || !visible(ctx.caller(request), rule)) {
      throw notFound(
        'SecurityGroupRuleNotFound',
        `Security group rule ${request.params.id} does not exist`,
      );
    }
    const group = slice.securityGroups[rule.security_group_id];
    if (group) group.rules = group.rules.filter((id) => id !== rule.id);
    delete slice.securityGroupRules[rule.id];
    ctx.store.changed();
    return reply.code(204).send();
  });
};
