import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { aggregateSchema, type Aggregate } from './results';
import { aggregatesUrl } from './urls';

/** 2.41 adds the aggregate's uuid. */
export const aggregatesMicroversion = '2.41';

export const listAggregates = (compute: ServiceClient, call: Call): Promise<Aggregate[]> =>
  listAll(compute, call, {
    path: aggregatesUrl(),
    key: 'aggregates',
    item: aggregateSchema,
    microversion: aggregatesMicroversion,
  });
