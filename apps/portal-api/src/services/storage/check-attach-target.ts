import { precondition } from '@yunguan/domain';
import { findDatacenterRow } from '../../repositories/datacenter-repository';
import type { ProjectRow } from '../../repositories/project-repository';
import type { ResourceRow } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import { findServerFor } from '../servers/find-server-for';

/** Server states Nova attaches a volume in (the mirror's words for ACTIVE and SHUTOFF). */
const attachableStates = ['active', 'stopped'];

export type AttachTarget = { id: string; externalId: string; name: string };

/**
 * The server a volume is attached to or detached from. A server the caller cannot see stays a
 * 404 (nothing leaks); one they see in another project, or in another datacenter, is a clear
 * 409 naming both sides — checked from the mirror, before any cloud call, so nothing changes.
 */
export const checkAttachTarget = async (
  ctx: ServiceContext,
  volume: Pick<ResourceRow, 'name' | 'datacenterId'>,
  volumeProject: ProjectRow,
  serverId: string,
  action: 'attach' | 'detach',
): Promise<AttachTarget> => {
  const { server, project } = await findServerFor(ctx, serverId, 'resource.read');
  if (server.deletedAt) throw precondition('server_gone', { server: server.name });
  if (project.id !== volumeProject.id)
    throw precondition('volume_attach_other_project', {
      volume: volume.name,
      volumeProject: volumeProject.name,
      server: server.name,
      serverProject: project.name,
    });
  if (server.datacenterId !== volume.datacenterId) {
    const [volumeDc, serverDc] = await Promise.all([
      findDatacenterRow(ctx.db, volume.datacenterId),
      findDatacenterRow(ctx.db, server.datacenterId),
    ]);
    throw precondition('volume_attach_other_datacenter', {
      volume: volume.name,
      volumeDatacenter: volumeDc?.name ?? volume.datacenterId,
      server: server.name,
      serverDatacenter: serverDc?.name ?? server.datacenterId,
    });
  }
  if (action === 'attach' && !attachableStates.includes(server.status))
    throw precondition('volume_server_wrong_state', { server: server.name, status: server.status });
  return { id: server.id, externalId: server.externalId, name: server.name };
};
