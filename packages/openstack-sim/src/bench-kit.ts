/**
 * What bench/ measures inside the simulator (the scheduler and the compute API without a
 * tunnel), exported as `@yunguan/openstack-sim/bench` so that bench imports through the
 * package's exports, never its src/ (docs/adr/0113).
 */
export { registerCompute } from './compute';
export type { SimContext } from './core/sim-context';
export { openStore } from './core/store';
export { imageStateOf } from './image';
export { scheduleMany, type HostState, type RequestSpec } from './scheduler';
