import type { FastifyRequest } from 'fastify';
import { keystoneError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { identityOf } from './identity-state';
import { findToken, tokenRoleIds } from './tokens';

/**
 * keystonemiddleware's job for every service: X-Auth-Token → the caller, or Keystone's 401 body
 * (the middleware answers with it in front of Nova, Neutron, Cinder and Glance alike).
 */
export const resolveCaller = (ctx: SimContext, request: FastifyRequest): SimCaller => {
  const header = request.headers['x-auth-token'];
  const token = findToken(ctx, Array.isArray(header) ? header[0] : header);
  if (token === null) {
    throw keystoneError(401, 'The request you have made requires authentication.');
  }
  const id = identityOf(ctx.store.state);
  const roles = tokenRoleIds(id, token).map((r) => id.roles[r]?.name ?? r);
  const project = token.projectId === null ? undefined : id.projects[token.projectId];
  return {
    userId: token.userId,
    projectId: token.projectId ?? '',
    domainId: project?.domain_id ?? token.domainId ?? '',
    roles,
    isAdmin: roles.includes('admin'),
  };
};
