import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { flavorSchema, getFlavorResult, type Flavor } from './results';
import { flavorsDetailUrl, flavorsUrl, flavorUrl } from './urls';

export const flavorsMicroversion = '2.79';

/** Public flavors (and, for an admin, private ones too when `all` is set). */
export const listFlavors = (compute: ServiceClient, call: Call, all = false): Promise<Flavor[]> =>
  listAll(compute, call, {
    path: flavorsDetailUrl(),
    key: 'flavors',
    item: flavorSchema,
    microversion: flavorsMicroversion,
    pageSize: 500,
    query: { is_public: all ? 'None' : undefined },
  });

export type CreateFlavorOpts = {
  name: string;
  ram: number;
  vcpus: number;
  disk: number;
  id?: string;
  'os-flavor-access:is_public'?: boolean;
};

export const createFlavor = async (
  compute: ServiceClient,
  call: Call,
  opts: CreateFlavorOpts,
): Promise<Flavor> =>
  (
    await compute.requestJson(
      call,
      {
        method: 'POST',
        path: flavorsUrl(),
        body: { flavor: opts },
        expected: [200],
        microversion: flavorsMicroversion,
      },
      getFlavorResult,
    )
  ).flavor;

export const deleteFlavor = async (compute: ServiceClient, call: Call, id: string) => {
  await compute.request(call, {
    method: 'DELETE',
    path: flavorUrl(id),
    expected: [202],
    microversion: flavorsMicroversion,
  });
};
