import { parseCidr, type QuickStartInput, type Task } from '@yunguan/contract';
import type { ServiceContext } from '../context';
import { findProjectFor } from '../projects/find-visible-project';
import { queueTask } from '../tasks/queue-task';
import { assertCapability, projectCloud } from '../project-cloud';
import { earlierCreate } from '../resources/task-target';
import { assertNoOverlap } from './subnet-overlap';
import { findExternalNetwork } from './usable-network';
import { networkOf } from '../../cloud/sub-port';

/**
 * The network quick start: one task (network.quick-start, quota networks 1) that makes network,
 * subnet and router, sets the gateway (on externalNetworkId, or the datacenter's only external
 * network), adds the interface and opens ICMP + openPorts on the default security group. The
 * CIDR must not overlap a subnet the project already has (409 before any task), so the new
 * network can later share a router with the others.
 */
export const startQuickStart = async (
  ctx: ServiceContext,
  projectId: string,
  input: QuickStartInput,
): Promise<Task> => {
  const project = await findProjectFor(ctx, projectId, 'resource.use');
  const earlier = await earlierCreate(
    ctx,
    project.id,
    'network.quick-start',
    input.idempotencyKey,
    input.name,
  );
  if (earlier) return earlier;
  const cloud = await projectCloud(ctx, project.id, input.datacenterId);
  await assertCapability(cloud, 'network.manage', 'network.quick-start');
  await assertCapability(cloud, 'router.manage', 'network.quick-start');
  await assertCapability(cloud, 'security-group.manage', 'network.quick-start');
  let external: { externalId: string; name: string } | null = null;
  if (input.externalNetworkId) {
    const { row } = await findExternalNetwork(
      ctx,
      project,
      input.externalNetworkId,
      input.datacenterId,
    );
    external = { externalId: row.externalId, name: row.name };
  } else {
    const networks = await cloud.call(() =>
      networkOf(cloud.provider).listNetworkDetails(cloud.scope, cloud.options),
    );
    const externals = networks.filter((n) => n.external);
    if (externals.length === 1)
      external = { externalId: externals[0]!.externalId, name: externals[0]!.name };
  }
  const subnets = await cloud.call(() =>
    networkOf(cloud.provider).listSubnets(cloud.scope, cloud.options),
  );
  assertNoOverlap(input.cidr, subnets, project.name, 'quick_start_cidr_taken');
  const cidr = parseCidr(input.cidr);
  return queueTask(ctx, {
    project,
    datacenterId: input.datacenterId,
    action: 'network.quick-start',
    targetName: input.name,
    input: {
      name: input.name,
      cidr: cidr?.text ?? input.cidr,
      ipVersion: cidr?.version ?? 4,
      ...(input.gatewayIp ? { gatewayIp: input.gatewayIp } : {}),
      dnsNameservers: input.dnsNameservers ?? [],
      external,
      openPorts: input.openPorts ?? [],
    },
    demand: { networks: 1 },
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
};
