import type { FloatingIpDto, PortDto } from '@yunguan/cloud-core';
import { conflict, notFound, precondition } from '@yunguan/domain';
import { listLiveResourcesByExternalIds } from '../../repositories/project-resource-repository';
import type { ProjectRow } from '../../repositories/project-repository';
import type { ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import { findResourceFor } from '../resources/find-resource-for';
import { findServerFor } from '../servers/find-server-for';
import type { ProjectCloud } from '../project-cloud';
import { networkOf } from '../../cloud/sub-port';

/** The server port (and fixed IP) a floating IP would point at, after the route check. */
export type FloatingIpTarget = {
  server: { id: string; name: string };
  serverExternalId: string;
  portExternalId: string;
  fixedIpAddress: string;
  subnetExternalId: string;
  subnetName: string;
  networkName: string;
};

const nameOf = async (
  ctx: ServiceContext,
  datacenterId: string,
  kind: 'subnet' | 'network',
  externalId: string,
): Promise<string> => {
  const [row] = await listLiveResourcesByExternalIds(ctx.db, datacenterId, kind, [externalId]);
  return row?.name || externalId;
};

/**
 * Which port of the project's server a floating IP (or port forwarding) would use — the given
 * port or fixed IP, else the first IPv4 address — and whether it can work: the port's subnet
 * must have an interface on a router of the project whose gateway is on the floating IP's
 * network, as Neutron requires. Otherwise 409 floating_ip_no_route (no task is queued).
 */
export const floatingIpTarget = async (
  ctx: ServiceContext,
  cloud: ProjectCloud,
  fip: { row: ResourceRow; project: ProjectRow },
  want: { serverId: string; portId?: string | undefined; fixedIp?: string | undefined },
): Promise<FloatingIpTarget> => {
  const { server, project } = await findServerFor(ctx, want.serverId, 'resource.use');
  if (project.id !== fip.project.id || server.datacenterId !== fip.row.datacenterId)
    throw notFound('server', want.serverId);
  const ports: PortDto[] = await cloud.call(() =>
    networkOf(cloud.provider).listPorts(
      cloud.scope,
      { deviceExternalId: server.externalId },
      cloud.options,
    ),
  );
  let candidates = ports;
  if (want.portId) {
    const port = await findResourceFor(ctx, 'port', want.portId, 'resource.use');
    if (port.project.id !== fip.project.id) throw notFound('port', want.portId);
    candidates = ports.filter((p) => p.externalId === port.row.externalId);
    if (candidates.length === 0)
      throw precondition('port_not_of_server', { port: port.row.name, server: server.name });
  }
  const choice = candidates
    .flatMap((p) => p.fixedIps.map((f) => ({ port: p, fixed: f })))
    .find(({ fixed }) =>
      want.fixedIp ? fixed.ipAddress === want.fixedIp : !fixed.ipAddress.includes(':'),
    );
  if (!choice)
    throw precondition('server_has_no_port', {
      server: server.name,
      ...(want.fixedIp ? { fixedIp: want.fixedIp } : {}),
    });
  const fipSpec = fip.row.spec as unknown as FloatingIpDto;
  const routers = await cloud.call(() =>
    networkOf(cloud.provider).listRouters(cloud.scope, cloud.options),
  );
  const routed = routers.some(
    (r) =>
      r.externalGateway?.networkExternalId === fipSpec.floatingNetworkExternalId &&
      r.interfaces.some((i) => i.subnetExternalId === choice.fixed.subnetExternalId),
  );
  const [subnetName, networkName] = await Promise.all([
    nameOf(ctx, server.datacenterId, 'subnet', choice.fixed.subnetExternalId),
    nameOf(ctx, server.datacenterId, 'network', fipSpec.floatingNetworkExternalId),
  ]);
  if (!routed)
    throw conflict('floating_ip_no_route', {
      server: server.name,
      subnet: subnetName,
      network: networkName,
    });
  return {
    server: { id: server.id, name: server.name },
    serverExternalId: server.externalId,
    portExternalId: choice.port.externalId,
    fixedIpAddress: choice.fixed.ipAddress,
    subnetExternalId: choice.fixed.subnetExternalId,
    subnetName,
    networkName,
  };
};
