import { neutronError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { defaultNetworkQuota, networkSlice, type NetworkQuota } from './network-state';
import { V2, badRequest, bodyOf, quotaOf, type Scope } from './neutron-http';

const usage = (ctx: SimContext, projectId: string): NetworkQuota => {
  const slice = networkSlice(ctx);
  const count = (rows: { project_id: string }[]) =>
    rows.filter((r) => r.project_id === projectId).length;
  return {
    network: count(Object.values(slice.networks)),
    subnet: count(Object.values(slice.subnets)),
    port: count(Object.values(slice.ports)),
    router: count(Object.values(slice.routers)),
    floatingip: count(Object.values(slice.floatingIps)),
    security_group: count(Object.values(slice.securityGroups)),
    security_group_rule: count(Object.values(slice.securityGroupRules)),
    subnetpool: 0,
    rbac_policy: 0,
  };
};

export const registerNetworkQuotaRoutes = (app: Scope, ctx: SimContext) => {
  app.get(`${V2}/quotas`, (request) => {
    if (!ctx.caller(request).isAdmin)
      throw neutronError(403, 'HTTPForbidden', 'Only admin can view or configure quota');
    const quotas = Object.keys(networkSlice(ctx).quotas).map((projectId) => ({
      ...quotaOf(ctx, projectId),
      project_id: projectId,
      tenant_id: projectId,
    }));
    return { quotas };
  });

  app.get<{ Params: { projectId: string } }>(`${V2}/quotas/:projectId/default`, () => ({
    quota: { ...defaultNetworkQuota },
  }));

  app.get<{ Params: { projectId: string } }>(`${V2}/quotas/:projectId/details`, (request) => {
    const caller = ctx.caller(request);
    const { projectId } = request.params;
    if (!caller.isAdmin && caller.projectId !== projectId) {
      throw neutronError(
        403,
        'HTTPForbidden',
        'Non-admin is not authorized to access quotas for another project',
      );
    }
    const limits = quotaOf(ctx, projectId);
    const used = usage(ctx, projectId);
    const quota = Object.fromEntries(
      (Object.keys(limits) as (keyof NetworkQuota)[]).map((k) => [
        k,
        { limit: limits[k], used: used[k], reserved: 0 },
      ]),
    );
    return { quota };
  });

  app.get<{ Params: { projectId: string } }>(`${V2}/quotas/:projectId`, (request) => {
    const caller = ctx.caller(request);
    const { projectId } = request.params;
    if (!caller.isAdmin && caller.projectId !== projectId) {
      throw neutronError(
        403,
        'HTTPForbidden',
        'Non-admin is not authorized to access quotas for another project',
      );
    }
    return { quota: quotaOf(ctx, projectId) };
  });

  app.put<{ Params: { projectId: string } }>(`${V2}/quotas/:projectId`, (request) => {
    if (!ctx.caller(request).isAdmin)
      throw neutronError(403, 'HTTPForbidden', 'Only admin can view or configure quota');
    const body = bodyOf(request, 'quota');
    const slice = networkSlice(ctx);
    const current = (slice.quotas[request.params.projectId] ??= {});
    for (const [key, value] of Object.entries(body)) {
      if (!(key in defaultNetworkQuota)) {
        throw badRequest(`Unrecognized attribute(s) '${key}'`);
      }
      const n = Number(value);
      if (!Number.isInteger(n) || n < -1) {
        throw badRequest(
          `Invalid input for ${key}. Reason: '${String(value)}' is not an integer or -1.`,
        );
      }
      current[key as keyof NetworkQuota] = n;
    }
    ctx.store.changed();
    return { quota: quotaOf(ctx, request.params.projectId) };
  });

  app.delete<{ Params: { projectId: string } }>(`${V2}/quotas/:projectId`, (request, reply) => {
    if (!ctx.caller(request).isAdmin)
      throw neutronError(403, 'HTTPForbidden', 'Only admin can view or configure quota');
    delete networkSlice(ctx).quotas[request.params.projectId];
    ctx.store.changed();
    return reply.code(204).send();
  });
};
