import {
  CloudError,
  type CallOptions,
  type LoadBalancingPort,
  type Scope,
} from '@yunguan/cloud-core';
import type { ServiceClient } from '../service-client';
import {
  createHealthMonitor,
  deleteHealthMonitor,
  getHealthMonitor,
  listHealthMonitors,
} from '../services/load-balancer/v2/healthmonitors/requests';
import {
  createListener,
  deleteListener,
  getListener,
  listListeners,
} from '../services/load-balancer/v2/listeners/requests';
import {
  createLoadBalancer,
  deleteLoadBalancer,
  getLoadBalancer,
  listLoadBalancers,
} from '../services/load-balancer/v2/loadbalancers/requests';
import type { LoadBalancer } from '../services/load-balancer/v2/loadbalancers/results';
import {
  createMember,
  deleteMember,
  listMembers,
} from '../services/load-balancer/v2/members/requests';
import {
  createPool,
  deletePool,
  getPool,
  listPools,
} from '../services/load-balancer/v2/pools/requests';
import { deleteInScope, inProject, inScope } from './network-scope';
import { toLbListenerDto, toLbPoolDto, toLoadBalancerDto } from './to-network-dto';

const where = (path: string) => ({ service: 'load-balancer', path: `lbaas/${path}` });

type Verbs = Pick<
  LoadBalancingPort,
  | 'listLoadBalancers'
  | 'getLoadBalancer'
  | 'createLoadBalancer'
  | 'deleteLoadBalancer'
  | 'createListener'
  | 'deleteListener'
  | 'createPool'
  | 'deletePool'
  | 'addPoolMember'
  | 'removePoolMember'
  | 'createHealthMonitor'
  | 'deleteHealthMonitor'
>;

const refersTo = (refs: { id: string }[] | null | undefined, id: string) =>
  (refs ?? []).some((r) => r.id === id);

