import type { CallOptions, CloudProvider } from '@yunguan/cloud-core';
import { capabilityOfLbfwKind, datacenterHasLbfw, type LbfwKind } from '@yunguan/contract';
import { precondition, type DomainError } from '@yunguan/domain';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { cachedCatalog } from '../catalog/catalog-cache';
import type { ServiceContext } from '../context';

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

/**
 * What the datacenter's cloud offers (the provider's capabilities narrowed by discovery, cached
 * like GET /api/v1/catalog/datacenters shows them); a cloud that cannot be asked is an error.
 */
export const discoveredCapabilities = (
  ctx: ServiceContext,
  provider: CloudProvider,
  datacenter: { id: string; name: string },
): Promise<string[]> =>
  withCloudErrors(datacenter.name, () =>
    cachedCatalog(ctx.config, { datacenterId: datacenter.id, list: 'capabilities' }, async () => {
      const options: CallOptions = { requestId: ctx.requestId };
      return [...(await provider.discoverCapabilities(options))].sort();
    }),
  );

/** Refuse (409 PRECONDITION_FAILED) when the datacenter lacks the kind's service. */
export const assertLbfwCapability = async (
  ctx: ServiceContext,
  provider: CloudProvider,
  datacenter: { id: string; name: string },
  kind: LbfwKind,
): Promise<void> => {
  const refusal =
    lbfwRefusal([...provider.capabilities], kind, datacenter.name) ??
    lbfwRefusal(await discoveredCapabilities(ctx, provider, datacenter), kind, datacenter.name);
  if (refusal) throw refusal;
};
