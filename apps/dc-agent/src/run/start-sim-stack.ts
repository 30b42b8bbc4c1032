import { type RunningSim, startSim } from '@yunguan/openstack-sim';
import type { RoutePrefix, SimConfig } from '../config/agent-config';
import type { Logger } from '../logger';
import type { Upstreams } from '../router/match-route';

/** The prefixes the simulator serves; the router sends each to `<sim origin>/<prefix>`. */
const simPrefixes: RoutePrefix[] = [
  'identity',
  'compute',
  'network',
  'volume',
  'image',
  'placement',
  'baremetal',
  'load-balancer',
  'console',
];

export type SimStack = { sim: RunningSim; upstreams: Upstreams; stop: () => Promise<void> };

/**
 * `--stack sim`: the simulated datacenter in this process on a loopback port, its state in
 * `<dataDir>/sim-state.json`, notifications in `<dataDir>/events.jsonl`, images in
 * `<dataDir>/images/`.
 */
export const startSimStack = async (
  dataDir: string,
  config: SimConfig,
  log: Logger,
): Promise<SimStack> => {
  const sim = await startSim({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    adminPassword: config.adminPassword,
    delays: config.delays,
  });
  const upstreams: Upstreams = Object.fromEntries(
    simPrefixes.map((prefix) => [prefix, `${sim.url}/${prefix}`]),
  );
  log.info({ url: sim.url, state: `${dataDir}/sim-state.json` }, 'simulated datacenter started');
  return { sim, upstreams, stop: sim.stop };
};
