import { notFound, precondition } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { findResourceRowOfKind } from '../../repositories/project-resource-repository';
import type { ServiceContext } from '../context';
import { findServerFor } from '../servers/find-server-for';
import type { LbfwPlace } from './lbfw-place';

/** A subnet named by mirror id (the project's or an unowned shared one) or by cloud id. */
const subnetExternalIdOf = async (ctx: ServiceContext, place: LbfwPlace, ref: string) => {
  const row = await findResourceRowOfKind(ctx.db, ref, 'subnet');
  if (!row) return ref;
  if (row.deletedAt || row.datacenterId !== place.datacenter.id) throw notFound('subnet', ref);
  if (row.projectId !== null && row.projectId !== place.project.id) throw notFound('subnet', ref);
  return row.externalId;
};

/**
 * A pool member's address and subnet: the address given, or the fixed IP of a server of the
 * same project and datacenter (404 otherwise) — on `subnetId` when given, else its first IPv4.
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
    ? await subnetExternalIdOf(ctx, place, member.subnetId)
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
    place.provider.listPorts(
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
