import * as c from '@yunguan/contract';
import type { FastifyInstance } from 'fastify';
import { getHostMetrics } from '../../services/monitoring/get-host-metrics';
import { getMonitoringSummary } from '../../services/monitoring/get-monitoring-summary';
import {
  getTrafficMetrics,
  getVolumeMetrics,
} from '../../services/monitoring/get-resource-metrics';
import { getServerMetrics } from '../../services/monitoring/get-server-metrics';
import type { AppDeps } from '../deps';
import { registerContract } from '../register-contract';

/** Charts and the datacenter monitoring summary, read from InfluxDB through the tunnel (ADR 0118). */
export const registerMonitoringRoutes = (app: FastifyInstance, deps: AppDeps) => {
  registerContract(app, deps, c.getServerMetrics, ({ ctx, params, query }) =>
    getServerMetrics(ctx, { id: params.id, ...query }),
  );
  registerContract(app, deps, c.getVolumeMetrics, ({ ctx, params, query }) =>
    getVolumeMetrics(ctx, { id: params.id, ...query }),
  );
  registerContract(app, deps, c.getRouterMetrics, ({ ctx, params, query }) =>
    getTrafficMetrics(ctx, 'router', { id: params.id, ...query }),
  );
  registerContract(app, deps, c.getFloatingIpMetrics, ({ ctx, params, query }) =>
    getTrafficMetrics(ctx, 'floating-ip', { id: params.id, ...query }),
  );
  registerContract(app, deps, c.getHypervisorMetrics, ({ ctx, params, query }) =>
    getHostMetrics(ctx, {
      datacenterId: params.id,
      kind: 'hypervisor',
      name: params.hostname,
      ...query,
    }),
  );
  registerContract(app, deps, c.getBaremetalMetrics, ({ ctx, params, query }) =>
    getHostMetrics(ctx, {
      datacenterId: params.id,
      kind: 'baremetal',
      name: params.nodeId,
      ...query,
    }),
  );
  registerContract(app, deps, c.getMonitoringSummary, ({ ctx, params }) =>
    getMonitoringSummary(ctx, params.id),
  );
};
