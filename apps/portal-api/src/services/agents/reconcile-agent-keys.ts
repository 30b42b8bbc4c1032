import { listActiveAgents } from '../../repositories/datacenter-repository';
import type { Database } from '../../repositories/db-client';
import type { ServiceConfig } from '../context';

/** System verb (worker job): rewrite every active agent key into the registry from the database,
 * so a flushed or replaced Redis never locks enrolled agents out. */
export const reconcileAgentKeys = async (deps: {
  db: Database;
  config: ServiceConfig;
}): Promise<{ published: number }> => {
  const agents = await listActiveAgents(deps.db);
  for (const agent of agents) {
    await deps.config.tunnel.registry.publishAgentKey(
      agent.fingerprint,
      agent.datacenterId,
      agent.datacenter.tunnelPort!,
    );
  }
  return { published: agents.length };
};
