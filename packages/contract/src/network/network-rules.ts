import type { z } from 'zod';
import {
  bitsOf,
  cidrContains,
  isReservedAddress,
  parseIp,
  readCidr,
  type Cidr,
  type Ip,
  type IpVersion,
} from './ip-cidr';
import { networkMessagesEn } from './network-messages';

/**
 * Field rules of subnets, provider networks and security-group rules, as pure functions: the
 * contract's zod schemas run them, the web runs them in forms, the portal re-runs the subnet
 * ones on PATCH against the stored CIDR. Each issue carries a message reason and params
 * (network-messages.ts), so it can be shown in either language.
 */
export type NetworkIssue = {
  path: (string | number)[];
  reason: string;
  params: Record<string, string | number>;
};

const issue = (
  path: NetworkIssue['path'],
  reason: string,
  params: NetworkIssue['params'] = {},
): NetworkIssue => ({ path, reason, params });

export type SubnetFields = {
  cidr?: string;
  ipVersion?: IpVersion;
  gatewayIp?: string | null;
  dnsNameservers?: string[];
  allocationPools?: { start: string; end: string }[];
  hostRoutes?: { destination: string; nexthop: string }[];
};

/** Check an address of the subnet's version; returns it or pushes an issue. */
const ipOf = (
  out: NetworkIssue[],
  path: NetworkIssue['path'],
  text: string,
  version: IpVersion | undefined,
): Ip | null => {
  const ip = parseIp(text);
  if (!ip) {
    out.push(issue(path, 'ip_invalid', { value: text }));
    return null;
  }
  if (version && ip.version !== version) {
    out.push(issue(path, 'ip_version_mismatch', { value: text, version }));
    return null;
  }
  return ip;
};

/** The CIDR of a subnet, or the issue that says why it is not one. */
export const cidrIssues = (
  text: string,
  version: IpVersion | undefined,
  path: NetworkIssue['path'] = ['cidr'],
): { cidr: Cidr | null; issues: NetworkIssue[] } => {
  const read = readCidr(text);
  if (read.problem === 'host_bits_set')
    return {
      cidr: null,
      issues: [issue(path, 'cidr_host_bits', { value: text, suggestion: read.suggestion ?? '' })],
    };
  if (!read.cidr) return { cidr: null, issues: [issue(path, 'cidr_invalid', { value: text })] };
  if (version && read.cidr.version !== version)
    return {
      cidr: null,
      issues: [issue(path, 'cidr_version_mismatch', { value: text, version })],
    };
  const max = read.cidr.version === 4 ? 30 : 126;
  if (read.cidr.prefix > max)
    return { cidr: null, issues: [issue(path, 'cidr_too_small', { value: text, max })] };
  return { cidr: read.cidr, issues: [] };
};

/**
 * Everything about a subnet's addresses that can be judged without the cloud: a valid CIDR of
 * the IP version; the gateway inside it and not its network/broadcast address; pools inside,
 * ordered, disjoint and clear of the gateway; DNS servers and host routes well formed.
 * `storedCidr` is the subnet's CIDR on a PATCH (which does not send it).
 */
export const subnetIssues = (input: SubnetFields, storedCidr?: string): NetworkIssue[] => {
  const out: NetworkIssue[] = [];
  let cidr: Cidr | null = null;
  if (input.cidr !== undefined) {
    const read = cidrIssues(input.cidr, input.ipVersion);
    out.push(...read.issues);
    cidr = read.cidr;
  } else if (storedCidr) {
    cidr = readCidr(storedCidr).cidr;
  }
  const version = cidr?.version ?? input.ipVersion;
  let gateway: Ip | null = null;
  if (typeof input.gatewayIp === 'string') {
    gateway = ipOf(out, ['gatewayIp'], input.gatewayIp, version);
    if (gateway && cidr) {
      if (!cidrContains(cidr, gateway)) {
        out.push(
          issue(['gatewayIp'], 'gateway_outside_cidr', {
            gateway: input.gatewayIp,
            cidr: cidr.text,
          }),
        );
        gateway = null;
      } else if (isReservedAddress(cidr, gateway)) {
        out.push(
          issue(['gatewayIp'], 'gateway_reserved', { gateway: input.gatewayIp, cidr: cidr.text }),
        );
      }
    }
  }
  const pools: { start: bigint; end: bigint; text: string; index: number }[] = [];
  for (const [index, pool] of (input.allocationPools ?? []).entries()) {
    const path = ['allocationPools', index];
    const start = ipOf(out, [...path, 'start'], pool.start, version);
    const end = ipOf(out, [...path, 'end'], pool.end, version);
    if (!start || !end) continue;
    const params = { start: pool.start, end: pool.end };
    if (end.value < start.value) {
      out.push(issue(path, 'pool_reversed', params));
      continue;
    }
    if (cidr) {
      if (!cidrContains(cidr, start) || !cidrContains(cidr, end)) {
        out.push(issue(path, 'pool_outside_cidr', { ...params, cidr: cidr.text }));
        continue;
      }
      const reserved = [cidr.first, ...(cidr.version === 4 ? [cidr.last] : [])];
      if (
        (cidr.version === 6 || cidr.prefix < 31) &&
        reserved.some((r) => r >= start.value && r <= end.value)
      )
        out.push(issue(path, 'pool_contains_reserved', { ...params, cidr: cidr.text }));
    }
    if (gateway && gateway.value >= start.value && gateway.value <= end.value)
      out.push(issue(path, 'pool_contains_gateway', { ...params, gateway: input.gatewayIp ?? '' }));
    pools.push({ start: start.value, end: end.value, text: `${pool.start}–${pool.end}`, index });
  }
  const sorted = [...pools].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (let i = 1; i < sorted.length; i += 1) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (b.start <= a.end)
      out.push(
        issue(['allocationPools', Math.max(a.index, b.index)], 'pools_overlap', {
          first: a.text,
          second: b.text,
        }),
      );
  }
  const seen = new Set<string>();
  for (const [index, dns] of (input.dnsNameservers ?? []).entries()) {
    const ip = ipOf(out, ['dnsNameservers', index], dns, undefined);
    if (!ip) continue;
    const key = `${ip.version}/${ip.value}`;
    if (seen.has(key)) out.push(issue(['dnsNameservers', index], 'dns_duplicate', { value: dns }));
    seen.add(key);
  }
  for (const [index, route] of (input.hostRoutes ?? []).entries()) {
    const dest = readCidr(route.destination).cidr;
    const hop = parseIp(route.nexthop);
    if (!dest || !hop || (version && (dest.version !== version || hop.version !== version)))
      out.push(issue(['hostRoutes', index], 'host_route_invalid', route));
  }
  return out;
};

