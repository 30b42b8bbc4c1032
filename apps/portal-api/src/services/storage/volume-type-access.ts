import type { Capability, CloudProvider } from '@yunguan/cloud-core';
import { assertHas, platformTarget, precondition } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import type { ServiceContext } from '../context';

export type AdminCloud = {
  provider: CloudProvider;
  datacenter: { id: string; name: string };
  options: { requestId: string };
};

/** Platform storage administration (volume types, pools): compute.admin and the capability. */
export const storageAdminAccess = async (
  ctx: ServiceContext,
  datacenterId: string,
  capability: Capability,
  action: string,
): Promise<AdminCloud> => {
  assertHas(ctx.principal, 'compute.admin', platformTarget);
  const { provider, datacenter } = await providerForDatacenter(ctx, datacenterId);
  if (!provider.capabilities.has(capability))
    throw precondition('datacenter_unsupported_action', { datacenter: datacenter.name, action });
  return { provider, datacenter, options: { requestId: ctx.requestId } };
};
