import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { scheduleOne } from '../scheduler';
import { computeOf, type Server } from './compute-state';
import { findFlavor } from './flavors-routes';
import { checkBootImage, recordSnapshotImage } from './image-adapter';
import { atLeast, bodyOf, requestIdOf, requireAdmin, str, type Body } from './nova-http';
import { checkServerQuota } from './quota-service';
import {
  finishAction,
  findServer,
  hostStates,
  liveServers,
  notifyInstance,
  POWER,
  recordAction,
  setState,
  snapshotOf,
  specFor,
} from './server-service';
import { serverDetail } from './server-view';
import { checkLocked } from './servers-routes';

type ActionInput = {
  ctx: SimContext;
  caller: SimCaller;
  server: Server;
  body: Body;
  request: FastifyRequest;
  reply: FastifyReply;
  requestId: string;
};

const conflict = (s: Server, action: string) =>
  novaError(
    'conflictingRequest',
    `Cannot '${action}' instance ${s.id} while it is in vm_state ${s.vmState}`,
  );

const requireState = (s: Server, action: string, vmStates: string[], allowTask = false) => {
  if (!vmStates.includes(s.vmState)) throw conflict(s, action);
  if (!allowTask && s.taskState)
    throw novaError(
      'conflictingRequest',
      `Cannot '${action}' instance ${s.id} while it is in task_state ${s.taskState}`,
    );
};

/** Set the transitional state now and the final one after ctx.delays.actionMs. */
const transition = (
  { ctx, server: s }: ActionInput,
  now: { status: string; task: string },
  done: { status: string; vmState: string; power: number },
  after?: () => void,
) => {
  setState(ctx, s, now.status, s.vmState, now.task);
  ctx.later(ctx.delays.actionMs, () => {
    if (s.deleted) return;
    setState(ctx, s, done.status, done.vmState, null, done.power);
    after?.();
    finishAction(ctx, s, 'Success');
  });
};

const wasRunning = (s: Server) => s.vmState === 'active';

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

