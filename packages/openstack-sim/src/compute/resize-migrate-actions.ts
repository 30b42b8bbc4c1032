import { recordMigration, settleMigration } from './migration-records';
import { novaError } from '../core/errors';
import type { SimContext } from '../core/sim-context';
import { scheduleOne } from '../scheduler';
import { computeOf, type Server } from './compute-state';
import { findFlavor } from './flavors-routes';
import { atLeast, requireAdmin, str, type Body } from './nova-http';
import { checkServerQuota } from './quota-service';
import {
  finishAction,
  hostStates,
  liveServers,
  notifyInstance,
  POWER,
  setState,
  snapshotOf,
  specFor,
} from './server-service';
import {
  conflict,
  requireState,
  transition,
  wasRunning,
  type ServerActionHandlers,
} from './server-action-kit';

/** Pick a new host for resize / migrate: another host first, the same one as a last resort. */
const pickHost = (
  ctx: SimContext,
  s: Server,
  flavor: Server['flavor'],
  options: { forceHost?: string; allowSame: boolean },
) => {
  const hosts = hostStates(ctx).filter((h) => !options.forceHost || h.name === options.forceHost);
  const group = s.groupId ? computeOf(ctx).serverGroups.find((g) => g.id === s.groupId) : undefined;
  const groupHosts = group
    ? group.members
        .filter((id) => id !== s.id)
        .map((id) => liveServers(ctx).find((x) => x.id === id)?.host ?? '')
        .filter(Boolean)
    : [];
  const spec = specFor(flavor, {
    availabilityZone: s.requestedAz ?? undefined,
    bootFromVolume: s.imageRef === '',
    group: group ? { policy: group.policy, hosts: groupHosts } : undefined,
  });
  // When resizing on the same host, the old flavor is still counted on it: free it for the check.
  const away = scheduleOne(hosts, { ...spec, ignoreHosts: s.host ? [s.host] : [] });
  if (away.ok) return away.host.name;
  if (options.allowSame) {
    const same = scheduleOne(
      hosts.map((h) =>
        h.name === s.host
          ? {
              ...h,
              vcpusUsed: h.vcpusUsed - s.flavor.vcpus,
              memoryMbUsed: h.memoryMbUsed - s.flavor.ram,
              localGbUsed: h.localGbUsed - (s.imageRef === '' ? 0 : s.flavor.disk),
            }
          : h,
      ),
      spec,
    );
    if (same.ok) return same.host.name;
  }
  throw novaError('badRequest', `No valid host was found. ${away.reason}`);
};

/** Resize (confirm, revert), cold and live migration; pickHost chooses the target. */
export const resizeMigrateActions: ServerActionHandlers = {
  resize: (a) => {
    const s = a.server;
    requireState(s, 'resize', ['active', 'stopped']);
    const ref =
      (str((a.body.resize as Body | undefined)?.flavorRef, 'flavorRef') ?? '').split('/').pop() ??
      '';
    const flavor = (() => {
      try {
        return findFlavor(a.ctx, a.caller, ref);
      } catch {
        throw novaError('badRequest', `Flavor ${ref} could not be found.`);
      }
    })();
    if (flavor.id === s.flavor.id)
      throw novaError('badRequest', 'When resizing, instances must change flavor!');
    const more = {
      instances: 0,
      cores: flavor.vcpus - s.flavor.vcpus,
      ram: flavor.ram - s.flavor.ram,
    };
    checkServerQuota(a.ctx, s.projectId, more);
    const target = pickHost(a.ctx, s, snapshotOf(flavor), { allowSame: true });
    const running = wasRunning(s);
    notifyInstance(a.ctx, s, 'resize.start');
    s.oldFlavor = s.flavor;
    s.previousHost = s.host;
    s.flavor = snapshotOf(flavor);
    s.host = target;
    recordMigration(a.ctx, s, 'resize', 'finished');
    transition(
      a,
      { status: 'RESIZE', task: 'resize_prep' },
      {
        status: 'VERIFY_RESIZE',
        vmState: 'resized',
        power: running ? POWER.RUNNING : POWER.SHUTDOWN,
      },
      () => notifyInstance(a.ctx, s, 'resize.end'),
    );
  },
  confirmResize: (a) => {
    const s = a.server;
    if (s.vmState !== 'resized') throw conflict(s, 'confirmResize');
    s.oldFlavor = null;
    s.previousHost = null;
    settleMigration(a.ctx, s.id, 'confirmed');
    const running = s.powerState === POWER.RUNNING;
    setState(a.ctx, s, running ? 'ACTIVE' : 'SHUTOFF', running ? 'active' : 'stopped', null);
    finishAction(a.ctx, s, 'Success');
    notifyInstance(a.ctx, s, 'resize.confirm.end');
    return 204;
  },
  revertResize: (a) => {
    const s = a.server;
    if (s.vmState !== 'resized') throw conflict(s, 'revertResize');
    const running = s.powerState === POWER.RUNNING;
    transition(
      a,
      { status: 'REVERT_RESIZE', task: 'resize_reverting' },
      {
        status: running ? 'ACTIVE' : 'SHUTOFF',
        vmState: running ? 'active' : 'stopped',
        power: s.powerState,
      },
      () => {
        if (s.oldFlavor) s.flavor = s.oldFlavor;
        if (s.previousHost) s.host = s.previousHost;
        s.oldFlavor = null;
        s.previousHost = null;
        settleMigration(a.ctx, s.id, 'reverted');
        notifyInstance(a.ctx, s, 'resize.revert.end');
      },
    );
  },
  migrate: (a) => {
    requireAdmin(a.caller, 'os_compute_api:os-migrate-server:migrate');
    const s = a.server;
    requireState(s, 'migrate', ['active', 'stopped']);
    const forceHost = atLeast(a.request, 56)
      ? str((a.body.migrate as Body | null)?.host, 'host', false)
      : undefined;
    const target = pickHost(a.ctx, s, s.flavor, { forceHost, allowSame: false });
    const running = wasRunning(s);
    s.oldFlavor = s.flavor;
    s.previousHost = s.host;
    s.host = target;
    recordMigration(a.ctx, s, 'migration', 'finished');
    transition(
      a,
      { status: 'RESIZE', task: 'resize_migrating' },
      {
        status: 'VERIFY_RESIZE',
        vmState: 'resized',
        power: running ? POWER.RUNNING : POWER.SHUTDOWN,
      },
    );
  },
  'os-migrateLive': (a) => {
    requireAdmin(a.caller, 'os_compute_api:os-migrate-server:migrate_live');
    const s = a.server;
    requireState(s, 'os-migrateLive', ['active', 'paused']);
    const forceHost = str((a.body['os-migrateLive'] as Body | undefined)?.host, 'host', false);
    const target = pickHost(a.ctx, s, s.flavor, { forceHost, allowSame: false });
    const status = s.status;
    const vmState = s.vmState;
    const before = s.host;
    recordMigration(
      a.ctx,
      { ...s, previousHost: before, host: target },
      'live-migration',
      'running',
    );
    transition(
      a,
      { status: 'MIGRATING', task: 'migrating' },
      { status, vmState, power: s.powerState },
      () => {
        s.host = target;
        settleMigration(a.ctx, s.id, 'completed');
        s.availabilityZone =
          hostStates(a.ctx).find((h) => h.name === target)?.availabilityZone ?? s.availabilityZone;
        notifyInstance(a.ctx, s, 'live_migration._post.end');
      },
    );
    s.status = 'MIGRATING';
  },
};
