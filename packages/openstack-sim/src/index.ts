export { createSimApp, defaultDelays, type SimApp, type SimAppOptions } from './app';
export { startSim, type RunningSim } from './start-sim';
export type { SimContext, SimDelays, SimNotification, SimCaller } from './core/sim-context';
export type { SimState } from './core/sim-state';
export {
  ByteQueue,
  rfbHandshake,
  rfbRequestUpdate,
  type RfbRect,
  type RfbServerInit,
} from './console/rfb-client';
export { openBinarySocket, type BinarySocket } from './console/websocket-client';
export { startSimMetrics, type SimMetrics } from './metrics/start-sim-metrics';
export { spikeInput, spikeMetrics, type SpikeInput, type Spike } from './metrics/spikes';
