import type { SubnetDto } from '@yunguan/cloud-core';
import { cidrsOverlap, parseCidr } from '@yunguan/contract';
import { conflict } from '@yunguan/domain';

/**
 * Refuse a CIDR that overlaps one of `others` (409 naming both CIDRs and the other subnet),
 * the check Neutron makes per network — done before any task so nothing is half-created.
 */
export const assertNoOverlap = (
  cidrText: string,
  others: readonly SubnetDto[],
  network: string,
  reason: 'subnet_overlaps' | 'quick_start_cidr_taken' = 'subnet_overlaps',
): void => {
  const cidr = parseCidr(cidrText);
  if (!cidr) return; // the contract already refused an unreadable CIDR
  for (const other of others) {
    const theirs = parseCidr(other.cidr);
    if (theirs && cidrsOverlap(cidr, theirs))
      throw conflict(reason, {
        cidr: cidr.text,
        otherCidr: other.cidr,
        otherSubnet: other.name || other.externalId,
        network,
      });
  }
};
