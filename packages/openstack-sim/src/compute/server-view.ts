import type { FastifyRequest } from 'fastify';
import { originOf } from '../core/link-base';
import type { SimCaller, SimContext } from '../core/sim-context';
import { addressesOf } from './network-adapter';
import type { Server } from './compute-state';
import { atLeast } from './nova-http';
import { hostIdOf } from './server-service';

export const serverLinks = (request: FastifyRequest, id: string) => {
  const base = originOf(request, '');
  return [
    { rel: 'self', href: `${base}/compute/v2.1/servers/${id}` },
    { rel: 'bookmark', href: `${base}/compute/servers/${id}` },
  ];
};

export const serverSummary = (request: FastifyRequest, s: Server) => ({
  id: s.id,
  name: s.name,
  links: serverLinks(request, s.id),
});

/** GET /servers/{id} and /servers/detail, shaped by microversion and by admin rights. */
export const serverDetail = (
  ctx: SimContext,
  request: FastifyRequest,
  caller: SimCaller,
  s: Server,
  /** update and rebuild answer a reduced view below 2.75 (2.75 made them equal to show). */
  mode: 'show' | 'list' | 'update' | 'rebuild' = 'show',
) => {
  const base = originOf(request, '');
  const flavor = atLeast(request, 47)
    ? {
        vcpus: s.flavor.vcpus,
        ram: s.flavor.ram,
        disk: s.flavor.disk,
        ephemeral: s.flavor.ephemeral,
        swap: s.flavor.swap,
        original_name: s.flavor.name,
        extra_specs: s.flavor.extraSpecs,
      }
    : {
        id: s.flavor.id,
        links: [{ rel: 'bookmark', href: `${base}/compute/flavors/${s.flavor.id}` }],
      };
  const view: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    status: s.status,
    tenant_id: s.projectId,
    user_id: s.userId,
    metadata: s.metadata,
    hostId: hostIdOf(s),
    image: s.imageRef
      ? {
          id: s.imageRef,
          links: [{ rel: 'bookmark', href: `${base}/compute/images/${s.imageRef}` }],
        }
      : '',
    flavor,
    created: s.createdAt.replace(/\.\d{3}Z$/, 'Z'),
    updated: s.updatedAt.replace(/\.\d{3}Z$/, 'Z'),
    addresses: addressesOf(ctx, s.id),
    accessIPv4: s.accessIPv4 ?? '',
    accessIPv6: s.accessIPv6 ?? '',
    links: serverLinks(request, s.id),
    'OS-DCF:diskConfig': 'MANUAL',
    progress: s.status === 'BUILD' ? 0 : s.status === 'ACTIVE' ? 100 : 0,
    'OS-EXT-AZ:availability_zone': s.availabilityZone,
    config_drive: '',
    key_name: s.keyName,
    'OS-SRV-USG:launched_at': s.launchedAt?.replace('Z', '') ?? null,
    'OS-SRV-USG:terminated_at': s.terminatedAt?.replace('Z', '') ?? null,
    'OS-EXT-STS:task_state': s.taskState,
    'OS-EXT-STS:vm_state': s.vmState,
    'OS-EXT-STS:power_state': s.powerState,
    'os-extended-volumes:volumes_attached': s.volumes.map((v) => ({
      id: v.id,
      ...(atLeast(request, 3) ? { delete_on_termination: v.deleteOnTermination } : {}),
    })),
    security_groups: s.addresses.length ? [{ name: 'default' }] : [],
  };
  if (s.status === 'ERROR' && s.fault)
    view.fault = {
      code: s.fault.code,
      created: s.fault.created.replace(/\.\d{3}Z$/, 'Z'),
      message: s.fault.message,
      ...(caller.isAdmin ? { details: s.fault.details } : {}),
    };
  if (caller.isAdmin) {
    view['OS-EXT-SRV-ATTR:host'] = s.host;
    view['OS-EXT-SRV-ATTR:hypervisor_hostname'] = s.host;
    view['OS-EXT-SRV-ATTR:instance_name'] = `instance-${s.id.slice(0, 8)}`;
    if (atLeast(request, 3)) {
      view['OS-EXT-SRV-ATTR:reservation_id'] = s.reservationId;
      view['OS-EXT-SRV-ATTR:launch_index'] = s.launchIndex;
      view['OS-EXT-SRV-ATTR:hostname'] = s.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
      view['OS-EXT-SRV-ATTR:kernel_id'] = '';
      view['OS-EXT-SRV-ATTR:ramdisk_id'] = '';
      view['OS-EXT-SRV-ATTR:root_device_name'] = '/dev/vda';
      view['OS-EXT-SRV-ATTR:user_data'] = s.userData;
    }
    if (atLeast(request, 16)) view.host_status = s.host ? 'UP' : '';
  }
  if (atLeast(request, 9)) view.locked = s.locked;
  if (atLeast(request, 19)) view.description = s.description;
  if (atLeast(request, 26)) view.tags = [];
  if (atLeast(request, 63)) view.trusted_image_certificates = null;
  // 2.71: server_groups in show, update and rebuild — not in the detailed list.
  if (atLeast(request, 71) && mode !== 'list')
    view.server_groups = s.groupId === null ? [] : [s.groupId];
  if (atLeast(request, 73)) view.locked_reason = s.lockedReason;
  if (atLeast(request, 90))
    view['OS-EXT-SRV-ATTR:hostname'] = s.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  if (mode === 'rebuild' && atLeast(request, 57)) view.user_data = s.userData;
  if ((mode === 'update' || mode === 'rebuild') && !atLeast(request, 75)) return reduced(view);
  return view;
};

/** Nova's update/rebuild view below 2.75: none of the extension attributes. */
const reduced = (view: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(view)) {
    if (/^OS-EXT-|^OS-SRV-USG:|^os-extended-volumes:/.test(k)) continue;
    if (['config_drive', 'key_name', 'security_groups', 'host_status'].includes(k)) continue;
    out[k] = v;
  }
  const addresses = view.addresses as Record<string, Record<string, unknown>[]>;
  out.addresses = Object.fromEntries(
    Object.entries(addresses).map(([net, list]) => [
      net,
      list.map((a) => ({ version: a.version, addr: a.addr })),
    ]),
  );
  return out;
};
