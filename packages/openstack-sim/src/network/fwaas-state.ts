import type { SimContext } from '../core/sim-context';
import type { owned } from './network-state';
import { networkSlice } from './network-state';
import { V2, notFound, visible } from './neutron-http';
import { withIdTables } from '../core/id-table';

/** FWaaS v2 records, kept in the network slice under `fwaas` (created on first use). */
export type FwRule = ReturnType<typeof owned> & {
  protocol: string | null;
  action: 'allow' | 'deny' | 'reject';
  ip_version: 4 | 6;
  source_ip_address: string | null;
  destination_ip_address: string | null;
  source_port: string | null;
  destination_port: string | null;
  enabled: boolean;
  shared: boolean;
};
export type FwPolicy = ReturnType<typeof owned> & {
  firewall_rules: string[];
  audited: boolean;
  shared: boolean;
};
export type FwGroup = ReturnType<typeof owned> & {
  ingress_firewall_policy_id: string | null;
  egress_firewall_policy_id: string | null;
  ports: string[];
  admin_state_up: boolean;
  status: string;
  shared: boolean;
};
export type Fwaas = {
  rules: Record<string, FwRule>;
  policies: Record<string, FwPolicy>;
  groups: Record<string, FwGroup>;
};

export const fwaasOf = (ctx: SimContext): Fwaas => {
  const slice = networkSlice(ctx) as ReturnType<typeof networkSlice> & { fwaas?: Fwaas };
  slice.fwaas ??= { rules: {}, policies: {}, groups: {} };
  return withIdTables(slice.fwaas, ['rules', 'policies', 'groups']);
};

export const F = `${V2}/fwaas`;
export type IdParams = { Params: { id: string } };

/** A visible (or shared) FWaaS record, else Neutron's <Type>NotFound. */
export const findFw = <T extends { project_id: string; shared: boolean }>(
  table: Record<string, T>,
  id: string,
  type: string,
  caller: ReturnType<SimContext['caller']>,
): T => {
  const row = table[id];
  if (!row || !(visible(caller, row) || row.shared))
    throw notFound(`${type}NotFound`, `${type} ${id} could not be found.`);
  return row;
};

/** A policy referenced by a group (any project's, as the admin context sees it). */
export const policyIn = (ctx: SimContext, policyId: string | null) =>
  policyId
    ? findFw(fwaasOf(ctx).policies, policyId, 'FirewallPolicy', {
        userId: '',
        projectId: '',
        domainId: '',
        roles: [],
        isAdmin: true,
      })
    : null;
