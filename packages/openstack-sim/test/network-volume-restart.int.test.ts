import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimCaller } from '../src/core/sim-context';
import { allocateServerPort } from '../src/network';
import { networkSlice } from '../src/network/network-state';
import { startSim } from '../src/start-sim';
import { createVolume } from '../src/volume';
import { volumeSlice } from '../src/volume/volume-state';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const caller: SimCaller = {
  userId: 'u',
  projectId: 'p-restart',
  domainId: 'default',
  roles: ['member'],
  isAdmin: false,
};

describe('network and volume state across a restart', () => {
  it('keeps ports with their addresses and finishes a volume left creating', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'yg-sim-restart-'));
    dirs.push(dataDir);
    const first = await startSim({ dataDir, delays: { volumeMs: 60_000 } });
    const pub = Object.values(networkSlice(first.ctx).networks).find((n) => n.name === 'public');
    expect(pub).toBeDefined();
    const port = allocateServerPort(first.ctx, {
      projectId: 'p-restart',
      networkId: pub?.id ?? '',
      serverId: 'srv',
    });
    const volume = createVolume(first.ctx, { caller, size: 3, name: 'kept' });
    expect(volume.status).toBe('creating');
    await first.stop();

    const second = await startSim({ dataDir, delays: { volumeMs: 0 } });
    try {
      const ports = networkSlice(second.ctx).ports;
      expect(ports[port.portId]?.fixed_ips[0]?.ip_address).toBe(port.fixedIp);
      expect(
        Object.values(networkSlice(second.ctx).networks).filter((n) => n.name === 'public'),
      ).toHaveLength(1);
      const next = allocateServerPort(second.ctx, {
        projectId: 'p-restart',
        networkId: pub?.id ?? '',
        serverId: 'srv2',
      });
      expect(next.fixedIp).not.toBe(port.fixedIp);
      expect(volumeSlice(second.ctx).volumes[volume.id]).toMatchObject({
        name: 'kept',
        size: 3,
        status: 'available',
      });
    } finally {
      await second.stop();
    }
  });
});
