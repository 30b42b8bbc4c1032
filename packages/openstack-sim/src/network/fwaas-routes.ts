import type { SimContext } from '../core/sim-context';
import { registerFwaasGroupRoutes } from './fwaas-group-routes';
import { registerFwaasPolicyRoutes } from './fwaas-policy-routes';
import { registerFwaasRuleRoutes } from './fwaas-rule-routes';
import type { Scope } from './neutron-http';

/** FWaaS v2 under /v2.0/fwaas: rules, policies and groups (one file per resource). */
export const registerFwaasRoutes = (app: Scope, ctx: SimContext) => {
  registerFwaasRuleRoutes(app, ctx);
  registerFwaasPolicyRoutes(app, ctx);
  registerFwaasGroupRoutes(app, ctx);
};
