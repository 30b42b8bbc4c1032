import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { hypervisorSchema, type Hypervisor } from './results';
import { hypervisorsDetailUrl } from './urls';

export const hypervisorsMicroversion = '2.53';

export const listHypervisors = (compute: ServiceClient, call: Call): Promise<Hypervisor[]> =>
  listAll(compute, call, {
    path: hypervisorsDetailUrl(),
    key: 'hypervisors',
    item: hypervisorSchema,
    microversion: hypervisorsMicroversion,
    pageSize: 500,
  });
