import { forbidden, hasAnyGrantOf } from '@yunguan/domain';
import { listUsableDatacenterRows } from '../../repositories/datacenter-credential-repository';
import type { ServiceContext } from '../context';
import { tunnelStatusOf } from '../datacenters/to-datacenter';
import { readDatacenterCapabilities } from './read-datacenter-capabilities';

export type UsableDatacenter = {
  id: string;
  name: string;
  region: string;
  kind: 'openstack' | 'vmware' | 'tencent';
  tunnel: 'online' | 'degraded' | 'offline';
  capabilities: string[];
};

/**
 * The datacenters a user can pick when creating resources: every datacenter with a service
 * account, for anyone holding resource.read somewhere (the datacenter admin pages stay
 * platform-only). No secrets, no agent details — name, region, kind, whether it answers and
 * what its cloud can do.
 */
export const listUsableDatacenters = async (
  ctx: ServiceContext,
): Promise<{ items: UsableDatacenter[] }> => {
  if (!hasAnyGrantOf(ctx.principal, 'resource.read')) throw forbidden('resource.read');
  const rows = await listUsableDatacenterRows(ctx.db);
  const items = await Promise.all(
    rows.map(async (row) => {
      const tunnel = (await tunnelStatusOf(ctx.config.tunnel.registry, row.id)).state;
      return {
        id: row.id,
        name: row.name,
        region: row.region,
        kind: row.kind as UsableDatacenter['kind'],
        tunnel,
        capabilities: await readDatacenterCapabilities(ctx, row.id, tunnel),
      };
    }),
  );
  return { items };
};
