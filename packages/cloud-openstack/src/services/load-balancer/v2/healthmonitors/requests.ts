import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getHealthMonitorResult, healthMonitorSchema, type HealthMonitor } from './results';
import { healthMonitorsUrl, healthMonitorUrl } from './urls';

export const listHealthMonitors = (
  lb: ServiceClient,
  call: Call,
  query: Record<string, string | undefined> = {},
): Promise<HealthMonitor[]> =>
  listAll(lb, call, {
    path: healthMonitorsUrl(),
    key: 'healthmonitors',
    item: healthMonitorSchema,
    pageSize: 500,
    query,
  });

export type CreateHealthMonitorOpts = {
  pool_id: string;
  type: string;
  delay: number;
  timeout: number;
  max_retries: number;
  url_path?: string;
};

export const createHealthMonitor = async (
  lb: ServiceClient,
  call: Call,
  opts: CreateHealthMonitorOpts,
) =>
  (
    await lb.requestJson(
      call,
      {
        method: 'POST',
        path: healthMonitorsUrl(),
        body: { healthmonitor: opts },
        expected: [201],
      },
      getHealthMonitorResult,
    )
  ).healthmonitor;

export const getHealthMonitor = async (lb: ServiceClient, call: Call, id: string) =>
  (
    await lb.requestJson(
      call,
      { method: 'GET', path: healthMonitorUrl(id), expected: [200] },
      getHealthMonitorResult,
    )
  ).healthmonitor;

export const deleteHealthMonitor = async (lb: ServiceClient, call: Call, id: string) => {
  await lb.request(call, { method: 'DELETE', path: healthMonitorUrl(id), expected: [204] });
};
