import { isIPv4, isIPv6 } from 'node:net';
import { novaError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { networkSlice } from '../network/network-state';
import type { Body } from './nova-http';

const invalid = (field: string, value: unknown, why: string) =>
  novaError(
    'badRequest',
    `Invalid input for field/attribute ${field}. Value: ${String(value)}. ${why}`,
  );

/** Nova's server name: 1–255 characters, no leading or trailing whitespace. */
export const checkServerName = (name: string) => {
  if (name.length < 1 || name.length > 255)
    throw invalid('name', name, `'${name.slice(0, 20)}' is too long or empty`);
  if (/^\s|\s$/.test(name))
    throw invalid('name', name, `'${name}' does not match '^(?! )[\\S ]+(?<! )$'`);
};

/**
 * What Nova's JSON schema and API refuse before scheduling (POST /servers): a bad name, access
 * addresses that are not IPs, security groups that do not exist in the caller's project.
 */
export const checkServerInput = (ctx: SimContext, caller: SimCaller, input: Body) => {
  if (typeof input.name === 'string') checkServerName(input.name);
  const v4 = input.accessIPv4;
  if (v4 !== undefined && (typeof v4 !== 'string' || !isIPv4(v4)))
    throw invalid('accessIPv4', v4, `${JSON.stringify(v4)} is not a 'ipv4'`);
  const v6 = input.accessIPv6;
  if (v6 !== undefined && (typeof v6 !== 'string' || !isIPv6(v6)))
    throw invalid('accessIPv6', v6, `${JSON.stringify(v6)} is not a 'ipv6'`);
  const groups = input.security_groups;
  if (groups === undefined) return;
  if (!Array.isArray(groups)) throw invalid('security_groups', groups, 'is not an array');
  const known = Object.values(networkSlice(ctx).securityGroups).filter(
    (g) => g.project_id === caller.projectId,
  );
  for (const g of groups as { name?: unknown }[]) {
    const name = typeof g?.name === 'string' ? g.name : '';
    if (name === 'default' || known.some((k) => k.name === name || k.id === name)) continue;
    throw novaError('badRequest', `Unable to find security_group with name or id '${name}'`);
  }
};
