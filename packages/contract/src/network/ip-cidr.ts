import ipaddr from 'ipaddr.js';

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

const toBigint = (bytes: number[]): bigint => bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);

const toBytes = (value: bigint, length: number): number[] =>
  Array.from({ length }, (_, i) => Number((value >> BigInt((length - 1 - i) * 8)) & 0xffn));

export const bitsOf = (version: IpVersion): number => (version === 4 ? 32 : 128);

/** Dotted-quad IPv4 (no octal or short forms) or IPv6 without a zone; parsed by ipaddr.js. */
export const parseIp = (text: string): Ip | null => {
  const t = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(t))
    return { version: 4, value: toBigint(ipaddr.IPv4.parse(t).toByteArray()) };
  if (t.includes(':') && !t.includes('%') && ipaddr.IPv6.isValid(t))
    return { version: 6, value: toBigint(ipaddr.IPv6.parse(t).toByteArray()) };
  return null;
};

/** The canonical text: dotted quad, or RFC 5952 for IPv6. */
export const formatIp = (ip: Ip): string =>
  ip.version === 4
    ? ipaddr.fromByteArray(toBytes(ip.value, 4)).toString()
    : (ipaddr.fromByteArray(toBytes(ip.value, 16)) as ipaddr.IPv6).toRFC5952String();

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
