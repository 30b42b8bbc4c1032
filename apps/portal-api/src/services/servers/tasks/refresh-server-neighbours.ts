import { listLiveResourcesOfProject } from '../../../repositories/project-resource-repository';
import { portSeen } from '../../network/network-observations';
import { observeFloatingIp } from '../../network/tasks/observe-floating-ip';
import { observationOf } from '../../resources/observation-of';
import { orGone } from '../../tasks/or-gone';
import type { TaskRun } from '../../tasks/task-definition';
import { blockStorageOf, networkOf } from '../../../cloud/sub-port';

const specOf = (row: { spec: unknown }) => (row.spec ?? {}) as Record<string, unknown>;

/**
 * A deleted server changed more than itself: its volumes are detached, the ports Nova made for
 * it are gone (others are unbound) and floating IPs on those ports point at nothing. Re-read
 * each object the mirror says was the server's and write what the cloud says now, so the lists
 * are right when the task ends — not at the next inventory sync.
 */
export const refreshServerNeighbours = async (
  rt: TaskRun<unknown>,
  serverExternalId: string,
): Promise<void> => {
  const task = rt.task();
  const rows = await listLiveResourcesOfProject(
    rt.deps.db,
    task.projectId,
    ['volume', 'port', 'floating-ip'],
    task.datacenterId,
  );
  const attachedTo = (row: { spec: unknown }) =>
    ((specOf(row).attachments ?? []) as { serverExternalId?: string }[]).some(
      (a) => a.serverExternalId === serverExternalId,
    );
  for (const row of rows.filter((r) => r.type === 'volume' && attachedTo(r))) {
    const volume = await orGone(() =>
      blockStorageOf(rt.provider).getVolume(rt.scope, row.externalId, rt.call),
    );
    if (volume) await rt.observe(observationOf('volume', volume));
    else await rt.observeGone('volume', row.externalId);
  }
  const ports = rows.filter(
    (r) => r.type === 'port' && specOf(r).deviceExternalId === serverExternalId,
  );
  const portIds = new Set(ports.map((p) => p.externalId));
  if (ports.length > 0) {
    const live = new Map(
      (await networkOf(rt.provider).listPorts(rt.scope, {}, rt.call)).map((p) => [p.externalId, p]),
    );
    for (const port of ports) {
      const now = live.get(port.externalId);
      if (now) await rt.observe(portSeen(now));
      else await rt.observeGone('port', port.externalId);
    }
  }
  // A floating IP names the server's mirror row it points at, and the port.
  const fips = rows.filter((r) => {
    if (r.type !== 'floating-ip') return false;
    const { portExternalId, server } = specOf(r) as {
      portExternalId?: string | null;
      server?: { id?: string } | null;
    };
    return (
      (typeof portExternalId === 'string' && portIds.has(portExternalId)) ||
      (task.resourceId !== null && server?.id === task.resourceId)
    );
  });
  for (const row of fips) {
    const fip = await orGone(() =>
      networkOf(rt.provider).getFloatingIp(rt.scope, row.externalId, rt.call),
    );
    if (fip) await observeFloatingIp(rt, fip, null);
    else await rt.observeGone('floating-ip', row.externalId);
  }
};
