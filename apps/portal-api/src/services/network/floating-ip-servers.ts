import type { PortDto } from '@yunguan/cloud-core';
import { listLiveResourcesByExternalIds } from '../../repositories/project-resource-repository';
import type { ServiceContext } from '../context';

type FipItem = { datacenterId: string; spec: Record<string, unknown> };

/**
 * Name the server each floating IP points at, from the mirror at read time: its port (written
 * by the associate task, port lists and the topology) → the port's device → the server. A
 * floating IP whose port the mirror does not know keeps what its task recorded; one without a
 * port points at no server. (The inventory sync writes the cloud's floating IP as it is, so the
 * server is not taken from the stored spec alone.)
 */
export const withFloatingIpServers = async <T extends FipItem>(
  ctx: ServiceContext,
  items: T[],
): Promise<T[]> => {
  const portIds = (item: T) => (item.spec.portExternalId as string | null) ?? null;
  const byDc = new Map<string, string[]>();
  for (const i of items) {
    const port = portIds(i);
    if (port) byDc.set(i.datacenterId, [...(byDc.get(i.datacenterId) ?? []), port]);
  }
  const serverOfPort = new Map<string, { id: string; name: string }>();
  for (const [dc, ids] of byDc) {
    const ports = await listLiveResourcesByExternalIds(ctx.db, dc, 'port', ids);
    const devices = ports.map((p) => (p.spec as unknown as PortDto).deviceExternalId);
    const servers = await listLiveResourcesByExternalIds(ctx.db, dc, 'server', devices);
    for (const p of ports) {
      const server = servers.find(
        (s) => s.externalId === (p.spec as unknown as PortDto).deviceExternalId,
      );
      if (server) serverOfPort.set(`${dc}/${p.externalId}`, { id: server.id, name: server.name });
    }
  }
  return items.map((i) => {
    const port = portIds(i);
    const stored = (i.spec.server as { id: string; name: string } | null | undefined) ?? null;
    const server = port ? (serverOfPort.get(`${i.datacenterId}/${port}`) ?? stored) : null;
    return { ...i, spec: { portForwardings: [], ...i.spec, server } };
  });
};
