import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocatePort, releasePort } from '../src/registry/allocate-port';
import { type RedisTestScope, createRedisTestScope, testRedisUrl } from '@yunguan/testing/tunnel';

describe('allocatePort (real Redis)', () => {
  let scope: RedisTestScope;
  let other: Redis;

  beforeAll(() => {
    scope = createRedisTestScope();
    other = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await other.quit();
    await scope.cleanup();
  });

  it('never hands one port to two datacenters, even from concurrent replicas', async () => {
    const range = { first: 30000, last: 30049 };
    const clients = [scope.redis, other];
    const ports = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        allocatePort(clients[i % 2]!, scope.keys, scope.prefix, `dc-${i}`, range),
      ),
    );
    expect(new Set(ports).size).toBe(50);
    expect(Math.min(...ports)).toBe(30000);
    expect(Math.max(...ports)).toBe(30049);
    await expect(
      allocatePort(other, scope.keys, scope.prefix, 'dc-one-too-many', range),
    ).rejects.toThrow(/exhausted/);
  });

  it('gives a datacenter the same port again, and reuses a released one', async () => {
    const range = { first: 31000, last: 31001 };
    const a = await allocatePort(scope.redis, scope.keys, scope.prefix, 'dc-a', range);
    expect(await allocatePort(other, scope.keys, scope.prefix, 'dc-a', range)).toBe(a);
    const b = await allocatePort(scope.redis, scope.keys, scope.prefix, 'dc-b', range);
    expect(b).not.toBe(a);
    expect(await releasePort(scope.redis, scope.keys, scope.prefix, 'dc-a')).toBe(a);
    expect(await releasePort(scope.redis, scope.keys, scope.prefix, 'dc-a')).toBeNull();
    expect(await allocatePort(scope.redis, scope.keys, scope.prefix, 'dc-c', range)).toBe(a);
  });
});
