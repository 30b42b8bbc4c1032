import type { Call, ServiceClient } from '../../../../service-client';
import { listExtensionsResult, type Extension } from './results';
import { extensionsUrl } from './urls';

/** Neutron's loaded API extensions (not paged). */
export const listExtensions = async (network: ServiceClient, call: Call): Promise<Extension[]> =>
  (
    await network.requestJson(
      call,
      { method: 'GET', path: extensionsUrl(), expected: [200] },
      listExtensionsResult,
    )
  ).extensions;
