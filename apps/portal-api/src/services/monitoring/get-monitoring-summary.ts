import type { MonitoringSummary } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from '../datacenters/find-datacenter-for';
import { queryInflux } from './query-influx';
import { summariseCeph } from './summarise-ceph';
import { summariseHosts } from './summarise-hosts';
import {
  lastNumber,
  lastTime,
  summaryStatements,
  type SummaryKey,
  type SummaryResults,
} from './summary-statements';

const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * A datacenter's monitoring now, for the 监控 area: one request through the tunnel carrying
 * every statement (last values of the past 10 minutes).
 */
export const getMonitoringSummary = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<MonitoringSummary> => {
  const datacenter = await findDatacenterFor(ctx, datacenterId, 'compute.admin');
  const keys = Object.keys(summaryStatements) as SummaryKey[];
  const answers = await queryInflux(
    ctx,
    datacenter,
    keys.map((k) => summaryStatements[k]),
  );
  const results = Object.fromEntries(keys.map((k, i) => [k, answers[i] ?? []])) as SummaryResults;
  const { record, health } = await ctx.config.tunnel.registry.readTunnel(datacenter.id);
  const online =
    record !== null && !(health?.state === 'offline' && health.gatewayId === record.gatewayId);
  const hosts = summariseHosts(results);
  const ceph = summariseCeph(results);
  const healthChecks = results.health.flatMap((s) => {
    const checkedAt = lastTime(s);
    const check = s.tags.check === 'node' ? ('node' as const) : ('cluster' as const);
    const row = s.values.at(-1) ?? [];
    return checkedAt === null
      ? []
      : [
          {
            check,
            target: s.tags.target ?? '',
            host: s.tags.host ?? '',
            ok: lastNumber(s, 'ok') === 1,
            message: textOf(row[s.columns.indexOf('message')]),
            checkedAt: new Date(checkedAt).toISOString(),
          },
        ];
  });
  const nics = results.nic.map((s) => ({
    host: s.tags.host ?? '',
    interface: s.tags.interface ?? '',
    up: lastNumber(s, 'up') === 1,
    speedMbps: lastNumber(s, 'speed') || null,
  }));
  return {
    datacenter: { id: datacenter.id, name: datacenter.name },
    tunnel: online ? 'online' : 'offline',
    data: hosts.length === 0 && ceph === null && healthChecks.length === 0 ? 'no_data' : 'ok',
    hosts,
    ceph,
    healthChecks,
    nics,
    generatedAt: new Date().toISOString(),
  };
};
