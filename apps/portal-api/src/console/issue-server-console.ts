import type { ServerConsole } from '@yunguan/contract';
import { precondition } from '@yunguan/domain';
import { domainErrorOfCloud } from '../cloud/domain-error-of-cloud';
import { providerForDatacenter } from '../cloud/provider-for-datacenter';
import { scopeForProject } from '../cloud/scope-for-project';
import { recordAudit } from '../services/audit/record-audit';
import type { ServiceContext } from '../services/context';
import { findServerFor } from '../services/servers/find-server-for';
import { consoleSocketPath } from './console-socket-path';
import type { ConsoleTickets } from './console-tickets';
import { consoleOf } from '../cloud/sub-port';

/** Where the browser opens the relay (same origin as the API). */
export const consoleRelayPath = '/api/v1/console/ws';

/**
 * Open a server's console: the caller must be able to use the server (out of reach: 404), it
 * must be running; the datacenter's console proxy gives a one-time URL through the provider and
 * the portal hands out its own one-time ticket (60 s, this user, this server) for the relay.
 */
export const issueServerConsole = async (
  ctx: ServiceContext,
  tickets: ConsoleTickets,
  serverId: string,
): Promise<ServerConsole> => {
  const { server, project } = await findServerFor(ctx, serverId, 'resource.use');
  if (server.deletedAt) throw precondition('server_gone', { server: server.name });
  if (server.status !== 'active')
    throw precondition('server_wrong_state', {
      server: server.name,
      status: server.status,
      action: 'console',
      allowed: 'active',
    });
  const { provider, datacenter } = await providerForDatacenter(ctx, server.datacenterId);
  const remote = await (async () => {
    try {
      const scope = await scopeForProject(ctx, provider, server.datacenterId, project.id);
      return await consoleOf(provider).getServerConsole(scope, server.externalId, {
        requestId: ctx.requestId,
      });
    } catch (error) {
      throw domainErrorOfCloud(error, datacenter.name);
    }
  })();
  const path = consoleSocketPath(remote.url);
  if (path === null)
    throw precondition('cloud_operation_failed', { detail: 'the console URL has no path' });
  const { ticket, expiresAt } = await tickets.issue({
    userId: ctx.principal.userId,
    serverId: server.id,
    datacenterId: server.datacenterId,
    path,
  });
  await recordAudit(ctx.db, ctx, {
    action: 'server.console',
    targetType: 'server',
    targetId: server.id,
    targetName: server.name,
    departmentId: project.departmentId,
    projectId: project.id,
  });
  return {
    url: `${consoleRelayPath}?ticket=${ticket}`,
    protocol: remote.protocol,
    expiresAt: expiresAt.toISOString(),
  };
};
