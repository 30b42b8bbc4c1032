import type { Call, ServiceClient } from '../../../../service-client';
import { listAvailabilityZonesResult, type AvailabilityZone } from './results';
import { availabilityZonesUrl } from './urls';

export const listAvailabilityZones = async (
  compute: ServiceClient,
  call: Call,
): Promise<AvailabilityZone[]> =>
  (
    await compute.requestJson(
      call,
      { method: 'GET', path: availabilityZonesUrl(), expected: [200], microversion: '2.1' },
      listAvailabilityZonesResult,
    )
  ).availabilityZoneInfo;
