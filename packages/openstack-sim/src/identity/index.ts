import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../core/sim-context';
import { registerAppCredentialRoutes } from './app-credential-routes';
import { registerAssignmentRoutes } from './assignment-routes';
import { registerAuthRoutes } from './auth-routes';
import { registerCatalogRoutes } from './catalog-routes';
import { registerGroupRoutes } from './group-routes';
import { identityOf } from './identity-state';
import { registerResourceRoutes } from './resource-routes';

export { resolveCaller } from './auth-hook';
export type { IdentityState } from './identity-state';

/** Keystone v3 under /identity. Seeds the Default domain, admin/service projects and admin. */
export const registerIdentity = (
  app: FastifyInstance,
  ctx: SimContext,
  opts: { adminPassword?: string } = {},
) => {
  identityOf(ctx.store.state, opts.adminPassword);
  ctx.store.changed();
  registerAuthRoutes(app, ctx);
  registerResourceRoutes(app, ctx);
  registerAssignmentRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerAppCredentialRoutes(app, ctx);
  registerGroupRoutes(app, ctx);
};
