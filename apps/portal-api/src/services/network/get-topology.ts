import type { FloatingIpDto, PortDto } from '@yunguan/cloud-core';
import type { Topology, TopologyNode } from '@yunguan/contract';
import {
  listLiveResourcesByExternalIds,
  listLiveResourcesOfProject,
} from '../../repositories/project-resource-repository';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { consolePath } from './console-paths';
import { projectCloud } from '../project-cloud';
import {
  floatingIpSeen,
  networkSeen,
  portSeen,
  routerSeen,
  subnetSeen,
  type FloatingIpExtras,
} from './network-observations';
import { refreshMirror } from './refresh-mirror';
import { networkOf } from '../../cloud/sub-port';

type Edge = Topology['edges'][number];

/**
 * The project's network graph in one datacenter, read live: networks (external ones as their
 * own kind), the project's subnets, routers with gateway and interfaces, its servers by their
 * ports, and floating IPs. Every object seen is written to the mirror (and the project's rows
 * the cloud no longer has are marked deleted), so each node has a mirror id and a console href;
 * servers come from the mirror the inventory sync keeps.
 */
export const getTopology = async (
  ctx: ServiceContext,
  projectId: string,
  datacenterId: string,
): Promise<Topology> => {
  const project = await findProjectFor(ctx, projectId, 'resource.read');
  const cloud = await projectCloud(ctx, project.id, datacenterId);
  const readAt = ctx.now();
  const { scope, options } = cloud;
  const [networks, subnets, routers, ports, fips] = await cloud.call(() =>
    Promise.all([
      networkOf(cloud.provider).listNetworkDetails(scope, options),
      networkOf(cloud.provider).listSubnets(scope, options),
      networkOf(cloud.provider).listRouters(scope, options),
      networkOf(cloud.provider).listPorts(scope, {}, options),
      networkOf(cloud.provider).listFloatingIps(scope, options),
    ]),
  );
  const servers = await listLiveResourcesOfProject(ctx.db, project.id, ['server'], datacenterId);
  const serverByExternal = new Map(servers.map((s) => [s.externalId, s]));
  const portById = new Map(ports.map((p) => [p.externalId, p]));
  const oldFips = await listLiveResourcesByExternalIds(
    ctx.db,
    datacenterId,
    'floating-ip',
    fips.map((f) => f.externalId),
  );
  const extrasOf = (f: FloatingIpDto): FloatingIpExtras => {
    const old = oldFips.find((r) => r.externalId === f.externalId)?.spec as
      Partial<FloatingIpExtras> | undefined;
    const server = serverByExternal.get(
      portById.get(f.portExternalId ?? '')?.deviceExternalId ?? '',
    );
    return {
      portForwardings: old?.portForwardings ?? [],
      server: server ? { id: server.id, name: server.name } : null,
    };
  };
  const refresh = (
    kind: Parameters<typeof refreshMirror>[1]['kind'],
    seen: Parameters<typeof refreshMirror>[1]['seen'],
  ) => refreshMirror(ctx, { datacenterId, projectId: project.id, kind, seen, readAt });
  const networkIds = await refresh('network', networks.map(networkSeen));
  const subnetIds = await refresh('subnet', subnets.map(subnetSeen));
  const routerIds = await refresh('router', routers.map(routerSeen));
  await refresh('port', ports.map(portSeen));
  const fipIds = await refresh(
    'floating-ip',
    fips.map((f) => floatingIpSeen(f, extrasOf(f))),
  );

  const nodes: TopologyNode[] = [];
  const edges: Edge[] = [];
  const nodeIdOf = new Map<string, string>();
  const add = (node: TopologyNode) => {
    nodes.push(node);
    nodeIdOf.set(node.externalId, node.id);
  };
  const serverPorts = ports.filter((p) => p.deviceOwner.startsWith('compute:'));
  const usedNetworks = new Set([
    ...subnets.map((s) => s.networkExternalId),
    ...serverPorts.map((p) => p.networkExternalId),
  ]);
  for (const n of networks) {
    const own = n.projectExternalId === scope.projectExternalId;
    if (!n.external && !own && !usedNetworks.has(n.externalId)) continue;
    const id = networkIds.get(n.externalId) ?? n.externalId;
    add({
      id,
      externalId: n.externalId,
      kind: n.external ? 'external-network' : 'network',
      name: n.name,
      status: n.status,
      href: consolePath.network(id),
      label: n.shared && !own ? 'shared' : null,
    });
  }
  for (const s of subnets) {
    const id = subnetIds.get(s.externalId) ?? s.externalId;
    const networkId = nodeIdOf.get(s.networkExternalId);
    add({
      id,
      externalId: s.externalId,
      kind: 'subnet',
      name: s.name || s.cidr,
      status: 'ACTIVE',
      href: networkId ? consolePath.subnet(networkId, id) : null,
      label: s.cidr,
    });
    if (networkId) edges.push({ from: id, to: networkId, kind: 'subnet-of', label: null });
  }
  for (const r of routers) {
    const id = routerIds.get(r.externalId) ?? r.externalId;
    add({
      id,
      externalId: r.externalId,
      kind: 'router',
      name: r.name,
      status: r.status,
      href: consolePath.router(id),
      label: r.externalGateway?.externalFixedIps[0]?.ipAddress ?? null,
    });
    const gateway = r.externalGateway && nodeIdOf.get(r.externalGateway.networkExternalId);
    if (gateway)
      edges.push({
        from: id,
        to: gateway,
        kind: 'gateway',
        label: r.externalGateway?.enableSnat ? 'SNAT' : null,
      });
    for (const i of r.interfaces) {
      const to = nodeIdOf.get(i.subnetExternalId);
      if (to) edges.push({ from: id, to, kind: 'interface', label: i.ipAddress });
    }
  }
  const serverPortsByDevice = new Map<string, PortDto[]>();
  for (const p of serverPorts)
    serverPortsByDevice.set(p.deviceExternalId, [
      ...(serverPortsByDevice.get(p.deviceExternalId) ?? []),
      p,
    ]);
  for (const [device, own] of serverPortsByDevice) {
    const row = serverByExternal.get(device);
    const id = row?.id ?? device;
    add({
      id,
      externalId: device,
      kind: 'server',
      name: row?.name ?? device,
      status: row?.status ?? 'unknown',
      href: row ? consolePath.server(row.id) : null,
      label: own.flatMap((p) => p.fixedIps.map((f) => f.ipAddress)).join(', ') || null,
    });
    for (const p of own) {
      const targets = p.fixedIps
        .map((f) => ({ to: nodeIdOf.get(f.subnetExternalId), label: f.ipAddress }))
        .filter((t): t is { to: string; label: string } => Boolean(t.to));
      const network = nodeIdOf.get(p.networkExternalId);
      if (targets.length === 0 && network)
        targets.push({ to: network, label: p.fixedIps[0]?.ipAddress ?? '' });
      for (const t of targets)
        edges.push({ from: id, to: t.to, kind: 'port', label: t.label || null });
    }
  }
  for (const f of fips) {
    const id = fipIds.get(f.externalId) ?? f.externalId;
    add({
      id,
      externalId: f.externalId,
      kind: 'floating-ip',
      name: f.floatingIpAddress,
      status: f.status,
      href: consolePath.floatingIp(id),
      label: f.fixedIpAddress,
    });
    const from = nodeIdOf.get(f.floatingNetworkExternalId);
    if (from) edges.push({ from: id, to: from, kind: 'allocated-from', label: null });
    const device = portById.get(f.portExternalId ?? '')?.deviceExternalId;
    const server = device ? nodeIdOf.get(device) : undefined;
    if (server) edges.push({ from: id, to: server, kind: 'associated', label: f.fixedIpAddress });
  }
  return {
    datacenterId,
    projectId: project.id,
    observedAt: readAt.toISOString(),
    nodes,
    edges,
  };
};
