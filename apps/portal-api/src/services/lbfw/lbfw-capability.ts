import { capabilityOfLbfwKind, datacenterHasLbfw, type LbfwKind } from '@yunguan/contract';
import { precondition, type DomainError } from '@yunguan/domain';
import type { DatacenterCloud } from '../project-cloud';

/**
 * Why a datacenter with these capabilities cannot hold `kind`, or null. Pure: the real Zed peer
 * has neither FWaaS nor Octavia, so its creates are refused before any task exists.
 */
export const lbfwRefusal = (
  capabilities: readonly string[],
  kind: LbfwKind,
  datacenter: string,
): DomainError | null => {
  if (datacenterHasLbfw(capabilities, kind)) return null;
  return precondition(
    capabilityOfLbfwKind[kind] === 'firewall'
      ? 'firewall_unsupported'
      : 'load_balancer_unsupported',
    { datacenter },
  );
};

/** Refuse (409 PRECONDITION_FAILED) when the datacenter lacks the kind's service. */
export const assertLbfwCapability = async (
  cloud: DatacenterCloud,
  kind: LbfwKind,
): Promise<void> => {
  const name = cloud.datacenter.name;
  const refusal =
    lbfwRefusal([...cloud.provider.capabilities], kind, name) ??
    lbfwRefusal(await cloud.offered(), kind, name);
  if (refusal) throw refusal;
};
