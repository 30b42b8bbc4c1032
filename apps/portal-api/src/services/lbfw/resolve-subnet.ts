import { BlockList, isIPv6 } from 'node:net';
import { isCloudError, type SubnetDto } from '@yunguan/cloud-core';
import { DomainError, notFound } from '@yunguan/domain';
import { domainErrorOfCloud } from '../../cloud/domain-error-of-cloud';
import { findResourceRowOfKind } from '../../repositories/project-resource-repository';
import { findResource } from '../../repositories/resource-repository';
import type { ServiceContext } from '../context';
import type { LbfwPlace } from './lbfw-place';
import { networkOf } from '../../cloud/sub-port';

/**
 * A subnet of the place's project, named by its mirror id or its cloud id, as the cloud sees it
 * now. Another project's subnet, a deleted one or an unknown id does not exist (404).
 */
export const resolveProjectSubnet = async (
  ctx: ServiceContext,
  place: LbfwPlace,
  ref: string,
  field: string,
): Promise<SubnetDto> => {
  const row =
    (await findResourceRowOfKind(ctx.db, ref, 'subnet')) ??
    (await findResource(ctx.db, place.datacenter.id, 'subnet', ref));
  if (
    row &&
    (row.deletedAt ||
      row.projectId !== place.project.id ||
      row.datacenterId !== place.datacenter.id)
  )
    throw notFound('subnet', ref);
  const externalId = row?.externalId ?? ref;
  try {
    return await networkOf(place.provider).getSubnet(place.scope, externalId, {
      requestId: ctx.requestId,
    });
  } catch (error) {
    if (isCloudError(error) && error.kind === 'not-found')
      throw notFound('subnet', `${field} ${ref}`);
    throw domainErrorOfCloud(error, place.datacenter.name);
  }
};

/** Whether an address lies inside a CIDR (either IP version). */
export const addressInCidr = (address: string, cidr: string): boolean => {
  const [network, prefix] = cidr.split('/');
  const type = isIPv6(address) ? 'ipv6' : 'ipv4';
  if (!network || prefix === undefined || isIPv6(network) !== (type === 'ipv6')) return false;
  const list = new BlockList();
  list.addSubnet(network, Number(prefix), type);
  return list.check(address, type);
};

/** A 400 naming the field when the address is outside the subnet. */
export const assertAddressInSubnet = (address: string, subnet: SubnetDto, field: string) => {
  if (!addressInCidr(address, subnet.cidr))
    throw new DomainError('VALIDATION', `${address} is outside ${subnet.cidr}`, {
      issues: [
        { path: field, message: `${address} is not in subnet ${subnet.name} (${subnet.cidr})` },
      ],
    });
};
