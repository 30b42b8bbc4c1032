import * as c from '@yunguan/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServiceContext } from '../../services/context';
import { actOnFirewallGroup } from '../../services/lbfw/act-on-firewall-group';
import { actOnFirewallPolicy } from '../../services/lbfw/act-on-firewall-policy';
import { actOnLoadBalancer } from '../../services/lbfw/act-on-load-balancer';
import { createFirewallGroup } from '../../services/lbfw/create-firewall-group';
import { createFirewallPolicy } from '../../services/lbfw/create-firewall-policy';
import { createFirewallRule } from '../../services/lbfw/create-firewall-rule';
import { createLoadBalancer } from '../../services/lbfw/create-load-balancer';
import { deleteFirewallGroup } from '../../services/lbfw/delete-firewall-group';
import { deleteFirewallPolicy } from '../../services/lbfw/delete-firewall-policy';
import { deleteFirewallRule } from '../../services/lbfw/delete-firewall-rule';
import { deleteLoadBalancer } from '../../services/lbfw/delete-load-balancer';
import { getLoadBalancer } from '../../services/lbfw/get-load-balancer';
import { csvColumnsOfKind, getLbfwObject, listLbfw } from '../../services/lbfw/lbfw-items';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';
import { accepted, headerKey, sendResourceCsv, withKey } from './route-kit';

const sendCsv = (
  ctx: ServiceContext,
  reply: FastifyReply,
  projectId: string,
  kind: c.LbfwKind,
  query: c.ResourceListQuery,
) => sendResourceCsv(ctx, reply, projectId, kind, query, csvColumnsOfKind[kind]);

/** Firewalls (FWaaS v2) and load balancers (M1.5). */
export const registerLbfwRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.listFirewallRules, ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'firewall-rule', query)
      : listLbfw(ctx, params.projectId, 'firewall-rule', query),
  );
  registerContract(app, deps, c.createFirewallRule, ({ ctx, params, body, request }) =>
    accepted(request, createFirewallRule(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getFirewallRule, ({ ctx, params }) =>
    getLbfwObject(ctx, 'firewall-rule', params.id),
  );
  registerContract(app, deps, c.deleteFirewallRule, ({ ctx, params, request }) =>
    accepted(request, deleteFirewallRule(ctx, params.id, headerKey(request))),
  );

  registerContract(app, deps, c.listFirewallPolicies, ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'firewall-policy', query)
      : listLbfw(ctx, params.projectId, 'firewall-policy', query),
  );
  registerContract(app, deps, c.createFirewallPolicy, ({ ctx, params, body, request }) =>
    accepted(request, createFirewallPolicy(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getFirewallPolicy, ({ ctx, params }) =>
    getLbfwObject(ctx, 'firewall-policy', params.id),
  );
  registerContract(app, deps, c.actOnFirewallPolicy, ({ ctx, params, body, request }) =>
    accepted(request, actOnFirewallPolicy(ctx, params.id, withKey(body, request))),
  );
  registerContract(app, deps, c.deleteFirewallPolicy, ({ ctx, params, request }) =>
    accepted(request, deleteFirewallPolicy(ctx, params.id, headerKey(request))),
  );

  registerContract(app, deps, c.listFirewallGroups, ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'firewall-group', query)
      : listLbfw(ctx, params.projectId, 'firewall-group', query),
  );
  registerContract(app, deps, c.createFirewallGroup, ({ ctx, params, body, request }) =>
    accepted(request, createFirewallGroup(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getFirewallGroup, ({ ctx, params }) =>
    getLbfwObject(ctx, 'firewall-group', params.id),
  );
  registerContract(app, deps, c.actOnFirewallGroup, ({ ctx, params, body, request }) =>
    accepted(request, actOnFirewallGroup(ctx, params.id, withKey(body, request))),
  );
  registerContract(app, deps, c.deleteFirewallGroup, ({ ctx, params, request }) =>
    accepted(request, deleteFirewallGroup(ctx, params.id, headerKey(request))),
  );

  registerContract(app, deps, c.listLoadBalancers, ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'load-balancer', query)
      : listLbfw(ctx, params.projectId, 'load-balancer', query),
  );
  registerContract(app, deps, c.createLoadBalancer, ({ ctx, params, body, request }) =>
    accepted(request, createLoadBalancer(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getLoadBalancer, ({ ctx, params }) =>
    getLoadBalancer(ctx, params.id),
  );
  registerContract(app, deps, c.actOnLoadBalancer, ({ ctx, params, body, request }) =>
    accepted(request, actOnLoadBalancer(ctx, params.id, withKey(body, request))),
  );
  registerContract(app, deps, c.deleteLoadBalancer, ({ ctx, params, request }) =>
    accepted(request, deleteLoadBalancer(ctx, params.id, headerKey(request))),
  );
};