const actions: Record<string, (a: ActionInput) => unknown> = {
  'os-stop': (a) => {
    requireState(a.server, 'stop', ['active', 'error']);
    transition(
      a,
      { status: a.server.status, task: 'powering-off' },
      { status: 'SHUTOFF', vmState: 'stopped', power: POWER.SHUTDOWN },
      () => notifyInstance(a.ctx, a.server, 'power_off.end'),
    );
    notifyInstance(a.ctx, a.server, 'power_off.start');
  },
  'os-start': (a) => {
    requireState(a.server, 'start', ['stopped']);
    notifyInstance(a.ctx, a.server, 'power_on.start');
    transition(
      a,
      { status: 'SHUTOFF', task: 'powering-on' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => notifyInstance(a.ctx, a.server, 'power_on.end'),
    );
  },
  reboot: (a) => {
    const raw = (a.body.reboot as Body | undefined)?.type;
    const type = typeof raw === 'string' ? raw.toUpperCase() : '';
    if (type !== 'SOFT' && type !== 'HARD')
      throw novaError(
        'badRequest',
        'Invalid input for field/attribute type. Value: ' + type + ". 'SOFT' or 'HARD' expected",
      );
    requireState(
      a.server,
      'reboot',
      type === 'SOFT' ? ['active'] : ['active', 'stopped', 'paused', 'suspended', 'error'],
      type === 'HARD',
    );
    notifyInstance(a.ctx, a.server, 'reboot.start');
    transition(
      a,
      type === 'SOFT'
        ? { status: 'REBOOT', task: 'rebooting' }
        : { status: 'HARD_REBOOT', task: 'rebooting_hard' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => notifyInstance(a.ctx, a.server, 'reboot.end'),
    );
  },
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
        notifyInstance(a.ctx, s, 'resize.revert.end');
      },
    );
  },
  rebuild: (a) => {
    const s = a.server;
    requireState(s, 'rebuild', ['active', 'stopped', 'error']);
    const input = a.body.rebuild as Body | undefined;
    const image = (str(input?.imageRef, 'imageRef') ?? '').split('/').pop() ?? '';
    checkBootImage(a.ctx, image, s.flavor);
    const name = str(input?.name, 'name', false);
    if (name) s.name = name;
    if (input?.metadata) s.metadata = input.metadata as Record<string, string>;
    s.imageRef = image;
    s.fault = null;
    notifyInstance(a.ctx, s, 'rebuild.start');
    transition(
      a,
      { status: 'REBUILD', task: 'rebuilding' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => notifyInstance(a.ctx, s, 'rebuild.end'),
    );
    return {
      code: 202,
      body: { server: { ...serverDetail(a.ctx, a.request, a.caller, s), adminPass: s.adminPass } },
    };
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
    transition(
      a,
      { status: 'MIGRATING', task: 'migrating' },
      { status, vmState, power: s.powerState },
      () => {
        s.host = target;
        s.availabilityZone =
          hostStates(a.ctx).find((h) => h.name === target)?.availabilityZone ?? s.availabilityZone;
        notifyInstance(a.ctx, s, 'live_migration._post.end');
      },
    );
    s.status = 'MIGRATING';
  },
  createImage: (a) => {
    const s = a.server;
    requireState(s, 'createImage', ['active', 'stopped', 'paused', 'suspended']);
    const input = a.body.createImage as Body | undefined;
    const name = str(input?.name, 'name') ?? '';
    const imageId = recordSnapshotImage(a.ctx, {
      name,
      server: s,
      ownerProjectId: a.caller.projectId,
      metadata: (input?.metadata ?? {}) as Record<string, string>,
    });
    notifyInstance(a.ctx, s, 'snapshot.start');
    transition(
      a,
      { status: s.status, task: 'image_snapshot' },
      { status: s.status, vmState: s.vmState, power: s.powerState },
      () => notifyInstance(a.ctx, s, 'snapshot.end', { image_id: imageId }),
    );
    const location = `/image/v2/images/${imageId}`;
    void a.reply.header('location', location);
    return { code: 202, body: atLeast(a.request, 45) ? { image_id: imageId } : undefined };
  },
  suspend: (a) => {
    requireState(a.server, 'suspend', ['active']);
    transition(
      a,
      { status: 'ACTIVE', task: 'suspending' },
      { status: 'SUSPENDED', vmState: 'suspended', power: POWER.SUSPENDED },
      () => notifyInstance(a.ctx, a.server, 'suspend.end'),
    );
  },
  resume: (a) => {
    requireState(a.server, 'resume', ['suspended']);
    transition(
      a,
      { status: 'SUSPENDED', task: 'resuming' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => notifyInstance(a.ctx, a.server, 'resume.end'),
    );
  },
  pause: (a) => {
    requireState(a.server, 'pause', ['active']);
    transition(
      a,
      { status: 'ACTIVE', task: 'pausing' },
      { status: 'PAUSED', vmState: 'paused', power: POWER.PAUSED },
      () => notifyInstance(a.ctx, a.server, 'pause.end'),
    );
  },
  unpause: (a) => {
    requireState(a.server, 'unpause', ['paused']);
    transition(
      a,
      { status: 'PAUSED', task: 'unpausing' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => notifyInstance(a.ctx, a.server, 'unpause.end'),
    );
  },
  lock: (a) => {
    a.server.locked = true;
    a.server.lockedReason = atLeast(a.request, 73)
      ? (str((a.body.lock as Body | null)?.locked_reason, 'locked_reason', false) ?? null)
      : null;
    a.ctx.store.changed();
    finishAction(a.ctx, a.server, 'Success');
  },
  unlock: (a) => {
    a.server.locked = false;
    a.server.lockedReason = null;
    a.ctx.store.changed();
    finishAction(a.ctx, a.server, 'Success');
  },
  'os-getConsoleOutput': (a) => ({
    code: 200,
    body: { output: `[    0.000000] Linux version 6.1.0 (sim)\n${a.server.name} login: \n` },
  }),
};

/** Instance-action names as Nova records them. */
const actionNames: Record<string, string> = {
  'os-stop': 'stop',
  'os-start': 'start',
  'os-migrateLive': 'live-migration',
  createImage: 'createImage',
};

export const registerServerActions = (scope: FastifyInstance, ctx: SimContext) => {
  scope.post<{ Params: { id: string } }>('/servers/:id/action', (request, reply) => {
    const caller = ctx.caller(request);
    const server = findServer(ctx, caller, request.params.id);
    const body = bodyOf(request);
    const name = Object.keys(body)[0] ?? '';
    const handler = actions[name];
    if (!handler) throw novaError('badRequest', `There is no such action: ${name}`);
    if (name !== 'unlock' && name !== 'os-getConsoleOutput') checkLocked(caller, server);
    if (name === 'unlock' && !caller.isAdmin && server.locked && server.userId !== caller.userId)
      throw novaError('forbidden', 'Unlocking a server locked by an admin requires admin rights.');
    const requestId = requestIdOf(request);
    if (name !== 'os-getConsoleOutput')
      recordAction(ctx, caller, server, actionNames[name] ?? name, requestId);
    const result = handler({ ctx, caller, server, body, request, reply, requestId });
    if (result === 204) return void reply.code(204).send();
    if (result && typeof result === 'object' && 'code' in result) {
      const r = result as { code: number; body?: unknown };
      return void reply.code(r.code).send(r.body);
    }
    return void reply.code(202).send();
  });
};