/** Octavia v2: children are read in bulk per project and embedded in their load balancer. */
export const loadBalancerVerbs = (lbs: ServiceClient): Verbs => {
  const withChildren = async (scope: Scope, list: LoadBalancer[], options?: CallOptions) => {
    if (list.length === 0) return [];
    const call = inProject(scope, options);
    const query = { project_id: scope.projectExternalId };
    const [listeners, pools, monitors] = await Promise.all([
      listListeners(lbs, call, query),
      listPools(lbs, call, query),
      listHealthMonitors(lbs, call, query),
    ]);
    const ours = pools.filter((p) => list.some((lb) => refersTo(p.loadbalancers, lb.id)));
    const members = await Promise.all(ours.map((p) => listMembers(lbs, call, p.id)));
    return list.map((lb) =>
      toLoadBalancerDto(
        lb,
        listeners.filter((l) => refersTo(l.loadbalancers, lb.id)).map(toLbListenerDto),
        ours
          .map((p, index) => ({ p, members: members[index] ?? [] }))
          .filter(({ p }) => refersTo(p.loadbalancers, lb.id))
          .map(({ p, members: m }) =>
            toLbPoolDto(
              p,
              m,
              monitors.find((h) => h.id === p.healthmonitor_id || refersTo(h.pools, p.id)),
            ),
          ),
      ),
    );
  };
  const ownLb = (scope: Scope, id: string, options?: CallOptions) =>
    inScope(scope, where(`loadbalancers/${id}`), () =>
      getLoadBalancer(lbs, inProject(scope, options), id),
    );
  const ownPool = (scope: Scope, id: string, options?: CallOptions) =>
    inScope(scope, where(`pools/${id}`), () => getPool(lbs, inProject(scope, options), id));
  const created = (r: { id: string }) => ({ externalId: r.id });

  return {
    listLoadBalancers: async (scope, options) =>
      withChildren(
        scope,
        await listLoadBalancers(lbs, inProject(scope, options), {
          project_id: scope.projectExternalId,
        }),
        options,
      ),

    getLoadBalancer: async (scope, id, options) => {
      const [dto] = await withChildren(scope, [await ownLb(scope, id, options)], options);
      if (dto === undefined)
        throw new CloudError({
          kind: 'not-found',
          provider: 'openstack',
          service: 'load-balancer',
          method: 'GET',
          url: `lbaas/loadbalancers/${id}`,
          expected: [200],
          upstreamMessage: `Load balancer ${id} vanished while being read.`,
        });
      return dto;
    },

    createLoadBalancer: async (scope, spec, options) =>
      toLoadBalancerDto(
        await createLoadBalancer(lbs, inProject(scope, options), {
          name: spec.name,
          vip_subnet_id: spec.vipSubnetExternalId,
          ...(spec.description === undefined ? {} : { description: spec.description }),
          ...(spec.vipAddress === undefined ? {} : { vip_address: spec.vipAddress }),
        }),
        [],
        [],
      ),

    /** Idempotent: gone, or already PENDING_DELETE, is fine. Cascade: children go with it. */
    deleteLoadBalancer: (scope, id, options) =>
      deleteInScope(
        scope,
        where(`loadbalancers/${id}`),
        () => getLoadBalancer(lbs, inProject(scope, options), id),
        async (lb) => {
          if (lb.provisioning_status === 'PENDING_DELETE') return;
          await deleteLoadBalancer(lbs, inProject(scope, options), id, true);
        },
      ),

    createListener: async (scope, spec, options) => {
      await ownLb(scope, spec.loadBalancerExternalId, options);
      return created(
        await createListener(lbs, inProject(scope, options), {
          loadbalancer_id: spec.loadBalancerExternalId,
          name: spec.name,
          protocol: spec.protocol,
          protocol_port: spec.protocolPort,
          ...(spec.connectionLimit === undefined ? {} : { connection_limit: spec.connectionLimit }),
          ...(spec.defaultPoolExternalId === undefined
            ? {}
            : { default_pool_id: spec.defaultPoolExternalId }),
        }),
      );
    },

    deleteListener: (scope, id, options) =>
      deleteInScope(
        scope,
        where(`listeners/${id}`),
        () => getListener(lbs, inProject(scope, options), id),
        () => deleteListener(lbs, inProject(scope, options), id),
      ),

    createPool: async (scope, spec, options) => {
      if (spec.listenerExternalId !== undefined) {
        await inScope(scope, where(`listeners/${spec.listenerExternalId}`), () =>
          getListener(lbs, inProject(scope, options), spec.listenerExternalId ?? ''),
        );
      } else if (spec.loadBalancerExternalId !== undefined) {
        await ownLb(scope, spec.loadBalancerExternalId, options);
      }
      return created(
        await createPool(lbs, inProject(scope, options), {
          name: spec.name,
          protocol: spec.protocol,
          lb_algorithm: spec.lbAlgorithm,
          ...(spec.listenerExternalId === undefined
            ? {}
            : { listener_id: spec.listenerExternalId }),
          ...(spec.loadBalancerExternalId === undefined
            ? {}
            : { loadbalancer_id: spec.loadBalancerExternalId }),
        }),
      );
    },

    deletePool: (scope, id, options) =>
      deleteInScope(
        scope,
        where(`pools/${id}`),
        () => getPool(lbs, inProject(scope, options), id),
        () => deletePool(lbs, inProject(scope, options), id),
      ),

    addPoolMember: async (scope, poolId, spec, options) => {
      await ownPool(scope, poolId, options);
      return created(
        await createMember(lbs, inProject(scope, options), poolId, {
          address: spec.address,
          protocol_port: spec.protocolPort,
          ...(spec.name === undefined ? {} : { name: spec.name }),
          ...(spec.weight === undefined ? {} : { weight: spec.weight }),
          ...(spec.subnetExternalId === undefined ? {} : { subnet_id: spec.subnetExternalId }),
        }),
      );
    },

    removePoolMember: (scope, poolId, memberId, options) =>
      deleteInScope(
        scope,
        where(`pools/${poolId}`),
        () => getPool(lbs, inProject(scope, options), poolId),
        () => deleteMember(lbs, inProject(scope, options), poolId, memberId),
      ),

    createHealthMonitor: async (scope, spec, options) => {
      await ownPool(scope, spec.poolExternalId, options);
      return created(
        await createHealthMonitor(lbs, inProject(scope, options), {
          pool_id: spec.poolExternalId,
          type: spec.type,
          delay: spec.delaySeconds,
          timeout: spec.timeoutSeconds,
          max_retries: spec.maxRetries,
          ...(spec.urlPath === undefined ? {} : { url_path: spec.urlPath }),
        }),
      );
    },

    deleteHealthMonitor: (scope, id, options) =>
      deleteInScope(
        scope,
        where(`healthmonitors/${id}`),
        () => getHealthMonitor(lbs, inProject(scope, options), id),
        () => deleteHealthMonitor(lbs, inProject(scope, options), id),
      ),
  };
};
