import { neutronError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { allocateIp, isAssignable, parseCidr, parseIp } from './ip-allocator';
import {
  networkSlice,
  newMac,
  owned,
  type FixedIp,
  type Network,
  type Port,
  type Subnet,
} from './network-state';
import { checkQuota } from './neutron-http';
import { ensureDefaultSecurityGroup } from './security-group-service';

/** Every address taken on a subnet: ports (including router and floating-IP ports). */
export const addressesInUse = (ctx: SimContext, subnetId: string): string[] =>
  Object.values(networkSlice(ctx).ports).flatMap((p) =>
    p.fixed_ips.filter((f) => f.subnet_id === subnetId).map((f) => f.ip_address),
  );

export const ipExhausted = (networkId: string) =>
  neutronError(
    409,
    'IpAddressGenerationFailure',
    `No more IP addresses available on network ${networkId}.`,
  );

/** Takes the next free address of the subnet, or refuses with IpAddressGenerationFailure. */
export const allocateOnSubnet = (ctx: SimContext, subnet: Subnet): FixedIp => {
  const cidr = parseCidr(subnet.cidr);
  const address = cidr && allocateIp(cidr, subnet.allocation_pools, addressesInUse(ctx, subnet.id));
  if (!address) throw ipExhausted(subnet.network_id);
  return { subnet_id: subnet.id, ip_address: address };
};

export type FixedIpRequest = { subnet_id?: string; ip_address?: string };

/** Resolves the requested fixed IPs (or one address per IPv4/IPv6 subnet when none are asked). */
export const resolveFixedIps = (
  ctx: SimContext,
  network: Network,
  requested: FixedIpRequest[] | undefined,
): FixedIp[] => {
  const slice = networkSlice(ctx);
  const subnets = Object.values(slice.subnets).filter((s) => s.network_id === network.id);
  if (requested === undefined) {
    const firstV4 = subnets.find((s) => s.ip_version === 4);
    const firstV6 = subnets.find((s) => s.ip_version === 6);
    return [firstV4, firstV6]
      .filter((s): s is Subnet => Boolean(s))
      .map((s) => allocateOnSubnet(ctx, s));
  }
  const result: FixedIp[] = [];
  for (const wanted of requested) {
    let subnet = wanted.subnet_id ? slice.subnets[wanted.subnet_id] : undefined;
    if (wanted.subnet_id && (!subnet || subnet.network_id !== network.id)) {
      throw neutronError(
        400,
        'InvalidInput',
        `Invalid input for operation: Failed to create port on network ${network.id}, because fixed_ips included invalid subnet ${wanted.subnet_id}.`,
      );
    }
    if (wanted.ip_address) {
      const ip = parseIp(wanted.ip_address);
      subnet ??= subnets.find((s) => {
        const cidr = parseCidr(s.cidr);
        return cidr && ip && isAssignable(cidr, wanted.ip_address ?? '');
      });
      const cidr = subnet && parseCidr(subnet.cidr);
      if (!subnet || !cidr || !isAssignable(cidr, wanted.ip_address)) {
        throw neutronError(
          400,
          'InvalidIpForNetwork',
          `IP address ${wanted.ip_address} is not a valid IP for any of the subnets on the specified network.`,
        );
      }
      const taken =
        addressesInUse(ctx, subnet.id).includes(wanted.ip_address) ||
        result.some((r) => r.ip_address === wanted.ip_address);
      if (taken) {
        throw neutronError(
          409,
          'IpAddressAlreadyAllocated',
          `IP address ${wanted.ip_address} already allocated in subnet ${subnet.id}`,
        );
      }
      result.push({ subnet_id: subnet.id, ip_address: wanted.ip_address });
    } else if (subnet) {
      const fixed = allocateOnSubnet(ctx, subnet);
      // Two requests on one subnet must not receive the same address before either is stored.
      if (result.some((r) => r.ip_address === fixed.ip_address)) throw ipExhausted(network.id);
      result.push(fixed);
    }
  }
  return result;
};

export type CreatePortInput = {
  projectId: string;
  network: Network;
  name?: string;
  description?: string;
  fixedIps?: FixedIpRequest[];
  deviceId?: string;
  deviceOwner?: string;
  securityGroups?: string[];
  macAddress?: string;
  adminStateUp?: boolean;
  portSecurityEnabled?: boolean;
  /** Router and floating-IP ports do not count against the project's port quota. */
  internal?: boolean;
};

export const createPort = (ctx: SimContext, input: CreatePortInput): Port => {
  const slice = networkSlice(ctx);
  if (!input.internal) {
    const used = Object.values(slice.ports).filter((p) => p.project_id === input.projectId).length;
    checkQuota(ctx, input.projectId, 'port', used);
  }
  const fixedIps = resolveFixedIps(ctx, input.network, input.fixedIps);
  const isCompute = (input.deviceOwner ?? '').startsWith('compute:') || !input.deviceOwner;
  const portSecurity = input.portSecurityEnabled ?? input.network.port_security_enabled;
  const groups =
    input.securityGroups ??
    (isCompute && portSecurity && input.projectId
      ? [ensureDefaultSecurityGroup(ctx, input.projectId).id]
      : []);
  const port: Port = {
    ...owned(ctx, input.projectId, input.name ?? '', input.description ?? ''),
    network_id: input.network.id,
    mac_address: input.macAddress ?? newMac(),
    fixed_ips: fixedIps,
    device_id: input.deviceId ?? '',
    device_owner: input.deviceOwner ?? '',
    admin_state_up: input.adminStateUp ?? true,
    status: input.deviceId ? 'ACTIVE' : 'DOWN',
    security_groups: groups,
    port_security_enabled: portSecurity,
    'binding:host_id': '',
    'binding:vnic_type': 'normal',
  };
  slice.ports[port.id] = port;
  ctx.store.changed();
  ctx.notify({
    event_type: 'port.create.end',
    publisher_id: 'network.sim',
    payload: { port: renderPort(port) },
  });
  return port;
};

/** Neutron's port; the binding:* fields are admin-only (shown when no caller: notifications). */
export const renderPort = (port: Port, caller?: SimCaller) => {
  const { 'binding:host_id': hostId, 'binding:vnic_type': vnic, ...rest } = port;
  const view: Record<string, unknown> = {
    ...rest,
    allowed_address_pairs: [],
    extra_dhcp_opts: [],
    'binding:vnic_type': vnic,
  };
  if (caller === undefined || caller.isAdmin)
    Object.assign(view, {
      'binding:host_id': hostId,
      'binding:vif_type': port.device_id ? 'ovs' : 'unbound',
      'binding:vif_details': {},
      'binding:profile': {},
    });
  return view;
};

export const deletePort = (ctx: SimContext, portId: string) => {
  const slice = networkSlice(ctx);
  for (const fip of Object.values(slice.floatingIps)) {
    if (fip.port_id === portId) {
      fip.port_id = null;
      fip.fixed_ip_address = null;
      fip.router_id = null;
      fip.status = 'DOWN';
    }
    fip.port_forwardings = fip.port_forwardings.filter((pf) => pf.internal_port_id !== portId);
  }
  delete slice.ports[portId];
  ctx.store.changed();
};
