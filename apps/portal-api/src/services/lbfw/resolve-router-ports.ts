import { DomainError, notFound } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { findResourceRowOfKind } from '../../repositories/project-resource-repository';
import type { ServiceContext } from '../context';
import type { LbfwPlace } from './lbfw-place';
import { networkOf } from '../../cloud/sub-port';

const routerOwners = ['network:router_interface', 'network:ha_router_replicated_interface'];
export const isRouterInterface = (deviceOwner: string) =>
  routerOwners.some((o) => deviceOwner.startsWith(o));

/**
 * The cloud ids of the ports a firewall group binds: each named by its mirror id (kind `port`)
 * or cloud id, each a router interface port of the project (the cloud's live list). Another
 * project's or an unknown port is a 404; a port that is not a router interface a 400.
 */
export const resolveRouterPorts = async (
  ctx: ServiceContext,
  place: LbfwPlace,
  refs: readonly string[],
): Promise<string[]> => {
  if (refs.length === 0) return [];
  const ports = await withCloudErrors(place.datacenter.name, () =>
    networkOf(place.provider).listPorts(place.scope, undefined, { requestId: ctx.requestId }),
  );
  const byId = new Map(ports.map((p) => [p.externalId, p]));
  const out: string[] = [];
  for (const ref of refs) {
    const mirrored = await findResourceRowOfKind(ctx.db, ref, 'port');
    const externalId =
      mirrored && mirrored.projectId === place.project.id ? mirrored.externalId : ref;
    const port = byId.get(externalId);
    if (!port) throw notFound('port', ref);
    if (!isRouterInterface(port.deviceOwner))
      throw new DomainError('VALIDATION', `port ${ref} is not a router interface`, {
        reason: 'firewall_port_not_router',
        params: { port: ref },
        issues: [{ path: 'portIds', message: `${ref} is not a router interface port` }],
      });
    out.push(externalId);
  }
  return out;
};
