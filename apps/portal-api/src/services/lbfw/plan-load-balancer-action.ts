import type { LbPoolDto, LoadBalancerDto } from '@yunguan/cloud-core';
import type { LoadBalancerActionInput } from '@yunguan/contract';
import { conflict, DomainError } from '@yunguan/domain';

/** Which pool protocols a listener protocol may send to (Octavia's table). */
export const poolProtocolsOfListener: Record<string, readonly string[]> = {
  HTTP: ['HTTP', 'PROXY'],
  HTTPS: ['HTTPS', 'PROXY', 'TCP'],
  TERMINATED_HTTPS: ['HTTP', 'PROXY'],
  TCP: ['TCP', 'HTTP', 'HTTPS', 'PROXY'],
  UDP: ['UDP'],
};

/** add-member after the server (if any) was turned into its fixed address. */
export type PlannedMember = Extract<LoadBalancerActionInput, { action: 'add-member' }> & {
  address: string;
  subnetExternalId?: string;
};
export type PlannableAction =
  Exclude<LoadBalancerActionInput, { action: 'add-member' }> | PlannedMember;

/** What the task of one action reads (cloud ids; `part` names the removed part). */
export type LoadBalancerActionPlan = { input: Record<string, string | number | null> };

const partUnknown = (lb: LoadBalancerDto, part: string, id: string) =>
  new DomainError('NOT_FOUND', `${part} ${id} not in load balancer ${lb.externalId}`, {
    reason: 'load_balancer_part_unknown',
    params: { name: lb.name, part, id },
  });

const poolOf = (lb: LoadBalancerDto, id: string): LbPoolDto => {
  const pool = lb.pools.find((p) => p.externalId === id);
  if (!pool) throw partUnknown(lb, 'pool', id);
  return pool;
};

const mismatch = (listenerProtocol: string, poolProtocol: string) =>
  new DomainError('VALIDATION', `${listenerProtocol} listener, ${poolProtocol} pool`, {
    reason: 'pool_protocol_mismatch',
    params: { listenerProtocol, poolProtocol },
    issues: [{ path: 'protocol', message: `a ${listenerProtocol} listener cannot use it` }],
  });

/**
 * Check one load-balancer action against the load balancer as the cloud shows it now, before
 * any task exists: it must be ACTIVE; named listeners, pools and members must be its own
 * (404); ports, protocols and monitors must fit (400/409). Pure; returns the task's input.
 */
export const planLoadBalancerAction = (
  lb: LoadBalancerDto,
  action: PlannableAction,
): LoadBalancerActionPlan => {
  if (lb.provisioningStatus !== 'ACTIVE')
    throw conflict('load_balancer_not_active', { name: lb.name, status: lb.provisioningStatus });
  switch (action.action) {
    case 'add-listener': {
      const isUdp = action.protocol === 'UDP';
      const taken = lb.listeners.find(
        (l) => l.protocolPort === action.protocolPort && (l.protocol === 'UDP') === isUdp,
      );
      if (taken)
        throw conflict('listener_port_taken', {
          name: lb.name,
          protocol: taken.protocol,
          port: action.protocolPort,
        });
      if (action.defaultPoolId !== undefined) {
        const pool = poolOf(lb, action.defaultPoolId);
        if (!poolProtocolsOfListener[action.protocol]?.includes(pool.protocol))
          throw mismatch(action.protocol, pool.protocol);
      }
      return {
        input: {
          name: action.name,
          protocol: action.protocol,
          protocolPort: action.protocolPort,
          connectionLimit: action.connectionLimit,
          defaultPoolExternalId: action.defaultPoolId ?? null,
        },
      };
    }
    case 'remove-listener': {
      const listener = lb.listeners.find((l) => l.externalId === action.listenerId);
      if (!listener) throw partUnknown(lb, 'listener', action.listenerId);
      return { input: { listenerExternalId: listener.externalId, part: listener.name } };
    }
    case 'add-pool': {
      if (action.listenerId !== undefined) {
        const listener = lb.listeners.find((l) => l.externalId === action.listenerId);
        if (!listener) throw partUnknown(lb, 'listener', action.listenerId);
        if (!poolProtocolsOfListener[listener.protocol]?.includes(action.protocol))
          throw mismatch(listener.protocol, action.protocol);
        const serving =
          listener.defaultPoolExternalId ??
          lb.pools.find((p) => p.listenerExternalIds.includes(listener.externalId))?.externalId;
        if (serving) throw conflict('listener_has_default_pool', { listener: listener.name });
      }
      return {
        input: {
          name: action.name,
          protocol: action.protocol,
          lbAlgorithm: action.lbAlgorithm,
          listenerExternalId: action.listenerId ?? null,
        },
      };
    }
    case 'remove-pool': {
      const pool = poolOf(lb, action.poolId);
      return { input: { poolExternalId: pool.externalId, part: pool.name } };
    }
    case 'add-member': {
      const pool = poolOf(lb, action.poolId);
      const twin = pool.members.find(
        (m) => m.address === action.address && m.protocolPort === action.protocolPort,
      );
      if (twin)
        throw conflict('member_exists', {
          pool: pool.name,
          address: action.address,
          port: action.protocolPort,
        });
      return {
        input: {
          poolExternalId: pool.externalId,
          name: action.name ?? null,
          address: action.address,
          protocolPort: action.protocolPort,
          weight: action.weight,
          subnetExternalId: action.subnetExternalId ?? null,
        },
      };
    }
    case 'remove-member': {
      const pool = poolOf(lb, action.poolId);
      const member = pool.members.find((m) => m.externalId === action.memberId);
      if (!member) throw partUnknown(lb, 'member', action.memberId);
      return {
        input: {
          poolExternalId: pool.externalId,
          memberExternalId: member.externalId,
          part: `${member.address}:${member.protocolPort}`,
        },
      };
    }
    case 'add-health-monitor': {
      const pool = poolOf(lb, action.poolId);
      if (pool.healthMonitor) throw conflict('pool_has_health_monitor', { pool: pool.name });
      return {
        input: {
          poolExternalId: pool.externalId,
          type: action.type,
          delaySeconds: action.delaySeconds,
          timeoutSeconds: action.timeoutSeconds,
          maxRetries: action.maxRetries,
          urlPath: action.urlPath ?? null,
        },
      };
    }
    case 'remove-health-monitor': {
      const pool = poolOf(lb, action.poolId);
      if (!pool.healthMonitor) throw conflict('pool_has_no_health_monitor', { pool: pool.name });
      return {
        input: {
          poolExternalId: pool.externalId,
          healthMonitorExternalId: pool.healthMonitor.externalId,
          part: pool.name,
        },
      };
    }
  }
};
