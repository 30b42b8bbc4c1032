import { gatewayAnnouncementSchema, gatewayAnnouncementTtlS } from '@yunguan/contract';
import { type RedisTestScope, createRedisTestScope, waitForValue } from '@yunguan/testing/tunnel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from './start-test-gateway';

/** The portal's enrollment answers with what gateways announce in Redis. */
describe('gateway announcement (real Redis)', () => {
  let scope: RedisTestScope;

  beforeAll(() => {
    scope = createRedisTestScope();
  });
  afterAll(async () => {
    await scope?.cleanup();
  });

  const readAnnouncement = async (gatewayId: string) => {
    const raw = await scope.redis.get(scope.keys.gateway(gatewayId));
    return raw === null ? null : gatewayAnnouncementSchema.parse(JSON.parse(raw));
  };

  it('announces the public SSH address and host key at start, with a TTL, and leaves on stop', async () => {
    const gateway = await startTestGateway(scope.prefix, {
      gatewayId: 'gw-announce',
      publicHost: 'gw1.example.test',
      publicPort: 2222,
    });
    try {
      const announcement = await readAnnouncement('gw-announce');
      expect(announcement).toMatchObject({
        gatewayId: 'gw-announce',
        sshHost: 'gw1.example.test',
        sshPort: 2222,
        hostKeyFingerprint: gateway.hostKeyFingerprint,
        version: '0.1.0',
      });
      expect(Date.now() - Date.parse(announcement!.startedAt)).toBeLessThan(10_000);
      const ttl = await scope.redis.ttl(scope.keys.gateway('gw-announce'));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(gatewayAnnouncementTtlS);
      // what portal-api's listGateways does: SCAN until the cursor comes back to 0 (one page may
      // hold none of the matches when the shared test Redis holds many keys)
      const names: string[] = [];
      let cursor = '0';
      do {
        const [next, page] = await scope.redis.scan(
          cursor,
          'MATCH',
          scope.keys.gatewayPattern,
          'COUNT',
          100,
        );
        cursor = next;
        names.push(...page);
      } while (cursor !== '0');
      expect(names).toEqual([scope.keys.gateway('gw-announce')]);
    } finally {
      await gateway.stop();
    }
    expect(await scope.redis.exists(scope.keys.gateway('gw-announce'))).toBe(0);
  });

  it('announces the bound SSH port when no public port is set', async () => {
    const gateway = await startTestGateway(scope.prefix, {
      gatewayId: 'gw-bound',
      publicPort: null,
    });
    try {
      expect(await readAnnouncement('gw-bound')).toMatchObject({
        sshHost: '127.0.0.1',
        sshPort: gateway.sshPort,
      });
      expect(gateway.publicAddress).toEqual({ host: '127.0.0.1', port: gateway.sshPort });
    } finally {
      await gateway.stop();
    }
  });

  it('refreshes the announcement before it expires, and restores it if it vanished', async () => {
    const gateway = await startTestGateway(scope.prefix, {
      gatewayId: 'gw-refresh',
      announceTtlS: 3,
    });
    const key = scope.keys.gateway('gw-refresh');
    try {
      // Outlives its TTL while the gateway runs: it is refreshed every second.
      await new Promise((r) => setTimeout(r, 3_500));
      expect(await scope.redis.pttl(key)).toBeGreaterThan(0);
      // And a vanished announcement (Redis flushed) is written again.
      await scope.redis.del(key);
      const back = await waitForValue(
        'announcement rewritten',
        () => readAnnouncement('gw-refresh').then((a) => a ?? undefined),
        3_000,
      );
      expect(back.hostKeyFingerprint).toBe(gateway.hostKeyFingerprint);
    } finally {
      await gateway.stop();
    }
    expect(await scope.redis.exists(key)).toBe(0);
  });
});
