import { createHash } from 'node:crypto';

export const regionId = 'RegionOne';

/** Service type, name and path under the simulator's base URL, as DevStack registers them. */
const services: { type: string; name: string; path: (projectId: string | null) => string }[] = [
  { type: 'identity', name: 'keystone', path: () => '/identity' },
  { type: 'compute', name: 'nova', path: () => '/compute/v2.1' },
  { type: 'network', name: 'neutron', path: () => '/network' },
  {
    type: 'volumev3',
    name: 'cinderv3',
    path: (projectId) => (projectId ? `/volume/v3/${projectId}` : '/volume/v3'),
  },
  { type: 'block-storage', name: 'cinder', path: () => '/volume/v3' },
  { type: 'image', name: 'glance', path: () => '/image' },
  { type: 'placement', name: 'placement', path: () => '/placement' },
  { type: 'baremetal', name: 'ironic', path: () => '/baremetal' },
  { type: 'load-balancer', name: 'octavia', path: () => '/load-balancer' },
];

/** Stable ids, so the catalog of every token names the same services and endpoints. */
const stableId = (seed: string) => createHash('md5').update(seed).digest('hex');

export type CatalogService = {
  id: string;
  type: string;
  name: string;
  endpoints: {
    id: string;
    interface: 'public' | 'internal' | 'admin';
    region: string;
    region_id: string;
    url: string;
  }[];
};

/** The token catalog: every service with public, internal and admin endpoints in RegionOne. */
export const buildCatalog = (baseUrl: string, projectId: string | null): CatalogService[] => {
  const base = baseUrl.replace(/\/+$/, '');
  return services.map((s) => ({
    id: stableId(`service:${s.type}`),
    type: s.type,
    name: s.name,
    endpoints: (['public', 'internal', 'admin'] as const).map((iface) => ({
      id: stableId(`endpoint:${s.type}:${iface}`),
      interface: iface,
      region: regionId,
      region_id: regionId,
      url: `${base}${s.path(projectId)}`,
    })),
  }));
};
