import type { Call, ServiceClient } from '../../../../service-client';
import { listPoolsResult, type Pool } from './results';
import { poolsUrl } from './urls';

export const poolsMicroversion = '3.0';

/** The scheduler's view of every backend pool, with capabilities (admin). Not paged. */
export const listPools = async (volume: ServiceClient, call: Call): Promise<Pool[]> =>
  (
    await volume.requestJson(
      call,
      {
        method: 'GET',
        path: poolsUrl(),
        query: { detail: true },
        expected: [200],
        microversion: poolsMicroversion,
      },
      listPoolsResult,
    )
  ).pools;
