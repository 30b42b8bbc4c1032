import { notFound, precondition } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import type { ServiceContext } from '../context';
import { findServerFor } from '../servers/find-server-for';
import type { LbfwPlace } from './lbfw-place';
import { resolveProjectSubnet } from './resolve-subnet';
import { networkOf } from '../../cloud/sub-port';

/**
 * A pool member's address and subnet: the address given, or the fixed IP of a server of the
 * same project and datacenter (404 otherwise) — on `subnetId` when given, else its first IPv4.
 * `subnetId` must be a subnet of the project (its mirror row, or the cloud read in the project's
 * scope): the cloud takes the member's subnet_id from an admin-role token, so a subnet of another
 * tenant, a shared one without a project or an unknown id is a 404 here, never passed through.
 */
export const resolveMemberAddress = async (
  ctx: ServiceContext,
  place: LbfwPlace,
  member: {
    address?: string | undefined;
    serverId?: string | undefined;
    subnetId?: string | undefined;
  },
): Promise<{ address: string; subnetExternalId?: string }> => {
  const subnet = member.subnetId
    ? (await resolveProjectSubnet(ctx, place, member.subnetId, 'subnetId')).externalId
    : undefined;
  if (member.serverId === undefined)
    return { address: member.address ?? '', ...(subnet ? { subnetExternalId: subnet } : {}) };
  const { server, project } = await findServerFor(ctx, member.serverId, 'resource.use');
  if (
    project.id !== place.project.id ||
    server.datacenterId !== place.datacenter.id ||
    server.deletedAt
  )
    throw notFound('server', member.serverId);
  const ports = await withCloudErrors(place.datacenter.name, () =>
    networkOf(place.provider).listPorts(
      place.scope,
      { deviceExternalId: server.externalId },
      { requestId: ctx.requestId },
    ),
  );
  const fixed = ports.flatMap((p) => p.fixedIps);
  const chosen = subnet
    ? fixed.find((f) => f.subnetExternalId === subnet)
    : (fixed.find((f) => !f.ipAddress.includes(':')) ?? fixed[0]);
  if (!chosen)
    throw precondition('server_without_address', { server: server.name, subnet: subnet ?? '' });
  return { address: chosen.ipAddress, subnetExternalId: chosen.subnetExternalId };
};
