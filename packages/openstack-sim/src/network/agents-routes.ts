import { neutronError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { networkSlice } from './network-state';
import { V2, notFound, type Scope } from './neutron-http';

/**
 * The agent and l3_agent_scheduler extensions, read-only: the simulator runs no agents, so the
 * lists are empty (as on a cloud whose L3 agents are all gone) — but they answer, as clients ask.
 */
export const registerAgentRoutes = (app: Scope, ctx: SimContext) => {
  const admin = (request: Parameters<SimContext['caller']>[0]) => {
    if (!ctx.caller(request).isAdmin)
      throw neutronError(403, 'PolicyNotAuthorized', 'rule:get_agent is disallowed by policy');
  };
  app.get(`${V2}/agents`, (request) => {
    admin(request);
    return { agents: [] };
  });
  app.get<{ Params: { id: string } }>(`${V2}/routers/:id/l3-agents`, (request) => {
    admin(request);
    if (networkSlice(ctx).routers[request.params.id] === undefined)
      throw notFound('RouterNotFound', `Router ${request.params.id} could not be found`);
    return { agents: [] };
  });
};
