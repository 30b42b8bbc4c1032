/**
 * `npm run bench -- monitoring` (issue M2.1): relay points per second through the agent vs
 * straight to InfluxDB, and chart query latency through portal → tunnel → agent vs straight to
 * InfluxDB (p50 / p99). Real InfluxDB 1.6.7 (Debian's influxd), real agent, gateway and portal.
 *
 *   npm run bench -- monitoring [--part relay|chart] [--batches 40] [--batch-size 5000]
 *     [--concurrency 4] [--rounds 3] [--requests 300]
 *
 * Not a test: the numbers depend on the machine; each line compares within the same run.
 */
import { parseArgs } from 'node:util';
import type { Bench } from './bench';
import { benchChartQuery } from './monitoring/chart-latency';
import { benchRelay } from './monitoring/relay-rate';

export const monitoringBench: Bench = {
  name: 'monitoring',
  summary: 'relay points/s (agent vs direct) and chart query p50/p99 (portal vs direct)',
  run: async (args) => {
    const { values } = parseArgs({
      args,
      options: {
        part: { type: 'string' },
        batches: { type: 'string', default: '40' },
        'batch-size': { type: 'string', default: '5000' },
        concurrency: { type: 'string', default: '4' },
        rounds: { type: 'string', default: '3' },
        requests: { type: 'string', default: '300' },
      },
      strict: false,
    });
    const num = (v: unknown) => Number(v);
    if (values.part === undefined || values.part === 'relay')
      await benchRelay({
        batches: num(values.batches),
        batchSize: num(values['batch-size']),
        concurrency: num(values.concurrency),
        rounds: num(values.rounds),
      });
    if (values.part === undefined || values.part === 'chart')
      await benchChartQuery({ requests: num(values.requests) });
  },
};
