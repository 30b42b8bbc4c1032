import type { CreateSubnetInput, NetworkIssue } from '@yunguan/contract';
import { subnetIssues } from '@yunguan/contract';

/** What the subnet form holds: DNS servers and pools as text, one per line. */
export type SubnetFormValues = {
  name: string;
  cidr: string;
  ipVersion: 4 | 6;
  gatewayMode: 'auto' | 'custom' | 'none';
  gatewayIp?: string;
  enableDhcp: boolean;
  dns?: string;
  pools?: string;
};

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[\n;]+/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Pools written "start,end" (or "start end"). */
const pools = (text: string | undefined) =>
  lines(text).map((line) => {
    const [start = '', end = ''] = line.split(/[\s,]+/);
    return { start, end };
  });

/** The API body of a subnet of `networkId`. */
export const subnetBody = (
  networkId: string,
  v: SubnetFormValues,
): Omit<CreateSubnetInput, 'hostRoutes'> => ({
  networkId,
  name: v.name,
  cidr: v.cidr,
  ipVersion: v.ipVersion,
  ...(v.gatewayMode === 'none'
    ? { gatewayIp: null }
    : v.gatewayMode === 'custom' && v.gatewayIp
      ? { gatewayIp: v.gatewayIp }
      : {}),
  enableDhcp: v.enableDhcp,
  dnsNameservers: lines(v.dns),
  allocationPools: pools(v.pools),
});

/** The contract's own checks on what is typed so far (hints; the server has the last word). */
export const subnetHints = (v: Partial<SubnetFormValues>): NetworkIssue[] => {
  if (!v.cidr) return [];
  const body = subnetBody('', {
    name: '',
    ipVersion: 4,
    gatewayMode: 'auto',
    enableDhcp: true,
    ...v,
    cidr: v.cidr,
  });
  return subnetIssues({
    cidr: body.cidr,
    ipVersion: body.ipVersion,
    gatewayIp: body.gatewayIp,
    dnsNameservers: body.dnsNameservers,
    allocationPools: body.allocationPools,
  });
};
