import type { Capability, CloudProvider, Scope } from '@yunguan/cloud-core';
import { precondition } from '@yunguan/domain';
import { providerForDatacenter } from '../../cloud/provider-for-datacenter';
import { withCloudErrors } from '../../cloud/domain-error-of-cloud';
import { scopeForProject } from '../../cloud/scope-for-project';
import type { ServiceContext } from '../context';

/** A project's cloud in one datacenter, for checks a request makes before queueing a task. */
export type ProjectCloud = {
  provider: CloudProvider;
  datacenter: { id: string; name: string };
  scope: Scope;
  options: { requestId: string };
  /** Run a cloud call; cloud refusals become clear domain errors (never a 500). */
  call: <T>(fn: () => Promise<T>) => Promise<T>;
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
  return {
    provider,
    datacenter,
    scope,
    options: { requestId: ctx.requestId },
    call: (fn) => withCloudErrors(datacenter.name, fn),
  };
};

/** A datacenter without the capability refuses the action up front (409). */
export const assertCapability = (
  cloud: Pick<ProjectCloud, 'provider' | 'datacenter'>,
  capability: Capability,
  action: string,
): void => {
  if (!cloud.provider.capabilities.has(capability))
    throw precondition('datacenter_unsupported_action', {
      datacenter: cloud.datacenter.name,
      action,
    });
};
