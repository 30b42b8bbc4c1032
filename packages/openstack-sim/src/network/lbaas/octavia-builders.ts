import type { FastifyRequest } from 'fastify';
import type { SimCaller, SimContext } from '../../core/sim-context';
import { text } from '../neutron-http';
import { intIn, octaviaError, oneOf } from './octavia-http';
import {
  algorithms,
  listenerProtocols,
  monitorTypes,
  octaviaSlice,
  poolProtocols,
  type LbKind,
  type LbRecord,
} from './octavia-state';

export type Builder = (
  caller: SimCaller,
  body: Record<string, unknown>,
  request: FastifyRequest,
) => { lbId: string; fields: Record<string, unknown> };

type Find = (kind: LbKind, caller: SimCaller, id: string) => LbRecord;

/** Validates a child's create body: which load balancer it joins and the fields it stores. */
export const childBuilders = (
  ctx: SimContext,
  find: Find,
): Record<Exclude<LbKind, 'loadbalancers'>, Builder> => {
  const slice = () => octaviaSlice(ctx);
  return {
    listeners: (caller, body) => {
      const lbId = text(body.loadbalancer_id);
      const protocol = oneOf(body.protocol, listenerProtocols, 'protocol');
      const port = intIn(body.protocol_port, 'protocol_port', 1, 65535);
      const clash = Object.values(slice().listeners).some(
        (l) =>
          l.loadbalancer_id === lbId &&
          l.protocol_port === port &&
          (l.protocol !== 'UDP') === (protocol !== 'UDP'),
      );
      if (clash)
        throw octaviaError(
          409,
          `Another Listener on this Load Balancer is already using protocol_port ${port}`,
        );
      void caller;
      return {
        lbId,
        fields: {
          ...body,
          protocol,
          protocol_port: port,
          connection_limit: intIn(body.connection_limit, 'connection_limit', -1, 1_000_000, -1),
          default_pool_id: body.default_pool_id ?? null,
          insert_headers: {},
          timeout_client_data: 50000,
          timeout_member_connect: 5000,
          timeout_member_data: 50000,
          timeout_tcp_inspect: 0,
          allowed_cidrs: null,
        },
      };
    },
    pools: (caller, body) => {
      const listener =
        typeof body.listener_id === 'string' ? find('listeners', caller, body.listener_id) : null;
      const lbId = listener?.loadbalancer_id ?? text(body.loadbalancer_id);
      if (!listener && typeof body.loadbalancer_id !== 'string')
        throw octaviaError(400, 'Either listener_id or loadbalancer_id must be specified.');
      return {
        lbId,
        fields: {
          ...body,
          lb_algorithm: oneOf(body.lb_algorithm, algorithms, 'lb_algorithm'),
          protocol: oneOf(body.protocol, poolProtocols, 'protocol'),
          listener_id: listener?.id ?? null,
          session_persistence: body.session_persistence ?? null,
          tls_enabled: false,
        },
      };
    },
    members: (caller, body, request) => {
      const pool = find('pools', caller, (request.params as { poolId: string }).poolId);
      const port = intIn(body.protocol_port, 'protocol_port', 1, 65535);
      if (typeof body.address !== 'string')
        throw octaviaError(400, 'Invalid input for field/attribute address.');
      const clash = Object.values(slice().members).some(
        (m) => m.pool_id === pool.id && m.address === body.address && m.protocol_port === port,
      );
      if (clash)
        throw octaviaError(
          409,
          `Another member on this pool is already using ip ${body.address} on protocol_port ${port}`,
        );
      return {
        lbId: pool.loadbalancer_id,
        fields: {
          ...body,
          pool_id: pool.id,
          protocol_port: port,
          weight: intIn(body.weight, 'weight', 0, 256, 1),
          backup: body.backup === true,
          subnet_id: body.subnet_id ?? null,
          monitor_address: null,
          monitor_port: null,
        },
      };
    },
    healthmonitors: (caller, body) => {
      const pool = find('pools', caller, text(body.pool_id));
      if (Object.values(slice().healthmonitors).some((h) => h.pool_id === pool.id)) {
        throw octaviaError(
          409,
          `Only one health monitor per pool allowed. Pool ${pool.id} already has a health monitor.`,
        );
      }
      const type = oneOf(body.type, monitorTypes, 'type');
      const http = type === 'HTTP' || type === 'HTTPS';
      return {
        lbId: pool.loadbalancer_id,
        fields: {
          ...body,
          type,
          pool_id: pool.id,
          delay: intIn(body.delay, 'delay', 0, 2147483647),
          timeout: intIn(body.timeout, 'timeout', 0, 2147483647),
          max_retries: intIn(body.max_retries, 'max_retries', 1, 10),
          max_retries_down: intIn(body.max_retries_down, 'max_retries_down', 1, 10, 3),
          http_method: http ? (body.http_method ?? 'GET') : null,
          url_path: http ? (body.url_path ?? '/') : null,
          expected_codes: http ? (body.expected_codes ?? '200') : null,
        },
      };
    },
  };
};