export const providerSegmentationRange = { vlan: [1, 4094], vxlan: [1, 16_777_215] } as const;

/** flat: a physical network, no segment; vlan: both (1–4094); vxlan: a VNI only. */
export const providerIssues = (provider: {
  type: 'flat' | 'vlan' | 'vxlan';
  physicalNetwork?: string | undefined;
  segmentationId?: number | undefined;
}): NetworkIssue[] => {
  const out: NetworkIssue[] = [];
  const { type } = provider;
  const base = ['provider'];
  if (type !== 'vxlan' && !provider.physicalNetwork)
    out.push(issue([...base, 'physicalNetwork'], 'provider_physical_network_required', { type }));
  if (type === 'vxlan' && provider.physicalNetwork)
    out.push(issue([...base, 'physicalNetwork'], 'provider_physical_network_unused', { type }));
  if (type === 'flat' && provider.segmentationId !== undefined)
    out.push(issue([...base, 'segmentationId'], 'provider_segmentation_unused', { type }));
  if (type !== 'flat' && provider.segmentationId !== undefined) {
    const [min, max] = providerSegmentationRange[type];
    if (provider.segmentationId < min || provider.segmentationId > max)
      out.push(
        issue([...base, 'segmentationId'], 'provider_segmentation_range', { type, min, max }),
      );
  }
  return out;
};

export type RuleFields = {
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | number;
  portRangeMin?: number | undefined;
  portRangeMax?: number | undefined;
  remoteIpPrefix?: string | undefined;
  remoteGroupId?: string | undefined;
};

/** Ports only for port protocols; ICMP type/code 0–255; min ≤ max; one remote of the right family. */
export const ruleIssues = (rule: RuleFields): NetworkIssue[] => {
  const out: NetworkIssue[] = [];
  const protocol = String(rule.protocol);
  const hasPorts = rule.portRangeMin !== undefined || rule.portRangeMax !== undefined;
  const portProtocols = ['tcp', 'udp', '6', '17', '132', 'sctp'];
  const icmp = ['icmp', '1', 'ipv6-icmp', '58'].includes(protocol);
  if (hasPorts && !portProtocols.includes(protocol) && !icmp)
    out.push(issue(['portRangeMin'], 'rule_ports_not_allowed', { protocol }));
  if (
    icmp &&
    hasPorts &&
    [rule.portRangeMin, rule.portRangeMax].some((v) => v !== undefined && v > 255)
  )
    out.push(issue(['portRangeMin'], 'rule_icmp_range'));
  if (
    !icmp &&
    rule.portRangeMin !== undefined &&
    rule.portRangeMax !== undefined &&
    rule.portRangeMax < rule.portRangeMin
  )
    out.push(
      issue(['portRangeMax'], 'rule_port_range_reversed', {
        min: rule.portRangeMin,
        max: rule.portRangeMax,
      }),
    );
  if (rule.remoteIpPrefix !== undefined && rule.remoteGroupId !== undefined)
    out.push(issue(['remoteGroupId'], 'rule_remote_both'));
  if (rule.remoteIpPrefix !== undefined) {
    // Neutron accepts a prefix with host bits (it warns); the family must match.
    const [addr, prefix] = rule.remoteIpPrefix.split('/');
    const ip = parseIp(addr ?? '');
    const version = rule.ethertype === 'IPv4' ? 4 : 6;
    const okPrefix =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bitsOf(version));
    if (!ip || ip.version !== version || !okPrefix)
      out.push(
        issue(['remoteIpPrefix'], 'rule_remote_version', {
          value: rule.remoteIpPrefix,
          ethertype: rule.ethertype,
        }),
      );
  }
  return out;
};

/** English words of an issue (the API re-renders it in the caller's language). */
export const issueText = (i: NetworkIssue): string =>
  networkMessagesEn[i.reason]?.(i.params) ?? i.reason;

/** Report issues into a zod refinement; `params.reason` lets the API localise the message. */
export const reportIssues = (ctx: z.RefinementCtx, issues: NetworkIssue[]): void => {
  for (const i of issues)
    ctx.addIssue({
      code: 'custom',
      path: i.path,
      message: issueText(i),
      params: { reason: i.reason, ...i.params },
    });
};
