import type { Call, ServiceClient } from '../../../../service-client';
import { listServicesResult, type CinderService } from './results';
import { servicesUrl } from './urls';

export const servicesMicroversion = '3.0';

/** Cinder's services (admin), optionally of one binary, e.g. `cinder-backup`. Not paged. */
export const listCinderServices = async (
  volume: ServiceClient,
  call: Call,
  query: { binary?: string } = {},
): Promise<CinderService[]> =>
  (
    await volume.requestJson(
      call,
      {
        method: 'GET',
        path: servicesUrl(),
        query,
        expected: [200],
        microversion: servicesMicroversion,
      },
      listServicesResult,
    )
  ).services;
