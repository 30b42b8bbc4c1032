import { listActiveAgents, recordAgentSeen } from '../../repositories/datacenter-repository';
import type { Database } from '../../repositories/db-client';
import type { ServiceConfig } from '../context';

/** System verb (worker job): stamp "last seen" on agents whose tunnel is up right now. The
 * gateways only write Redis; the database learns from here. */
export const recordAgentsSeen = async (deps: {
  db: Database;
  config: ServiceConfig;
  now: () => Date;
}): Promise<{ online: number }> => {
  const agents = await listActiveAgents(deps.db);
  const online: string[] = [];
  for (const agent of agents) {
    const { record, health } = await deps.config.tunnel.registry.readTunnel(agent.datacenterId);
    if (record && health?.state !== 'offline') online.push(agent.datacenterId);
  }
  if (online.length > 0) await recordAgentSeen(deps.db, online, deps.now());
  return { online: online.length };
};
