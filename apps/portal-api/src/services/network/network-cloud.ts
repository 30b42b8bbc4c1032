import type { Capability, CloudProvider, Scope } from '@yunguan/cloud-core';
import { precondition } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { scopeForProject } from '../../cloud/scope-for-project';
import { cachedCatalog } from '../catalog/catalog-cache';
import type { ServiceContext } from '../context';

/** A project's cloud in one datacenter, for checks a request makes before queueing a task. */
export type ProjectCloud = {
  provider: CloudProvider;
  datacenter: { id: string; name: string };
  scope: Scope;
  options: { requestId: string };
  /** Run a cloud call; cloud refusals become clear domain errors (never a 500). */
  call: <T>(fn: () => Promise<T>) => Promise<T>;
  /**
   * What the datacenter's cloud offers now (discovery, e.g. no port forwarding without the
   * Neutron extension), asked once per request and shared with the datacenter list's cache.
   */
  offered: () => Promise<readonly string[]>;
};

export const cloudForProject = async (
  ctx: ServiceContext,
  projectId: string,
  datacenterId: string,
): Promise<ProjectCloud> => {
  const { provider, datacenter } = await providerForDatacenter(ctx, datacenterId);
  const scope = await withCloudErrors(datacenter.name, () =>
    scopeForProject(ctx, provider, datacenter.id, projectId),
  );
  let offered: Promise<readonly string[]> | null = null;
  return {
    provider,
    datacenter,
    scope,
    options: { requestId: ctx.requestId },
    call: (fn) => withCloudErrors(datacenter.name, fn),
    offered: () =>
      (offered ??= withCloudErrors(datacenter.name, () =>
        cachedCatalog(ctx.config, { datacenterId: datacenter.id, list: 'capabilities' }, async () =>
          [...(await provider.discoverCapabilities({ requestId: ctx.requestId }))].sort(),
        ),
      )),
  };
};

/**
 * A datacenter without the capability refuses the action up front (409, before any task or
 * audit row): the provider must know it and the cloud's discovery must offer it now.
 */
export const assertCapability = async (
  cloud: Pick<ProjectCloud, 'provider' | 'datacenter' | 'offered'>,
  capability: Capability,
  action: string,
): Promise<void> => {
  if (!cloud.provider.capabilities.has(capability) || !(await cloud.offered()).includes(capability))
    throw precondition('datacenter_unsupported_action', {
      datacenter: cloud.datacenter.name,
      action,
    });
};
