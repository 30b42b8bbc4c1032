/**
 * The whole simulated datacenter as one JSON-serialisable object, persisted to a single file in
 * the agent's data directory (store.ts). Each service owns its slice and defines its own record
 * types in its folder; the slices are typed here so every service can read the others (Nova reads
 * Neutron ports and Cinder volumes, the scheduler reads hypervisors).
 */
export type SimState = {
  version: 1;
  identity: Record<string, unknown>;
  compute: Record<string, unknown>;
  network: Record<string, unknown>;
  volume: Record<string, unknown>;
  image: Record<string, unknown>;
  placement: Record<string, unknown>;
  baremetal: Record<string, unknown>;
  loadBalancer: Record<string, unknown>;
};

export const emptyState = (): SimState => ({
  version: 1,
  identity: {},
  compute: {},
  network: {},
  volume: {},
  image: {},
  placement: {},
  baremetal: {},
  loadBalancer: {},
});
