/**
 * Chart query latency: GET /api/v1/datacenters/:id/monitoring/hypervisors/:host/metrics
 * (portal-api → tunnel-gateway → SSH tunnel → agent → InfluxDB) against the very InfluxQL
 * statement the portal builds, POSTed straight to InfluxDB's /query. Sequential requests,
 * alternating; p50 / p99 of each and their ratio.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  AGENT_SECRET_HEADER,
  buildMetricQuery,
  findCloudAccessRow,
  metricCatalog,
  rangePlans,
} from '@yunguan/portal-api/bench';
import { freePort, startInfluxd } from '@yunguan/testing';
import { startPortalStack } from '../portal/portal-stack';
import { median, percentile } from './stats';

const timed = async (fn: () => Promise<Response>) => {
  const start = performance.now();
  const res = await fn();
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status}: ${text.slice(0, 300)}`);
  return performance.now() - start;
};

export const benchChartQuery = async (opts: { requests: number }) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yg-bench-chart-'));
  const influx = await startInfluxd({ dataDir: path.join(dir, 'influx'), port: await freePort() });
  const stack = await startPortalStack({
    workerConcurrency: 1,
    influx: { url: influx.url, metricsIntervalMs: 1_000 },
  });
  try {
    // Wait until a compute host has a minute of points.
    let host = '';
    for (let i = 0; i < 120 && !host; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      const res = await fetch(
        `${stack.apiUrl}/api/v1/datacenters/${stack.datacenterId}/monitoring/summary`,
        { headers: stack.auth },
      );
      const body = (await res.json()) as { hosts?: { host: string; role: string }[] };
      host = body.hosts?.find((h) => h.role === 'hypervisor')?.host ?? '';
    }
    if (!host) throw new Error('no hypervisor series arrived');
    await new Promise((r) => setTimeout(r, 30_000));
    const portalUrl = `${stack.apiUrl}/api/v1/datacenters/${stack.datacenterId}/monitoring/hypervisors/${host}/metrics?range=1h&metrics=cpu`;
    const statement = buildMetricQuery({
      spec: metricCatalog.host.cpu,
      plan: rangePlans['1h'],
      filter: { tag: 'host', values: [host] },
      groupBy: [],
    });
    const direct = () =>
      fetch(`${influx.url}/query`, {
        method: 'POST',
        body: new URLSearchParams({ db: 'yunguan', epoch: 'ms', q: statement }),
      });
    const portal = () => fetch(portalUrl, { headers: stack.auth });
    // The tunnel and agent alone (no portal): the gateway's forwarded port, the agent secret.
    const { record } = await stack.deps.config.tunnel.registry.readTunnel(stack.datacenterId);
    const access = await findCloudAccessRow(stack.deps.db, stack.datacenterId);
    if (!record || !access?.agent) throw new Error('the bench datacenter is not online');
    const secret = stack.deps.config.secretBox.open(access.agent.routerSecretEnc);
    const tunnel = () =>
      fetch(`http://${record.host}:${record.port}/influx/query`, {
        method: 'POST',
        headers: { [AGENT_SECRET_HEADER]: secret },
        body: new URLSearchParams({ db: 'yunguan', epoch: 'ms', q: statement }),
      });
    for (let i = 0; i < 20; i++) {
      await timed(portal);
      await timed(tunnel);
      await timed(direct);
    }
    const ms = { portal: [] as number[], tunnel: [] as number[], direct: [] as number[] };
    for (let i = 0; i < opts.requests; i++) {
      ms.direct.push(await timed(direct));
      ms.tunnel.push(await timed(tunnel));
      ms.portal.push(await timed(portal));
    }
    const row = (name: string, xs: number[]) =>
      `  ${name.padEnd(38)} p50 ${median(xs).toFixed(2)} ms  p99 ${percentile(xs, 99).toFixed(2)} ms`;
    console.log(`chart query (1h of CPU of ${host}), ${opts.requests} sequential requests each`);
    console.log(row('straight to InfluxDB /query', ms.direct));
    console.log(row('tunnel → agent → InfluxDB (no portal)', ms.tunnel));
    console.log(row('portal → tunnel → agent → InfluxDB', ms.portal));
    console.log(
      `  portal / direct                    p50 ${(median(ms.portal) / median(ms.direct)).toFixed(2)}  p99 ${(percentile(ms.portal, 99) / percentile(ms.direct, 99)).toFixed(2)}`,
    );
  } finally {
    await stack.stop();
    await influx.stop();
    await rm(dir, { recursive: true, force: true });
  }
};
