import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { serverGroupSchema, type ServerGroup } from './results';
import { serverGroupsUrl } from './urls';

export const serverGroupsMicroversion = '2.64';

/** Server groups page by limit/offset and never send next links: one call, Nova's max. */
export const listServerGroups = (compute: ServiceClient, call: Call): Promise<ServerGroup[]> =>
  listAll(compute, call, {
    path: serverGroupsUrl(),
    key: 'server_groups',
    item: serverGroupSchema,
    microversion: serverGroupsMicroversion,
  });
