import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createSimApp } from './app';
import type { SimContext, SimDelays } from './core/sim-context';

export type RunningSim = {
  /** `http://<host>:<port>` — the simulator's own origin (the catalog points here). */
  url: string;
  ctx: SimContext;
  /** Stop listening, cancel pending transitions, write the state file. */
  stop: () => Promise<void>;
};

/**
 * Serve the simulated datacenter on `host:port` (port 0: any free port), state in
 * `<dataDir>/sim-state.json` (or memory when dataDir is null).
 */
export const startSim = async (opts: {
  dataDir: string | null;
  host?: string;
  port?: number;
  delays?: Partial<SimDelays>;
  adminPassword?: string;
}): Promise<RunningSim> => {
  const host = opts.host ?? '127.0.0.1';
  const sim = await createSimApp({
    dataFile: opts.dataDir === null ? null : path.join(opts.dataDir, 'sim-state.json'),
    delays: opts.delays,
    adminPassword: opts.adminPassword,
  });
  await sim.app.listen({ host, port: opts.port ?? 0 });
  const { port } = sim.app.server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  sim.ctx.baseUrl = url;
  return { url, ctx: sim.ctx, stop: sim.close };
};
