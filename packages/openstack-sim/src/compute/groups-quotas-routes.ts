import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { computeOf, defaultQuotas, type QuotaSet, type ServerGroup } from './compute-state';
import { atLeast, bodyOf, firstOf, int, objectIn, query, requireAdmin, str } from './nova-http';
import { quotaFor, usageFor } from './quota-service';

const policies = ['affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity'] as const;

const groupView = (g: ServerGroup, request: FastifyRequest) => ({
  id: g.id,
  name: g.name,
  ...(atLeast(request, 64)
    ? { policy: g.policy, rules: g.rules }
    : { policies: [g.policy], metadata: {} }),
  members: g.members,
  ...(atLeast(request, 13) ? { project_id: g.projectId, user_id: g.userId } : {}),
});

const quotaKeys = Object.keys(defaultQuotas) as (keyof QuotaSet)[];

/** The legacy keys Nova still shows before 2.57 (unlimited where the simulator has no rule). */
const legacyQuota = (request: FastifyRequest) =>
  atLeast(request, 57)
    ? {}
    : atLeast(request, 36)
      ? { injected_file_content_bytes: 10240, injected_file_path_bytes: 255, injected_files: 5 }
      : {
          injected_file_content_bytes: 10240,
          injected_file_path_bytes: 255,
          injected_files: 5,
          fixed_ips: -1,
          floating_ips: -1,
          security_group_rules: -1,
          security_groups: -1,
        };

/** Quota classes: 2.50 adds the server-group keys and drops the network ones, 2.57 drops files. */
const quotaClassView = (request: FastifyRequest, q: QuotaSet) => {
  const { server_groups, server_group_members, ...rest } = q;
  const files = {
    injected_file_content_bytes: 10240,
    injected_file_path_bytes: 255,
    injected_files: 5,
  };
  if (atLeast(request, 57)) return q;
  if (atLeast(request, 50)) return { ...q, ...files };
  void server_groups;
  void server_group_members;
  return {
    ...rest,
    ...files,
    fixed_ips: -1,
    floating_ips: -1,
    security_group_rules: -1,
    security_groups: -1,
  };
};

