import { createHash, randomUUID } from 'node:crypto';
import { novaError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import type { HostState, RequestSpec } from '../scheduler';
import { computeOf, type Flavor, type FlavorSnapshot, type Server } from './compute-state';

export const snapshotOf = (f: Flavor): FlavorSnapshot => ({
  id: f.id,
  name: f.name,
  vcpus: f.vcpus,
  ram: f.ram,
  disk: f.disk,
  ephemeral: f.ephemeral,
  swap: f.swap,
  extraSpecs: { ...f.extraSpecs },
});

export const liveServers = (ctx: SimContext) => computeOf(ctx).servers.filter((s) => !s.deleted);

/** Owner sees own servers; admin sees all. Deleted ones are gone (404), as in Nova. */
export const findServer = (ctx: SimContext, caller: SimCaller, id: string): Server => {
  const server = liveServers(ctx).find(
    (s) => s.id === id && (caller.isAdmin || s.projectId === caller.projectId),
  );
  if (!server) throw novaError('itemNotFound', `Instance ${id} could not be found.`);
  return server;
};

const bootsFromVolume = (s: Server) => s.imageRef === '';

/** Resources each live server takes, including the source side of an unconfirmed resize. */
const usageByHost = (ctx: SimContext) => {
  const usage = new Map<string, { vcpus: number; ram: number; disk: number }>();
  const add = (host: string | null, f: FlavorSnapshot, bfv: boolean) => {
    if (!host) return;
    const u = usage.get(host) ?? { vcpus: 0, ram: 0, disk: 0 };
    u.vcpus += f.vcpus;
    u.ram += f.ram;
    u.disk += (bfv ? 0 : f.disk) + f.ephemeral + Math.ceil(f.swap / 1024);
    usage.set(host, u);
  };
  for (const s of liveServers(ctx)) {
    if (s.vmState === 'error' && !s.host) continue;
    add(s.host, s.flavor, bootsFromVolume(s));
    if (s.oldFlavor && s.previousHost) add(s.previousHost, s.oldFlavor, bootsFromVolume(s));
  }
  return usage;
};

export const hostStates = (ctx: SimContext): HostState[] => {
  const compute = computeOf(ctx);
  const usage = usageByHost(ctx);
  return compute.hypervisors.map((h) => {
    const u = usage.get(h.hostname) ?? { vcpus: 0, ram: 0, disk: 0 };
    const aggregates = compute.aggregates.filter((a) => a.hosts.includes(h.hostname));
    return {
      name: h.hostname,
      availabilityZone:
        aggregates.find((a) => a.availabilityZone)?.availabilityZone ?? h.availabilityZone,
      enabled: h.status === 'enabled',
      up: h.state === 'up',
      vcpus: h.vcpus,
      vcpusUsed: u.vcpus,
      memoryMb: h.memoryMb,
      memoryMbUsed: u.ram,
      localGb: h.localGb,
      localGbUsed: u.disk,
      aggregateMetadata: aggregates.map((a) => a.metadata),
    };
  });
};

export const hostUsage = (ctx: SimContext, host: string) =>
  usageByHost(ctx).get(host) ?? { vcpus: 0, ram: 0, disk: 0 };

export const specFor = (flavor: FlavorSnapshot, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  flavor: {
    name: flavor.name,
    vcpus: flavor.vcpus,
    memoryMb: flavor.ram,
    rootGb: flavor.disk,
    ephemeralGb: flavor.ephemeral,
    swapMb: flavor.swap,
    extraSpecs: flavor.extraSpecs,
  },
  ...extra,
});

/** Nova's hostId: sha224(project_id + host), so a project can tell co-located servers apart. */
export const hostIdOf = (s: Server) =>
  s.host
    ? createHash('sha224')
        .update(s.projectId + s.host)
        .digest('hex')
    : '';

/** Payload of compute.instance.* notifications (the legacy unversioned shape Ceilometer reads). */
export const notifyInstance = (
  ctx: SimContext,
  s: Server,
  event: string,
  extra: Record<string, unknown> = {},
) =>
  ctx.notify({
    event_type: `compute.instance.${event}`,
    publisher_id: `compute.${s.host ?? 'nova-api'}`,
    payload: {
      instance_id: s.id,
      display_name: s.name,
      tenant_id: s.projectId,
      user_id: s.userId,
      instance_type: s.flavor.name,
      instance_type_id: s.flavor.id,
      vcpus: s.flavor.vcpus,
      memory_mb: s.flavor.ram,
      root_gb: s.flavor.disk,
      disk_gb: s.flavor.disk + s.flavor.ephemeral,
      ephemeral_gb: s.flavor.ephemeral,
      state: s.vmState,
      state_description: s.taskState ?? '',
      availability_zone: s.availabilityZone,
      host: s.host,
      image_ref_url: s.imageRef,
      created_at: s.createdAt,
      launched_at: s.launchedAt ?? '',
      terminated_at: s.terminatedAt ?? '',
      metadata: s.metadata,
      ...extra,
    },
  });

export const recordAction = (
  ctx: SimContext,
  caller: SimCaller,
  s: Server,
  action: string,
  requestId: string,
  result: 'Success' | 'Error' | null = null,
) => {
  const now = ctx.now().toISOString();
  computeOf(ctx).actions.push({
    serverId: s.id,
    action,
    requestId,
    userId: caller.userId,
    projectId: caller.projectId,
    startTime: now,
    updatedAt: now,
    message: null,
    events: [
      {
        event: `compute_${action.replace(/([A-Z])/g, '_$1').toLowerCase()}`,
        startTime: now,
        finishTime: result ? now : null,
        result,
      },
    ],
  });
};

/** Marks the latest action's events finished (called when a transition completes). */
export const finishAction = (
  ctx: SimContext,
  s: Server,
  result: 'Success' | 'Error',
  message?: string,
) => {
  const action = [...computeOf(ctx).actions].reverse().find((a) => a.serverId === s.id);
  if (!action) return;
  const now = ctx.now().toISOString();
  action.updatedAt = now;
  if (message) action.message = message;
  for (const e of action.events) {
    if (e.finishTime) continue;
    e.finishTime = now;
    e.result = result;
  }
};

export const setState = (
  ctx: SimContext,
  s: Server,
  status: string,
  vmState: string,
  taskState: string | null,
  powerState = s.powerState,
) => {
  s.status = status;
  s.vmState = vmState;
  s.taskState = taskState;
  s.powerState = powerState;
  s.updatedAt = ctx.now().toISOString();
  ctx.store.changed();
};

export const POWER = {
  NOSTATE: 0,
  RUNNING: 1,
  PAUSED: 3,
  SHUTDOWN: 4,
  CRASHED: 6,
  SUSPENDED: 7,
} as const;

export const newServerId = () => randomUUID();
