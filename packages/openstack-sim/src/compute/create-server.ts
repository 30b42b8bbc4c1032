import { checkServerInput } from './server-input';
import { randomBytes, randomUUID } from 'node:crypto';
import { novaError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { scheduleMany, type RequestSpec } from '../scheduler';
import { computeOf, type Server, type ServerVolume } from './compute-state';
import { findFlavor } from './flavors-routes';
import { checkBootImage } from './image-adapter';
import {
  allocateServerPort,
  releaseServerPorts,
  usableNetworks,
  type ServerNetworkRequest,
} from './network-adapter';
import { int, objectIn, str, type Body } from './nova-http';
import { checkServerQuota } from './quota-service';
import {
  finishAction,
  hostStates,
  liveServers,
  notifyInstance,
  POWER,
  recordAction,
  setState,
  snapshotOf,
  specFor,
} from './server-service';
import { attachVolumeToServer, checkBootVolume, createCinderVolume } from './volume-adapter';

type Hints = { group?: string; different_host?: string[]; same_host?: string[] };

const listOf = (v: unknown): string[] =>
  v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => String(x));

const parseNetworks = (
  ctx: SimContext,
  caller: SimCaller,
  raw: unknown,
): ServerNetworkRequest[] => {
  if (raw === 'none') return [];
  if (raw === undefined || raw === 'auto') {
    const nets = usableNetworks(ctx, caller.projectId);
    const own = nets.filter((n) => n.project_id === caller.projectId);
    const pick = own.length ? own : nets;
    if (pick.length > 1)
      throw novaError(
        'conflictingRequest',
        'Multiple possible networks found, use a Network ID to be more specific.',
      );
    return pick.map((n) => ({ networkId: n.id }));
  }
  if (!Array.isArray(raw))
    throw novaError(
      'badRequest',
      'Invalid input for field/attribute networks. Value: ' + JSON.stringify(raw),
    );
  return raw.map((entry: Body) => {
    const portId = str(entry.port, 'port', false);
    const networkId = str(entry.uuid, 'uuid', false);
    if (!portId && !networkId)
      throw novaError('badRequest', 'Bad networks format: network uuid is not in proper format');
    if (
      networkId &&
      !portId &&
      !usableNetworks(ctx, caller.projectId).some((n) => n.id === networkId)
    )
      throw novaError('badRequest', `Network ${networkId} could not be found.`);
    return { networkId, portId, fixedIp: str(entry.fixed_ip, 'fixed_ip', false) };
  });
};

type Mapping = ServerVolume & {
  source: string;
  destination: string;
  size: number;
  imageId?: string;
};

const parseVolumes = (
  raw: unknown,
): { mappings: Mapping[]; bootFromVolume: boolean; image?: string } => {
  if (raw === undefined) return { mappings: [], bootFromVolume: false };
  if (!Array.isArray(raw))
    throw novaError('badRequest', 'Invalid input for field/attribute block_device_mapping_v2.');
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let bootFromVolume = false;
  let image: string | undefined;
  const mappings = (raw as Body[]).map((bdm, i): Mapping => {
    const boot = bdm.boot_index === 0 || bdm.boot_index === '0';
    const source = str(bdm.source_type, 'source_type', false) ?? 'volume';
    const destination = str(bdm.destination_type, 'destination_type', false) ?? 'volume';
    if (boot && destination === 'volume') bootFromVolume = true;
    if (boot && source === 'image') image = str(bdm.uuid, 'uuid', false);
    return {
      id: source === 'volume' ? (str(bdm.uuid, 'uuid') ?? '') : '',
      device: str(bdm.device_name, 'device_name', false) ?? `/dev/vd${letters[i] ?? 'z'}`,
      deleteOnTermination: bdm.delete_on_termination === true,
      inCinder: destination === 'volume',
      source,
      destination,
      size: bdm.volume_size === undefined ? 1 : int(bdm.volume_size, 'volume_size', 1),
      imageId: source === 'image' ? str(bdm.uuid, 'uuid', false) : undefined,
    };
  });
  return { mappings, bootFromVolume, image };
};

