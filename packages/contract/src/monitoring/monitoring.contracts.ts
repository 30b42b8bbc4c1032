import { z } from 'zod';
import { idSchema } from '../common';
import { defineContract } from '../define-contract';
import { metricsQuery, metricsResponse, monitoringSummarySchema } from './monitoring.schema';

const errors = ['VALIDATION', 'NOT_FOUND', 'UPSTREAM_UNAVAILABLE', 'PRECONDITION_FAILED'] as const;
const idParams = z.object({ id: idSchema });
const rangeNote =
  ' Ranges 1h/6h/24h read raw points, 7d/30d 5-minute means; an unknown metric answers 400 naming the allowed ones.';

export const getServerMetrics = defineContract({
  id: 'monitoring.serverMetrics',
  method: 'GET',
  path: '/api/v1/servers/:id/metrics',
  tag: 'monitoring',
  auth: 'user',
  summary: `CPU, memory, disk and network charts of a server (its project's members).${rangeNote}`,
  params: idParams,
  query: metricsQuery('server'),
  status: 200,
  response: metricsResponse,
  errors,
});

export const getVolumeMetrics = defineContract({
  id: 'monitoring.volumeMetrics',
  method: 'GET',
  path: '/api/v1/volumes/:id/metrics',
  tag: 'monitoring',
  auth: 'user',
  summary: `Read/write throughput and IOPS of a volume.${rangeNote}`,
  params: idParams,
  query: metricsQuery('volume'),
  status: 200,
  response: metricsResponse,
  errors,
});

export const getRouterMetrics = defineContract({
  id: 'monitoring.routerMetrics',
  method: 'GET',
  path: '/api/v1/routers/:id/metrics',
  tag: 'monitoring',
  auth: 'user',
  summary: `Traffic in and out of a router.${rangeNote}`,
  params: idParams,
  query: metricsQuery('traffic'),
  status: 200,
  response: metricsResponse,
  errors,
});

export const getFloatingIpMetrics = defineContract({
  id: 'monitoring.floatingIpMetrics',
  method: 'GET',
  path: '/api/v1/floating-ips/:id/metrics',
  tag: 'monitoring',
  auth: 'user',
  summary: `Traffic in and out of a floating IP.${rangeNote}`,
  params: idParams,
  query: metricsQuery('traffic'),
  status: 200,
  response: metricsResponse,
  errors,
});

/** A compute host's name as Nova reports it. */
const hostname = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'a host name: letters, digits, . _ -' });

export const getHypervisorMetrics = defineContract({
  id: 'monitoring.hypervisorMetrics',
  method: 'GET',
  path: '/api/v1/datacenters/:id/monitoring/hypervisors/:hostname/metrics',
  tag: 'monitoring',
  auth: 'user',
  summary: `Charts of a compute host (compute.admin).${rangeNote}`,
  params: z.object({ id: idSchema, hostname }),
  query: metricsQuery('host'),
  status: 200,
  response: metricsResponse,
  errors: [...errors, 'FORBIDDEN'],
});

export const getBaremetalMetrics = defineContract({
  id: 'monitoring.baremetalMetrics',
  method: 'GET',
  path: '/api/v1/datacenters/:id/monitoring/baremetal/:nodeId/metrics',
  tag: 'monitoring',
  auth: 'user',
  summary: `Charts of a bare-metal node (compute.admin).${rangeNote}`,
  params: z.object({ id: idSchema, nodeId: idSchema }),
  query: metricsQuery('host'),
  status: 200,
  response: metricsResponse,
  errors: [...errors, 'FORBIDDEN'],
});

export const getMonitoringSummary = defineContract({
  id: 'monitoring.summary',
  method: 'GET',
  path: '/api/v1/datacenters/:id/monitoring/summary',
  tag: 'monitoring',
  auth: 'user',
  summary:
    'Monitoring of a datacenter now: hosts, Ceph (health, pools, OSDs, PGs), network traffic, health checks, NIC links and the tunnel (compute.admin)',
  params: idParams,
  status: 200,
  response: monitoringSummarySchema,
  errors: [...errors, 'FORBIDDEN'],
});
