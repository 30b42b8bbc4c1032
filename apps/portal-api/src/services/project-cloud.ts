import type { CallOptions, Capability, CloudProvider, Scope } from '@yunguan/cloud-core';
import { precondition } from '@yunguan/domain';
import { withCloudErrors } from '../cloud/domain-error-of-cloud';
import { providerForDatacenter } from '../cloud/provider-for-datacenter';
import { scopeForProject } from '../cloud/scope-for-project';
import { cachedCatalog } from './catalog/catalog-cache';
import type { ServiceContext } from './context';

/**
 * The cloud of one project in one datacenter, as a request sees it before it queues a task
 * (storage, network, load balancers and firewalls alike).
 */
export type ProjectCloud = {
  provider: CloudProvider;
  datacenter: { id: string; name: string };
  scope: Scope;
  options: CallOptions;
  /** Run a cloud call; refusals and an unreachable datacenter become domain errors (never 5xx). */
  call: <T>(
    fn: (provider: CloudProvider, scope: Scope, options: CallOptions) => Promise<T>,
  ) => Promise<T>;
  /**
   * What the datacenter's cloud offers now (discovery: no port forwarding without the Neutron
   * extension, no backups without an up cinder-backup), asked at most once per request and
   * shared with the datacenter list's capability cache.
   */
  offered: () => Promise<readonly string[]>;
};

/** A datacenter's cloud before any project is bound (capability checks come first). */
export type DatacenterCloud = Omit<ProjectCloud, 'scope' | 'call'>;

export const datacenterCloud = async (
  ctx: ServiceContext,
  datacenterId: string,
): Promise<DatacenterCloud> => {
  const { provider, datacenter } = await providerForDatacenter(ctx, datacenterId);
  const options = { requestId: ctx.requestId };
  let offered: Promise<readonly string[]> | null = null;
  return {
    provider,
    datacenter,
    options,
    offered: () =>
      (offered ??= withCloudErrors(datacenter.name, () =>
        cachedCatalog(ctx.config, { datacenterId: datacenter.id, list: 'capabilities' }, async () =>
          [...(await provider.discoverCapabilities(options))].sort(),
        ),
      )),
  };
};

/** Bind the project in that cloud (the tenant is bound on first use). */
export const bindProject = async (
  ctx: ServiceContext,
  cloud: DatacenterCloud,
  projectId: string,
): Promise<ProjectCloud> => {
  const { provider, datacenter, options } = cloud;
  const scope = await withCloudErrors(datacenter.name, () =>
    scopeForProject(ctx, provider, datacenter.id, projectId),
  );
  return {
    ...cloud,
    scope,
    call: (fn) => withCloudErrors(datacenter.name, () => fn(provider, scope, options)),
  };
};

/** Resolve the provider and the project's cloud scope. */
export const projectCloud = async (
  ctx: ServiceContext,
  projectId: string,
  datacenterId: string,
): Promise<ProjectCloud> => bindProject(ctx, await datacenterCloud(ctx, datacenterId), projectId);

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