export const registerGroupAndQuotaRoutes = (scope: FastifyInstance, ctx: SimContext) => {
  // os-server-groups
  scope.get('/os-server-groups', (request) => {
    const caller = ctx.caller(request);
    const all = firstOf(query(request).all_projects) === 'true' && caller.isAdmin;
    return {
      server_groups: computeOf(ctx)
        .serverGroups.filter((g) => all || g.projectId === caller.projectId)
        .map((g) => groupView(g, request)),
    };
  });
  const findGroup = (request: FastifyRequest, id: string) => {
    const caller = ctx.caller(request);
    const g = computeOf(ctx).serverGroups.find(
      (x) => x.id === id && (caller.isAdmin || x.projectId === caller.projectId),
    );
    if (!g) throw novaError('itemNotFound', `Instance group ${id} could not be found.`);
    return g;
  };
  scope.get<{ Params: { id: string } }>('/os-server-groups/:id', (request) => ({
    server_group: groupView(findGroup(request, request.params.id), request),
  }));
  scope.post('/os-server-groups', (request) => {
    const caller = ctx.caller(request);
    const input = objectIn(bodyOf(request), 'server_group');
    const name = str(input.name, 'name') ?? '';
    const policy = atLeast(request, 64)
      ? str(input.policy, 'policy')
      : Array.isArray(input.policies) && input.policies.length === 1
        ? String(input.policies[0])
        : undefined;
    const allowed = atLeast(request, 15) ? policies : policies.slice(0, 2);
    if (!policy || !(allowed as readonly string[]).includes(policy))
      throw novaError(
        'badRequest',
        `Invalid input for field/attribute policy. Value: ${policy}. '${policy}' is not one of ${JSON.stringify(allowed)}`,
      );
    const rules = (input.rules ?? {}) as Record<string, number>;
    if (Object.keys(rules).length && policy !== 'anti-affinity')
      throw novaError(
        'badRequest',
        `Only anti-affinity policy supports "max_server_per_host" rule.`,
      );
    const compute = computeOf(ctx);
    const quota = quotaFor(ctx, caller.projectId).server_groups;
    if (quota >= 0 && usageFor(ctx, caller.projectId).server_groups >= quota)
      throw novaError('forbidden', 'Quota exceeded, too many server groups.');
    const group: ServerGroup = {
      id: randomUUID(),
      name,
      policy: policy as ServerGroup['policy'],
      rules: rules.max_server_per_host
        ? { max_server_per_host: int(rules.max_server_per_host, 'max_server_per_host', 1) }
        : {},
      members: [],
      projectId: caller.projectId,
      userId: caller.userId,
    };
    compute.serverGroups.push(group);
    ctx.store.changed();
    return { server_group: groupView(group, request) };
  });
  scope.delete<{ Params: { id: string } }>('/os-server-groups/:id', (request, reply) => {
    const g = findGroup(request, request.params.id);
    const compute = computeOf(ctx);
    compute.serverGroups = compute.serverGroups.filter((x) => x !== g);
    ctx.store.changed();
    return void reply.code(204).send();
  });

  // os-quota-sets
  const quotaView = (request: FastifyRequest, id: string, q: QuotaSet) => ({
    id,
    ...q,
    ...legacyQuota(request),
  });
  scope.get<{ Params: { id: string } }>('/os-quota-sets/:id/defaults', (request) => {
    ctx.caller(request);
    return { quota_set: quotaView(request, request.params.id, computeOf(ctx).quotaDefaults) };
  });
  scope.get<{ Params: { id: string } }>('/os-quota-sets/:id', (request) => {
    const caller = ctx.caller(request);
    if (!caller.isAdmin && caller.projectId !== request.params.id)
      throw novaError(
        'forbidden',
        "Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.",
      );
    return { quota_set: quotaView(request, request.params.id, quotaFor(ctx, request.params.id)) };
  });
  scope.get<{ Params: { id: string } }>('/os-quota-sets/:id/detail', (request) => {
    const caller = ctx.caller(request);
    if (!caller.isAdmin && caller.projectId !== request.params.id)
      throw novaError(
        'forbidden',
        "Policy doesn't allow os_compute_api:os-quota-sets:detail to be performed.",
      );
    const q = quotaFor(ctx, request.params.id);
    const used = usageFor(ctx, request.params.id) as Record<string, number>;
    return {
      quota_set: {
        id: request.params.id,
        ...Object.fromEntries(
          quotaKeys.map((k) => [k, { limit: q[k], in_use: used[k] ?? 0, reserved: 0 }]),
        ),
        ...Object.fromEntries(
          Object.entries(legacyQuota(request) as Record<string, number>).map(([k, limit]) => [
            k,
            { limit, in_use: 0, reserved: 0 },
          ]),
        ),
      },
    };
  });

  // os-quota-class-sets: only the `default` class exists; it is the defaults.
  scope.get<{ Params: { id: string } }>('/os-quota-class-sets/:id', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-quota-class-sets:show');
    return {
      quota_class_set: {
        id: request.params.id,
        ...quotaClassView(request, computeOf(ctx).quotaDefaults),
      },
    };
  });
  scope.put<{ Params: { id: string } }>('/os-quota-class-sets/:id', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-quota-class-sets:update');
    const input = objectIn(bodyOf(request), 'quota_class_set');
    const compute = computeOf(ctx);
    for (const [k, v] of Object.entries(input)) {
      if (!quotaKeys.includes(k as keyof QuotaSet))
        throw novaError(
          'badRequest',
          `Invalid input for field/attribute quota_class_set. Additional properties are not allowed ('${k}' was unexpected)`,
        );
      if (request.params.id === 'default')
        compute.quotaDefaults[k as keyof QuotaSet] = int(v, k, -1);
    }
    ctx.store.changed();
    return { quota_class_set: quotaClassView(request, compute.quotaDefaults) };
  });
  scope.put<{ Params: { id: string } }>('/os-quota-sets/:id', (request) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-quota-sets:update');
    const input = objectIn(bodyOf(request), 'quota_set');
    const compute = computeOf(ctx);
    const current = (compute.quotas[request.params.id] ??= {});
    for (const [k, v] of Object.entries(input)) {
      if (k === 'force') continue;
      if (!quotaKeys.includes(k as keyof QuotaSet))
        throw novaError(
          'badRequest',
          `Invalid input for field/attribute quota_set. Additional properties are not allowed ('${k}' was unexpected)`,
        );
      current[k as keyof QuotaSet] = int(v, k, -1);
    }
    ctx.store.changed();
    return { quota_set: { ...quotaFor(ctx, request.params.id), ...legacyQuota(request) } };
  });
  scope.delete<{ Params: { id: string } }>('/os-quota-sets/:id', (request, reply) => {
    requireAdmin(ctx.caller(request), 'os_compute_api:os-quota-sets:delete');
    delete computeOf(ctx).quotas[request.params.id];
    ctx.store.changed();
    return void reply.code(202).send();
  });

  // limits
  scope.get('/limits', (request) => {
    const caller = ctx.caller(request);
    const tenant = firstOf(query(request).tenant_id);
    const projectId = tenant && caller.isAdmin ? tenant : caller.projectId;
    const q = quotaFor(ctx, projectId);
    const used = usageFor(ctx, projectId);
    return {
      limits: {
        rate: [],
        absolute: {
          maxTotalInstances: q.instances,
          maxTotalCores: q.cores,
          maxTotalRAMSize: q.ram,
          maxTotalKeypairs: q.key_pairs,
          maxServerMeta: q.metadata_items,
          maxServerGroups: q.server_groups,
          maxServerGroupMembers: q.server_group_members,
          totalInstancesUsed: used.instances,
          totalCoresUsed: used.cores,
          totalRAMUsed: used.ram,
          totalServerGroupsUsed: used.server_groups,
          ...(atLeast(request, 57)
            ? {}
            : { maxPersonality: 5, maxPersonalitySize: 10240, maxImageMeta: 128 }),
          ...(atLeast(request, 36)
            ? {}
            : {
                maxSecurityGroups: -1,
                maxSecurityGroupRules: -1,
                maxTotalFloatingIps: -1,
                totalFloatingIpsUsed: 0,
                totalSecurityGroupsUsed: 0,
              }),
        },
      },
    };
  });
};
