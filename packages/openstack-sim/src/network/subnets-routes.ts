import { neutronError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import {
  cidrContains,
  cidrLast,
  cidrsOverlap,
  defaultGateway,
  defaultPools,
  formatCidr,
  parseCidr,
  parseIp,
  validatePools,
  type AllocationPool,
  type Cidr,
} from './ip-allocator';
import { networkSlice, owned, touch, type Subnet } from './network-state';
import { findNetwork } from './networks-routes';
import {
  V2,
  badRequest,
  bodyOf,
  bool,
  checkQuota,
  notFound,
  ownerOf,
  str,
  text,
  type Scope,
  registerReadRoutes,
  countOwned,
} from './neutron-http';

/** The first subnet of the same network whose CIDR overlaps `cidr`, if any. */
export const overlappingSubnet = (subnets: Subnet[], networkId: string, cidr: string) => {
  const wanted = parseCidr(cidr);
  if (!wanted) return undefined;
  return subnets.find((s) => {
    const other = parseCidr(s.cidr);
    return s.network_id === networkId && other !== null && cidrsOverlap(wanted, other);
  });
};

export const subnetVisible = (ctx: SimContext, caller: SimCaller, subnet: Subnet) => {
  if (caller.isAdmin || subnet.project_id === caller.projectId) return true;
  // Other projects see a shared network's subnets; an external network's only when shared too.
  const network = networkSlice(ctx).networks[subnet.network_id];
  return Boolean(network?.shared);
};

export const findSubnet = (ctx: SimContext, caller: SimCaller, id: string): Subnet => {
  const subnet = networkSlice(ctx).subnets[id];
  if (!subnet || !subnetVisible(ctx, caller, subnet)) {
    throw notFound('SubnetNotFound', `Subnet ${id} could not be found.`);
  }
  return subnet;
};

const renderSubnet = (subnet: Subnet) => ({
  ...subnet,
  subnetpool_id: null,
  service_types: [],
});

const parsePools = (value: unknown): AllocationPool[] | undefined => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw badRequest(`Invalid input for allocation_pools. Reason: '${text(value)}' is not a list.`);
  return value.map((pool: unknown) => {
    const p = pool as Record<string, unknown>;
    if (typeof p.start !== 'string' || typeof p.end !== 'string') {
      throw badRequest(
        `Invalid input for allocation_pools. Reason: Invalid data format for IP pool: '${JSON.stringify(pool)}'.`,
      );
    }
    return { start: p.start, end: p.end };
  });
};

/**
 * Neutron's gateway rules: any address of the subnet's IP version, also outside the CIDR (Zed
 * accepts it), but never an IPv4 subnet's network or broadcast address.
 */
const checkGateway = (cidr: Cidr, value: unknown): string => {
  const gatewayIp = str(value, 'gateway_ip') ?? '';
  const ip = parseIp(gatewayIp);
  if (!ip) {
    throw badRequest(
      `Invalid input for gateway_ip. Reason: '${gatewayIp}' is not a valid IP address.`,
    );
  }
  if (ip.version !== cidr.version) {
    throw neutronError(
      400,
      'InvalidInput',
      `Invalid input for operation: gateway_ip '${gatewayIp}' does not match the ip_version '${cidr.version}'.`,
    );
  }
  const edge = ip.value === cidr.network || ip.value === cidrLast(cidr);
  if (cidr.version === 4 && cidrContains(cidr, ip.value) && edge) {
    throw neutronError(
      400,
      'InvalidInput',
      'Invalid input for operation: Gateway is not valid on subnet.',
    );
  }
  return gatewayIp;
};

