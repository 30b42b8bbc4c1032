/**
 * IPv4/IPv6 address and CIDR arithmetic for subnet validation (pure; the web's forms, the
 * contract's zod rules and the portal's overlap pre-check all use it). Addresses are bigints.
 */
export type IpVersion = 4 | 6;
export type Ip = { version: IpVersion; value: bigint };
export type Cidr = {
  version: IpVersion;
  prefix: number;
  /** The network address (host bits zero). */
  first: bigint;
  /** The last address (IPv4 broadcast). */
  last: bigint;
  /** As written, normalised: `10.0.0.0/24`. */
  text: string;
};

const parseIpv4 = (text: string): bigint | null => {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
};

const parseIpv6 = (text: string): bigint | null => {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.length > 45) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (piece.includes('.')) {
        // An embedded IPv4 tail (::ffff:10.0.0.1) is two groups, only at the end.
        if (i !== pieces.length - 1) return null;
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
};

export const bitsOf = (version: IpVersion): number => (version === 4 ? 32 : 128);

export const parseIp = (text: string): Ip | null => {
  const t = text.trim();
  const v4 = t.includes(':') ? null : parseIpv4(t);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = t.includes(':') ? parseIpv6(t) : null;
  return v6 === null ? null : { version: 6, value: v6 };
};

export const formatIp = (ip: Ip): string => {
  if (ip.version === 4)
    return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) =>
    Number((ip.value >> BigInt((7 - i) * 16)) & 0xffffn),
  );
  // The longest run of zero groups (length ≥ 2) becomes '::' (RFC 5952).
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
};

export type CidrProblem = 'not_cidr' | 'host_bits_set';

/** A CIDR, or why not: `not_cidr` (unreadable) or `host_bits_set` (10.0.0.1/24). */
export const readCidr = (
  text: string,
): { cidr: Cidr; problem: null } | { cidr: null; problem: CidrProblem; suggestion?: string } => {
  const [addr, prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0 || prefixText === undefined || !/^\d{1,3}$/.test(prefixText))
    return { cidr: null, problem: 'not_cidr' };
  const ip = parseIp(addr ?? '');
  const prefix = Number(prefixText);
  if (!ip || prefix > bitsOf(ip.version)) return { cidr: null, problem: 'not_cidr' };
  const hostBits = BigInt(bitsOf(ip.version) - prefix);
  const hostMask = (1n << hostBits) - 1n;
  const first = ip.value & ~hostMask;
  const normalised = `${formatIp({ version: ip.version, value: first })}/${prefix}`;
  if ((ip.value & hostMask) !== 0n)
    return { cidr: null, problem: 'host_bits_set', suggestion: normalised };
  return {
    cidr: { version: ip.version, prefix, first, last: first | hostMask, text: normalised },
    problem: null,
  };
};

export const parseCidr = (text: string): Cidr | null => readCidr(text).cidr;

export const cidrsOverlap = (a: Cidr, b: Cidr): boolean =>
  a.version === b.version && a.first <= b.last && b.first <= a.last;

export const cidrContains = (cidr: Cidr, ip: Ip): boolean =>
  cidr.version === ip.version && ip.value >= cidr.first && ip.value <= cidr.last;

/** The network address, and for IPv4 prefixes below /31 the broadcast address, too. */
export const isReservedAddress = (cidr: Cidr, ip: Ip): boolean => {
  if (cidr.version === 6) return ip.value === cidr.first && cidr.prefix < 127;
  if (cidr.prefix >= 31) return false;
  return ip.value === cidr.first || ip.value === cidr.last;
};

/** The first usable address (Neutron's default gateway). */
export const firstHost = (cidr: Cidr): Ip => ({
  version: cidr.version,
  value: cidr.version === 4 && cidr.prefix >= 31 ? cidr.first : cidr.first + 1n,
});
