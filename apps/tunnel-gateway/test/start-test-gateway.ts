import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GatewayConfig } from '../src/config/gateway-config';
import { type RunningGateway, startGateway } from '../src/start-gateway';
import { testRedisUrl } from '@yunguan/testing/tunnel';

/** A real gateway in this process, on free loopback ports, under a test key prefix. */
export const startTestGateway = async (
  prefix: string,
  overrides: Partial<GatewayConfig> = {},
): Promise<RunningGateway & { config: GatewayConfig }> => {
  const config: GatewayConfig = {
    gatewayId: 'gw-test',
    dataDir: overrides.dataDir ?? (await mkdtemp(join(tmpdir(), 'yg-gw-'))),
    sshHost: '127.0.0.1',
    sshPort: 0,
    forwardBindAddress: '127.0.0.1',
    advertiseHost: '127.0.0.1',
    publicHost: '127.0.0.1',
    publicPort: null,
    announceTtlS: 30,
    httpHost: '127.0.0.1',
    httpPort: 0,
    redisUrl: testRedisUrl(),
    redisKeyPrefix: prefix,
    portRange: { first: 20000, last: 60999 },
    keepaliveIntervalMs: 5_000,
    keepaliveCountMax: 3,
    probeIntervalMs: 10_000,
    probeTimeoutMs: 3_000,
    probeDegradedMs: 1_000,
    logLevel: 'warn',
    ...overrides,
  };
  const gateway = await startGateway(config);
  return { ...gateway, config };
};

/** Value of a labelled counter, for asserting that a refusal was counted. */
export const counterValue = async (
  counter: {
    get: () => Promise<{
      values: { value: number; labels: Partial<Record<string, string | number>> }[];
    }>;
  },
  labels: Record<string, string>,
): Promise<number> => {
  const { values } = await counter.get();
  const match = values.find((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val));
  return match?.value ?? 0;
};