/** POST /servers: validate, check quota, schedule every instance, answer BUILD. */
export const createServers = (
  ctx: SimContext,
  caller: SimCaller,
  body: Body,
  requestId: string,
  /** The request asked for a microversion below 2.19 (no description field). */
  legacy = false,
): Server[] => {
  const input = objectIn(body, 'server');
  const compute = computeOf(ctx);
  checkServerInput(ctx, caller, input);
  const name = str(input.name, 'name') ?? '';
  const flavorRef = (str(input.flavorRef, 'flavorRef') ?? '').split('/').pop() ?? '';
  const flavor = (() => {
    try {
      return findFlavor(ctx, caller, flavorRef);
    } catch {
      throw novaError('badRequest', `Flavor ${flavorRef} could not be found.`);
    }
  })();
  const { mappings, bootFromVolume, image } = parseVolumes(input.block_device_mapping_v2);
  for (const m of mappings)
    if (m.source === 'volume' && m.inCinder) checkBootVolume(ctx, m.id, caller.projectId);
  const imageRef = (str(input.imageRef, 'imageRef', !bootFromVolume) ?? '').split('/').pop() ?? '';
  if (imageRef) checkBootImage(ctx, imageRef, flavor);
  const keyName = str(input.key_name, 'key_name', false) ?? null;
  if (keyName && !compute.keypairs.some((k) => k.name === keyName && k.userId === caller.userId))
    throw novaError('badRequest', 'Invalid key_name provided.');
  const userData = str(input.user_data, 'user_data', false) ?? null;
  if (userData && !/^[A-Za-z0-9+/=\s]*$/.test(userData))
    throw novaError(
      'badRequest',
      'Invalid input for field/attribute user_data. Value is not base64 encoded.',
    );
  const metadata = (input.metadata ?? {}) as Record<string, string>;
  let requestedAz = str(input.availability_zone, 'availability_zone', false) ?? null;
  let forcedHost: string | undefined;
  if (requestedAz?.includes(':')) {
    if (!caller.isAdmin)
      throw novaError(
        'forbidden',
        "Policy doesn't allow os_compute_api:servers:create:forced_host to be performed.",
      );
    [requestedAz, forcedHost] = requestedAz.split(':') as [string, string];
    requestedAz = requestedAz || null;
  }
  const hostsNow = hostStates(ctx);
  if (requestedAz && !hostsNow.some((h) => h.availabilityZone === requestedAz))
    throw novaError('badRequest', 'The requested availability zone is not available');
  const minCount = input.min_count === undefined ? 1 : int(input.min_count, 'min_count', 1);
  const maxCount = input.max_count === undefined ? minCount : int(input.max_count, 'max_count', 1);
  if (maxCount < minCount) throw novaError('badRequest', 'min_count must be <= max_count');
  const networks = parseNetworks(ctx, caller, input.networks);
  if (maxCount > 1 && networks.some((n) => n.portId))
    throw novaError(
      'badRequest',
      'Unable to launch multiple instances with a single configured port ID. Please launch your instance one by one with different ports.',
    );
  const hints = (body['os:scheduler_hints'] ?? body['OS-SCH-HNT:scheduler_hints'] ?? {}) as Hints;
  const groupId = str(hints.group, 'group', false);
  const group = groupId ? compute.serverGroups.find((g) => g.id === groupId) : undefined;
  if (groupId && !group) throw novaError('badRequest', `Invalid server group ${groupId}`);
  const hostOf = (ids: string[]) =>
    ids.map((id) => {
      const s = liveServers(ctx).find((x) => x.id === id);
      if (!s) throw novaError('badRequest', `Instance ${id} could not be found.`);
      return s.host ?? '';
    });

  // quota: all of max_count, else fall back to min_count (Nova's behaviour)
  const want = (n: number) => ({ instances: n, cores: n * flavor.vcpus, ram: n * flavor.ram });
  let count = maxCount;
  try {
    checkServerQuota(ctx, caller.projectId, want(maxCount));
  } catch (error) {
    if (minCount === maxCount) throw error;
    checkServerQuota(ctx, caller.projectId, want(minCount));
    count = minCount;
  }
  if (group && group.members.length + count > (compute.quotaDefaults.server_group_members ?? 10))
    throw novaError('forbidden', 'Quota exceeded, too many servers in group');

  const snapshot = snapshotOf(flavor);
  const groupHosts = group
    ? group.members
        .map((id) => liveServers(ctx).find((s) => s.id === id)?.host ?? '')
        .filter(Boolean)
    : [];
  const spec: RequestSpec = specFor(snapshot, {
    availabilityZone: requestedAz ?? undefined,
    bootFromVolume,
    group: group
      ? {
          policy: group.policy,
          hosts: groupHosts,
          maxServerPerHost: group.rules.max_server_per_host,
        }
      : undefined,
    differentHost: hostOf(listOf(hints.different_host)),
    sameHost: hostOf(listOf(hints.same_host)),
  });
  const candidates = forcedHost ? hostsNow.filter((h) => h.name === forcedHost) : hostsNow;
  const placement = scheduleMany(candidates, spec, count);

  const now = ctx.now().toISOString();
  const reservationId = `r-${randomBytes(4).toString('hex')}`;
  const servers: Server[] = [];
  for (let i = 0; i < count; i++) {
    const host = placement.ok ? (placement.hosts[i] ?? null) : null;
    const server: Server = {
      id: randomUUID(),
      name: count > 1 ? `${name}-${i + 1}` : name,
      projectId: caller.projectId,
      userId: caller.userId,
      status: 'BUILD',
      vmState: 'building',
      taskState: 'scheduling',
      powerState: POWER.NOSTATE,
      flavor: snapshot,
      oldFlavor: null,
      imageRef: bootFromVolume ? '' : imageRef || (image ?? ''),
      host,
      previousHost: null,
      availabilityZone:
        requestedAz ?? hostsNow.find((h) => h.name === host)?.availabilityZone ?? 'nova',
      requestedAz,
      keyName,
      userData,
      metadata,
      addresses: [],
      userPortIds: networks.flatMap((n) => (n.portId ? [n.portId] : [])),
      volumes: [],
      groupId: group?.id ?? null,
      fault: null,
      locked: false,
      lockedReason: null,
      // Below 2.19 there is no description: Nova stores the name as the display description.
      description: str(input.description, 'description', false) ?? (legacy ? name : null),
      accessIPv4: str(input.accessIPv4, 'accessIPv4', false) ?? '',
      accessIPv6: str(input.accessIPv6, 'accessIPv6', false) ?? '',
      createdAt: now,
      updatedAt: now,
      launchedAt: null,
      terminatedAt: null,
      deleted: false,
      reservationId,
      launchIndex: i,
      adminPass: str(input.adminPass, 'adminPass', false) ?? randomBytes(9).toString('base64url'),
    };
    compute.servers.push(server);
    group?.members.push(server.id);
    recordAction(ctx, caller, server, 'create', requestId);
    notifyInstance(ctx, server, 'create.start');
    servers.push(server);
  }
  ctx.store.changed();

  const attach = (server: Server, v: ServerVolume) =>
    attachVolumeToServer(ctx, {
      volumeId: v.id,
      serverId: server.id,
      device: v.device,
      projectId: caller.projectId,
      host: server.host,
    });
  for (const server of servers) {
    const pending: ServerVolume[] = [];
    if (!placement.ok) {
      failBuild(ctx, server, `No valid host was found. ${placement.reason}`);
      continue;
    }
    try {
      for (const net of networks)
        server.addresses.push(
          ...allocateServerPort(ctx, {
            projectId: caller.projectId,
            serverId: server.id,
            host: server.host,
            availabilityZone: server.availabilityZone,
            ...net,
          }),
        );
      for (const m of mappings.filter((x) => x.inCinder)) {
        const volume: ServerVolume = {
          id: m.id,
          device: m.device,
          deleteOnTermination: m.deleteOnTermination,
          inCinder: true,
        };
        if (m.source === 'volume') attach(server, volume);
        else {
          // image / blank → volume: Cinder creates it; Nova attaches once it is available.
          volume.id = createCinderVolume(ctx, caller, {
            size: m.size,
            imageRef: m.imageId,
            name: `${server.name}-${m.device.split('/').pop() ?? 'vd'}`,
          });
          pending.push(volume);
        }
        server.volumes.push(volume);
      }
    } catch (error) {
      releaseServerPorts(ctx, server.id, server.userPortIds);
      server.addresses = [];
      failBuild(ctx, server, error instanceof Error ? error.message : String(error));
      continue;
    }
    setState(ctx, server, 'BUILD', 'building', 'spawning');
    const delay = pending.length
      ? Math.max(ctx.delays.buildMs, ctx.delays.volumeMs)
      : ctx.delays.buildMs;
    ctx.later(delay, () => {
      if (server.deleted || server.vmState !== 'building') return;
      try {
        for (const v of pending) attach(server, v);
      } catch (error) {
        failBuild(ctx, server, error instanceof Error ? error.message : String(error));
        return;
      }
      server.launchedAt = ctx.now().toISOString();
      setState(ctx, server, 'ACTIVE', 'active', null, POWER.RUNNING);
      finishAction(ctx, server, 'Success');
      notifyInstance(ctx, server, 'create.end');
    });
  }
  return servers;
};

const failBuild = (ctx: SimContext, server: Server, message: string) => {
  server.host = null;
  server.fault = { code: 500, message, details: '', created: ctx.now().toISOString() };
  ctx.later(0, () => {
    setState(ctx, server, 'ERROR', 'error', null, POWER.NOSTATE);
    finishAction(ctx, server, 'Error', message);
    ctx.notify({
      event_type: 'compute.instance.create.error',
      publisher_id: 'nova-conductor',
      priority: 'ERROR',
      payload: { instance_id: server.id, tenant_id: server.projectId, message, code: 500 },
    });
  });
};
