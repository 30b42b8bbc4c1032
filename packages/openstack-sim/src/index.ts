export { createSimApp, defaultDelays, type SimApp, type SimAppOptions } from './app';
export { startSim, type RunningSim } from './start-sim';
export type { SimContext, SimDelays, SimNotification, SimCaller } from './core/sim-context';
export type { SimState } from './core/sim-state';