export const registerSubnetRoutes = (app: Scope, ctx: SimContext) => {
  registerReadRoutes(app, ctx, {
    path: 'subnets',
    collection: 'subnets',
    member: 'subnet',
    rows: () => Object.values(networkSlice(ctx).subnets),
    visible: (caller, s) => subnetVisible(ctx, caller, s),
    find: (caller, id) => findSubnet(ctx, caller, id),
    render: renderSubnet,
  });

  app.post(`${V2}/subnets`, (request, reply) => {
    const caller = ctx.caller(request);
    const body = bodyOf(request, 'subnet');
    const projectId = ownerOf(caller, body);
    const networkId = str(body.network_id, 'network_id');
    if (!networkId)
      throw badRequest("Failed to parse request. Required attribute 'network_id' not specified");
    const network = findNetwork(ctx, caller, networkId);
    if (network.project_id !== projectId && !caller.isAdmin) {
      throw neutronError(
        403,
        'HTTPForbidden',
        'Tenant is not allowed to create subnets on this network',
      );
    }
    const cidrText = str(body.cidr, 'cidr');
    if (!cidrText)
      throw badRequest(
        'Bad subnets request: a subnetpool must be specified in the absence of a cidr.',
      );
    const cidr = parseCidr(cidrText);
    if (!cidr) {
      throw badRequest(
        `Invalid input for cidr. Reason: '${cidrText}' isn't a recognized IP subnet cidr.`,
      );
    }
    const ipVersion = Number(body.ip_version ?? 4);
    if (ipVersion !== 4 && ipVersion !== 6)
      throw badRequest(
        `Invalid input for ip_version. Reason: '${String(body.ip_version)}' is not in [4, 6].`,
      );
    if (ipVersion !== cidr.version) {
      throw neutronError(
        400,
        'InvalidInput',
        'Invalid input for operation: Cidr and IP version are not consistent.',
      );
    }
    const slice = networkSlice(ctx);
    const overlap = overlappingSubnet(Object.values(slice.subnets), network.id, cidrText);
    if (overlap) {
      throw neutronError(
        400,
        'InvalidInput',
        `Invalid input for operation: Requested subnet with cidr: ${formatCidr(cidr)} for network: ${network.id} overlaps with another subnet.`,
      );
    }
    checkQuota(ctx, projectId, 'subnet', countOwned(slice.subnets, projectId));
    let gatewayIp: string | null = defaultGateway(cidr);
    if (body.gateway_ip === null) gatewayIp = null;
    else if (body.gateway_ip !== undefined) gatewayIp = checkGateway(cidr, body.gateway_ip);
    const pools = parsePools(body.allocation_pools) ?? defaultPools(cidr, gatewayIp);
    const poolError = validatePools(cidr, pools, null);
    if (poolError)
      throw neutronError(400, 'InvalidInput', `Invalid input for operation: ${poolError}`);
    const gateway = gatewayIp === null ? null : parseIp(gatewayIp);
    const taken = pools.find((p) => {
      const start = parseIp(p.start)?.value;
      const end = parseIp(p.end)?.value;
      return gateway && start !== undefined && end !== undefined
        ? gateway.value >= start && gateway.value <= end
        : false;
    });
    if (taken) {
      throw neutronError(
        409,
        'GatewayConflictWithAllocationPools',
        `Gateway ip ${gatewayIp ?? ''} conflicts with allocation pool ${taken.start}-${taken.end}.`,
      );
    }
    const dns = body.dns_nameservers ?? [];
    if (!Array.isArray(dns) || dns.some((d) => typeof d !== 'string' || !parseIp(d))) {
      throw badRequest(
        `Invalid input for dns_nameservers. Reason: '${JSON.stringify(dns)}' is not a valid nameserver.`,
      );
    }
    const subnet: Subnet = {
      ...owned(
        ctx,
        projectId,
        str(body.name, 'name') ?? '',
        str(body.description, 'description') ?? '',
      ),
      network_id: network.id,
      ip_version: cidr.version,
      cidr: formatCidr(cidr),
      gateway_ip: gatewayIp,
      enable_dhcp: bool(body.enable_dhcp, 'enable_dhcp') ?? true,
      dns_nameservers: dns as string[],
      allocation_pools: pools,
      host_routes: Array.isArray(body.host_routes)
        ? (body.host_routes as Subnet['host_routes'])
        : [],
      ipv6_address_mode: str(body.ipv6_address_mode, 'ipv6_address_mode') ?? null,
      ipv6_ra_mode: str(body.ipv6_ra_mode, 'ipv6_ra_mode') ?? null,
    };
    slice.subnets[subnet.id] = subnet;
    touch(ctx, network);
    ctx.store.changed();
    return reply.code(201).send({ subnet: renderSubnet(subnet) });
  });

  app.put<{ Params: { id: string } }>(`${V2}/subnets/:id`, (request) => {
    const caller = ctx.caller(request);
    const subnet = findSubnet(ctx, caller, request.params.id);
    if (subnet.project_id !== caller.projectId && !caller.isAdmin) {
      throw neutronError(403, 'PolicyNotAuthorized', 'rule:update_subnet is disallowed by policy');
    }
    const body = bodyOf(request, 'subnet');
    subnet.name = str(body.name, 'name') ?? subnet.name;
    subnet.description = str(body.description, 'description') ?? subnet.description;
    subnet.enable_dhcp = bool(body.enable_dhcp, 'enable_dhcp') ?? subnet.enable_dhcp;
    if (Array.isArray(body.dns_nameservers))
      subnet.dns_nameservers = body.dns_nameservers as string[];
    if (body.gateway_ip === null) subnet.gateway_ip = null;
    const cidr = parseCidr(subnet.cidr);
    if (typeof body.gateway_ip === 'string' && cidr !== null) {
      const gateway = checkGateway(cidr, body.gateway_ip);
      const ip = parseIp(gateway)?.value ?? -1n;
      const inPool = subnet.allocation_pools.some(
        (p) => ip >= (parseIp(p.start)?.value ?? 0n) && ip <= (parseIp(p.end)?.value ?? -1n),
      );
      if (inPool)
        throw neutronError(
          409,
          'GatewayConflictWithAllocationPools',
          `Gateway ip ${gateway} conflicts with allocation pool ${subnet.allocation_pools.map((p) => `${p.start}-${p.end}`).join(', ')}.`,
        );
      subnet.gateway_ip = gateway;
    }
    if (Array.isArray(body.host_routes))
      subnet.host_routes = body.host_routes as Subnet['host_routes'];
    touch(ctx, subnet);
    ctx.store.changed();
    return { subnet: renderSubnet(subnet) };
  });

  app.delete<{ Params: { id: string } }>(`${V2}/subnets/:id`, (request, reply) => {
    const caller = ctx.caller(request);
    const subnet = findSubnet(ctx, caller, request.params.id);
    if (subnet.project_id !== caller.projectId && !caller.isAdmin) {
      throw neutronError(403, 'PolicyNotAuthorized', 'rule:delete_subnet is disallowed by policy');
    }
    const slice = networkSlice(ctx);
    if (
      Object.values(slice.ports).some((p) => p.fixed_ips.some((f) => f.subnet_id === subnet.id))
    ) {
      throw neutronError(
        409,
        'SubnetInUse',
        `Unable to complete operation on subnet ${subnet.id}: One or more ports have an IP allocation from this subnet.`,
      );
    }
    delete slice.subnets[subnet.id];
    ctx.store.changed();
    return reply.code(204).send();
  });
};
