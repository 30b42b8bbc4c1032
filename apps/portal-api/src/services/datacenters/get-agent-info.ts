import { DomainError, precondition } from '@yunguan/domain';
import { z } from 'zod';
import { callDatacenter } from '../../tunnel/call-datacenter';
import type { ServiceContext } from '../context';
import { findDatacenterFor } from './find-datacenter-for';

/** Ask the agent itself, through the tunnel: proves the whole path portal → gateway → agent. */
export const getAgentInfo = async (
  ctx: ServiceContext,
  id: string,
): Promise<Record<string, unknown>> => {
  const row = await findDatacenterFor(ctx, id, 'datacenter.read');
  if (!row.agent || row.agent.revokedAt)
    throw precondition('agent_not_enrolled_yet', { datacenter: row.name });
  const response = await callDatacenter(
    ctx.config.tunnel.registry,
    { id, name: row.name, routerSecret: ctx.config.secretBox.open(row.agent.routerSecretEnc) },
    {
      method: 'GET',
      path: '/agent/info',
      timeoutMs: Math.min(ctx.config.tunnel.callTimeoutMs, 5000),
    },
  );
  if (!response.ok) {
    throw new DomainError('UPSTREAM_UNAVAILABLE', `agent answered ${response.status}`, {
      reason: 'datacenter_offline',
      params: { datacenter: row.name, why: `the agent answered HTTP ${response.status}` },
    });
  }
  return z.record(z.string(), z.unknown()).parse(await response.json());
};
