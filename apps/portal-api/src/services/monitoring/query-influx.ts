import { DomainError, precondition } from '@yunguan/domain';
import { z } from 'zod';
import type { DatacenterRow } from '../../repositories/datacenter-repository';
import { callDatacenter } from '../../tunnel/call-datacenter';
import type { ServiceContext } from '../context';
import { MONITORING_DATABASE } from './build-metric-query';

const seriesSchema = z.object({
  name: z.string(),
  tags: z.record(z.string(), z.string()).optional(),
  columns: z.array(z.string()),
  values: z.array(z.array(z.unknown())).default([]),
});
const answerSchema = z.object({
  results: z.array(
    z.object({
      statement_id: z.number().optional(),
      error: z.string().optional(),
      series: z.array(seriesSchema).optional(),
    }),
  ),
});

export type InfluxSeries = {
  name: string;
  tags: Record<string, string>;
  columns: string[];
  values: unknown[][];
};

const unavailable = (datacenter: string, why: string) =>
  new DomainError('UPSTREAM_UNAVAILABLE', `monitoring of ${datacenter}: ${why}`, {
    reason: 'monitoring_unavailable',
    params: { datacenter, why },
  });

/**
 * Run InfluxQL SELECTs (one HTTP request, statements joined with `;`) against the datacenter's
 * InfluxDB through the tunnel (`/influx/query`, times as epoch ms). Returns each statement's
 * series in order; a statement error or an unexpected answer is UPSTREAM_UNAVAILABLE.
 */
export const queryInflux = async (
  ctx: ServiceContext,
  datacenter: Pick<DatacenterRow, 'id' | 'name' | 'agent'>,
  statements: readonly string[],
): Promise<InfluxSeries[][]> => {
  if (!datacenter.agent || datacenter.agent.revokedAt)
    throw precondition('agent_not_enrolled_yet', { datacenter: datacenter.name });
  const body = new URLSearchParams({
    db: MONITORING_DATABASE,
    epoch: 'ms',
    q: statements.join(';\n'),
  }).toString();
  const response = await callDatacenter(
    ctx.config.tunnel.registry,
    {
      id: datacenter.id,
      name: datacenter.name,
      routerSecret: ctx.config.secretBox.open(datacenter.agent.routerSecretEnc),
    },
    {
      method: 'POST',
      path: '/influx/query',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      timeoutMs: Math.min(ctx.config.tunnel.callTimeoutMs, 15_000),
    },
  );
  const text = await response.text();
  if (response.status === 404 && text.includes('no upstream serves'))
    throw precondition('monitoring_not_configured', { datacenter: datacenter.name });
  if (!response.ok) throw unavailable(datacenter.name, `InfluxDB answered HTTP ${response.status}`);
  let parsed;
  try {
    parsed = answerSchema.parse(JSON.parse(text));
  } catch {
    throw unavailable(datacenter.name, 'InfluxDB sent an answer that is not InfluxQL JSON');
  }
  const failed = parsed.results.find((r) => r.error);
  // "database not found": the agent has not reached InfluxDB yet — no data, not an outage.
  if (failed?.error && !/database not found/.test(failed.error))
    throw unavailable(datacenter.name, failed.error.slice(0, 200));
  return statements.map((_, i) =>
    (parsed.results[i]?.series ?? []).map((s) => ({
      name: s.name,
      tags: s.tags ?? {},
      columns: s.columns,
      values: s.values,
    })),
  );
};
