/**
 * Pure IP arithmetic for Neutron subnets: CIDR parsing, overlap checks, allocation pools and a
 * fixed-IP allocator that never hands out an address twice (the caller passes every address in
 * use on the subnet, so the rule holds across ports, router interfaces and floating IPs).
 */
export type IpVersion = 4 | 6;
export type Cidr = { version: IpVersion; network: bigint; prefix: number; bits: number };
export type AllocationPool = { start: string; end: string };

const parseV4 = (text: string): bigint | null => {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
};

const parseV6 = (text: string): bigint | null => {
  if (!/^[0-9a-fA-F:]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tail];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
};

export const parseIp = (text: string): { version: IpVersion; value: bigint } | null => {
  if (text.includes(':')) {
    const value = parseV6(text);
    return value === null ? null : { version: 6, value };
  }
  const value = parseV4(text);
  return value === null ? null : { version: 4, value };
};

export const formatIp = (version: IpVersion, value: bigint): string => {
  if (version === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  }
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => (value >> s) & 0xffffn);
  // Compress the longest run of zero groups (RFC 5952).
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0n) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0n) j += 1;
    if (j - i > bestLength && j - i > 1) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLength).join(':');
  return `${left}::${right}`;
};

/** Parses "10.0.0.0/24"; host bits must be zero, as Neutron requires. */
export const parseCidr = (text: string): Cidr | null => {
  const [address, prefixText, extra] = text.split('/');
  if (!address || prefixText === undefined || extra !== undefined || !/^\d+$/.test(prefixText)) {
    return null;
  }
  const ip = parseIp(address);
  if (!ip) return null;
  const bits = ip.version === 4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefix > bits) return null;
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  if ((ip.value & hostMask) !== 0n) return null;
  return { version: ip.version, network: ip.value, prefix, bits };
};

export const cidrSize = (cidr: Cidr): bigint => 1n << BigInt(cidr.bits - cidr.prefix);
export const cidrLast = (cidr: Cidr): bigint => cidr.network + cidrSize(cidr) - 1n;
export const formatCidr = (cidr: Cidr): string =>
  `${formatIp(cidr.version, cidr.network)}/${cidr.prefix}`;

export const cidrContains = (cidr: Cidr, value: bigint): boolean =>
  value >= cidr.network && value <= cidrLast(cidr);

export const cidrsOverlap = (a: Cidr, b: Cidr): boolean =>
  a.version === b.version && a.network <= cidrLast(b) && b.network <= cidrLast(a);

/** First usable address: the network address is never a host (IPv6: the subnet-router anycast). */
const firstHost = (cidr: Cidr): bigint =>
  cidr.prefix >= cidr.bits - 1 ? cidr.network : cidr.network + 1n;
/** Last usable address: IPv4 excludes broadcast; IPv6 has no broadcast. */
const lastHost = (cidr: Cidr): bigint => {
  if (cidr.prefix >= cidr.bits - 1) return cidrLast(cidr);
  return cidr.version === 4 ? cidrLast(cidr) - 1n : cidrLast(cidr);
};

export const defaultGateway = (cidr: Cidr): string => formatIp(cidr.version, firstHost(cidr));

/** Neutron's default pools: every host address except the gateway. */
export const defaultPools = (cidr: Cidr, gatewayIp: string | null): AllocationPool[] => {
  const first = firstHost(cidr);
  const last = lastHost(cidr);
  const gateway = gatewayIp ? parseIp(gatewayIp)?.value : undefined;
  const ranges: [bigint, bigint][] = [];
  if (gateway === undefined || gateway < first || gateway > last) ranges.push([first, last]);
  else {
    if (gateway > first) ranges.push([first, gateway - 1n]);
    if (gateway < last) ranges.push([gateway + 1n, last]);
  }
  return ranges.map(([start, end]) => ({
    start: formatIp(cidr.version, start),
    end: formatIp(cidr.version, end),
  }));
};

/** Why a set of pools is invalid for the subnet, or null when they are fine. */
export const validatePools = (
  cidr: Cidr,
  pools: AllocationPool[],
  gatewayIp: string | null,
): string | null => {
  const ranges: [bigint, bigint][] = [];
  for (const pool of pools) {
    const start = parseIp(pool.start);
    const end = parseIp(pool.end);
    if (!start || !end || start.version !== cidr.version || end.version !== cidr.version) {
      return `Invalid allocation pool ${pool.start}-${pool.end}.`;
    }
    if (
      start.value > end.value ||
      !cidrContains(cidr, start.value) ||
      !cidrContains(cidr, end.value)
    ) {
      return `The allocation pool ${pool.start}-${pool.end} spans beyond the subnet cidr ${formatCidr(cidr)}.`;
    }
    for (const [s, e] of ranges) {
      if (start.value <= e && s <= end.value) {
        return `Found overlapping allocation pools: ${pool.start}-${pool.end} and ${formatIp(cidr.version, s)}-${formatIp(cidr.version, e)} for subnet ${formatCidr(cidr)}.`;
      }
    }
    ranges.push([start.value, end.value]);
  }
  const gateway = gatewayIp ? parseIp(gatewayIp)?.value : undefined;
  if (gateway !== undefined && ranges.some(([s, e]) => gateway >= s && gateway <= e)) {
    return `Gateway ip ${gatewayIp} conflicts with allocation pool ${pools.map((p) => `${p.start}-${p.end}`).join(', ')}`;
  }
  return null;
};

/**
 * The lowest free address in the pools, or null when they are exhausted. `used` holds every
 * address already taken on the subnet (ports, router interfaces, gateway ports, floating IPs).
 */
export const allocateIp = (
  cidr: Cidr,
  pools: AllocationPool[],
  used: Iterable<string>,
): string | null => {
  const taken = new Set<bigint>();
  for (const address of used) {
    const ip = parseIp(address);
    if (ip && ip.version === cidr.version) taken.add(ip.value);
  }
  for (const pool of pools) {
    const start = parseIp(pool.start)?.value;
    const end = parseIp(pool.end)?.value;
    if (start === undefined || end === undefined) continue;
    for (let candidate = start; candidate <= end; candidate += 1n) {
      if (!taken.has(candidate)) return formatIp(cidr.version, candidate);
    }
  }
  return null;
};

/** Whether an explicitly requested address may be used (inside the subnet, not network/broadcast). */
export const isAssignable = (cidr: Cidr, address: string): boolean => {
  const ip = parseIp(address);
  if (!ip || ip.version !== cidr.version) return false;
  return ip.value >= firstHost(cidr) && ip.value <= lastHost(cidr);
};
